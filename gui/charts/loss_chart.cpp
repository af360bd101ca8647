// Loss chart: bucket means smoothed with an EMA whose per-bucket factor follows the bucket stride.
#include "charts/loss_chart.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSlider>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <utility>

#include "charts/chart_view.h"
#include "charts/colormap.h"

namespace unroll::gui {

LossChart::LossChart(QWidget* parent) : QWidget(parent) {
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(0, 0, 0, 0);
  v->setSpacing(2);
  auto* header = new QHBoxLayout;
  header->setContentsMargins(6, 0, 6, 0);
  m_title = new QLabel(tr("<b>Loss</b>"));
  header->addWidget(m_title);
  header->addStretch();
  header->addWidget(new QLabel(tr("Smoothing")));
  m_smoothing = new QSlider(Qt::Horizontal);
  m_smoothing->setRange(0, 99);
  m_smoothing->setValue(90);
  m_smoothing->setMaximumWidth(110);
  m_smoothing->setToolTip(tr("Exponential moving average of the training loss (0 = raw)"));
  header->addWidget(m_smoothing);
  m_log = new QCheckBox(tr("Log scale"));
  header->addWidget(m_log);
  v->addLayout(header);
  m_accuracy = new QLabel;
  m_accuracy->setContentsMargins(6, 0, 6, 0);
  m_accuracy->setWordWrap(true);
  m_accuracy->setStyleSheet(QStringLiteral("QLabel { color: #a65000; }"));  // validation's orange
  m_accuracy->hide();
  v->addWidget(m_accuracy);

  m_view = new ChartView;
  m_view->setXLabel(tr("step"));
  m_view->xAxis()->setTitleText(tr("training step"));
  m_view->setXIntegers(true);
  m_view->setYAxis(false, tr("loss"));
  m_raw = new QLineSeries;  // unnamed: the faint band behind the smoothed curve needs no entry
  m_raw->setColor(QColor(31, 119, 180, 70));
  m_smooth = new QLineSeries;
  m_smooth->setName(tr("train"));
  QPen pen(QColor(31, 119, 180));
  pen.setWidthF(2.0);
  m_smooth->setPen(pen);
  m_val = new QLineSeries;
  m_val->setName(tr("validation"));
  m_val->setColor(QColor(255, 127, 14));
  m_valDots = new QScatterSeries;
  m_valDots->setMarkerSize(6);
  m_valDots->setColor(QColor(255, 127, 14));
  m_valDots->setBorderColor(QColor(255, 127, 14));
  m_baseline = new QLineSeries;
  QPen dash(QColor(120, 120, 120));
  dash.setStyle(Qt::DashLine);
  m_baseline->setPen(dash);
  for (QAbstractSeries* s :
       {static_cast<QAbstractSeries*>(m_raw), static_cast<QAbstractSeries*>(m_smooth),
        static_cast<QAbstractSeries*>(m_val), static_cast<QAbstractSeries*>(m_valDots),
        static_cast<QAbstractSeries*>(m_baseline)})
    m_view->addSeries(s);
  m_view->chart()->legend()->markers(m_valDots).first()->setVisible(false);
  m_view->chart()->legend()->markers(m_raw).first()->setVisible(false);
  for (int i = 0; i < Frame::kMaxGhosts; ++i) {
    auto* g = new QLineSeries;
    g->setVisible(false);
    m_view->addSeries(g);
    m_ghostSeries.append(g);
  }
  // Faded, behind nothing else's colour: an earlier run is context, the live curve the subject.
  const QColor faded[kMaxComparisons] = {QColor(110, 110, 110, 150), QColor(148, 103, 189, 150),
                                         QColor(140, 86, 75, 150)};
  for (const QColor& colour : faded) {
    auto* c = new QLineSeries;
    QPen pen(colour);
    pen.setWidthF(2.0);
    c->setPen(pen);
    c->setVisible(false);
    m_view->addSeries(c);
    for (QLegendMarker* m : m_view->chart()->legend()->markers(c)) m->setVisible(false);
    m_compareSeries.append(c);
  }
  v->addWidget(m_view, 1);

  connect(m_smoothing, &QSlider::valueChanged, this, &LossChart::rebuild);
  connect(m_log, &QCheckBox::toggled, this, [this](bool on) {
    m_view->setYAxis(on, tr("loss"));
    rebuild();
  });
}

void LossChart::setBaseline(double loss, const QString& label) {
  m_baselineValue = loss;
  m_baseline->setName(label);
  m_baseline->setVisible(std::isfinite(loss));
  rebuild();
}

int LossChart::pointCount() const { return int(m_raw->count()); }

int LossChart::runPointCount(int i) const {
  return i >= 0 && i < m_runSeries.size() ? int(m_runSeries[i]->count()) : 0;
}

void LossChart::setTitle(const QString& title) { m_title->setText(title); }

void LossChart::setLastStep(double last) {
  m_lastStep = last;
  rebuild();
}

void LossChart::showRuns(std::vector<Run> runs) {
  if (m_runSeries.isEmpty())  // the studio's own curves have no entry beside the runs
    for (QLineSeries* s : {m_smooth, m_val, m_baseline})
      for (QLegendMarker* m : m_view->chart()->legend()->markers(s)) m->setVisible(false);
  while (m_runSeries.size() < int(runs.size())) {
    auto* s = new QLineSeries;
    m_view->addSeries(s);
    m_runSeries.append(s);
  }
  m_runs = std::move(runs);
  rebuild();
}

QStringList LossChart::ghostNames() const {
  QStringList names;
  for (const QLineSeries* g : m_ghostSeries)
    if (g->isVisible() && g->count() > 0) names << g->name();
  return names;
}

void LossChart::setComparison(std::vector<ComparisonRun> runs) {
  if (int(runs.size()) > kMaxComparisons)  // the latest ones
    runs.erase(runs.begin(), runs.end() - kMaxComparisons);
  m_comparison = std::move(runs);
  rebuild();
}

QStringList LossChart::comparisonNames() const {
  QStringList names;
  for (const QLineSeries* c : m_compareSeries)
    if (c->isVisible() && c->count() > 0) names << c->name();
  return names;
}

int LossChart::comparisonPointCount(int i) const {
  return i >= 0 && i < m_compareSeries.size() && m_compareSeries[i]->isVisible()
             ? int(m_compareSeries[i]->count())
             : 0;
}

// Each earlier run smoothed like the live curve (the slider's per-step factor to its stride), up
// to the live run's last step: the two are compared at the same step, and a long earlier run does
// not squeeze the live curve into the chart's corner.
void LossChart::rebuildComparison(bool logY) {
  const auto& buckets = m_history.buckets();
  const double until = buckets.empty() ? 0.0 : double(buckets.back().lastStep);
  for (int i = 0; i < m_compareSeries.size(); ++i) {
    QLineSeries* series = m_compareSeries[i];
    const bool on = i < int(m_comparison.size()) && !m_comparison[size_t(i)].loss.empty();
    series->setVisible(on);
    for (QLegendMarker* m : m_view->chart()->legend()->markers(series)) m->setVisible(on);
    if (!on) {
      series->clear();
      continue;
    }
    const ComparisonRun& run = m_comparison[size_t(i)];
    const double alpha = std::pow(m_smoothing->value() / 100.0, double(run.stride));
    double ema = NAN;
    QList<QPointF> pts;
    pts.reserve(int(run.loss.size()));
    for (const auto& [step, loss] : run.loss) {
      if (step > until) break;
      ema = std::isnan(ema) ? loss : alpha * ema + (1 - alpha) * loss;
      appendFinite(pts, step, ema, logY);
    }
    series->setName(run.name);
    series->replace(pts);
  }
}

void LossChart::showFrame(const Frame& frame) {
  m_history = frame.history;
  m_ghosts = frame.ghosts;
  rebuild();
}

void LossChart::rebuild() {
  const bool logY = m_log->isChecked();
  const auto& buckets = m_history.buckets();
  QList<QPointF> raw, val;
  raw.reserve(2 * buckets.size());
  for (const Bucket& b : buckets) {
    const Aggregate& a = b.s[kLoss];
    const double x0 = double(b.firstStep), x1 = 0.5 * (b.firstStep + b.lastStep);
    if (a.count > 0) {
      appendFinite(raw, x0, a.count > 1 ? a.max : a.mean(), logY);
      if (a.count > 1) appendFinite(raw, x1, a.min, logY);
    }
    const Aggregate& v = b.s[kValLoss];
    if (v.count > 0) appendFinite(val, double(b.lastStep), v.mean(), logY);
  }
  m_raw->replace(raw);
  m_smooth->replace(smoothed(m_history, logY));
  rebuildGhosts(logY);
  rebuildComparison(logY);
  rebuildRuns(logY);
  m_val->replace(val);
  m_valDots->replace(val);
  QList<QPointF> base;
  if (std::isfinite(m_baselineValue) && !buckets.empty()) {
    appendFinite(base, double(buckets.front().firstStep), m_baselineValue, logY);
    appendFinite(base, double(buckets.back().lastStep), m_baselineValue, logY);
  }
  m_baseline->replace(base);
  m_view->fitRanges(10, m_lastStep <= 0);
  if (m_lastStep > 0) m_view->setRoundXRange(m_lastStep);
}

// The smoothed curve of a history: bucket means through an EMA whose per-bucket factor is the
// slider's per-step factor to the stride-th power.
QList<QPointF> LossChart::smoothed(const ScalarHistory& h, bool logY) const {
  const double alpha = std::pow(m_smoothing->value() / 100.0, double(h.stride()));
  QList<QPointF> out;
  out.reserve(int(h.buckets().size()));
  double ema = NAN;
  for (const Bucket& b : h.buckets()) {
    const Aggregate& a = b.s[kLoss];
    if (a.count == 0) continue;
    ema = std::isnan(ema) ? a.mean() : alpha * ema + (1 - alpha) * a.mean();
    appendFinite(out, 0.5 * (b.firstStep + b.lastStep), ema, logY);
  }
  return out;
}

void LossChart::rebuildRuns(bool logY) {
  for (int i = 0; i < m_runSeries.size(); ++i) {
    QLineSeries* series = m_runSeries[i];
    const bool on = i < int(m_runs.size());
    series->setVisible(on);
    for (QLegendMarker* m : m_view->chart()->legend()->markers(series)) m->setVisible(on);
    if (!on) {
      series->clear();
      continue;
    }
    const Run& run = m_runs[size_t(i)];
    series->setName(run.name);
    QPen pen(run.color);
    pen.setWidthF(2.0);
    series->setPen(pen);
    series->replace(smoothed(run.history, logY));
  }
}

// Each branch left behind, smoothed over its whole history (the past it shares with the live
// curve included) and drawn from the branch point on, so the two part exactly where they did.
void LossChart::rebuildGhosts(bool logY) {
  for (int i = 0; i < m_ghostSeries.size(); ++i) {
    QLineSeries* series = m_ghostSeries[i];
    if (i >= int(m_ghosts.size())) {
      series->setVisible(false);
      series->clear();
      continue;
    }
    const GhostBranch& g = m_ghosts[size_t(i)];
    const double alpha = std::pow(m_smoothing->value() / 100.0, double(g.stride));
    double ema = NAN;
    QList<QPointF> pts;
    QPointF before(NAN, NAN);  // the last smoothed point at or before the branch point
    for (const auto& [step, loss] : g.points) {
      ema = std::isnan(ema) ? loss : alpha * ema + (1 - alpha) * loss;
      if (step <= double(g.fromStep)) {
        before = QPointF(step, ema);
        continue;
      }
      if (pts.isEmpty() && !std::isnan(before.x())) appendFinite(pts, before.x(), before.y(), logY);
      appendFinite(pts, step, ema, logY);
    }
    // Short, for the legend: the learning rate, and clipping and truncation only when on.
    QString name = tr("branch %1 · lr %2").arg(g.id).arg(g.lr);
    if (g.clip > 0) name += tr(", clip %1").arg(g.clip);
    if (g.bptt > 0) name += tr(", TBPTT %1").arg(g.bptt);
    series->setName(name);
    QPen pen(branchColor(g.id), 1.8, Qt::DashLine);
    series->setPen(pen);
    series->replace(pts);
    series->setVisible(true);
  }
}

void LossChart::setAccuracySentence(const QString& sentence, double chance) {
  m_accuracySentence = sentence;
  m_chance = chance;
  m_accuracy->clear();
  m_accuracy->setVisible(!sentence.isEmpty());
  if (!sentence.isEmpty())
    m_accuracy->setText(tr("Validation accuracy: after the first validation."));
}

void LossChart::showAccuracy(long step, double accuracy) {
  if (m_accuracySentence.isEmpty() || !std::isfinite(accuracy)) return;
  const QString chance =
      std::isfinite(m_chance) ? QString::number(100 * m_chance, 'f', 1) : QStringLiteral("?");
  m_accuracy->setText(tr("Step %1: ").arg(step) +
                      m_accuracySentence.arg(QString::number(100 * accuracy, 'f', 1), chance));
}

QString LossChart::accuracyText() const {
  return m_accuracy->isVisible() ? m_accuracy->text() : QString();
}

}  // namespace unroll::gui
