// The lesson tour: one screenshot per step, each taken where the step pauses.
#include "app/lesson_tour.h"

#include <QDir>
#include <cstdio>

#include "app/main_window.h"
#include "panels/lesson_panel.h"
#include "session/training_controller.h"

namespace unroll::gui {

LessonTour::LessonTour(MainWindow* window, const QString& dir, int stepsPerSecond)
    : QObject(window), m_window(window), m_dir(dir), m_stepsPerSecond(stepsPerSecond) {
  // A step whose run stops advancing without an event (its model cannot be built) is shot
  // anyway; a slow machine only makes the tour longer.
  m_watchdog.setInterval(15000);
  connect(&m_watchdog, &QTimer::timeout, this, [this] {
    const long steps = m_window->controller()->frame().steps;
    if (steps == m_lastSteps) stepEnded();
    m_lastSteps = steps;
  });
  LessonPanel* panel = window->lessonPanel();
  connect(panel, &LessonPanel::stepCompleted, this, &LessonTour::stepEnded);
  // The panel, connected first, has marked its budget spent when this runs.
  connect(window->controller(), &TrainingController::budgetReached, this, [this] {
    if (m_window->lessonPanel()->budgetSpent()) stepEnded();
  });
}

void LessonTour::start() {
  QDir().mkpath(m_dir);
  play();
}

void LessonTour::play() {
  if (m_stepsPerSecond > 0) m_window->controller()->setStepsPerSecond(m_stepsPerSecond);
  m_lastSteps = -1;
  m_watchdog.start();
  m_window->play();
}

void LessonTour::stepEnded() {
  if (m_shooting) return;
  m_shooting = true;
  m_watchdog.stop();
  // A moment for the charts to draw the paused step's last frame.
  QTimer::singleShot(400, this, &LessonTour::shoot);
}

void LessonTour::shoot() {
  LessonPanel* panel = m_window->lessonPanel();
  const int step = panel->currentStep();
  const QString path = QDir(m_dir).filePath(QStringLiteral("step-%1.png").arg(step + 1));
  const bool ok = m_window->saveWindowPng(path);
  m_ok = m_ok && ok;
  std::printf("unroll: step %d: %s at training step %ld (%s)\n", step + 1,
              ok ? qPrintable(path) : "could not write the screenshot",
              m_window->controller()->frame().steps, qPrintable(panel->statusText()));
  std::fflush(stdout);
  m_shooting = false;
  if (step + 1 >= int(panel->lesson().steps.size()) || !panel->goToStep(step + 1)) {
    emit finished(m_ok);
    return;
  }
  play();
}

}  // namespace unroll::gui
