// Dynamics readout: spectral radius and largest singular value of each W_hh over training, the
// saturated and dead unit fractions, gate means, and a one-line plain-language verdict.
#pragma once
#include <QList>
#include <QWidget>

#include "charts/gradient_fit.h"
#include "model/config.h"
#include "session/frame.h"

class QLabel;
class QLineSeries;

namespace unroll::gui {

class ChartView;

// The verdict for the latest probes of a model with this cell type and, when valid, the
// measured per-step factor of the gradient (the fit of the gradient-vs-timestep profile).
QString dynamicsVerdict(CellType cell, const std::vector<LayerProbe>& probes,
                        const GradientFit& fit);

class DynamicsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit DynamicsPanel(QWidget* parent = nullptr);
  void setCell(CellType cell) { m_cell = cell; }
  void setGradientFit(const GradientFit& fit) { m_fit = fit; }
  void showFrame(const Frame& frame);
  ChartView* view() const { return m_view; }
  QString verdict() const;

 private:
  void ensureLayers(int layers);

  ChartView* m_view;
  QLabel* m_stats;
  QLabel* m_verdict;
  QList<QLineSeries*> m_radius, m_singular;
  QLineSeries* m_unit;
  CellType m_cell = CellType::RnnTanh;
  GradientFit m_fit;
  uint64_t m_shownHistory = ~0ull;
};

}  // namespace unroll::gui
