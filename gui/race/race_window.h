// The Race window: two to four configurations trained side by side on the studio's task with one
// seed and one budget. Its form (RaceForm) chooses the entrants; its view (RaceView) overlays
// their loss curves, shows their gradient-vs-timestep profiles and a result table that exports as
// CSV; the window runs the race and feeds the view.
#pragma once
#include <QTimer>
#include <QWidget>
#include <atomic>
#include <memory>
#include <vector>

#include "race/race_form.h"
#include "session/run_spec.h"
#include "teach/race.h"
#include "telemetry/scalar_history.h"

class QPushButton;
class QTableWidget;

namespace unroll::gui {

class BackgroundJob;
class ChartView;
class FileUi;
class RaceView;

class RaceWindow : public QWidget {
  Q_OBJECT
 public:
  // The task is built from base.data when the race starts; pass it to reuse the studio's own.
  explicit RaceWindow(const RunSpec& base, QWidget* parent = nullptr);
  RaceWindow(const RunSpec& base, std::shared_ptr<const Task> task, QWidget* parent = nullptr);
  ~RaceWindow() override;  // stops and joins a running race

  // The studio's current run: model, optimizer, data. Ignored (returns false) while running.
  bool setBase(const RunSpec& base, std::shared_ptr<const Task> task = nullptr);
  const RunSpec& base() const { return m_base; }
  void setPreset(RacePreset preset);
  void setChoices(const QList<RaceChoice>& choices);  // 2..4 entrants; others are dropped
  QList<RaceChoice> choices() const;
  int entrantCount() const;
  void setSeed(uint64_t seed);
  void setSteps(long steps);
  // Entrant names as the legend, the table and the CSV show them ("LSTM", "GRU, clip 1").
  QStringList entrantNames() const;

  bool running() const;
  // Points of the overlaid loss curve and of the gradient chart of entrant i (tests).
  int lossPointCount(int i) const;
  int gradPointCount(int i) const;
  QTableWidget* resultTable() const;
  ChartView* lossView() const;
  QPushButton* exportButton() const;
  // The result table as CSV (race_csv): final once the race is done, the latest numbers while it
  // runs or after a stop; empty before the first race.
  QString raceCsv() const;
  // Writes raceCsv() to path; returns the reason when it could not, else an empty string.
  QString exportCsv(const QString& path) const;
  // The current or last race (its per-step losses), null before the first; read it only while
  // no race runs.
  const Race* race() const { return m_race.get(); }
  // Dialogs for Export CSV… (default: QFileDialog and QMessageBox); not owned.
  void setFileUi(FileUi* ui) { m_ui = ui; }

 public slots:
  // Starts a race with the current settings; false (reason in the status line) when the
  // settings or the task are unusable or a race is running.
  bool start();
  // Asks the workers to stop after their current step; running() turns false soon after.
  void stop();

 signals:
  void raceFinished(bool completed);

 protected:
  void closeEvent(QCloseEvent* e) override;

 private:
  struct Lane {            // what the GUI has gathered about one entrant
    ScalarHistory losses;  // its training losses, decimated (bounded for any budget)
    long count = 0;        // losses gathered so far
    double last = NAN;     // the latest of them
    RaceProgress latest;   // the latest poll (its losses moved into `losses`)
    Lane();
  };
  void describeBase();
  RaceSpec makeSpec(QString* error);
  void resetView();
  void poll();
  void showLanes();
  void finish(const QString& error);
  void exportClicked();
  void stopAndWait();
  void setRunning(bool on);

  RunSpec m_base;
  std::shared_ptr<const Task> m_task;
  FileUi* m_ui;
  std::unique_ptr<FileUi> m_dialogs;
  BackgroundJob* m_job;
  std::unique_ptr<Race> m_race;  // the current or last race; read by the job while it runs
  std::atomic<bool> m_stop{false};
  QTimer m_poll;
  std::vector<Lane> m_lanes;
  std::vector<RaceResult> m_results;  // the table's numbers (losses left empty)
  QStringList m_names;                // of the current or last race
  long m_budget = 0;

  RaceForm* m_form;
  RaceView* m_view;
};

}  // namespace unroll::gui
