// Timeline: a painted track (steps on x; kept points as ticks; left branches as dashed lanes) with
// a handle that snaps to kept points under the mouse or the arrow keys.
#include "panels/timeline_bar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QToolTip>
#include <algorithm>

#include "charts/colormap.h"

namespace unroll::gui {

class TimelineTrack : public QWidget {
 public:
  explicit TimelineTrack(TimelineBar* bar) : QWidget(bar), m_bar(bar) {
    setMinimumHeight(34);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
  }
  QSize sizeHint() const override { return QSize(600, 34); }

 protected:
  void paintEvent(QPaintEvent*) override;
  void mousePressEvent(QMouseEvent* e) override { scrub(e->position().x()); }
  void mouseMoveEvent(QMouseEvent* e) override {
    if (e->buttons() & Qt::LeftButton) scrub(e->position().x());
    const long k = nearestKept(e->position().x());
    if (k >= 0)
      QToolTip::showText(
          e->globalPosition().toPoint(),
          TimelineBar::tr("kept point at step %1").arg(QLocale().toString(qlonglong(k))), this);
  }
  void mouseDoubleClickEvent(QMouseEvent* e) override {
    scrub(e->position().x());
    m_bar->requestTravel();
  }
  void keyPressEvent(QKeyEvent* e) override;

 private:
  long span() const {
    long s = std::max(1L, m_bar->m_steps);
    for (const GhostBranch& g : m_bar->m_ghosts) s = std::max(s, g.toStep);
    return s;
  }
  double left() const { return 8; }
  double right() const { return width() - 8.0; }
  double xOf(long step) const {
    return left() + (right() - left()) * double(step) / double(span());
  }
  long nearestKept(double x) const {
    long best = -1;
    double bestDist = 1e300;
    for (long k : m_bar->m_kept)
      if (const double d = std::abs(xOf(k) - x); d < bestDist) bestDist = d, best = k;
    return best;
  }
  void scrub(double x) {
    const long k = nearestKept(x);
    if (k < 0) return;
    m_bar->m_follow = false;
    m_bar->m_selected = k;
    m_bar->refresh();
  }

  TimelineBar* m_bar;
};

void TimelineTrack::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const double mid = 12;
  // Branches left behind: dashed lanes below the main line, from where the run went back.
  double lane = mid + 7;
  for (const GhostBranch& g : m_bar->m_ghosts) {
    QPen pen(branchColor(g.id), 2.0, Qt::DashLine);
    p.setPen(pen);
    p.drawLine(QPointF(xOf(g.fromStep), mid), QPointF(xOf(g.fromStep), lane));
    p.drawLine(QPointF(xOf(g.fromStep), lane), QPointF(xOf(g.toStep), lane));
    lane = std::min(lane + 4.0, double(height() - 2));
  }
  // The run so far.
  p.setPen(QPen(palette().color(QPalette::Mid), 2.0));
  p.drawLine(QPointF(left(), mid), QPointF(right(), mid));
  p.setPen(QPen(QColor(31, 119, 180), 3.0));
  p.drawLine(QPointF(left(), mid), QPointF(xOf(m_bar->m_steps), mid));
  // Kept points.
  p.setPen(QPen(palette().color(QPalette::WindowText), 1.2));
  for (long k : m_bar->m_kept) p.drawLine(QPointF(xOf(k), mid - 5), QPointF(xOf(k), mid + 5));
  // The current step and the selected point.
  p.setPen(Qt::NoPen);
  p.setBrush(QColor(31, 119, 180));
  p.drawEllipse(QPointF(xOf(m_bar->m_steps), mid), 4, 4);
  if (m_bar->m_selected >= 0) {
    const double x = xOf(m_bar->m_selected);
    p.setBrush(QColor(255, 127, 14));
    p.setPen(QPen(hasFocus() ? palette().color(QPalette::Highlight) : QColor(120, 60, 0), 1.5));
    const QPointF tri[] = {{x, mid + 2}, {x - 6, mid - 9}, {x + 6, mid - 9}};
    p.drawPolygon(tri, 3);
  }
}

