// Training and validation loss over steps: the raw curve faint (min/max per bucket, so spikes
// stay visible), an exponentially smoothed curve on top, validation points, a log-scale toggle;
// or several named runs on one chart (the race), each smoothed the same way in its own colour.
#pragma once
#include <QColor>
#include <QWidget>

#include "charts/comparison_run.h"
#include "session/frame.h"

class QCheckBox;
class QLabel;
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
  // A run of several on one chart: its training loss, smoothed like the studio's curve.
  struct Run {
    QString name;
    QColor color;
    ScalarHistory history;
  };
  // Draws these runs instead of a frame's curves (slots beyond them are hidden).
  void showRuns(std::vector<Run> runs);
  int runPointCount(int i) const;  // points of run i's curve (tests)
  void setTitle(const QString& title);
  // The right edge of the step axis, with round ticks (a race's finish line); 0 fits the data.
  void setLastStep(double last);
  // A horizontal reference (the loss of a model that ignores its input); NaN hides it.
  void setBaseline(double loss, const QString& label);
  // The validation-accuracy readout under the title: `sentence` has %1 for the accuracy and %2
  // for the chance level (both in %); an empty sentence hides it until the task has one.
  void setAccuracySentence(const QString& sentence, double chance);
  void showAccuracy(long step, double accuracy);
  QString accuracyText() const;
  ChartView* view() const { return m_view; }
  int pointCount() const;  // points in the raw training series (tests)
  // Branches left behind by time travel, drawn dashed (tests): visible curves and their names.
  QStringList ghostNames() const;
  // Earlier runs kept beside the live one (a lesson's "compare"), faded, smoothed like the live
  // curve, drawn up to the live run's last step and named in the legend; an empty list removes
  // them. At most kMaxComparisons are drawn.
  static constexpr int kMaxComparisons = 3;
  void setComparison(std::vector<ComparisonRun> runs);
  QStringList comparisonNames() const;  // the visible ones (tests)
  int comparisonPointCount(int i) const;

 private:
  void rebuild();
  void rebuildGhosts(bool logY);
  void rebuildRuns(bool logY);
  void rebuildComparison(bool logY);
  QList<QPointF> smoothed(const ScalarHistory& h, bool logY) const;

  QLabel* m_title;
  QLabel* m_accuracy;
  QString m_accuracySentence;
  double m_chance = NAN;
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
  QList<QLineSeries*> m_compareSeries;  // kMaxComparisons, hidden when unused
  std::vector<ComparisonRun> m_comparison;
  QList<QLineSeries*> m_runSeries;  // created by showRuns, hidden when unused
  std::vector<Run> m_runs;
  double m_lastStep = 0;
};

}  // namespace unroll::gui
