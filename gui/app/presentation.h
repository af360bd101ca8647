// Presentation mode, for a projector: larger fonts and only two or three charts (the lesson's own
// choice, its JSON "charts", else kDefaultCharts); every dock but the lesson's and the timeline
// are hidden. Leaving it puts the window back as it was.
#pragma once
#include <QFont>
#include <QList>
#include <QObject>
#include <QStringList>
#include <string>
#include <vector>

class QAction;
class QMainWindow;
class QSplitter;
class QWidget;

namespace unroll::gui {

class Presentation : public QObject {
  Q_OBJECT
 public:
  // A chart the mode may show, by the name lessons use (engine/teach/lesson.h).
  struct Chart {
    QString name;
    QWidget* widget;
  };
  // The charts of a lesson that names none: how training goes, the gradient's journey back in
  // time, and what the network holds.
  static QStringList defaultCharts();
  static constexpr double kFontScale = 1.5;  // readable from the back of a classroom

  // rows: the splitters holding the charts, hidden when none of theirs is shown; keep: widgets
  // besides the lesson dock that stay (the toolbar); hide: more widgets to hide (the timeline).
  Presentation(QMainWindow* window, QList<Chart> charts, QList<QSplitter*> rows,
               QList<QWidget*> hide);

  QAction* action() const { return m_action; }  // View > Presentation mode (checkable, F5)
  bool isOn() const { return m_on; }
  void setOn(bool on);
  // The charts a lesson chose (empty: the default); applied at once when the mode is on.
  void setLessonCharts(const std::vector<std::string>& names);
  QStringList shownCharts() const { return m_charts; }

 signals:
  void toggled(bool on);

 private:
  void enter();
  void leave();
  void showCharts();

  QMainWindow* m_window;
  QList<Chart> m_all;
  QList<QSplitter*> m_rows;
  QList<QWidget*> m_hide;
  QAction* m_action;
  QStringList m_charts;  // what the mode shows
  bool m_on = false;
  // What leaving restores.
  QByteArray m_state;
  QFont m_font;
  QList<QByteArray> m_rowStates;
  QList<QWidget*> m_wasVisible;
};

}  // namespace unroll::gui