void TimelineTrack::keyPressEvent(QKeyEvent* e) {
  const auto& kept = m_bar->m_kept;
  auto it = std::find(kept.begin(), kept.end(), m_bar->m_selected);
  if (e->key() == Qt::Key_Left || e->key() == Qt::Key_Right) {
    if (kept.empty()) return;
    if (it == kept.end())
      it = kept.end() - 1;
    else if (e->key() == Qt::Key_Left && it != kept.begin())
      --it;
    else if (e->key() == Qt::Key_Right && it + 1 != kept.end())
      ++it;
    m_bar->m_follow = false;
    m_bar->m_selected = *it;
    m_bar->refresh();
  } else if (e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter) {
    m_bar->requestTravel();
  } else {
    QWidget::keyPressEvent(e);
  }
}

TimelineBar::TimelineBar(QWidget* parent) : QWidget(parent) {
  auto* h = new QHBoxLayout(this);
  h->setContentsMargins(6, 0, 6, 0);
  auto* title = new QLabel(tr("<b>Timeline</b>"));
  title->setToolTip(
      tr("Kept points of this run (ticks). Pick one with the mouse or the arrow keys, "
         "then go back to it: the model, optimizer and every chart return there. "
         "Change a setting and press Play to branch; the branch left behind stays "
         "on the loss chart as a dashed curve."));
  h->addWidget(title);
  m_track = new TimelineTrack(this);
  h->addWidget(m_track, 1);
  // Both change text every frame: fixed sizes keep that from re-laying out the window each time.
  m_info = new QLabel;
  m_info->setFixedSize(
      m_info->fontMetrics().horizontalAdvance(
          tr("step %1 · %2").arg(QLocale().toString(9999999LL), tr("%1 kept points").arg(40))) +
          8,
      m_info->sizeHint().height());
  h->addWidget(m_info);
  m_go = new QPushButton(tr("Go back"));
  m_go->setEnabled(false);
  m_go->setFixedSize(m_go->fontMetrics().horizontalAdvance(
                         tr("Go back to step %1").arg(QLocale().toString(9999999LL))) +
                         24,
                     m_go->sizeHint().height());
  h->addWidget(m_go);
  connect(m_go, &QPushButton::clicked, this, &TimelineBar::requestTravel);
  refresh();
}

void TimelineBar::setFrame(const Frame& frame) {
  const bool travelled =
      frame.travelledTo >= 0 && frame.travelledTo != m_steps && frame.steps == frame.travelledTo;
  m_kept = frame.keptSteps;
  m_ghosts = frame.ghosts;
  m_steps = frame.steps;
  if (travelled || m_kept.empty()) m_follow = true;
  if (m_follow) {
    m_selected = m_kept.empty() ? -1 : m_kept.back();
  } else if (std::find(m_kept.begin(), m_kept.end(), m_selected) == m_kept.end()) {
    selectStep(m_selected);  // thinned away: the nearest point that is still kept
    return;
  }
  refresh();
}

void TimelineBar::selectStep(long step) {
  long best = -1;
  for (long k : m_kept)
    if (best < 0 || std::abs(k - step) < std::abs(best - step)) best = k;
  m_selected = best;
  m_follow = false;
  refresh();
}

QString TimelineBar::infoText() const { return m_info->text(); }

bool TimelineBar::canGoBack() const { return m_selected >= 0 && m_selected < m_steps; }

void TimelineBar::requestTravel() {
  if (canGoBack()) emit travelRequested(m_selected);
}

void TimelineBar::refresh() {
  const QLocale loc;
  if (m_kept.empty()) {
    m_info->setText(tr("no run yet"));
  } else {
    const QString kept =
        m_kept.size() == 1 ? tr("1 kept point") : tr("%1 kept points").arg(m_kept.size());
    m_info->setText(tr("step %1 · %2").arg(loc.toString(qlonglong(m_steps)), kept));
  }
  const bool back = canGoBack();
  m_go->setEnabled(back);
  m_go->setText(back ? tr("Go back to step %1").arg(loc.toString(qlonglong(m_selected)))
                     : tr("Go back"));
  m_track->update();
}

}  // namespace unroll::gui
