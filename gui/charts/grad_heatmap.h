// The history of how far gradients reach: for each layer, timestep (rows) by training step
// (columns, decimated over the whole run), colour = log10 ||dL/dh_t||.
#pragma once
#include <QList>
#include <QWidget>

#include "session/frame.h"

class QVBoxLayout;

namespace unroll::gui {

class HeatmapView;

class GradHeatmap : public QWidget {
  Q_OBJECT
 public:
  explicit GradHeatmap(QWidget* parent = nullptr);
  void showFrame(const Frame& frame);
  const QList<HeatmapView*>& views() const { return m_views; }

 private:
  QVBoxLayout* m_layout;
  QList<HeatmapView*> m_views;
  HeatHistory m_heat;
  uint64_t m_shownHistory = ~0ull;
};

}  // namespace unroll::gui
