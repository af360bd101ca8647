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

// Why the weights alone explain the gradient's fate, or do not.
static QString cause(CellType cell, double radius, double sat, double keep, bool gated) {
  if (gated)
    return keep > 0.8 ? DynamicsPanel::tr("forget gates are open (%1)").arg(keep, 0, 'f', 2)
                      : DynamicsPanel::tr("forget gates are %1 on average").arg(keep, 0, 'f', 2);
  if (sat > 0.3)
    return DynamicsPanel::tr("%1% of units are saturated, where tanh′ ≈ 0")
        .arg(sat * 100, 0, 'f', 0);
  if (radius < 0.9)
    return DynamicsPanel::tr("W_hh shrinks signals (ρ %1 < 1)").arg(radius, 0, 'f', 2);
  if (radius > 1.1)
    return DynamicsPanel::tr("W_hh stretches signals (ρ %1 > 1)").arg(radius, 0, 'f', 2);
  if (cell == CellType::RnnRelu) return DynamicsPanel::tr("ρ %1 ≈ 1").arg(radius, 0, 'f', 2);
  return DynamicsPanel::tr("ρ %1 ≈ 1, but tanh′ < 1 damps every step").arg(radius, 0, 'f', 2);
}

QString dynamicsVerdict(CellType cell, const std::vector<LayerProbe>& probes,
                        const GradientFit& fit) {
  if (probes.empty()) return DynamicsPanel::tr("No probe yet.");
  double radius = 0;
  for (const LayerProbe& p : probes) radius = std::max(radius, p.spectral_radius);
  const double sat = mean(probes, &LayerProbe::saturated_fraction);
  const double dead = mean(probes, &LayerProbe::dead_fraction);
  const bool gated = cell == CellType::Lstm || cell == CellType::Gru;
  double keep = 0;  // LSTM forget gate / GRU update gate mean (index 1 in both gate orders)
  int n = 0;
  for (const LayerProbe& p : probes)
    if (p.gate_mean.size() > 1) {
      keep += p.gate_mean[1];
      ++n;
    }
  keep = n ? keep / n : 0;
  if (cell == CellType::RnnRelu && dead > 0.3)
    return DynamicsPanel::tr("%1% of ReLU units are dead: they pass no gradient at all.")
        .arg(dead * 100, 0, 'f', 0);
  const QString why = cause(cell, radius, sat, keep, gated && n > 0);
  if (fit.valid && fit.factor < 0.85)
    return DynamicsPanel::tr("Vanishing gradients: each step back keeps ×%1 of the signal (%2).")
        .arg(fit.factor, 0, 'f', 2)
        .arg(why);
  if (fit.valid && fit.factor > 1.15)
    return DynamicsPanel::tr(
               "Exploding gradients: each step back multiplies the signal by ×%1 "
               "(%2); clip them.")
        .arg(fit.factor, 0, 'f', 2)
        .arg(why);
  if (fit.valid)
    return DynamicsPanel::tr(
               "Gradients keep their size through time (×%1 per step, %2): long "
               "dependencies are learnable.")
        .arg(fit.factor, 0, 'f', 2)
        .arg(why);
  if (!gated && radius < 0.9)
    return DynamicsPanel::tr(
               "Recurrent weights shrink signals (ρ %1 < 1): expect vanishing "
               "gradients.")
        .arg(radius, 0, 'f', 2);
  if (!gated && radius > 1.1)
    return DynamicsPanel::tr(
               "Recurrent weights stretch signals (ρ %1 > 1): expect exploding "
               "gradients; clip them.")
        .arg(radius, 0, 'f', 2);
  return DynamicsPanel::tr("Signals keep their size (%1).").arg(why);
}

DynamicsPanel::DynamicsPanel(QWidget* parent) : QWidget(parent) {
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(0, 0, 0, 0);
  v->setSpacing(2);
  auto* title = new QLabel(tr("<b>Dynamics</b> — how W_hh stretches signals"));
  title->setContentsMargins(6, 0, 6, 0);
  v->addWidget(title);
  m_view = new ChartView;
  m_view->setXLabel(tr("step"));
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
  if (frame.historyVersion == m_shownHistory) return;
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
  if (!frame.hasProbes) {
    m_stats->setText(tr("Probes run every few steps once training starts."));
    m_verdict->setText(QString());
    return;
  }
  const auto& p = frame.probes;
  QStringList parts;
  parts << tr("step %1").arg(frame.probeStep);
  parts << tr("ρ %1").arg(p[0].spectral_radius, 0, 'f', 3);
  parts << tr("σ_max %1").arg(p[0].max_singular, 0, 'f', 3);
  parts << tr("saturated %1%").arg(100 * mean(p, &LayerProbe::saturated_fraction), 0, 'f', 1);
  if (m_cell == CellType::RnnRelu)
    parts << tr("dead %1%").arg(100 * mean(p, &LayerProbe::dead_fraction), 0, 'f', 1);
  if (m_cell == CellType::Lstm && p[0].gate_mean.size() == 4)
    parts << tr("gates i %1 · f %2 · o %3")
                 .arg(p[0].gate_mean[0], 0, 'f', 2)
                 .arg(p[0].gate_mean[1], 0, 'f', 2)
                 .arg(p[0].gate_mean[3], 0, 'f', 2);
  if (m_cell == CellType::Gru && p[0].gate_mean.size() == 3)
    parts << tr("gates r %1 · z %2")
                 .arg(p[0].gate_mean[0], 0, 'f', 2)
                 .arg(p[0].gate_mean[1], 0, 'f', 2);
  m_stats->setText(parts.join(QStringLiteral("  ·  ")));
  m_verdict->setText(dynamicsVerdict(m_cell, p, m_fit));
}

}  // namespace unroll::gui
