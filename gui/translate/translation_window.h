// The Translation window: an encoder–decoder trained on a generated task while its views update
// live (one validation sentence and its translation, the attention matrix, the gradient reaching
// each source word, the loss), and the length sweep (exact accuracy against sentence length, with
// and without attention). The engine's TranslationRun or length sweep runs on a background job; a
// timer takes what is new at 20 Hz, so neither side waits for the other.
#pragma once
#include <QTimer>
#include <QWidget>
#include <atomic>
#include <cmath>
#include <memory>
#include <mutex>
#include <vector>

#include "seq2seq/length_sweep.h"
#include "seq2seq/translation_run.h"

class QTabWidget;

namespace unroll::gui {

class BackgroundJob;
class LengthSweepView;
class TranslationForm;
class TranslationLessonPanel;
class TranslationView;

class TranslationWindow : public QWidget {
  Q_OBJECT
 public:
  explicit TranslationWindow(QWidget* parent = nullptr);
  ~TranslationWindow() override;  // stops and joins a running job

  TranslationForm* form() const { return m_form; }
  TranslationView* view() const { return m_view; }
  LengthSweepView* sweepView() const { return m_sweepView; }
  bool running() const;
  long steps() const { return m_steps; }  // steps of the current or last training run
  // Validation every this many steps of a training run (tests make it small).
  void setValidateEvery(int steps) { m_validateEvery = steps; }
  // Steps per second of the next training run (a lesson's pace); 0: full speed.
  void setPace(int stepsPerSecond) { m_pace = stepsPerSecond; }
  // A lesson's goal for the next training run: it ends at the first validation with at least
  // this exact accuracy (NaN: none). goalStep() is that validation's step, 0 while not met.
  void setGoal(double exact) { m_goal = exact; }
  long goalStep() const { return m_goalStep; }
  // Opens a translation lesson (resources/lessons/translation/NAME.json or any such file) in the
  // panel above the form; false with the file's problems in *error.
  bool openLesson(const QString& path, QString* error = nullptr);
  TranslationLessonPanel* lessonPanel() const { return m_lesson; }

 public slots:
  // Start a training run or a sweep with the form's settings; false (the reason in the status
  // line) when the settings are unusable or something runs.
  bool train();
  bool sweep();
  void stop();  // after the current step

 signals:
  void trainingStarted();
  // A validation of the training run arrived (a 20 Hz view may skip some in between).
  void validated(long step, double exact);
  void trainingFinished(bool completed);
  void sweepFinished(bool completed);

 protected:
  void closeEvent(QCloseEvent* e) override;

 private:
  void poll();
  void finishTraining(const QString& error);
  void finishSweep(const QString& error);
  void stopAndWait();

  TranslationForm* m_form;
  QTabWidget* m_tabs;
  TranslationView* m_view;
  LengthSweepView* m_sweepView;
  BackgroundJob* m_job;
  QTimer m_poll;
  std::atomic<bool> m_stop{false};
  std::unique_ptr<TranslationRun> m_run;  // the current or last training run
  long m_budget = 0, m_steps = 0;
  int m_batch = 1;  // of the current run
  int m_validateEvery = 50;
  int m_pace = 0;
  double m_goal = NAN;
  long m_goalStep = 0;
  TranslationLessonPanel* m_lesson;
  bool m_sweeping = false;
  std::mutex m_cellsMutex;  // guards m_newCells, filled by the sweep's job
  std::vector<LengthSweepCell> m_newCells;
  size_t m_sweepTotal = 0;
};

}  // namespace unroll::gui
