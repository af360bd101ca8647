// A QImage heatmap drawn by hand: the image scaled into a plot area with tick labels, axis titles,
// a colour bar, an optional strip under the x axis (e.g. input characters), hover tooltips and
// PNG/SVG export. Rows run top to bottom, columns left to right.
#pragma once
#include <QImage>
#include <QWidget>
#include <functional>

namespace unroll::gui {

class HeatmapView : public QWidget {
  Q_OBJECT
 public:
  struct Axis {
    QString title;
    double first = 0, last = 1;  // value at the centre of the first and the last cell
    bool integers = true;        // an index (step, timestep, unit): ticks at whole numbers only
  };
  struct ColorBar {
    QString title;
    double min = 0, max = 1;
    bool diverging = false;
    bool logLabels = false;  // values are log10: label ticks as powers of ten
  };

  explicit HeatmapView(QWidget* parent = nullptr);

  void setData(QImage image, const Axis& x, const Axis& y, const ColorBar& bar);
  void setTitle(const QString& title);
  // Text shown when hovering cell (col, row); empty hides the tooltip.
  void setTooltip(std::function<QString(int col, int row)> f) { m_tooltip = std::move(f); }
  // Paints under the x axis (height px), given the rect covering the plot's width.
  void setStrip(int height, std::function<void(QPainter&, const QRect&)> paint);
  void setPlaceholder(const QString& text);
  const QImage& image() const { return m_image; }
  QRect colorBarRect() const;  // where the colour bar is drawn, in widget coordinates

  bool savePng(const QString& path);
  bool saveSvg(const QString& path);

 protected:
  void paintEvent(QPaintEvent* e) override;
  void mouseMoveEvent(QMouseEvent* e) override;
  void contextMenuEvent(QContextMenuEvent* e) override;

 private:
  QRect plotRect() const;
  void paintTo(QPainter& p);

  QImage m_image;
  Axis m_x, m_y;
  ColorBar m_bar;
  QString m_title;
  QString m_placeholder;
  int m_stripHeight = 0;
  std::function<void(QPainter&, const QRect&)> m_strip;
  std::function<QString(int, int)> m_tooltip;
};

// A token as drawn on a strip or in a tooltip: a blank, a line end and a tab made visible
// (␣, ↵, ⇥); every other text unchanged.
QString visibleToken(const QString& s);

// A colour bar's label for value v: for log bars "1e-3" at a power of ten, else compact.
QString colorBarLabel(const HeatmapView::ColorBar& bar, double v);

}  // namespace unroll::gui
