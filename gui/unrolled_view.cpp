// Painting the unrolled network.
#include "unrolled_view.h"

#include <QPainter>
#include <QPainterPath>

namespace unroll::gui {
namespace {

QString cellName(CellType c) {
  switch (c) {
    case CellType::RnnTanh: return QStringLiteral("tanh");
    case CellType::RnnRelu: return QStringLiteral("ReLU");
    case CellType::Lstm: return QStringLiteral("LSTM");
    case CellType::Gru: return QStringLiteral("GRU");
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

}  // namespace

UnrolledView::UnrolledView(QWidget* parent) : QWidget(parent) { setMinimumHeight(170); }

void UnrolledView::setSpec(const RunSpec& spec) {
  m_spec = normalized(spec);
  update();
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
  const int T = tc.seq, L = std::min(tc.model.layers, 4);
  const bool endScored = m_spec.data.kind == DataKind::Adding;
  const QList<int> steps = visibleSteps();
  const int n = int(steps.size());
  const double left = 46, right = 12, top = 30, bottom = 40;
  const double colW = (width() - left - right) / n;
  const double rows = L + 2;  // output, L layers, input
  const double rowH = (height() - top - bottom) / rows;
  const double cw = std::min(44.0, colW * 0.62), ch = std::min(26.0, rowH * 0.7);
  auto cx = [&](int i) { return left + (i + 0.5) * colW; };
  auto cy = [&](int row) { return top + (row + 0.5) * rowH; };  // row 0 = output

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
    const QString label = tc.bptt.truncated
                              ? tr("backprop window: last k2 = %1 steps (update every k1 = %2)")
                                    .arg(k2).arg(k1)
                              : tr("full BPTT: the gradient flows back through all T = %1 steps")
                                    .arg(T);
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
  p.setPen(shared);
  p.drawText(QRectF(left, height() - bottom + 4, width() - left - right, bottom - 6),
             Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
             tr("Every blue arrow is the same matrix W_hh: the gradient from the loss is "
                "multiplied by it (and the cell's derivative) once per step it travels back. "
                "%1").arg(endScored ? tr("Loss only at the last step.")
                                    : tr("Loss at every step.")));
}

}  // namespace unroll::gui
