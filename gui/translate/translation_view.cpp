// The live translation view (translation_view.h).
#include "translate/translation_view.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QTabWidget>
#include <QTextDocumentFragment>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "charts/chart_view.h"
#include "charts/colormap.h"
#include "charts/grad_norm_chart.h"
#include "charts/heatmap_view.h"
#include "charts/loss_chart.h"
#include "charts/numbers.h"
#include "session/frame.h"

namespace unroll::gui {
namespace {

constexpr int kLossBuckets = 400;
constexpr int kStripHeight = 18;      // one character per column
constexpr int kWordStripHeight = 48;  // words, written downwards when a column is narrow

QString q(const std::string& s) { return QString::fromStdString(s); }

QString tokensHtml(const std::vector<std::string>& tokens, bool words) {
  QStringList out;
  for (const std::string& t : tokens) out << visibleToken(q(t)).toHtmlEscaped();
  return out.join(words ? QStringLiteral(" ") : QString());
}

}  // namespace

TranslationView::TranslationView(QWidget* parent)
    : QWidget(parent), m_history(kLossBuckets), m_splitHistory(kLossBuckets) {
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(0, 0, 0, 0);
  m_example = new QLabel;
  m_example->setWordWrap(true);
  m_example->setTextFormat(Qt::RichText);
  m_example->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_example->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  m_metrics = new QLabel;
  m_metrics->setWordWrap(true);
  auto* top = new QVBoxLayout;
  top->addWidget(m_example);
  top->addWidget(m_metrics);
  grid->addLayout(top, 0, 0, 1, 2);

  m_attention = new HeatmapView;
  m_attention->setTitle(tr("Attention: output step × source word"));
  m_attention->setToolTip(
      tr("Row t: how the decoder spread its attention over the source words "
         "when it wrote output token t."));
  m_attention->setStrip(kStripHeight, [this](QPainter& p, const QRect& r) { paintSource(p, r); });
  grid->addWidget(m_attention, 1, 0);

  auto* gradBox = new QVBoxLayout;
  auto* gradTitle =
      new QLabel(tr("<b>Gradient reaching each source word</b> ‖∂L/∂h<sup>enc</sup><sub>s</sub>‖"));
  gradBox->addWidget(gradTitle);
  m_grad = new ChartView;
  m_grad->setXLabel(tr("source position"));
  m_grad->xAxis()->setTitleText(tr("source position s"));
  m_grad->setXIntegers(true);
  m_grad->setYAxis(true, tr("‖∂L/∂h‖ (log)"));
  m_gradBatch = new QLineSeries;
  m_gradBatch->setName(tr("batch, per sentence"));
  m_gradExample = new QLineSeries;
  m_gradExample->setName(tr("the sentence above"));
  QPen pen(QColor(255, 127, 14));
  pen.setWidthF(2.0);
  m_gradExample->setPen(pen);
  m_grad->addSeries(m_gradBatch);
  m_grad->addSeries(m_gradExample);
  gradBox->addWidget(m_grad, 1);
  m_gradText = new QLabel;
  m_gradText->setWordWrap(true);
  gradBox->addWidget(m_gradText);
  grid->addLayout(gradBox, 1, 1);

  m_loss = new LossChart;
  m_loss->setTitle(tr("Loss per target token"));
  m_gradNorm = new GradNormChart;
  auto* dyn = new QVBoxLayout;
  dyn->setContentsMargins(0, 0, 0, 0);
  dyn->setSpacing(2);
  m_spectra = new ChartView;
  m_spectra->setXLabel(tr("step"));
  m_spectra->xAxis()->setTitleText(tr("training step"));
  m_spectra->setXIntegers(true);
  m_spectra->setYAxis(false, tr("spectral radius ρ, σ₁"));
  const QColor enc(31, 119, 180), dec(214, 39, 40);
  for (int i = 0; i < 5; ++i) {
    auto* line = new QLineSeries;
    QPen pen(i == 4 ? QColor(120, 120, 120) : i % 2 == 0 ? enc : dec);
    pen.setWidthF(i < 2 ? 2.0 : 1.2);
    if (i >= 2) pen.setStyle(i == 4 ? Qt::DotLine : Qt::DashLine);
    line->setPen(pen);
    m_spectra->addSeries(line);
    m_spectraSeries << line;
  }
  m_spectraSeries[0]->setName(tr("encoder ρ"));
  m_spectraSeries[1]->setName(tr("decoder ρ"));
  m_spectraSeries[2]->setName(tr("encoder σ₁"));
  m_spectraSeries[3]->setName(tr("decoder σ₁"));
  m_spectra->setToolTip(
      tr("Spectral radius ρ (solid) and largest singular value σ₁ (dashed) of "
         "the candidate block of each W_hh: LSTM g, GRU n, RNN all of it."));
  m_spectraSeries[4]->setName(tr("1"));
  for (QLegendMarker* m : m_spectra->chart()->legend()->markers(m_spectraSeries[4]))
    m->setVisible(false);
  dyn->addWidget(m_spectra, 1);
  m_spectraText = new QLabel;
  m_spectraText->setWordWrap(true);
  dyn->addWidget(m_spectraText);
  for (QLegendMarker* m : m_loss->view()->chart()->legend()->markers())
    if (m->label().isEmpty()) m->setVisible(false);  // the baseline, which this chart has not
  m_split = new ChartView;
  m_split->setXLabel(tr("step"));
  m_split->xAxis()->setTitleText(tr("training step"));
  m_split->setXIntegers(true);
  m_split->setYAxis(true, tr("‖∇L‖ (log)"));
  for (int i = 0; i < 2; ++i) {
    m_splitSeries[i] = new QLineSeries;
    m_splitSeries[i]->setColor(i == 0 ? enc : dec);
    m_split->addSeries(m_splitSeries[i]);
  }
  m_splitSeries[0]->setName(tr("encoder (embedding, recurrent layers)"));
  m_splitSeries[1]->setName(tr("decoder, attention and output"));
  m_split->setToolTip(
      tr("The gradient norm before clipping, split between the encoder's weights "
         "and everything after it; their squares add up to the total's."));
  auto* dynamics = new QWidget;
  dynamics->setLayout(dyn);
  auto* tabs = new QTabWidget;
  tabs->addTab(m_gradNorm, tr("Gradient norm"));
  tabs->addTab(m_split, tr("Encoder / decoder"));
  tabs->addTab(dynamics, tr("Recurrent weights"));
  grid->addWidget(m_loss, 2, 0);
  grid->addWidget(tabs, 2, 1);
  grid->setColumnStretch(0, 3);
  grid->setColumnStretch(1, 2);
  grid->setRowStretch(1, 3);
  grid->setRowStretch(2, 2);
  reset(QString());
}

void TranslationView::paintSource(QPainter& p, const QRect& r) const {
  const int n = int(m_sourceTokens.size());
  if (n == 0) return;
  const double w = double(r.width()) / n;
  const QFontMetrics fm(p.font());
  const bool fits = std::all_of(m_sourceTokens.begin(), m_sourceTokens.end(),
                                [&](const QString& t) { return fm.horizontalAdvance(t) + 2 <= w; });
  p.setPen(palette().color(QPalette::WindowText));
  for (int i = 0; i < n; ++i) {
    const QString& t = m_sourceTokens[size_t(i)];
    if (fits) {
      p.drawText(QRectF(r.left() + i * w, r.top(), w, r.height()), Qt::AlignCenter, t);
      continue;
    }
    p.save();  // downwards from the top of the strip, centred on its column
    p.translate(r.left() + (i + 0.5) * w, r.top() + 2);
    p.rotate(90);
    const int len = r.height() - 4;
    p.drawText(QRectF(0, -fm.height() / 2.0, len, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(t, Qt::ElideRight, len));
    p.restore();
  }
}

void TranslationView::reset(const QString& title) {
  m_history = ScalarHistory(kLossBuckets);
  m_splitHistory.clear();
  m_spectraText->setText(tr("Measured at each validation."));
  m_batchGrad.clear();
  m_exampleGrad.clear();
  m_sourceTokens.clear();
  m_matched = NAN;
  m_attends = true;
  m_example->setText(title.isEmpty() ? tr("Press Train to train an encoder–decoder; one "
                                          "validation sentence and its translation appear here.")
                                     : title.toHtmlEscaped());
  m_metrics->clear();
  m_attention->setData(QImage(), {}, {}, {});
  m_attention->setPlaceholder(tr("The attention matrix appears with the first validation."));
  showGradients({}, {});
  redrawLoss();
  redrawSpectra();
  redrawSplit();
}

void TranslationView::addPoints(long firstStep, const std::vector<TranslationPoint>& points) {
  for (size_t i = 0; i < points.size(); ++i) {
    const TranslationPoint& p = points[i];
    m_history.beginStep(firstStep + long(i));
    m_history.add(kLoss, p.loss);
    m_history.add(kGradNorm, p.grad_norm);
    m_history.add(kGradNormClipped, p.grad_norm_after);
    m_history.add(kClipEvent, p.clipped ? 1.0 : 0.0);
    SplitRow& row = m_splitHistory.beginStep(firstStep + long(i));
    row.encoder.add(p.encoder_grad_norm);
    row.decoder.add(p.decoder_grad_norm);
  }
  if (!points.empty()) {
    redrawLoss();
    redrawSplit();
  }
}

void TranslationView::redrawSplit() {
  QList<QPointF> pts[2];
  for (const auto& b : m_splitHistory.buckets()) {
    const double x = 0.5 * (b.firstStep + b.lastStep);
    if (b.encoder.count > 0) appendFinite(pts[0], x, b.encoder.mean(), true);
    if (b.decoder.count > 0) appendFinite(pts[1], x, b.decoder.mean(), true);
  }
  m_splitSeries[0]->replace(pts[0]);
  m_splitSeries[1]->replace(pts[1]);
  m_split->fitRanges(10);
}

void TranslationView::setClip(const ClipConfig& clip) { m_gradNorm->setClip(clip); }

void TranslationView::redrawLoss() {
  Frame f;
  f.history = m_history;
  m_loss->showFrame(f);
  m_gradNorm->showFrame(f);
}

void TranslationView::showSpectra(const Seq2SeqSpectra& s) {
  m_history.beginStep(s.step);
  m_history.add(Series(kRadius0), s.encoder_radius);
  m_history.add(Series(kRadius0 + 1), s.decoder_radius);
  m_history.add(Series(kSingular0), s.encoder_singular);
  m_history.add(Series(kSingular0 + 1), s.decoder_singular);
  redrawSpectra();
  m_spectraText->setText(
      tr("At step %1: encoder ρ %2, decoder ρ %3. Above 1 a state can grow step after step, well "
         "below 1 it fades.")
          .arg(s.step)
          .arg(formatValue(s.encoder_radius), formatValue(s.decoder_radius)));
}

void TranslationView::redrawSpectra() {
  const Series order[4] = {Series(kRadius0), Series(kRadius0 + 1), Series(kSingular0),
                           Series(kSingular0 + 1)};
  QList<QPointF> pts[4];
  double first = NAN, last = NAN;
  for (const Bucket& b : m_history.buckets())
    for (int i = 0; i < 4; ++i)
      if (const Aggregate& a = b.s[order[i]]; a.count > 0) {
        appendFinite(pts[i], double(b.lastStep), a.mean());
        if (std::isnan(first)) first = double(b.firstStep);
        last = double(b.lastStep);
      }
  for (int i = 0; i < 4; ++i) m_spectraSeries[i]->replace(pts[i]);
  QList<QPointF> one;
  if (!std::isnan(first)) one = {QPointF(first, 1.0), QPointF(std::max(last, first + 1), 1.0)};
  m_spectraSeries[4]->replace(one);
  m_spectra->fitRanges();
}

void TranslationView::showStep(const Seq2SeqStepReport& r, int batch) {
  // The step's loss is the batch's mean, so each sentence's share of it is 1/batch of its own
  // loss: times batch, the curve is per sentence, on the example's scale.
  std::vector<double> perSentence = r.dh_enc;
  for (double& g : perSentence) g *= batch;
  showGradients(perSentence, m_exampleGrad);
}

void TranslationView::showGradients(const std::vector<double>& batch,
                                    const std::vector<double>& example) {
  m_batchGrad = batch;
  m_exampleGrad = example;
  QList<QPointF> b, e;
  for (size_t s = 0; s < batch.size(); ++s) appendFinite(b, double(s), batch[s], true);
  for (size_t s = 0; s < example.size(); ++s) appendFinite(e, double(s), example[s], true);
  m_gradBatch->replace(b);
  m_gradExample->replace(e);
  m_grad->fitRanges();
  double lo = INFINITY, hi = 0;
  for (const QList<QPointF>* pts : {&b, &e})
    for (const QPointF& pt : *pts) lo = std::min(lo, pt.y()), hi = std::max(hi, pt.y());
  if (hi > 0) m_grad->setLogYRange(std::min(lo, hi / 100), hi);  // at least two labelled decades
  const std::vector<double>& g = batch.size() >= 2 ? batch : example;
  if (g.size() < 2 || !(g.back() > 0)) {
    m_gradText->setText(tr("Shown from the first step on."));
    return;
  }
  // The sentence says what the chart shows: how much of the last word's gradient reaches the first.
  const double ratio = g.front() / g.back();
  QString text = ratio < 0.01 ? tr("On this step's batch the first source word gets %1 of the "
                                   "gradient the last one gets: little of what the first words "
                                   "mean can be learned.")
                                    .arg(formatValue(ratio))
                              : tr("On this step's batch the first source word gets %1 of the "
                                   "gradient the last one gets.")
                                    .arg(formatValue(ratio));
  if (!m_attends)
    text += QLatin1Char(' ') + tr("Without attention all of it reaches the encoder through its "
                                  "final state, which must hold the whole sentence.");
  m_gradText->setText(text);
}

void TranslationView::showValidation(const Seq2SeqValidation& v) {
  m_history.beginStep(v.step);
  m_history.add(kValLoss, v.metrics.loss);
  redrawLoss();
  std::string joined;  // characters as tokens join back into the source; words do not
  for (const std::string& t : v.source_tokens) joined += t;
  const bool words = joined != v.source;
  QStringList out;
  long matched = 0;
  for (size_t i = 0; i < v.output_tokens.size(); ++i) {
    const bool ok = i < v.reference_tokens.size() && v.output_tokens[i] == v.reference_tokens[i];
    matched += ok;
    out << QStringLiteral("<span style=\"color:%1\">%2</span>")
               .arg(ok ? QStringLiteral("#1a7f37") : QStringLiteral("#cf222e"),
                    visibleToken(q(v.output_tokens[i])).toHtmlEscaped());
  }
  const size_t longest = std::max(v.output_tokens.size(), v.reference_tokens.size());
  m_matched = longest == 0 ? NAN : double(matched) / double(longest);
  const bool exact = v.output_tokens == v.reference_tokens;
  m_example->setText(
      tr("<b>Source</b> %1<br><b>Reference</b> %2<br><b>Model</b> %3 %4")
          .arg(tokensHtml(v.source_tokens, words), tokensHtml(v.reference_tokens, words),
               out.join(words ? QStringLiteral(" ") : QString()),
               exact ? tr("(exact)") : tr("(%1 of %2 tokens right)").arg(matched).arg(longest)));
  const TranslationMetrics& m = v.metrics;
  m_metrics->setText(tr("Validation at step %1 (%2 sentences): exact %3%, token accuracy %4%, "
                        "BLEU %5, character error rate %6%")
                         .arg(v.step)
                         .arg(m.pairs)
                         .arg(100 * m.exact, 0, 'f', 1)
                         .arg(100 * m.token_accuracy, 0, 'f', 1)
                         .arg(100 * m.bleu, 0, 'f', 1)
                         .arg(100 * m.cer, 0, 'f', 1));
  m_sourceTokens.clear();
  for (const std::string& t : v.source_tokens) m_sourceTokens.push_back(visibleToken(q(t)));
  m_attention->setStrip(words ? kWordStripHeight : kStripHeight,
                        [this](QPainter& p, const QRect& r) { paintSource(p, r); });
  const Mat<double>& a = v.attention;
  m_attends = a.size() > 0;
  if (!m_attends) {
    m_attention->setData(QImage(), {}, {}, {});
    m_attention->setPlaceholder(
        tr("No attention: the decoder sees the source only through the encoder's final state."));
  } else {
    QImage img(int(a.cols()), int(a.rows()), QImage::Format_RGB32);
    for (int r = 0; r < a.rows(); ++r)
      for (int c = 0; c < a.cols(); ++c) img.setPixel(c, r, sequentialColor(a(r, c)));
    std::vector<QString> outTokens;
    for (const std::string& t : v.output_tokens) outTokens.push_back(visibleToken(q(t)));
    outTokens.push_back(tr("<end>"));
    m_attention->setTooltip([this, a, outTokens](int col, int row) {
      if (row < 0 || row >= a.rows() || col < 0 || col >= a.cols()) return QString();
      return tr("output %1 “%2” looks at source %3 “%4”: %5")
          .arg(row)
          .arg(size_t(row) < outTokens.size() ? outTokens[size_t(row)] : QString())
          .arg(col)
          .arg(size_t(col) < m_sourceTokens.size() ? m_sourceTokens[size_t(col)] : QString())
          .arg(a(row, col), 0, 'f', 3);
    });
    m_attention->setData(img, {tr("source word"), 0, double(a.cols() - 1), true},
                         {tr("output step"), 0, double(a.rows() - 1), true},
                         {tr("weight"), 0, 1, false, false});
  }
  showGradients(m_batchGrad, v.dh_enc);
}

QString TranslationView::exampleText() const {
  return QTextDocumentFragment::fromHtml(m_example->text()).toPlainText();
}
QString TranslationView::metricsText() const { return m_metrics->text(); }
QString TranslationView::gradientText() const { return m_gradText->text(); }
int TranslationView::lossPointCount() const { return m_loss->pointCount(); }
int TranslationView::gradNormPointCount() const { return m_gradNorm->pointCount(); }
int TranslationView::spectraPointCount() const { return int(m_spectraSeries[0]->count()); }
int TranslationView::splitPointCount() const { return int(m_splitSeries[0]->count()); }
int TranslationView::attentionRows() const { return m_attention->image().height(); }
QList<QPointF> TranslationView::encoderPoints(bool example) const {
  return (example ? m_gradExample : m_gradBatch)->points();
}
int TranslationView::encoderPointCount(bool example) const {
  return int((example ? m_gradExample : m_gradBatch)->count());
}

}  // namespace unroll::gui
