// Painting the unrolled network, and the backward pass played over it.
#include "charts/unrolled_view.h"

#include <QCheckBox>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <cmath>

#include "charts/colormap.h"
#include "charts/numbers.h"
#include "telemetry/step_report.h"

namespace unroll::gui {
namespace {

QString cellName(CellType c) {
  switch (c) {
    case CellType::RnnTanh:
      return QStringLiteral("tanh");
    case CellType::RnnRelu:
      return QStringLiteral("ReLU");
    case CellType::Lstm:
      return QStringLiteral("LSTM");
    case CellType::Gru:
      return QStringLiteral("GRU");
  }
  return {};
}

void arrow(QPainter& p, QPointF a, QPointF b) {
  p.drawLine(a, b);
  const QPointF d = (b - a) / std::max(1e-6, std::hypot((b - a).x(), (b - a).y()));
  const QPointF n(-d.y(), d.x());
  QPainterPath head;
  head.moveTo(b);
  head.lineTo(b - 6 * d + 3 * n);
  head.lineTo(b - 6 * d - 3 * n);
  head.closeSubpath();
  p.fillPath(head, p.pen().color());
}

// One sweep of the animation: the pulse travels for kSweep seconds, then rests on the result.
constexpr double kSweep = 2.4, kRest = 0.9;
constexpr int kTickMs = 33;

}  // namespace

UnrolledView::UnrolledView(QWidget* parent) : QWidget(parent) {
  setMinimumHeight(170);
  m_animate = new QCheckBox(tr("Animate the backward pass"), this);
  m_animate->setToolTip(
      tr("Play backpropagation through time: the gradient leaves the loss and "
         "travels back step by step; each cell shows ||dL/dh_t|| of the latest "
         "training step."));
  m_animate->setAutoFillBackground(true);
  connect(m_animate, &QCheckBox::toggled, this, &UnrolledView::setAnimating);
  m_timer.setInterval(kTickMs);
  connect(&m_timer, &QTimer::timeout, this, &UnrolledView::tick);
}

void UnrolledView::resizeEvent(QResizeEvent*) {
  m_animate->adjustSize();
  m_animate->move(width() - m_animate->width() - 6, 4);
}

void UnrolledView::setSpec(const RunSpec& spec) {
  const RunSpec next = normalized(spec);
  if (next.train.seq != m_spec.train.seq || next.train.model.layers != m_spec.train.model.layers) {
    m_norms.clear();  // another shape: the old gradients do not fit
    m_from = m_to = -1;
  }
  m_spec = next;
  update();
}

void UnrolledView::setReport(const StepReport& r) {
  const int T = m_spec.train.seq;
  m_norms.assign(r.timestep_grad_norms.size(), std::vector<double>(size_t(T), NAN));
  m_from = m_to = -1;
  for (size_t k = 0; k < r.timestep_grad_norms.size(); ++k) {
    const auto& w = r.timestep_grad_norms[k];
    // Window step j is timestep window_start + j when the window lies within the sequence;
    // otherwise (a window as long as T) it is timestep j.
    const int offset = r.window_start + int(w.size()) <= T ? r.window_start : 0;
    // This update's backward pass: from the window's end back to its truncation cut.
    m_from = std::clamp(offset + r.truncation_cut, 0, T);
    m_to = std::clamp(offset + int(w.size()), m_from, T);
    for (size_t j = 0; j < w.size(); ++j) {
      const int t = offset + int(j);
      if (t >= 0 && t < T && int(j) >= r.truncation_cut) m_norms[k][size_t(t)] = w[j];
    }
  }
  if (m_animate->isChecked()) update();
}

void UnrolledView::clearGradients() {
  m_norms.clear();
  m_from = m_to = -1;
  update();
}

double UnrolledView::gradientAt(int layer, int t) const {
  if (layer < 0 || layer >= int(m_norms.size()) || t < 0 || t >= int(m_norms[size_t(layer)].size()))
    return NAN;
  return m_norms[size_t(layer)][size_t(t)];
}

void UnrolledView::setAnimating(bool on) {
  if (m_animate->isChecked() != on) m_animate->setChecked(on);  // re-enters through toggled
  if (on == m_timer.isActive()) return;
  if (on) {
    m_phase = 0;
    m_timer.start();
  } else {
    m_timer.stop();
    m_phase = 1.0;
  }
  update();
}

void UnrolledView::setPhase(double phase) {
  m_phase = std::clamp(phase, 0.0, 1.0);
  update();
}

void UnrolledView::tick() {
  // Phase runs 0..1 during the sweep and rests at 1; then the next sweep starts.
  static_assert(kSweep > 0 && kRest >= 0);
  const double step = kTickMs / 1000.0 / kSweep;
  if (m_phase >= 1.0) {
    m_rest += kTickMs / 1000.0;
    if (m_rest < kRest) return;
    m_rest = 0;
    m_phase = 0;
  } else {
    m_phase = std::min(1.0, m_phase + step);
  }
  update();
}

std::pair<int, int> UnrolledView::backwardRange() const {
  if (m_from >= 0) return {m_from, m_to};
  // No report yet: the settings' window at the end of the sequence.
  const TrainConfig& tc = m_spec.train;
  const int T = tc.seq;
  return {tc.bptt.truncated ? std::max(0, T - std::min(tc.bptt.k2, T)) : 0, T};
}

int UnrolledView::frontStep() const {
  const auto [from, to] = backwardRange();
  const int cells = to - from;
  const int passed = std::min(cells, int(std::ceil(m_phase * cells - 1e-9)));
  return to - passed;
}

UnrolledView::Layout UnrolledView::layout() const {
  Layout g;
  const TrainConfig& tc = m_spec.train;
  g.T = tc.seq;
  g.L = std::min(tc.model.layers, 4);
  g.steps = visibleSteps();
  g.n = int(g.steps.size());
  g.colW = (width() - g.left - g.right) / g.n;
  g.rowH = (height() - g.top - g.bottom) / (g.L + 2);  // output, L layers, input
  g.cw = std::min(44.0, g.colW * 0.62);
  g.ch = std::min(26.0, g.rowH * 0.7);
  return g;
}

QRectF UnrolledView::cellRect(int layer, int t) const {
  const Layout g = layout();
  const int i = int(g.steps.indexOf(t));
  if (t < 0 || i < 0 || layer < 0 || layer >= g.L) return {};
  return QRectF(g.cx(i) - g.cw / 2, g.cy(g.L - layer) - g.ch / 2, g.cw, g.ch);
}

QList<int> UnrolledView::visibleSteps() const {
  const int T = m_spec.train.seq;
  QList<int> steps;
  const int maxCols = std::clamp((width() - 40) / 62, 5, 14);
  if (T <= maxCols) {
    for (int t = 0; t < T; ++t) steps << t;
    return steps;
  }
  const int tail = maxCols - 3;
  steps << 0 << 1 << -1;
  for (int t = T - tail; t < T; ++t) steps << t;
  return steps;
}

void UnrolledView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.fillRect(rect(), palette().base());
  const TrainConfig& tc = m_spec.train;
  const Layout g = layout();
  const int T = g.T, L = g.L, n = g.n;
  const bool endScored = m_spec.data.task() == "adding";
  const QList<int>& steps = g.steps;
  const double left = g.left, right = g.right, top = g.top, bottom = g.bottom;
  const double colW = g.colW, rowH = g.rowH, cw = g.cw, ch = g.ch;
  auto cx = [&](int i) { return g.cx(i); };
  auto cy = [&](int row) { return g.cy(row); };

