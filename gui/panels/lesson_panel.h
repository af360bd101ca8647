// The guided-lesson player: a dock showing a lesson's current step (text, action, the condition's
// live status) with Previous/Next. Entering a step applies its preset to the controller and has
// the training thread watch the step's condition (engine/teach/lesson.h) on every step; its event
// completes the step, whichever frames the GUI happened to pull.
#pragma once
#include <QString>
#include <QStringList>
#include <QWidget>
#include <cmath>
#include <functional>
#include <optional>
#include <vector>

#include "charts/comparison_run.h"
#include "session/run_spec.h"
#include "teach/lesson.h"

class QLabel;
class QPushButton;
class QTextBrowser;

namespace unroll::gui {

class TrainingController;
struct Frame;

// The folder of lesson JSON files: next to the executable (lessons/, ../resources/lessons/) or
// the source tree's resources/lessons (UNROLL_LESSON_DIR).
QString lessonDir();
// Lesson names (file base names) in teaching order.
QStringList lessonNames();
QString lessonPath(const QString& name);
// A built-in lesson's name (its file in the lesson folder), or else the path of a lesson file.
QString lessonFile(const QString& nameOrPath);
// Loads a lesson file; on failure returns false with the engine's "file:LINE: reason".
bool loadLessonFile(const QString& path, Lesson* out, QString* error);
// Every title, text and action of the built-in lessons, as marked for lupdate (context "Lesson")
// in gui/lesson_strings.cpp, which scripts/lesson_strings.py generates from resources/lessons.
QStringList builtinLessonStrings();
// A lesson string as shown: the translation of the built-in text in context "Lesson", or the text
// itself (a teacher's own lesson, or no translation installed).
QString lessonText(const std::string& utf8);
// The studio spec for a preset: TrainConfig from the engine, the task spec the preset names (it
// is complete, so nothing is kept from `current`). Throws unroll::Error.
RunSpec presetSpec(const LessonPreset& preset, const RunSpec& current);

class LessonPanel : public QWidget {
  Q_OBJECT
 public:
  explicit LessonPanel(TrainingController* controller, QWidget* parent = nullptr);

  void setLesson(const Lesson& lesson);
  const Lesson& lesson() const { return m_lesson; }
  // Enters step i (0-based): applies its preset when it differs from the running one, through
  // the replace guard when one is set. false: the guard refused (the current step stays).
  bool goToStep(int i);
  // Asked before a preset replaces the run: runs the replacement (now or after an unsaved
  // prompt) and returns true, or returns false when the user cancelled.
  using ReplaceGuard = std::function<bool(std::function<void()>)>;
  void setReplaceGuard(ReplaceGuard guard) { m_guard = std::move(guard); }
  int currentStep() const { return m_step; }
  bool stepDone() const { return m_done; }
  bool budgetSpent() const { return m_budgetSpent; }  // paused at max_steps without the goal
  long doneAtStep() const { return m_doneAt; }        // the run's step that met the condition
  QString statusText() const;
  QString titleText() const;  // as shown: translated when the lesson is a built-in one
  QString stepText() const;
  QString actionText() const;
  QPushButton* nextButton() const { return m_next; }
  QPushButton* previousButton() const { return m_prev; }
  const std::vector<ComparisonRun>& comparison() const { return m_comparison; }

 signals:
  // A step's preset was applied to the controller (the window updates its panels).
  void specApplied(const unroll::gui::RunSpec& spec);
  void stepCompleted(int step);  // the current step's condition held (training paused there)
  void paceChanged(int stepsPerSecond);  // a step set its pace (0: full speed)
  // The earlier runs this step keeps on the charts (its "compare", at most the latest two);
  // empty: none.
  void comparisonChanged(const std::vector<unroll::gui::ComparisonRun>& runs);

 private:
  void enterStep(int i);
  void onFrame(const Frame& frame);
  void onCondition(quint64 watch, long step, double value);
  void onBudget(quint64 watch, long step);
  void updateStatus(const Frame* frame);
  QString metricName(LessonMetric m) const;
  QString healthText(const LessonCondition& term, double value) const;
  QString runLabel(const LessonStep& step) const;
  void keepRun();  // the current step's run, for later steps that compare with it
  void showComparison();

  TrainingController* m_controller;
  ReplaceGuard m_guard;
  Lesson m_lesson;
  int m_step = -1;
  bool m_done = false;
  bool m_skippable = false;
  long m_startStep = 0;            // the run's step when this step was entered
  uint64_t m_staleGeneration = 0;  // frames of this generation or older predate the step
  bool m_haveStale = false;
  uint64_t m_seenTravels = 0;  // Frame::travelCount when last seen
  uint64_t m_watch = 0;        // the controller's watch of this step's condition, 0: none
  long m_doneAt = -1;
  bool m_budgetSpent = false;
  // The watched metric's latest value from the lossless events (validation, probes): a frame's
  // report is latest-wins and seldom the step that measured it.
  double m_eventValue = NAN;
  // Each step's run as it was when the lesson left it (none before), and what this step shows.
  std::vector<std::optional<ComparisonRun>> m_runs;
  std::vector<ComparisonRun> m_comparison;
  uint64_t m_runSerial = 0;  // the controller's spec serial of the lesson's run
  QLabel* m_title;
  QLabel* m_counter;
  QTextBrowser* m_text;
  QLabel* m_action;
  QLabel* m_status;
  QPushButton* m_prev;
  QPushButton* m_next;
};

}  // namespace unroll::gui
