// The studio's window: docks for the model designer, data and the unrolled drawing, the run
// toolbar, six live charts in resizable splitters, the non-finite banner and the status bar.
#pragma once
#include <QMainWindow>
#include <functional>

#include "session/run_spec.h"

class QLabel;
class QSplitter;

namespace unroll {
struct Lesson;
}
namespace unroll::gui {
struct AppOptions;
}

namespace unroll::gui {

class TrainingController;
class ModelDesigner;
class DataPanel;
class UnrolledView;
class RunControls;
class LossChart;
class GradNormChart;
class TimestepGradChart;
class GradHeatmap;
class HiddenHeatmap;
class DynamicsPanel;
class NonFiniteBanner;
class AttachActions;
class FileActions;
class TaskDocks;
class LessonPanel;
class TimelineBar;
class RaceWindow;
class TranslationWindow;
class Presentation;
struct Frame;
struct NonFiniteEvent;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  // restoreLayout: read dock layout and geometry from QSettings (off for screenshots and tests).
  explicit MainWindow(bool restoreLayout = true, QWidget* parent = nullptr);
  ~MainWindow() override;

  // Each of these replaces the run: with unsaved changes it asks first (Save, Discard, Cancel),
  // and the new run is Untitled. false: unknown name, bad file, or the user cancelled.
  bool loadDemo(const QString& name);
  // Start-up: first the offer to recover an autosave left by a crash (before anything runs, so
  // the question never lands on a running lesson); then, unless the run was recovered, the
  // options' demo and lesson, shown, and played with --autoplay.
  void start(const AppOptions& options, bool offerRecovery);
  // Opens a built-in lesson (resources/lessons/NAME.json) or a lesson file in the lesson dock; a
  // bad file shows the engine's reason (file, line, what is wrong).
  // Moving between the lesson's steps then replaces the lesson's own runs without asking.
  bool openLesson(const QString& name);
  bool applyAndRestart(const RunSpec& spec);  // the designer's Apply and restart
  bool resetRun();                            // Run > Reset: step 0 of the same model
  LessonPanel* lessonPanel() const { return m_lesson; }
  // Run > Race: the race window on the studio's current model and task (made on first use).
  RaceWindow* openRace();
  TranslationWindow* openTranslation();
  void play();
  TrainingController* controller() const { return m_controller; }

  // For tests and screenshots.
  ModelDesigner* designer() const { return m_designer; }
  LossChart* lossChart() const { return m_loss; }
  GradNormChart* gradNormChart() const { return m_gradNorm; }
  TimestepGradChart* timestepChart() const { return m_timestep; }
  GradHeatmap* gradHeatmap() const { return m_heatmap; }
  HiddenHeatmap* hiddenHeatmap() const { return m_hidden; }
  DynamicsPanel* dynamicsPanel() const { return m_dynamics; }
  NonFiniteBanner* banner() const { return m_banner; }
  FileActions* fileActions() const { return m_files; }
  TaskDocks* taskDocks() const { return m_taskDocks; }
  AttachActions* attachActions() const { return m_attach; }
  RunControls* runControls() const { return m_run; }
  TimelineBar* timeline() const { return m_timeline; }
  Presentation* presentation() const { return m_presentation; }  // View > Presentation mode
  QString runStateText() const;  // the status bar's training / paused / pausing text
  // Pulls the latest telemetry and redraws every chart now.
  void refreshNow();
  // Refreshes, then grabs the whole window (docks, toolbar, status bar) to a PNG.
  bool saveWindowPng(const QString& path);
  // The rectangles of the six charts in window coordinates (tests check they are not blank).
  QList<QRect> chartRects() const;

 protected:
  void closeEvent(QCloseEvent* e) override;
  void resizeEvent(QResizeEvent* e) override;

 private:
  void buildCharts();
  void buildDocks();
  void buildMenus();
  void connectSignals();
  // Runs `replace` once the current run may go (see loadDemo); a lesson's own run goes unasked.
  bool replaceRun(std::function<void()> replace);
  void startDemo(const QString& name);
  void startLesson(const QString& name, const Lesson& lesson);
  void applySpec(const RunSpec& spec);  // builds it; a bad spec shows the reason
  void showSpec();
  QString accuracySentence() const;
  void showFrame(const Frame& frame);
  void showRunState(const Frame& frame);  // training, paused, or a Pause/Step still under way
  void onNonFinite(const NonFiniteEvent& e);
  void setLanguage(const QString& code);
  void saveScreenshot();
  // In a short window (a laptop, a projector) the bottom docks are at most a fifth of its height
  // (130 px at least), so that the charts keep the rest.
  void fitBottomDocks();

  TrainingController* m_controller;
  ModelDesigner* m_designer;
  DataPanel* m_data;
  UnrolledView* m_unrolled;
  RunControls* m_run;
  LossChart* m_loss;
  GradNormChart* m_gradNorm;
  TimestepGradChart* m_timestep;
  GradHeatmap* m_heatmap;
  HiddenHeatmap* m_hidden;
  DynamicsPanel* m_dynamics;
  NonFiniteBanner* m_banner;
  FileActions* m_files;
  TaskDocks* m_taskDocks;
  AttachActions* m_attach = nullptr;  // File > Attach to run…
  LessonPanel* m_lesson = nullptr;
  bool m_lessonRun = false;
  bool m_pauseAsked = false;  // Pause pressed while a step runs: it pauses when the step ends
  long m_stepAskedAt = -1;  // the step count when Step was pressed, until the step is done  // the
                            // run is a lesson step's preset, not one the user made
  TimelineBar* m_timeline;
  RaceWindow* m_race = nullptr;
  TranslationWindow* m_translation = nullptr;
  Presentation* m_presentation = nullptr;
  uint64_t m_seenTravels = 0;
  QLabel* m_demoLine;
  QSplitter *m_rows, *m_top, *m_bottom;
  QLabel *m_stepLabel, *m_speedLabel, *m_timeLabel, *m_stateLabel;
  QMenu* m_viewMenu = nullptr;
  bool m_saveLayout;
  bool m_closeWhenIdle = false;  // a close waits for the file being written
};

}  // namespace unroll::gui
