// Connectivity view: the shaded sentence, the position choice, the readout and the t x k matrix.
#include "charts/connectivity_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "charts/colormap.h"
#include "charts/heatmap_view.h"
#include "charts/numbers.h"
#include "data/language_task.h"
#include "telemetry/connectivity.h"

namespace unroll::gui {

// The sequence as a wrapped line of character cells, each shaded by its weight in [0, 1] (NaN:
// after the explained prediction, drawn faint), the predicted character framed at the end.
class SentenceStrip : public QWidget {
 public:
  explicit SentenceStrip(QWidget* parent = nullptr) : QWidget(parent) {
    QFont f = font();
    f.setFamily(QStringLiteral("monospace"));
    f.setStyleHint(QFont::Monospace);
    setFont(f);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  }
  void setData(QStringList chars, std::vector<double> weights, int last, QString predicted) {
    m_chars = std::move(chars);
    m_weights = std::move(weights);
    m_last = last;
    m_predicted = std::move(predicted);
    updateGeometry();
    update();
  }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int w) const override {
    const int n = int(m_chars.size()) + 1, perLine = std::max(1, w / cellWidth());
    return ((n + perLine - 1) / perLine) * cellHeight() + 2;
  }
  QSize sizeHint() const override { return {40 * cellWidth(), heightForWidth(40 * cellWidth())}; }
  QSize minimumSizeHint() const override { return {10 * cellWidth(), cellHeight()}; }

 protected:
  void paintEvent(QPaintEvent*) override {
    QPainter p(this);
    const int cw = cellWidth(), ch = cellHeight(), perLine = std::max(1, width() / cw);
    auto cell = [&](int i) { return QRect((i % perLine) * cw, (i / perLine) * ch, cw, ch); };
    for (int k = 0; k < int(m_chars.size()); ++k) {
      const QRect r = cell(k);
      const double w = k < int(m_weights.size()) ? m_weights[size_t(k)] : NAN;
      if (std::isfinite(w)) p.fillRect(r, QColor(230, 85, 13, int(std::clamp(w, 0.0, 1.0) * 230)));
      p.setPen(std::isfinite(w) ? palette().color(QPalette::Text) : QColor(170, 170, 170));
      p.drawText(r, Qt::AlignCenter, m_chars[k]);
    }
    if (m_last >= 0 && !m_predicted.isEmpty()) {
      const QRect r = cell(m_last + 1 < int(m_chars.size()) ? m_last + 1 : int(m_chars.size()));
      p.setPen(QPen(QColor(31, 119, 180), 2));
      p.drawRect(r.adjusted(1, 1, -1, -1));
    }
  }

 private:
  int cellWidth() const { return fontMetrics().horizontalAdvance(QLatin1Char('M')) + 3; }
  int cellHeight() const { return fontMetrics().height() + 4; }

  QStringList m_chars;
  std::vector<double> m_weights;
  int m_last = -1;
  QString m_predicted;
};

ConnectivityView::ConnectivityView(QWidget* parent) : QWidget(parent) {
  auto* h = new QHBoxLayout(this);
  h->setContentsMargins(4, 2, 4, 2);
  auto* left = new QVBoxLayout;
  auto* title =
      new QLabel(tr("<b>Connectivity</b> ‖∂L<sub>t</sub>/∂x<sub>k</sub>‖ — the darker an input, "
                    "the more the prediction in the blue frame depends on it"));
  title->setWordWrap(true);
  left->addWidget(title);
  auto* row = new QHBoxLayout;
  row->addWidget(new QLabel(tr("Prediction:")));
  m_position = new QComboBox;
  m_position->setToolTip(tr("The output position to explain"));
  m_position->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  row->addWidget(m_position);
  row->addStretch();
  left->addLayout(row);
  m_strip = new SentenceStrip;
  left->addWidget(m_strip);
  m_readout = new QLabel;
  m_readout->setWordWrap(true);
  m_readout->setStyleSheet(QStringLiteral("QLabel { font-weight: 600; color: #8c2d04; }"));
  left->addWidget(m_readout);
  left->addStretch();
  h->addLayout(left, 3);
  m_matrix = new HeatmapView;
  m_matrix->setMinimumSize(180, 110);
  m_matrix->setTooltip([this](int col, int row) -> QString {
    if (row >= int(m_map.positions.size()) || col >= m_map.grad.rows()) return {};
    const int t = m_map.positions[size_t(row)];
    if (col > t) return tr("input %1 comes after prediction %2: no dependence").arg(col).arg(t);
    return tr("prediction after t = %1, input k = %2 %3<br>‖∂L/∂x‖ = %4")
        .arg(t)
        .arg(col)
        .arg(charText(col))
        .arg(formatValue(m_map.grad(col, row)));
  });
  h->addWidget(m_matrix, 2);
  connect(m_position, &QComboBox::currentIndexChanged, this, &ConnectivityView::redraw);
  clear();
}

void ConnectivityView::setTokenLabels(const QStringList& labels) { m_labels = labels; }

