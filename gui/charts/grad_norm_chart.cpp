// Gradient norm chart.
#include "charts/grad_norm_chart.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>

#include "charts/chart_view.h"

namespace unroll::gui {

GradNormChart::GradNormChart(QWidget* parent) : QWidget(parent) {
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(0, 0, 0, 0);
  v->setSpacing(2);
  auto* header = new QHBoxLayout;
  header->setContentsMargins(6, 0, 6, 0);
  header->addWidget(new QLabel(tr("<b>Gradient norm</b>")));
  header->addStretch();
  m_summary = new QLabel;
  header->addWidget(m_summary);
  v->addLayout(header);

  m_view = new ChartView;
  m_view->setXLabel(tr("step"));
  m_view->xAxis()->setTitleText(tr("training step"));
  m_view->setXIntegers(true);
  m_view->setYAxis(true, tr("‖∇L‖ (log)"));
  m_before = new QLineSeries;
  m_before->setName(tr("unclipped (max)"));
  m_before->setColor(QColor(214, 39, 40));
  m_after = new QLineSeries;
  m_after->setName(tr("clipped"));
  QPen pen(QColor(44, 160, 44));
  pen.setWidthF(1.6);
  m_after->setPen(pen);
  m_events = new QScatterSeries;
  m_events->setName(tr("clip events"));
  m_events->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
  m_events->setMarkerSize(7);
  m_events->setColor(QColor(148, 103, 189));
  m_events->setBorderColor(QColor(148, 103, 189));
  m_threshold = new QLineSeries;
  m_threshold->setName(tr("threshold"));
  QPen dash(QColor(120, 120, 120));
  dash.setStyle(Qt::DashLine);
  m_threshold->setPen(dash);
  m_view->addSeries(m_before);
  m_view->addSeries(m_after);
  m_view->addSeries(m_events);
  m_view->addSeries(m_threshold);
  v->addWidget(m_view, 1);
}

int GradNormChart::pointCount() const { return int(m_before->count()); }

void GradNormChart::showFrame(const Frame& frame) {
  const auto& buckets = frame.history.buckets();
  QList<QPointF> before, after, events;
  before.reserve(buckets.size());
  after.reserve(buckets.size());
  long clips = 0, steps = 0;
  for (const Bucket& b : buckets) {
    const double x = 0.5 * (b.firstStep + b.lastStep);
    const Aggregate& g = b.s[kGradNorm];
    if (g.count == 0) continue;
    appendFinite(before, x, g.max, true);
    appendFinite(after, x, b.s[kGradNormClipped].mean(), true);
    const Aggregate& c = b.s[kClipEvent];
    clips += long(c.sum);
    steps += c.count;
    if (c.sum > 0) appendFinite(events, x, g.max, true);
  }
  m_before->replace(before);
  m_after->replace(after);
  m_events->replace(events);
  QList<QPointF> thr;
  const bool showThr = m_clip.mode == ClipMode::Norm && !buckets.empty();
  if (showThr) {
    appendFinite(thr, double(buckets.front().firstStep), m_clip.threshold, true);
    appendFinite(thr, double(buckets.back().lastStep), m_clip.threshold, true);
  }
  m_threshold->replace(thr);
  m_threshold->setVisible(showThr);
  m_after->setVisible(m_clip.mode != ClipMode::None);  // identical to "before" without clipping
  m_events->setVisible(m_clip.mode != ClipMode::None);
  m_summary->setText(steps > 0
                         ? tr("clipped in %1% of steps").arg(formatNumber(100.0 * clips / steps, 1))
                         : QString());
  m_view->fitRanges(10);
}

}  // namespace unroll::gui
