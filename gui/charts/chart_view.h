// The studio's common chart view: Qt Charts without animation, hover tooltips with the exact values
// of every series at the pointer's x, and a context menu to save the chart as PNG or SVG.
#pragma once
#include <QChartView>
#include <QList>
#include <QPointF>

#include "charts/numbers.h"

class QAbstractAxis;
class QXYSeries;
class QAbstractSeries;

namespace unroll::gui {

class ChartView : public QChartView {
  Q_OBJECT
 public:
  explicit ChartView(QWidget* parent = nullptr);

  bool savePng(const QString& path);
  bool saveSvg(const QString& path);
  // How the x value is described in tooltips ("step 120", "t = 14").
  void setXLabel(const QString& label) { m_xLabel = label; }
  // Replaces the y axis by a linear or log one titled `title`, keeping the series attached.
  void setYAxis(bool log, const QString& title);
  QAbstractAxis* xAxis() const { return m_x; }
  QAbstractAxis* yAxis() const { return m_y; }
  void setXAxis(QAbstractAxis* axis);
  // The x axis counts something (training steps, timesteps): fitRanges ticks whole numbers only.
  void setXIntegers(bool on) { m_xIntegers = on; }
  // Adds a series attached to both axes.
  void addSeries(QAbstractSeries* s);
  // Sets the ranges from the data of all visible series (log axes ignore values <= 0), widened
  // to nice ticks; fitX false leaves the x axis to the caller.
  void fitRanges(double xMinSpan = 1.0, bool fitX = true);
  // x from 0 to at least `last`, with round ticks (1, 2 or 5 times a power of ten), at most ~6.
  void setRoundXRange(double last);
  // A log y axis over [lo, hi] widened to whole powers of 10^k, k chosen for at most ~6 ticks.
  void setLogYRange(double lo, double hi);
  // Scales the chart's own fonts (legend, axis labels and titles; Qt Charts does not follow the
  // widget's font), for presentation mode; 1 is the normal size.
  void setFontScale(double scale);
  double fontScale() const { return m_fontScale; }

 protected:
  void mouseMoveEvent(QMouseEvent* e) override;
  void leaveEvent(QEvent* e) override;
  void contextMenuEvent(QContextMenuEvent* e) override;

 private:
  QString m_xLabel;
  QAbstractAxis* m_x = nullptr;
  QAbstractAxis* m_y = nullptr;
  bool m_xIntegers = false;
  double m_fontScale = 1.0;
  void styleAxis(QAbstractAxis* axis) const;
};

// Drops non-finite points (and, for log axes, non-positive y) before they reach a series.
void appendFinite(QList<QPointF>& out, double x, double y, bool logY = false);

}  // namespace unroll::gui
