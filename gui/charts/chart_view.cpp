// Hover, save and axis helpers shared by all Qt Charts in the studio.
#include "charts/chart_view.h"

#include <QContextMenuEvent>
#include <QLogValueAxis>
#include <QPainter>
#include <QToolTip>
#include <QValueAxis>
#include <QXYSeries>
#include <algorithm>
#include <cmath>

#include "charts/chart_export.h"

namespace unroll::gui {

void appendFinite(QList<QPointF>& out, double x, double y, bool logY) {
  if (!std::isfinite(x) || !std::isfinite(y) || (logY && y <= 0)) return;
  out.append(QPointF(x, y));
}

ChartView::ChartView(QWidget* parent) : QChartView(new QChart, parent) {
  QChart* c = chart();
  c->setAnimationOptions(QChart::NoAnimation);
  c->legend()->setAlignment(Qt::AlignTop);
  c->legend()->setFont(QFont(font().family(), 8));  // setFontScale scales these
  c->setMargins(QMargins(4, 2, 4, 2));
  c->setBackgroundRoundness(0);
  setRenderHint(QPainter::Antialiasing);
  setMouseTracking(true);
  setMinimumSize(260, 180);
  m_xLabel = tr("x");
  auto* x = new QValueAxis;
  x->setLabelFormat("%g");
  setXAxis(x);
  setYAxis(false, QString());
}

void ChartView::setXAxis(QAbstractAxis* axis) {
  QChart* c = chart();
  if (m_x) {
    axis->setTitleText(m_x->titleText());
    c->removeAxis(m_x);
    delete m_x;
  }
  m_x = axis;
  styleAxis(axis);
  c->addAxis(axis, Qt::AlignBottom);
  for (QAbstractSeries* s : c->series()) s->attachAxis(axis);
}

void ChartView::setYAxis(bool log, const QString& title) {
  QChart* c = chart();
  QAbstractAxis* axis;
  if (log) {
    auto* a = new QLogValueAxis;
    a->setBase(10);
    a->setLabelFormat("%.0e");
    a->setMinorTickCount(-1);
    axis = a;
  } else {
    auto* a = new QValueAxis;
    a->setLabelFormat("%.3g");
    axis = a;
  }
  axis->setTitleText(title);
  styleAxis(axis);
  if (m_y) {
    c->removeAxis(m_y);
    delete m_y;
  }
  m_y = axis;
  c->addAxis(axis, Qt::AlignLeft);
  for (QAbstractSeries* s : c->series()) s->attachAxis(axis);
}

// The axis' labels at 8 pt and its title at the theme's size, both times the font scale (the
// title's own size is kept on the axis the first time it is seen).
void ChartView::styleAxis(QAbstractAxis* axis) const {
  QFont f = axis->labelsFont();
  f.setPointSizeF(8 * m_fontScale);
  axis->setLabelsFont(f);
  QFont t = axis->titleFont();
  if (!axis->property("unrollTitlePt").isValid())
    axis->setProperty("unrollTitlePt", t.pointSizeF());
  t.setPointSizeF(axis->property("unrollTitlePt").toDouble() * m_fontScale);
  axis->setTitleFont(t);
}

void ChartView::setFontScale(double scale) {
  m_fontScale = scale;
  QFont legend = chart()->legend()->font();
  legend.setPointSizeF(8 * scale);
  chart()->legend()->setFont(legend);
  for (QAbstractAxis* a : chart()->axes()) styleAxis(a);  // a chart's own extra axes too
}

void ChartView::addSeries(QAbstractSeries* s) {
  chart()->addSeries(s);
  s->attachAxis(m_x);
  s->attachAxis(m_y);
}

void ChartView::fitRanges(double xMinSpan, bool fitX) {
  const bool logY = m_y->type() == QAbstractAxis::AxisTypeLogValue;
  double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
  for (QAbstractSeries* s : chart()->series()) {
    auto* xy = qobject_cast<QXYSeries*>(s);
    // A series on a second y axis (a gate's mean on 0..1) has its own range.
    if (!xy || !xy->isVisible() || !xy->attachedAxes().contains(m_y)) continue;
    for (const QPointF& p : xy->points()) {
      if (logY && p.y() <= 0) continue;
      x0 = std::min(x0, p.x());
      x1 = std::max(x1, p.x());
      y0 = std::min(y0, p.y());
      y1 = std::max(y1, p.y());
    }
  }
  if (!std::isfinite(x0)) {
    x0 = 0;
    x1 = xMinSpan;
    y0 = logY ? 1e-3 : 0;
    y1 = 1;
  }
  if (x1 - x0 < xMinSpan) x1 = x0 + xMinSpan;
  // Every axis is set once, to its final range: Qt Charts skips a range that did not change.
  if (fitX) {
    if (auto* ax = qobject_cast<QValueAxis*>(m_x)) {
      int ticks = 5;
      niceRange(x0, x1, ticks, m_xIntegers);
      ax->setRange(x0, x1);
      ax->setTickCount(ticks);
    } else {
      m_x->setRange(x0, x1);
    }
  }
  if (logY) {
    // One tick per power of `base`, with base = 10^k chosen so that at most ~6 ticks show.
    const double decades = std::max(1.0, std::ceil(std::log10(y1)) - std::floor(std::log10(y0)));
    const int k = std::max(1, int(std::ceil(decades / 6.0)));
    const double lb = std::log10(y0) / k, ub = std::log10(y1) / k;
    y0 = std::pow(10.0, k * std::floor(lb));
    y1 = std::pow(10.0, k * std::ceil(ub));
    if (y1 <= y0) y1 = y0 * std::pow(10.0, k);
    auto* axis = static_cast<QLogValueAxis*>(m_y);
    // Automatic minor ticks are base - 1 per major tick: thousands for base 1e4.
    axis->setMinorTickCount(k == 1 ? -1 : 0);
    axis->setBase(std::pow(10.0, k));
    axis->setRange(y0, y1);
    return;
  }
  const double pad = (y1 - y0) * 0.05 + (y1 == y0 ? std::max(1e-6, std::abs(y1) * 0.1) : 0);
  y0 = y0 >= 0 && y0 - pad < 0 ? 0 : y0 - pad;  // no negative ticks for non-negative data
  y1 += pad;
  if (auto* ay = qobject_cast<QValueAxis*>(m_y)) {
    int ticks = 5;
    niceRange(y0, y1, ticks);
    ay->setRange(y0, y1);
    ay->setTickCount(ticks);
  } else {
    m_y->setRange(y0, y1);
  }
}

void ChartView::setRoundXRange(double last) {
  auto* axis = qobject_cast<QValueAxis*>(m_x);
  if (!axis) return;
  last = std::max(1.0, last);
  const double magnitude = std::pow(10.0, std::floor(std::log10(last / 6)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (last / (m * magnitude) <= 6) {
      step = m * magnitude;
      break;
    }
  step = std::max(1.0, step);
  axis->setTickType(QValueAxis::TicksDynamic);
  axis->setTickAnchor(0);
  axis->setTickInterval(step);
  axis->setRange(0, std::ceil(last / step) * step);
}

void ChartView::setLogYRange(double lo, double hi) {
  auto* axis = qobject_cast<QLogValueAxis*>(m_y);
  if (!axis || !(lo > 0) || !(hi >= lo)) return;
  const double a = std::floor(std::log10(lo)), b = std::max(a + 1, std::ceil(std::log10(hi)));
  const int k = std::max(1, int(std::ceil((b - a) / 6)));
  const double a0 = k * std::floor(a / k), b0 = std::max(a0 + k, k * std::ceil(b / k));
  axis->setBase(std::pow(10.0, k));
  axis->setMinorTickCount(k == 1 ? -1 : 0);
  axis->setRange(std::pow(10.0, a0), std::pow(10.0, b0));
}

void ChartView::mouseMoveEvent(QMouseEvent* e) {
  QChartView::mouseMoveEvent(e);
  const QPointF scenePos = mapToScene(e->position().toPoint());
  const QPointF chartPos = chart()->mapFromScene(scenePos);
  if (!chart()->plotArea().contains(chartPos)) {
    QToolTip::hideText();
    return;
  }
  QStringList lines;
  double shownX = NAN;
  for (QAbstractSeries* s : chart()->series()) {
    auto* xy = qobject_cast<QXYSeries*>(s);
    if (!xy || !xy->isVisible() || xy->name().isEmpty()) continue;
    const QList<QPointF> pts = xy->points();
    if (pts.isEmpty()) continue;
    const double x = chart()->mapToValue(chartPos, xy).x();
    auto it = std::lower_bound(pts.begin(), pts.end(), x,
                               [](const QPointF& p, double v) { return p.x() < v; });
    if (it == pts.end()) --it;
    if (it != pts.begin() && std::abs((it - 1)->x() - x) < std::abs(it->x() - x)) --it;
    if (std::isnan(shownX)) shownX = it->x();
    lines << QStringLiteral("%1: %2").arg(xy->name(), formatValue(it->y()));
  }
  if (lines.isEmpty()) {
    QToolTip::hideText();
    return;
  }
  lines.prepend(QStringLiteral("<b>%1 %2</b>").arg(m_xLabel, formatValue(shownX)));
  QToolTip::showText(e->globalPosition().toPoint(), lines.join("<br>"), this);
}

void ChartView::leaveEvent(QEvent* e) {
  QToolTip::hideText();
  QChartView::leaveEvent(e);
}

bool ChartView::savePng(const QString& path) { return saveWidgetPng(this, path); }

bool ChartView::saveSvg(const QString& path) {
  return saveWidgetSvg(this, path, chart()->title(), [this](QPainter& p) { render(&p); });
}

void ChartView::contextMenuEvent(QContextMenuEvent* e) {
  showSaveChartMenu(
      this, e->globalPos(), [this](const QString& path) { return savePng(path); },
      [this](const QString& path) { return saveSvg(path); });
}

}  // namespace unroll::gui
