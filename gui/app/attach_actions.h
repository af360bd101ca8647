// File > Attach to run… / Detach from run: the studio's views fed by a PyTorch run's probe
// (a ProbeSession) instead of the local training, with the source, step, rate, dropped records,
// a rank selector and the spread between ranks in the status bar.
#pragma once
#include <QObject>
#include <functional>

#include "session/probe_session.h"

class QAction;
class QComboBox;
class QLabel;
class QMainWindow;
class QMenu;
class QSlider;

namespace unroll::gui {

class TrainingController;

class AttachActions : public QObject {
  Q_OBJECT
 public:
  // show: how the window draws a frame (MainWindow::showFrame); controller may be null (tests).
  AttachActions(QMainWindow* window, TrainingController* controller,
                std::function<void(const Frame&)> show);

  void populate(QMenu* file);
  void attachAddress(const QString& address, const QString& token);
  void attachFile(const QString& path);
  void detach();

  ProbeSession& session() { return m_session; }
  // The views show an outside run (from Attach until Detach): the local run's frames wait.
  bool attached() const { return m_attached; }
  QLabel* statusLabel() const { return m_label; }
  QComboBox* rankBox() const { return m_ranks; }
  QSlider* scrubber() const { return m_scrub; }  // a recorded stream's steps, once read
  void scrubTo(long step);                       // shows the recording as at that step

 private:
  void askAndAttach();  // the dialog
  void begin();
  void showRanks(const std::vector<int>& ranks);
  void showStatus();

  QMainWindow* m_window;
  TrainingController* m_controller;
  std::function<void(const Frame&)> m_show;
  ProbeSession m_session;
  QAction* m_detach = nullptr;
  QLabel* m_label;
  QComboBox* m_ranks;
  QSlider* m_scrub;
  QString m_path;        // the recording shown, if any
  bool m_whole = false;  // it was read to its end (the scrubber's range is known)
  bool m_attached = false;
};

}  // namespace unroll::gui
