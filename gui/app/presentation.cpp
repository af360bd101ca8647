// Presentation mode: hides docks and charts, scales the window's fonts (Qt Charts' own fonts too),
// and restores the window's state, fonts and splitters when it ends.
#include "app/presentation.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QSplitter>

#include "charts/chart_view.h"

namespace unroll::gui {

QStringList Presentation::defaultCharts() {
  return {QStringLiteral("loss"), QStringLiteral("gradient_vs_timestep"),
          QStringLiteral("hidden_state")};
}

Presentation::Presentation(QMainWindow* window, QList<Chart> charts, QList<QSplitter*> rows,
                           QList<QWidget*> hide)
    : QObject(window),
      m_window(window),
      m_all(std::move(charts)),
      m_rows(std::move(rows)),
      m_hide(std::move(hide)),
      m_action(new QAction(tr("&Presentation mode"), this)),
      m_charts(defaultCharts()) {
  m_action->setCheckable(true);
  m_action->setShortcut(Qt::Key_F5);
  m_action->setToolTip(
      tr("For a projector: larger text and only the lesson's two or three charts"));
  connect(m_action, &QAction::toggled, this, &Presentation::setOn);
}

void Presentation::setOn(bool on) {
  if (on == m_on) return;
  m_on = on;
  m_action->setChecked(on);
  if (on)
    enter();
  else
    leave();
  emit toggled(on);
}

void Presentation::setLessonCharts(const std::vector<std::string>& names) {
  m_charts.clear();
  for (const std::string& n : names) m_charts << QString::fromStdString(n);
  if (m_charts.isEmpty()) m_charts = defaultCharts();
  if (m_on) showCharts();
}

void Presentation::enter() {
  m_state = m_window->saveState();
  m_rowStates.clear();
  for (QSplitter* s : m_rows) m_rowStates << s->saveState();
  m_wasVisible.clear();
  for (QWidget* w : m_hide)
    if (w->isVisible()) m_wasVisible << w;
  for (QDockWidget* d : m_window->findChildren<QDockWidget*>())
    if (d->objectName() != QLatin1String("lessonDock")) d->hide();
  for (QWidget* w : m_hide) w->hide();
  m_font = m_window->font();
  QFont big = m_font;
  big.setPointSizeF(m_font.pointSizeF() * kFontScale);
  m_window->setFont(big);
  for (ChartView* c : m_window->findChildren<ChartView*>()) c->setFontScale(kFontScale);
  showCharts();
}

void Presentation::leave() {
  m_window->setFont(m_font);
  for (ChartView* c : m_window->findChildren<ChartView*>()) c->setFontScale(1.0);
  for (const Chart& c : m_all) c.widget->show();
  for (QSplitter* s : m_rows) s->show();
  for (int i = 0; i < m_rows.size() && i < m_rowStates.size(); ++i)
    m_rows[i]->restoreState(m_rowStates[i]);
  for (QWidget* w : m_wasVisible) w->show();
  m_window->restoreState(m_state);
}

void Presentation::showCharts() {
  for (const Chart& c : m_all) c.widget->setVisible(m_charts.contains(c.name));
  for (QSplitter* s : m_rows) {
    bool any = false;
    for (int i = 0; i < s->count(); ++i) any = any || !s->widget(i)->isHidden();
    s->setVisible(any);
    // The shown charts of a row share it equally.
    QList<int> sizes;
    for (int i = 0; i < s->count(); ++i) sizes << (s->widget(i)->isHidden() ? 0 : 1000);
    s->setSizes(sizes);
  }
}

}  // namespace unroll::gui
