// The race's live view: every entrant's loss on the studio's loss chart, one gradient-vs-timestep
// chart per entrant on a shared scale, and the result table with its CSV export button.
#pragma once
#include <QList>
#include <QWidget>
#include <vector>

#include "charts/loss_chart.h"
#include "teach/race.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace unroll::gui {

class ChartView;
class TimestepGradChart;

class RaceView : public QWidget {
  Q_OBJECT
 public:
  explicit RaceView(QWidget* parent = nullptr);

  // Empties the charts for a race of `names` (none yet: the `planned` entrants wait for a start).
  void reset(const QStringList& names, const QStringList& planned);
  // runs[i]: entrant i's losses so far; budget: the steps each entrant runs (the x axis' end).
  void showLosses(std::vector<LossChart::Run> runs, long budget);
  // latest[i]: entrant i's latest step, its gradient profile included.
  void showProfiles(const std::vector<RaceProgress>& latest);
  void showResults(const std::vector<RaceResult>& results, const QStringList& names);

  int lossPointCount(int i) const;
  int gradPointCount(int i) const;
  QTableWidget* resultTable() const { return m_table; }
  ChartView* lossView() const;
  QPushButton* exportButton() const { return m_export; }

 signals:
  void exportClicked();

 private:
  QWidget* buildCharts();
  QWidget* buildResults();

  LossChart* m_loss;
  QList<TimestepGradChart*> m_grads;  // one per entrant slot
  QPushButton* m_export;
  QTableWidget* m_table;
};

}  // namespace unroll::gui
