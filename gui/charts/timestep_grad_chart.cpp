// Gradient-vs-timestep chart.
#include "charts/timestep_grad_chart.h"

#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>

#include "charts/chart_view.h"

namespace unroll::gui {
namespace {

const QColor kLayerColors[] = {QColor(31, 119, 180), QColor(214, 39, 40), QColor(44, 160, 44),
                               QColor(148, 103, 189)};

}  // namespace

TimestepGradChart::TimestepGradChart(QWidget* parent) : QWidget(parent) {
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(0, 0, 0, 0);
  v->setSpacing(2);
  m_title =
      new QLabel(tr("<b>Gradient vs timestep</b> — how much of the loss's gradient "
                    "reaches each step of the latest sequence"));
  m_title->setContentsMargins(6, 0, 6, 0);
  m_title->setWordWrap(true);
  v->addWidget(m_title);
  m_fitLabel = new QLabel;
  m_fitLabel->setContentsMargins(6, 0, 6, 0);
  m_fitLabel->setStyleSheet("QLabel { font-weight: 600; color: #8c2d04; }");
  m_fitLabel->setWordWrap(true);
  v->addWidget(m_fitLabel);
  m_view = new ChartView;
  m_view->setXLabel(tr("t ="));
  m_view->setXIntegers(true);
  m_view->xAxis()->setTitleText(tr("timestep t (the loss is at the right)"));
  m_view->setYAxis(true, tr("‖∂L/∂hₜ‖ (log)"));
  v->addWidget(m_view, 1);
}

void TimestepGradChart::setSmallMultiple(const QString& title, const QColor& color) {
  m_color = color;
  setTitle(title);
  m_title->setStyleSheet(
      QStringLiteral("QLabel { color: %1; font-weight: 600; }").arg(color.name()));
  m_fitLabel->setStyleSheet("QLabel { font-size: 8pt; }");
  m_fitLabel->setWordWrap(true);
  m_view->chart()->legend()->setVisible(false);
  m_view->xAxis()->setTitleText(tr("timestep t"));  // the explanation does not fit
  m_view->setMinimumSize(170, 180);
}

void TimestepGradChart::setTitle(const QString& title) { m_title->setText(title); }

void TimestepGradChart::setCaption(const QString& text) { m_fitLabel->setText(text); }

int TimestepGradChart::pointCount() const {
  int n = 0;
  for (QLineSeries* s : m_layers) n += int(s->count());
  return n;
}

void TimestepGradChart::ensureLayers(int layers) {
  while (m_layers.size() < layers) {
    const int k = int(m_layers.size());
    auto* s = new QLineSeries;
    s->setName(tr("layer %1").arg(k + 1));
    const QColor colour = m_color.isValid() ? m_color.darker(100 + 40 * k) : kLayerColors[k % 4];
    QPen pen(colour);
    pen.setWidthF(2.0);
    s->setPen(pen);
    auto* f = new QLineSeries;
    f->setName(tr("fit, layer %1").arg(k + 1));
    QPen dash(colour.lighter(140));
    dash.setStyle(Qt::DashLine);
    f->setPen(dash);
    m_view->addSeries(s);
    m_view->addSeries(f);
    // The dashed fit is explained by the headline; its legend entry would crowd out the others.
    m_view->chart()->legend()->markers(f).first()->setVisible(false);
    m_layers << s;
    m_fits << f;
  }
  for (int k = 0; k < m_layers.size(); ++k) {
    m_layers[k]->setVisible(k < layers);
    m_fits[k]->setVisible(k < layers);
  }
}

void TimestepGradChart::showFrame(const Frame& frame) {
  if (frame.version == m_shownVersion) return;
  m_shownVersion = frame.version;
  if (!frame.hasReport) {
    showCellState({}, {}, CellType::RnnTanh);
    showProfile({}, 0);
    m_fitLabel->setText(tr("No step yet: press Play or Step."));
    return;
  }
  // Before the profile, whose fit sets the ranges with these curves in them.
  showCellState(frame.report.timestep_cell_grad_norms, frame.report.timestep_keep_gate,
                frame.report.timestep_keep_gate.empty()         ? CellType::RnnTanh
                : frame.report.timestep_cell_grad_norms.empty() ? CellType::Gru
                                                                : CellType::Lstm);
  showProfile(frame.report.timestep_grad_norms, frame.report.truncation_cut);
}

void TimestepGradChart::showCellState(const std::vector<std::vector<double>>& cellNorms,
                                      const std::vector<std::vector<double>>& keepGate,
                                      CellType cell) {
  while (m_cells.size() < int(cellNorms.size())) {
    const int k = int(m_cells.size());
    auto* s = new QLineSeries;
    s->setName(tr("‖∂L/∂cₜ‖ layer %1").arg(k + 1));
    QPen pen(kLayerColors[k % 4].darker(130));
    pen.setWidthF(1.6);
    pen.setStyle(Qt::DotLine);
    s->setPen(pen);
    m_view->addSeries(s);
    m_cells << s;
  }
  for (int k = 0; k < int(m_cells.size()); ++k) {
    QList<QPointF> pts;
    if (k < int(cellNorms.size()))
      for (int t = 0; t < int(cellNorms[k].size()); ++t)
        appendFinite(pts, t, cellNorms[k][t], true);
    m_cells[k]->replace(pts);
    m_cells[k]->setVisible(k < int(cellNorms.size()));
  }
  if (!m_keep && !keepGate.empty()) {
    m_gateAxis = new QValueAxis;
    m_gateAxis->setRange(0, 1);
    m_gateAxis->setTickCount(3);
    m_gateAxis->setLabelFormat(QStringLiteral("%.1f"));
    m_view->chart()->addAxis(m_gateAxis, Qt::AlignRight);
    m_keep = new QLineSeries;
    QPen pen(QColor(120, 120, 120));
    pen.setWidthF(1.4);
    pen.setStyle(Qt::DashDotLine);
    m_keep->setPen(pen);
    m_view->chart()->addSeries(m_keep);
    m_keep->attachAxis(m_view->xAxis());
    m_keep->attachAxis(m_gateAxis);
  }
  if (!m_keep) return;
  const bool lstm = cell == CellType::Lstm;
  m_keep->setName(lstm ? tr("mean fₜ (right)") : tr("mean zₜ (right)"));
  m_gateAxis->setTitleText(lstm ? tr("forget gate") : tr("update gate"));
  QList<QPointF> pts;
  if (!keepGate.empty())
    for (int t = 0; t < int(keepGate[0].size()); ++t) appendFinite(pts, t, keepGate[0][t]);
  m_keep->replace(pts);
  m_keep->setVisible(!keepGate.empty());
  m_gateAxis->setVisible(!keepGate.empty());
}

void TimestepGradChart::setComparison(const std::vector<ComparisonRun>& runs) {
  m_comparison = runs;
  rebuildComparison();
  m_view->fitRanges(1);
}

void TimestepGradChart::rebuildComparison() {
  const QColor faded[] = {QColor(110, 110, 110, 150), QColor(148, 103, 189, 150),
                          QColor(140, 86, 75, 150)};
  while (m_compare.size() < int(m_comparison.size())) {
    auto* s = new QLineSeries;
    QPen pen(faded[m_compare.size() % 3]);
    pen.setWidthF(2.0);
    s->setPen(pen);
    m_view->addSeries(s);
    m_compare << s;
  }
  for (int i = 0; i < m_compare.size(); ++i) {
    QList<QPointF> pts;
    if (i < int(m_comparison.size())) {
      const ComparisonRun& run = m_comparison[size_t(i)];
      const int T = int(run.profile.size());
      // Steps before the loss match: t here is t + (live T - its T). Before a truncation cut no
      // gradient arrived, so there is nothing to compare.
      const int shift = m_liveSteps > 0 ? m_liveSteps - T : 0;
      for (int t = run.cut; t < T; ++t)
        if (t + shift >= 0) appendFinite(pts, t + shift, run.profile[size_t(t)], true);
      m_compare[i]->setName(run.name);
    }
    m_compare[i]->replace(pts);
    const bool on = !pts.isEmpty();
    m_compare[i]->setVisible(on);
    for (QLegendMarker* m : m_view->chart()->legend()->markers(m_compare[i])) m->setVisible(on);
  }
}

QStringList TimestepGradChart::comparisonNames() const {
  QStringList names;
  for (const QLineSeries* s : m_compare)
    if (s->isVisible() && s->count() > 0) names << s->name();
  return names;
}

int TimestepGradChart::cellPointCount() const {
  int n = 0;
  for (QLineSeries* s : m_cells) n += s->isVisible() ? int(s->count()) : 0;
  return n;
}

int TimestepGradChart::keepPointCount() const {
  return m_keep && m_keep->isVisible() ? int(m_keep->count()) : 0;
}

void TimestepGradChart::showProfile(const std::vector<std::vector<double>>& norms, int cut) {
  ensureLayers(int(norms.size()));
  for (int k = 0; k < int(m_layers.size()); ++k) {
    QList<QPointF> pts, fitPts;
    if (k < int(norms.size())) {
      pts.reserve(int(norms[k].size()));
      for (int t = 0; t < int(norms[k].size()); ++t) appendFinite(pts, t, norms[k][t], true);
      const GradientFit f = fitGradientProfile(norms[k], cut);
      if (f.valid)
        for (int t : {f.first, f.last})
          appendFinite(fitPts, t, std::exp(f.logA + f.slope * t), true);
    }
    m_layers[k]->replace(pts);
    m_fits[k]->replace(fitPts);
  }
  const int live = norms.empty() ? 0 : int(norms[0].size());
  if (live != m_liveSteps) {
    m_liveSteps = live;
    if (!m_comparison.empty()) rebuildComparison();
  }
  // The headline is the step's verdict; the dynamics panel words the same one with its cause.
  m_verdict = judge_gradient(norms, cut);
  m_fitLabel->setText(norms.empty() ? QString() : verdictHeadline(m_verdict));
  m_view->fitRanges(1);
}

QString TimestepGradChart::headline() const { return m_fitLabel->text(); }

}  // namespace unroll::gui
