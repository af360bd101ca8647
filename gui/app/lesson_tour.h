// --lesson-tour: plays a lesson's steps in turn, as a class would see them, and saves a screenshot
// of the window when each step completes or spends its budget; then quits.
#pragma once
#include <QObject>
#include <QString>
#include <QTimer>

namespace unroll::gui {

class MainWindow;

class LessonTour : public QObject {
  Q_OBJECT
 public:
  // stepsPerSecond > 0 trains every step at that pace instead of its own.
  LessonTour(MainWindow* window, const QString& dir, int stepsPerSecond);
  void start();  // plays the lesson's current step

 signals:
  void finished(bool ok);  // after the last step's screenshot (false: one could not be written)

 private:
  void stepEnded();
  void shoot();
  void play();

  MainWindow* m_window;
  QString m_dir;
  int m_stepsPerSecond;
  bool m_shooting = false;
  bool m_ok = true;
  QTimer m_watchdog;      // a step whose run stops advancing without an event is shot anyway
  long m_lastSteps = -1;  // the run's steps at the watchdog's last look
};

}  // namespace unroll::gui
