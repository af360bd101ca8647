// Hidden-state heatmap with the input sequence drawn along the time axis.
#include "charts/hidden_heatmap.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "charts/chart_view.h"
#include "charts/colormap.h"
#include "charts/heatmap_view.h"

namespace unroll::gui {
HiddenHeatmap::HiddenHeatmap(QWidget* parent) : QWidget(parent) {
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(0, 0, 0, 0);
  v->setSpacing(2);
  auto* header = new QHBoxLayout;
  header->setContentsMargins(6, 0, 6, 0);
  // The title takes the row (it wraps only when it must); the layer box appears for 2+ layers.
  header->addWidget(new QLabel(tr("<b>Hidden state</b> — one sequence of the latest step")), 1);
  m_layer = new QComboBox;
  m_layer->setToolTip(tr("Layer to show"));
  m_layer->hide();
  header->addWidget(m_layer);
  v->addLayout(header);
  m_view = new HeatmapView;
  m_view->setPlaceholder(tr("Hidden states appear here after the first step."));
  m_view->setStrip(18, [this](QPainter& p, const QRect& r) {
    const int W = m_hidden.empty() ? 0 : int(m_hidden[0].cols());
    if (W == 0) return;
    const double cw = double(r.width()) / W;
    if (!m_tokens.empty()) {
      QFont f = p.font();
      f.setFamily(QStringLiteral("monospace"));
      f.setPointSizeF(std::clamp(cw * 0.8, 6.0, 9.0));
      p.setFont(f);
      const int every = std::max(1, int(std::ceil(7.0 / cw)));
      for (int t = 0; t < W && t < int(m_tokens.size()); t += every) {
        const QRectF cell(r.left() + t * cw, r.top(), cw * every, r.height());
        const int id = m_tokens[t];
        p.drawText(
            cell.adjusted(0, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
            id >= 0 && id < m_labels.size() ? visibleToken(m_labels[id]) : QStringLiteral("?"));
      }
    } else if (!m_values.empty()) {
      float vmax = 1e-6f;
      for (float x : m_values) vmax = std::max(vmax, std::abs(x));
      p.setPen(Qt::NoPen);
      // The marked steps (the two numbers to add) first, as full-height orange columns.
      p.setBrush(QColor(255, 140, 0, 170));
      for (int t : m_marked)
        if (t < W) p.drawRect(QRectF(r.left() + t * cw, r.top(), std::max(cw, 2.0), r.height()));
      p.setBrush(QColor(90, 90, 90));
      for (int t = 0; t < W && t < int(m_values.size()); ++t) {
        const double hgt = (r.height() - 2) * std::abs(m_values[t]) / vmax;
        p.drawRect(QRectF(r.left() + t * cw + 0.15 * cw, r.bottom() - hgt, 0.7 * cw, hgt));
      }
    }
  });
  m_view->setTooltip([this](int col, int row) -> QString {
    const int k = std::max(0, m_layer->currentIndex());
    if (k >= int(m_hidden.size()) || row >= m_hidden[k].rows() || col >= m_hidden[k].cols())
      return {};
    return tr("unit %1, t = %2<br>h = %3<br>input: %4")
        .arg(row)
        .arg(col)
        .arg(formatValue(m_hidden[k](row, col)))
        .arg(inputText(col));
  });
  v->addWidget(m_view, 1);
  connect(m_layer, &QComboBox::currentIndexChanged, this, &HiddenHeatmap::redraw);
}

QString HiddenHeatmap::inputText(int t) const {
  if (t < int(m_tokens.size())) {
    const int id = m_tokens[t];
    return id >= 0 && id < m_labels.size() ? QStringLiteral("'%1'").arg(visibleToken(m_labels[id]))
                                           : QString::number(id);
  }
  if (t < int(m_values.size())) {
    const bool marked = std::find(m_marked.begin(), m_marked.end(), t) != m_marked.end();
    return marked ? tr("%1 (marked)").arg(formatValue(m_values[t])) : formatValue(m_values[t]);
  }
  return QStringLiteral("–");
}

void HiddenHeatmap::showFrame(const Frame& frame) {
  if (frame.version == m_shownVersion) return;
  m_shownVersion = frame.version;
  if (!frame.hasReport || frame.report.hidden.empty()) {
    m_hidden.clear();
    m_view->setPlaceholder(tr("Hidden states appear here after the first step."));
    return;
  }
  m_hidden = frame.report.hidden;
  m_tokens = frame.report.input_tokens;
  m_values = frame.report.input_values;
  m_marked.clear();
  const Eigen::MatrixXf& x = frame.report.input_features;  // (in, W)
  // The adding problem's input is (value, marker) with markers 0 or 1; other series are not.
  const bool markers = x.rows() == 2 && m_tokens.empty() &&
                       (x.row(1).array() * (x.row(1).array() - 1.0f)).abs().maxCoeff() == 0.0f;
  if (markers)
    for (int t = 0; t < int(x.cols()); ++t)
      if (x(1, t) > 0.5f) m_marked.push_back(t);
  if (m_layer->count() != int(m_hidden.size())) {
    const QSignalBlocker block(m_layer);
    m_layer->clear();
    for (int k = 0; k < int(m_hidden.size()); ++k) m_layer->addItem(tr("layer %1").arg(k + 1));
  }
  m_layer->setVisible(m_hidden.size() > 1);
  redraw();
}

void HiddenHeatmap::redraw() {
  const int k = std::max(0, m_layer->currentIndex());
  if (k >= int(m_hidden.size())) return;
  const Eigen::MatrixXf& h = m_hidden[k];
  const int H = int(h.rows()), W = int(h.cols());
  if (H == 0 || W == 0) return;
  // Symmetric scale: tanh-bounded states use [-1, 1]; larger ones (ReLU, LSTM) their max |h|.
  const float amax = std::max(1.0f, h.cwiseAbs().maxCoeff());
  QImage img(W, H, QImage::Format_RGB32);
  for (int u = 0; u < H; ++u)
    for (int t = 0; t < W; ++t) img.setPixel(t, u, divergingColor(h(u, t) / amax));
  m_view->setData(std::move(img), {tr("timestep t"), 0, double(W - 1)},
                  {tr("hidden unit"), 0, double(H - 1)}, {tr("h"), -amax, amax, true, false});
}

}  // namespace unroll::gui
