// Painting, ticks and hover for HeatmapView.
#include "charts/heatmap_view.h"

#include <QContextMenuEvent>
#include <QPainter>
#include <QToolTip>
#include <cmath>

#include "charts/chart_export.h"
#include "charts/colormap.h"
#include "charts/numbers.h"

namespace unroll::gui {
namespace {

constexpr int kLeft = 54, kRight = 74, kTop = 20, kBottom = 36;

QString tickText(double v) { return formatValue(v); }

}  // namespace

QString visibleToken(const QString& s) {
  if (s == "\n") return QStringLiteral("↵");
  if (s == " ") return QStringLiteral("␣");
  if (s == "\t") return QStringLiteral("⇥");
  return s;
}

QString colorBarLabel(const HeatmapView::ColorBar& bar, double v) {
  if (!bar.logLabels) return tickText(v);
  if (std::abs(v - std::round(v)) < 1e-9) return QStringLiteral("1e%1").arg(int(std::round(v)));
  return formatScientific(std::pow(10.0, v), 2);
}

HeatmapView::HeatmapView(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setMinimumSize(240, 150);
  setAttribute(Qt::WA_OpaquePaintEvent);
}

void HeatmapView::setData(QImage image, const Axis& x, const Axis& y, const ColorBar& bar) {
  m_image = std::move(image);
  m_x = x;
  m_y = y;
  m_bar = bar;
  m_placeholder.clear();
  update();
}

void HeatmapView::setTitle(const QString& title) {
  m_title = title;
  update();
}

void HeatmapView::setPlaceholder(const QString& text) {
  m_placeholder = text;
  m_image = QImage();
  update();
}

void HeatmapView::setStrip(int height, std::function<void(QPainter&, const QRect&)> paint) {
  m_stripHeight = height;
  m_strip = std::move(paint);
  update();
}

QRect HeatmapView::plotRect() const {
  return QRect(kLeft, kTop, std::max(10, width() - kLeft - kRight),
               std::max(10, height() - kTop - kBottom - m_stripHeight));
}

QRect HeatmapView::colorBarRect() const {
  const QRect plot = plotRect();
  return QRect(plot.right() + 10, plot.top(), 12, plot.height());
}

void HeatmapView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  paintTo(p);
}

