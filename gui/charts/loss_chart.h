// Training and validation loss over steps: the raw curve faint (min/max per bucket, so spikes
// stay visible), an exponentially smoothed curve on top, validation points, a log-scale toggle.
#pragma once
#include <QWidget>

#include "session/frame.h"

class QCheckBox;
class QLineSeries;
class QScatterSeries;
class QSlider;

namespace unroll::gui {

class ChartView;

class LossChart : public QWidget {
  Q_OBJECT
 public:
  explicit LossChart(QWidget* parent = nullptr);
  void showFrame(const Frame& frame);
  // A horizontal reference (the loss of a model that ignores its input); NaN hides it.
  void setBaseline(double loss, const QString& label);
  ChartView* view() const { return m_view; }
  int pointCount() const;  // points in the raw training series (tests)
  // Branches left behind by time travel, drawn dashed (tests): visible curves and their names.
  QStringList ghostNames() const;

 private:
  void rebuild();
  void rebuildGhosts(bool logY);

  ChartView* m_view;
  QSlider* m_smoothing;
  QCheckBox* m_log;
  QLineSeries* m_raw;
  QLineSeries* m_smooth;
  QLineSeries* m_val;
  QScatterSeries* m_valDots;
  QLineSeries* m_baseline;
  QList<QLineSeries*> m_ghostSeries;  // Frame::kMaxGhosts, hidden when unused
  double m_baselineValue = NAN;
  ScalarHistory m_history;  // the last frame's, kept to redraw on control changes
  std::vector<GhostBranch> m_ghosts;
};

}  // namespace unroll::gui
