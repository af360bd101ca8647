// Dynamics readout and its verdict rules.
#include "panels/dynamics_panel.h"

#include <QLabel>
#include <QLineSeries>
#include <QVBoxLayout>

#include "charts/chart_view.h"

namespace unroll::gui {
namespace {

const QColor kLayerColors[] = {QColor(31, 119, 180), QColor(214, 39, 40), QColor(44, 160, 44),
                               QColor(148, 103, 189)};

double mean(const std::vector<LayerProbe>& probes, double LayerProbe::*field) {
  double s = 0;
  for (const LayerProbe& p : probes) s += p.*field;
  return probes.empty() ? 0 : s / double(probes.size());
}

}  // namespace

DynamicsPanel::DynamicsPanel(QWidget* parent) : QWidget(parent) {
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(0, 0, 0, 0);
  v->setSpacing(2);
  auto* title = new QLabel(tr("<b>Dynamics</b> — how W_hh stretches signals"));
  title->setContentsMargins(6, 0, 6, 0);
  v->addWidget(title);
  m_view = new ChartView;
  m_view->setXLabel(tr("step"));
  m_view->setXIntegers(true);
  m_view->xAxis()->setTitleText(tr("training step"));
  m_view->setYAxis(false, tr("ρ, σ_max of W_hh"));
  m_unit = new QLineSeries;
  m_unit->setName(tr("ρ = 1"));
  QPen dash(QColor(120, 120, 120));
  dash.setStyle(Qt::DashLine);
  m_unit->setPen(dash);
  m_view->addSeries(m_unit);
  v->addWidget(m_view, 1);
  m_stats = new QLabel;
  m_stats->setContentsMargins(6, 0, 6, 0);
  v->addWidget(m_stats);
  m_verdict = new QLabel;
  m_verdict->setContentsMargins(6, 0, 6, 2);
  m_verdict->setWordWrap(true);
  m_verdict->setStyleSheet("QLabel { font-weight: 600; color: #08519c; }");
  // Room for the verdict's four lines: the chart above gives way, the text never does.
  m_verdict->setMinimumHeight(4 * m_verdict->fontMetrics().lineSpacing() + 4);
  m_verdict->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  v->addWidget(m_verdict);
}

QString DynamicsPanel::verdict() const { return m_verdict->text(); }

void DynamicsPanel::ensureLayers(int layers) {
  layers = std::min(layers, kMaxLayers);
  while (m_radius.size() < layers) {
    const int k = int(m_radius.size());
    auto* r = new QLineSeries;
    r->setName(tr("ρ, layer %1").arg(k + 1));
    QPen pen(kLayerColors[k]);
    pen.setWidthF(2.0);
    r->setPen(pen);
    auto* s = new QLineSeries;
    s->setName(tr("σ_max, layer %1").arg(k + 1));
    QPen dot(kLayerColors[k].lighter(130));
    dot.setStyle(Qt::DotLine);
    dot.setWidthF(1.6);
    s->setPen(dot);
    m_view->addSeries(r);
    m_view->addSeries(s);
    m_radius << r;
    m_singular << s;
  }
  for (int k = 0; k < m_radius.size(); ++k) {
    m_radius[k]->setVisible(k < layers);
    m_singular[k]->setVisible(k < layers);
  }
}

void DynamicsPanel::showFrame(const Frame& frame) {
  if (frame.historyVersion != m_shownHistory) showSeries(frame);
  // The readout follows every step, as the gradient-vs-timestep chart does, so both always word
  // the verdict of the same step.
  if (frame.version != m_shownVersion) showReadout(frame);
}

void DynamicsPanel::showSeries(const Frame& frame) {
  m_shownHistory = frame.historyVersion;
  const int layers = frame.hasProbes ? int(frame.probes.size()) : 0;
  ensureLayers(layers);
  const auto& buckets = frame.history.buckets();
  for (int k = 0; k < std::min(layers, kMaxLayers); ++k) {
    QList<QPointF> r, s;
    for (const Bucket& b : buckets) {
      const double x = 0.5 * (b.firstStep + b.lastStep);
      appendFinite(r, x, b.s[kRadius0 + k].count ? b.s[kRadius0 + k].mean() : NAN);
      appendFinite(s, x, b.s[kSingular0 + k].count ? b.s[kSingular0 + k].mean() : NAN);
    }
    m_radius[k]->replace(r);
    m_singular[k]->replace(s);
  }
  QList<QPointF> unit;
  if (!buckets.empty()) {
    unit << QPointF(double(buckets.front().firstStep), 1.0)
         << QPointF(double(buckets.back().lastStep), 1.0);
  }
  m_unit->replace(unit);
  m_view->fitRanges(10);
}

void DynamicsPanel::showReadout(const Frame& frame) {
  m_shownVersion = frame.version;
  static const std::vector<LayerProbe> kNone;
  const std::vector<LayerProbe>& p = frame.hasProbes ? frame.probes : kNone;
  m_gradientVerdict = frame.hasReport ? judge_gradient(frame.report.timestep_grad_norms,
                                                       frame.report.truncation_cut, m_cell, p)
                                      : GradientVerdict{};
  const BpttConfig& bptt = frame.settings.bptt;
  m_verdict->setText(frame.hasReport
                         ? verdictSentence(m_gradientVerdict, bptt.truncated ? bptt.k2 : 0)
                         : QString());
  if (p.empty()) {
    m_stats->setText(tr("Probes run every few steps once training starts."));
    return;
  }
  QStringList parts;
  parts << tr("step %1").arg(frame.probeStep);
  parts << tr("ρ %1").arg(formatNumber(p[0].spectral_radius, 3));
  parts << tr("σ_max %1").arg(formatNumber(p[0].max_singular, 3));
  parts << tr("saturated %1%").arg(formatNumber(100 * mean(p, &LayerProbe::saturated_fraction), 1));
  if (m_cell == CellType::RnnRelu)
    parts << tr("dead %1%").arg(formatNumber(100 * mean(p, &LayerProbe::dead_fraction), 1));
  if (m_cell == CellType::Lstm && p[0].gate_mean.size() == 4)
    parts << tr("gates i %1 · f %2 · o %3")
                 .arg(formatNumber(p[0].gate_mean[0]), formatNumber(p[0].gate_mean[1]),
                      formatNumber(p[0].gate_mean[3]));
  if (m_cell == CellType::Gru && p[0].gate_mean.size() == 3)
    parts << tr("gates r %1 · z %2")
                 .arg(formatNumber(p[0].gate_mean[0]), formatNumber(p[0].gate_mean[1]));
  m_stats->setText(parts.join(QStringLiteral("  ·  ")));
}

}  // namespace unroll::gui