  // Backprop window: all steps, or the last k2 (truncated); k1 = the new steps of each update.
  const int k2 = tc.bptt.truncated ? std::min(tc.bptt.k2, T) : T;
  const int k1 = tc.bptt.truncated ? std::min(tc.bptt.k1, k2) : T;
  int firstIn = -1, lastIn = -1, firstNew = -1;
  for (int i = 0; i < n; ++i) {
    if (steps[i] < 0) continue;
    if (steps[i] >= T - k2 && firstIn < 0) firstIn = i;
    if (steps[i] >= T - k1 && firstNew < 0) firstNew = i;
    lastIn = i;
  }
  if (firstIn < 0 && tc.bptt.truncated) firstIn = n - 1;
  if (firstIn >= 0) {
    const QRectF win(cx(firstIn) - colW / 2 + 2, top - 18, (lastIn - firstIn + 1) * colW - 4,
                     (L + 1) * rowH + 20);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(253, 174, 107, 60));
    p.drawRoundedRect(win, 6, 6);
    p.setPen(QColor(166, 54, 3));
    const QString label =
        tc.bptt.truncated
            ? tr("backprop window: last k2 = %1 steps (update every k1 = %2)").arg(k2).arg(k1)
            : tr("full BPTT: the gradient flows back through all T = %1 steps").arg(T);
    p.drawText(win.adjusted(6, 1, -4, 0), Qt::AlignTop | Qt::AlignLeft, label);
    if (tc.bptt.truncated && firstNew >= 0 && k1 < k2) {
      QPen dash(QColor(166, 54, 3));
      dash.setStyle(Qt::DashLine);
      p.setPen(dash);
      const double x = cx(firstNew) - colW / 2;
      p.drawLine(QPointF(x, top), QPointF(x, top + (L + 1) * rowH));
    }
  }

  const QColor shared(8, 81, 156);
  QFont small = font();
  small.setPointSizeF(std::max(7.0, font().pointSizeF() - 1));
  p.setFont(small);
  // Row labels.
  p.setPen(palette().text().color());
  p.drawText(QRectF(0, cy(0) - 8, left - 6, 16), Qt::AlignRight | Qt::AlignVCenter, tr("loss"));
  for (int k = 0; k < L; ++k)
    p.drawText(QRectF(0, cy(L - k) - 8, left - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
               tr("h%1").arg(k + 1));
  p.drawText(QRectF(0, cy(L + 1) - 8, left - 6, 16), Qt::AlignRight | Qt::AlignVCenter, tr("x"));

  for (int i = 0; i < n; ++i) {
    const int t = steps[i];
    if (t < 0) {
      p.setPen(palette().text().color());
      for (int r = 1; r <= L + 1; ++r)
        p.drawText(QRectF(cx(i) - colW / 2, cy(r) - 8, colW, 16), Qt::AlignCenter,
                   QStringLiteral("···"));
      continue;
    }
    const bool scored = !endScored || t == T - 1;
    // Input.
    p.setPen(palette().text().color());
    p.drawText(QRectF(cx(i) - colW / 2, cy(L + 1) - 8, colW, 16), Qt::AlignCenter,
               QStringLiteral("x%1").arg(t));
    p.setPen(QPen(palette().mid().color(), 1.2));
    arrow(p, QPointF(cx(i), cy(L + 1) - 8), QPointF(cx(i), cy(L) + ch / 2));
    for (int k = 0; k < L; ++k) {
      const QRectF box(cx(i) - cw / 2, cy(L - k) - ch / 2, cw, ch);
      p.setPen(QPen(shared, 1.4));
      p.setBrush(QColor(198, 219, 239));
      p.drawRoundedRect(box, 4, 4);
      p.setPen(palette().text().color());
      p.drawText(box, Qt::AlignCenter, cellName(tc.model.cell));
      if (k > 0) {
        p.setPen(QPen(palette().mid().color(), 1.2));
        arrow(p, QPointF(cx(i), cy(L - k + 1) - ch / 2), QPointF(cx(i), cy(L - k) + ch / 2));
      }
      // The recurrent arrow to the next drawn step: the same W_hh everywhere.
      if (i + 1 < n) {
        p.setPen(QPen(shared, 1.6));
        const QPointF a(cx(i) + cw / 2, cy(L - k)), b(cx(i + 1) - cw / 2, cy(L - k));
        if (steps[i + 1] < 0 || t < 0) {
          QPen dash(shared, 1.2);
          dash.setStyle(Qt::DotLine);
          p.setPen(dash);
          p.drawLine(a, b);
        } else {
          arrow(p, a, b);
        }
      }
    }
    if (scored) {
      p.setPen(QPen(QColor(203, 24, 29), 1.2));
      arrow(p, QPointF(cx(i), cy(1) - ch / 2), QPointF(cx(i), cy(0) + 7));
      p.setBrush(QColor(252, 187, 161));
      p.drawEllipse(QPointF(cx(i), cy(0)), 7, 7);
    }
  }
  const bool backward = m_timer.isActive() || (m_animate->isChecked() && hasGradients());
  if (backward) paintBackward(p, g);
  p.setFont(small);
  p.setPen(shared);
  const QString caption =
      backward
          ? tr("Backward pass: the red pulse carries the gradient from the loss back through "
               "W_hh, one multiplication per step. Each cell shows ||dL/dh_t|| that reached "
               "it in the latest step (yellow: large, purple: small; grey: none).")
          : tr("Every blue arrow is the same matrix W_hh: the gradient from the loss is "
               "multiplied by it (and the cell's derivative) once per step it travels back. "
               "%1")
                .arg(endScored ? tr("Loss only at the last step.") : tr("Loss at every step."));
  p.drawText(QRectF(left, height() - bottom + 4, width() - left - right, bottom - 6),
             Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, caption);
}

