// Gradient-vs-timestep chart.
#include "charts/timestep_grad_chart.h"

#include <QLabel>
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
  auto* title =
      new QLabel(tr("<b>Gradient vs timestep</b> — how much of the loss's gradient "
                    "reaches each step of the latest sequence"));
  title->setContentsMargins(6, 0, 6, 0);
  title->setWordWrap(true);
  v->addWidget(title);
  m_fitLabel = new QLabel;
  m_fitLabel->setContentsMargins(6, 0, 6, 0);
  m_fitLabel->setStyleSheet("QLabel { font-weight: 600; color: #8c2d04; }");
  v->addWidget(m_fitLabel);
  m_view = new ChartView;
  m_view->setXLabel(tr("t ="));
  m_view->xAxis()->setTitleText(tr("timestep t (the loss is at the right)"));
  m_view->setYAxis(true, tr("‖∂L/∂hₜ‖ (log)"));
  v->addWidget(m_view, 1);
}

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
    QPen pen(kLayerColors[k % 4]);
    pen.setWidthF(2.0);
    s->setPen(pen);
    auto* f = new QLineSeries;
    f->setName(tr("fit, layer %1").arg(k + 1));
    QPen dash(kLayerColors[k % 4].lighter(140));
    dash.setStyle(Qt::DashLine);
    f->setPen(dash);
    m_view->addSeries(s);
    m_view->addSeries(f);
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
  const auto& norms = frame.report.timestep_grad_norms;
  ensureLayers(frame.hasReport ? int(norms.size()) : 0);
  if (!frame.hasReport) {
    m_fitLabel->setText(tr("No step yet: press Play or Step."));
    m_view->fitRanges(1);
    return;
  }
  const int cut = frame.report.truncation_cut;
  QStringList fitTexts;
  for (int k = 0; k < int(norms.size()); ++k) {
    QList<QPointF> pts, fitPts;
    pts.reserve(int(norms[k].size()));
    for (int t = 0; t < int(norms[k].size()); ++t) appendFinite(pts, t, norms[k][t], true);
    m_layers[k]->replace(pts);
    const GradientFit f = fitGradientProfile(norms[k], cut);
    if (f.valid) {
      for (int t : {f.first, f.last}) appendFinite(fitPts, t, std::exp(f.logA + f.slope * t), true);
    }
    m_fits[k]->replace(fitPts);
    if (k == 0) m_fit = f;
    fitTexts << (norms.size() > 1 ? tr("layer %1: %2").arg(k + 1).arg(describeFit(f))
                                  : describeFit(f));
  }
  m_fitLabel->setText(fitTexts.join(QStringLiteral("   ·   ")));
  m_view->fitRanges(1);
}

}  // namespace unroll::gui
