// A drawing of the network unrolled in time for the current settings: one cell per layer and
// timestep, the same W_hh on every horizontal arrow, where the loss is scored, and the window
// that backpropagation reaches (all T steps, or the last k2 with truncated BPTT). Animated, it
// plays the backward pass: a pulse leaves the loss and travels back through W_hh step by step,
// colouring each cell it passes by the gradient that really reached it in the latest step.
#pragma once
#include <QTimer>
#include <QWidget>
#include <vector>

#include "session/run_spec.h"

class QCheckBox;

namespace unroll {
struct StepReport;
}

namespace unroll::gui {

class UnrolledView : public QWidget {
  Q_OBJECT
 public:
  explicit UnrolledView(QWidget* parent = nullptr);
  void setSpec(const RunSpec& spec);
  const RunSpec& spec() const { return m_spec; }  // the model drawn
  QSize sizeHint() const override { return QSize(720, 210); }

  // The latest step's ||dL/dh_t|| per layer and timestep (the report's window mapped to t).
  void setReport(const StepReport& report);
  void clearGradients();
  bool hasGradients() const { return !m_norms.empty(); }
  double gradientAt(int layer, int t) const;  // NaN where none reached (or none known)

  // The backward-pass animation: a sweep every ~3 s while on (loops).
  void setAnimating(bool on);
  bool animating() const { return m_timer.isActive(); }
  QCheckBox* animateBox() const { return m_animate; }
  // 0: the pulse is at the loss; 1: it has reached the start of the backprop window.
  void setPhase(double phase);
  double phase() const { return m_phase; }
  // The earliest timestep the pulse has reached (cells from it on are coloured); T when none.
  int frontStep() const;
  // Where the cell of layer k (0-based) at timestep t is drawn; empty when t is not drawn.
  QRectF cellRect(int layer, int t) const;

 protected:
  void paintEvent(QPaintEvent* e) override;
  void resizeEvent(QResizeEvent* e) override;

 private:
  struct Layout {
    QList<int> steps;  // timesteps drawn; -1 marks an ellipsis
    int n = 0, L = 1, T = 1;
    double left = 46, right = 12, top = 30, bottom = 40, colW = 1, rowH = 1, cw = 1, ch = 1;
    double cx(int i) const { return left + (i + 0.5) * colW; }
    double cy(int row) const { return top + (row + 0.5) * rowH; }  // row 0 = output
  };
  Layout layout() const;
  QList<int> visibleSteps() const;
  // Timesteps [from, to) the latest update's backward pass covered (from the report; before one
  // arrives, the settings' last k2 steps, or all T).
  std::pair<int, int> backwardRange() const;
  void tick();
  void paintBackward(QPainter& p, const Layout& g);

  RunSpec m_spec;
  std::vector<std::vector<double>> m_norms;  // [layer][t], NaN where unknown
  int m_from = -1, m_to = -1;                // the latest report's backward range; -1: none yet
  double m_phase = 1.0;
  double m_rest = 0;  // seconds the finished sweep has been shown
  QTimer m_timer;
  QCheckBox* m_animate;
};

}  // namespace unroll::gui