// The backward pass over the drawing: cells the pulse has passed take the colour of their
// gradient (log scale over the window) and show its value; red arrows run right to left along
// W_hh, thicker where more gradient flows; the pulse itself sits at the front.
void UnrolledView::paintBackward(QPainter& p, const Layout& g) {
  const int front = frontStep();
  const auto [ws, we] = backwardRange();
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& layer : m_norms)
    for (int t = ws; t < std::min(we, int(layer.size())); ++t)
      if (const double v = layer[size_t(t)]; v > 0 && std::isfinite(v)) {
        lo = std::min(lo, std::log10(v));
        hi = std::max(hi, std::log10(v));
      }
  if (hi - lo < 3) lo = hi - 3;  // at least three decades: near-equal gradients look alike
  auto unit = [&](double v) {
    return v > 0 && std::isfinite(v) ? (std::log10(v) - lo) / (hi - lo) : NAN;
  };
  QFont tiny = font();
  tiny.setPointSizeF(std::max(6.5, font().pointSizeF() - 2));
  p.setFont(tiny);
  const QColor red(203, 24, 29);
  for (int k = 0; k < g.L; ++k) {
    const double y = g.cy(g.L - k);
    for (int i = 0; i < g.n; ++i) {
      const int t = g.steps[i];
      if (t < 0 || t < front || t < ws || t >= we) continue;
      const double v = gradientAt(k, t), u = unit(v);
      const QRectF box(g.cx(i) - g.cw / 2, y - g.ch / 2, g.cw, g.ch);
      const QColor fill = std::isnan(u) ? QColor(150, 150, 150) : QColor(sequentialColor(u));
      p.setPen(QPen(red, 1.4));
      p.setBrush(fill);
      p.drawRoundedRect(box, 4, 4);
      p.setPen(std::isnan(u) || u < 0.55 ? Qt::white : Qt::black);
      p.drawText(box, Qt::AlignCenter,
                 std::isnan(v) ? (hasGradients() ? QStringLiteral("0") : QStringLiteral("?"))
                               : formatScientific(v, 1));
      // The gradient arriving from the next step back along W_hh.
      if (i + 1 < g.n && g.steps[i + 1] > t && g.steps[i + 1] < we) {
        const double w = std::isnan(u) ? 0.8 : 0.8 + 3.2 * u;
        p.setPen(QPen(red, w));
        arrow(p, QPointF(g.cx(i + 1) - g.cw / 2, y + g.ch / 2 - 3),
              QPointF(g.cx(i) + g.cw / 2, y + g.ch / 2 - 3));
      }
    }
  }
  // The pulse: between the last passed column and the next one back.
  if (m_phase < 1.0) {
    const int cells = we - ws;
    const double tc = we - m_phase * cells;  // continuous position, the window's end down to ws
    double x = g.cx(g.n - 1) + g.colW / 2;
    for (int i = g.n - 1; i >= 0; --i) {
      if (g.steps[i] < 0) continue;
      if (g.steps[i] <= tc) {
        // Between column i (at steps[i]) and the next drawn column to its right.
        int j = i + 1;
        while (j < g.n && g.steps[j] < 0) ++j;
        const double t1 = j < g.n ? g.steps[j] : g.T,
                     x1 = j < g.n ? g.cx(j) : g.cx(g.n - 1) + g.colW / 2;
        const double f = t1 > g.steps[i] ? (tc - g.steps[i]) / (t1 - g.steps[i]) : 0;
        x = g.cx(i) + f * (x1 - g.cx(i));
        break;
      }
    }
    for (int k = 0; k < g.L; ++k) {
      const QPointF c(x, g.cy(g.L - k) + g.ch / 2 - 3);
      QRadialGradient glow(c, 11);
      glow.setColorAt(0, QColor(255, 60, 40, 230));
      glow.setColorAt(1, QColor(255, 60, 40, 0));
      p.setPen(Qt::NoPen);
      p.setBrush(glow);
      p.drawEllipse(c, 11, 11);
    }
  }
}

}  // namespace unroll::gui
