// The run's timeline: the steps trained so far, the kept points the run can go back to, the
// branches left behind by earlier trips, and a handle that snaps to kept points. "Go back"
// returns the model and every chart to the selected point; from there any change of settings and
// Play make a new branch, compared with the old one on the loss chart.
#pragma once
#include <QWidget>
#include <vector>

#include "session/frame.h"

class QLabel;
class QPushButton;

namespace unroll::gui {

class TimelineTrack;

class TimelineBar : public QWidget {
  Q_OBJECT
 public:
  explicit TimelineBar(QWidget* parent = nullptr);
  void setFrame(const Frame& frame);

  // The kept point selected by the handle, or -1. selectStep snaps to the nearest kept point.
  long selectedStep() const { return m_selected; }
  void selectStep(long step);
  const std::vector<long>& keptSteps() const { return m_kept; }
  QPushButton* goButton() const { return m_go; }
  QString infoText() const;
  // Emits travelRequested for the selected point when it lies in the past (Go back, Enter and
  // double-click all come here); the current step itself is no trip.
  void requestTravel();
  bool canGoBack() const;

 signals:
  void travelRequested(long step);

 private:
  friend class TimelineTrack;
  void refresh();

  TimelineTrack* m_track;
  QLabel* m_info;
  QPushButton* m_go;
  std::vector<long> m_kept;
  std::vector<GhostBranch> m_ghosts;
  long m_steps = 0;
  long m_selected = -1;
  bool m_follow = true;  // the handle follows the newest kept point until the user moves it
};

}  // namespace unroll::gui