void HeatmapView::paintTo(QPainter& p) {
  p.fillRect(rect(), palette().base());
  QFont small = font();
  small.setPointSizeF(std::max(7.0, font().pointSizeF() - 1.5));
  p.setFont(font());
  p.setPen(palette().text().color());
  if (!m_title.isEmpty())
    p.drawText(QRect(kLeft, 0, width() - kLeft - kRight, kTop), Qt::AlignVCenter | Qt::AlignLeft,
               m_title);
  const QRect plot = plotRect();
  if (m_image.isNull()) {
    p.setPen(palette().placeholderText().color());
    p.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
    return;
  }
  p.drawImage(plot, m_image);
  p.setPen(palette().mid().color());
  p.drawRect(plot.adjusted(0, 0, -1, -1));

  // Axes: ticks at cell centres mapped linearly from first..last.
  p.setFont(small);
  p.setPen(palette().text().color());
  const QFontMetrics fm(small);
  auto cellPos = [](const Axis& a, int cells, int origin, int extent, double v) {
    if (cells <= 1 || a.last == a.first) return origin + extent / 2.0;
    const double u = (v - a.first) / (a.last - a.first);
    return origin + (u * (cells - 1) + 0.5) * extent / cells;
  };
  const int W = m_image.width(), H = m_image.height();
  const double xlo = std::min(m_x.first, m_x.last), xhi = std::max(m_x.first, m_x.last);
  for (double v : niceTicks(xlo, xhi, std::max(2, plot.width() / 60), m_x.integers)) {
    const double x = cellPos(m_x, W, plot.left(), plot.width(), v);
    p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3));
    const QString s = tickText(v);
    const QRect r = fm.boundingRect(s);
    p.drawText(QPointF(x - r.width() / 2.0, plot.bottom() + m_stripHeight + 4 + fm.ascent()), s);
  }
  const double ylo = std::min(m_y.first, m_y.last), yhi = std::max(m_y.first, m_y.last);
  for (double v : niceTicks(ylo, yhi, std::max(2, plot.height() / 36), m_y.integers)) {
    const double y = cellPos(m_y, H, plot.top(), plot.height(), v);
    p.drawLine(QPointF(plot.left() - 3, y), QPointF(plot.left(), y));
    const QString s = tickText(v);
    p.drawText(QRectF(0, y - 8, plot.left() - 5, 16), Qt::AlignRight | Qt::AlignVCenter, s);
  }
  if (m_strip) {  // the strip's pens and brushes stay its own (a brush would fill the colour bar)
    p.save();
    m_strip(p, QRect(plot.left(), plot.bottom() + 2, plot.width(), m_stripHeight - 2));
    p.restore();
  }
  p.setFont(small);
  p.drawText(QRect(plot.left(), height() - fm.height() - 1, plot.width(), fm.height()),
             Qt::AlignCenter, m_x.title);
  p.save();
  p.translate(10, plot.center().y());
  p.rotate(-90);
  p.drawText(QRect(-plot.height() / 2, -8, plot.height(), 16), Qt::AlignCenter, m_y.title);
  p.restore();

  // Colour bar.
  const QRect bar = colorBarRect();
  QImage grad(1, 128, QImage::Format_RGB32);
  for (int i = 0; i < 128; ++i) {
    const double u = 1.0 - i / 127.0;
    grad.setPixel(0, i, m_bar.diverging ? divergingColor(2 * u - 1) : sequentialColor(u));
  }
  p.drawImage(bar, grad);
  p.setPen(palette().mid().color());
  p.setBrush(Qt::NoBrush);  // a frame, not a fill
  p.drawRect(bar.adjusted(0, 0, -1, -1));
  p.setPen(palette().text().color());
  if (m_bar.max > m_bar.min) {
    const int count = std::max(2, bar.height() / 40);
    QList<double> ticks = m_bar.logLabels ? powerOfTenTicks(m_bar.min, m_bar.max, count)
                                          : niceTicks(m_bar.min, m_bar.max, count);
    if (ticks.isEmpty()) ticks = {m_bar.min, m_bar.max};  // less than a decade: label the ends
    for (double v : ticks) {
      const double y = bar.bottom() - (v - m_bar.min) / (m_bar.max - m_bar.min) * bar.height();
      p.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 3, y));
      p.drawText(QPointF(bar.right() + 5, y + fm.ascent() / 2.0 - 1), colorBarLabel(m_bar, v));
    }
  }
  p.drawText(QRect(bar.left() - 20, 2, kRight + 10, kTop - 2), Qt::AlignCenter, m_bar.title);
}

void HeatmapView::mouseMoveEvent(QMouseEvent* e) {
  const QRect plot = plotRect();
  const QPoint pos = e->position().toPoint();
  if (m_image.isNull() || !plot.contains(pos) || !m_tooltip) {
    QToolTip::hideText();
    return;
  }
  const int col =
      std::clamp((pos.x() - plot.left()) * m_image.width() / plot.width(), 0, m_image.width() - 1);
  const int row = std::clamp((pos.y() - plot.top()) * m_image.height() / plot.height(), 0,
                             m_image.height() - 1);
  const QString text = m_tooltip(col, row);
  if (text.isEmpty())
    QToolTip::hideText();
  else
    QToolTip::showText(e->globalPosition().toPoint(), text, this);
}

bool HeatmapView::savePng(const QString& path) { return saveWidgetPng(this, path); }

bool HeatmapView::saveSvg(const QString& path) {
  return saveWidgetSvg(this, path, m_title, [this](QPainter& p) { paintTo(p); });
}

void HeatmapView::contextMenuEvent(QContextMenuEvent* e) {
  showSaveChartMenu(
      this, e->globalPos(), [this](const QString& path) { return savePng(path); },
      [this](const QString& path) { return saveSvg(path); });
}

}  // namespace unroll::gui
