// Global gradient norm over steps on a log scale: before clipping (bucket max, so spikes survive),
// after clipping, the clipping threshold, and the steps where clipping fired.
#pragma once
#include <QWidget>

#include "session/frame.h"
#include "train/clip.h"

class QLineSeries;
class QScatterSeries;
class QLabel;

namespace unroll::gui {

class ChartView;

class GradNormChart : public QWidget {
  Q_OBJECT
 public:
  explicit GradNormChart(QWidget* parent = nullptr);
  void showFrame(const Frame& frame);
  void setClip(const ClipConfig& clip) { m_clip = clip; }
  ChartView* view() const { return m_view; }
  int pointCount() const;

 private:
  ChartView* m_view;
  QLabel* m_summary;
  QLineSeries* m_before;
  QLineSeries* m_after;
  QScatterSeries* m_events;
  QLineSeries* m_threshold;
  ClipConfig m_clip;
};

}  // namespace unroll::gui