QString ConnectivityView::charText(int k) const {
  if (k < 0 || k >= int(m_map.tokens.size())) return {};
  const int id = m_map.tokens[size_t(k)];
  return QStringLiteral("'%1'").arg(id >= 0 && id < m_labels.size() ? visibleToken(m_labels[id])
                                                                    : QString::number(id));
}

void ConnectivityView::clear() {
  m_map = {};
  m_step = 0;
  m_country = {-1, -1};
  {
    const QSignalBlocker block(m_position);
    m_position->clear();
  }
  m_strip->setData({}, {}, -1, {});
  m_readout->setText(tr("The first map appears after the first step."));
  m_matrix->setPlaceholder(tr("Every prediction against every input appears here."));
}

void ConnectivityView::showMap(long step, const ConnectivityMap& map) {
  if (map.empty()) {
    clear();
    return;
  }
  const bool same = map.positions == m_map.positions && map.tokens == m_map.tokens;
  const int keep = selected();
  m_map = map;
  m_step = step;
  std::string text;
  for (int id : m_map.tokens)
    if (id >= 0 && id < m_labels.size()) text += m_labels[id].toStdString();
  m_country = LanguageTask::country_span(text);
  if (!same) {
    const QSignalBlocker block(m_position);
    m_position->clear();
    for (size_t p = 0; p < m_map.positions.size(); ++p) {
      const int t = m_map.positions[p], y = m_map.targets[p];
      const QString target =
          y >= 0 && y < m_labels.size() ? visibleToken(m_labels[y]) : QString::number(y);
      m_position->addItem(tr("after t = %1, predicting '%2'").arg(t).arg(target));
    }
    m_position->setCurrentIndex(0);  // the first scored character: the start of the answer
  } else if (keep >= 0) {
    const QSignalBlocker block(m_position);
    m_position->setCurrentIndex(keep);
  }
  redraw();
}

int ConnectivityView::selected() const { return m_map.empty() ? -1 : m_position->currentIndex(); }

void ConnectivityView::select(int p) { m_position->setCurrentIndex(p); }

double ConnectivityView::countryShare() const {
  const int p = selected();
  if (p < 0 || m_country.first < 0) return NAN;
  return connectivity_share(m_map, p, m_country.first, m_country.second);
}

QString ConnectivityView::readout() const { return m_readout->text(); }

void ConnectivityView::redraw() {
  const int p = selected();
  if (p < 0) return;
  const int T = int(m_map.grad.rows()), P = int(m_map.positions.size());
  const int t = m_map.positions[size_t(p)];
  // The sentence up to just after the last explained prediction: not the padding behind it.
  const int shown = std::min(T, m_map.positions.back() + 3);
  QStringList chars;
  for (int k = 0; k < shown; ++k) {
    const int id = k < int(m_map.tokens.size()) ? m_map.tokens[size_t(k)] : -1;
    chars << (id >= 0 && id < m_labels.size() ? visibleToken(m_labels[id]) : QStringLiteral("·"));
  }
  const auto col = m_map.grad.col(p);
  const double peak = col.head(t + 1).maxCoeff();
  std::vector<double> weights(size_t(shown), NAN);
  for (int k = 0; k <= t; ++k) weights[size_t(k)] = peak > 0 ? col(k) / peak : 0.0;
  const int y = m_map.targets[size_t(p)];
  m_strip->setData(chars, weights, t, y >= 0 && y < m_labels.size() ? m_labels[y] : QString());

  Index top = 0;
  col.head(t + 1).maxCoeff(&top);
  QString text = tr("Step %1: the strongest dependence is on input %2 %3.")
                     .arg(m_step)
                     .arg(top)
                     .arg(charText(int(top)));
  const double share = countryShare();
  if (std::isfinite(share)) {
    const double fair = double(m_country.second - m_country.first) / double(t + 1);
    text += QLatin1Char(' ') +
            tr("%1% of it lies on the country's %2 characters (their share of the inputs: %3%).")
                .arg(QString::number(100 * share, 'f', 0))
                .arg(m_country.second - m_country.first)
                .arg(QString::number(100 * fair, 'f', 0));
  }
  m_readout->setText(text);

  // The matrix: log10 of every entry over the top four decades; later inputs grey.
  const double gmax = m_map.grad.maxCoeff();
  const double hi = gmax > 0 ? std::log10(gmax) : 0, lo = hi - 4;
  QImage img(T, P, QImage::Format_RGB32);
  for (int r = 0; r < P; ++r)
    for (int k = 0; k < T; ++k) {
      const double g = m_map.grad(k, r);
      const bool future = k > m_map.positions[size_t(r)];
      img.setPixel(
          k, r,
          future ? qRgb(225, 225, 225)
                 : sequentialColor(g > 0 ? std::clamp((std::log10(g) - lo) / 4, 0.0, 1.0) : 0.0));
    }
  m_matrix->setTitle(tr("prediction × input (grey: later inputs)"));
  m_matrix->setData(std::move(img), {tr("input k"), 0, double(T - 1)},
                    {tr("prediction p"), 0, double(P - 1)}, {tr("‖∂L/∂x‖"), lo, hi, false, true});
}

}  // namespace unroll::gui
