// A drawing of the network unrolled in time for the current settings: one cell per layer and
// timestep, the same W_hh on every horizontal arrow, where the loss is scored, and the window
// that backpropagation reaches (all T steps, or the last k2 with truncated BPTT).
#pragma once
#include <QWidget>

#include "run_spec.h"

namespace unroll::gui {

class UnrolledView : public QWidget {
  Q_OBJECT
 public:
  explicit UnrolledView(QWidget* parent = nullptr);
  void setSpec(const RunSpec& spec);
  QSize sizeHint() const override { return QSize(720, 210); }

 protected:
  void paintEvent(QPaintEvent* e) override;

 private:
  QList<int> visibleSteps() const;  // timesteps drawn; -1 marks an ellipsis

  RunSpec m_spec;
};

}  // namespace unroll::gui
