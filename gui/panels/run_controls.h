// The run toolbar: play/pause, single step, reset (same seed, same run), the pace (full speed or a
// teaching pace of N steps per second) and the demo chooser.
#pragma once
#include <QToolBar>

class QAction;
class QComboBox;

namespace unroll::gui {

class RunControls : public QToolBar {
  Q_OBJECT
 public:
  explicit RunControls(QWidget* parent = nullptr);
  void setPlaying(bool playing);
  void setDemo(const QString& name);  // shows the demo without emitting
  int stepsPerSecond() const;
  void setStepsPerSecond(int n);  // shows the pace without emitting (a lesson step set it)

  QAction* playAction() const { return m_play; }
  QAction* stepAction() const { return m_step; }
  QAction* resetAction() const { return m_reset; }

 signals:
  void playRequested();
  void pauseRequested();
  void stepRequested();
  void resetRequested();
  void speedChanged(int stepsPerSecond);  // 0 = full speed
  void demoRequested(const QString& name);

 private:
  QAction* m_play;
  QAction* m_step;
  QAction* m_reset;
  QComboBox* m_speed;
  QComboBox* m_demo;
  bool m_playing = false;
};

}  // namespace unroll::gui
