// Chart export to PNG/SVG and its context menu.
#include "charts/chart_export.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QMenu>
#include <QPainter>
#include <QSvgGenerator>
#include <QWidget>

namespace unroll::gui {

// The translation context of the chart menu's strings.
struct ChartExport {
  Q_DECLARE_TR_FUNCTIONS(ChartExport)
};

bool saveWidgetPng(QWidget* widget, const QString& path) {
  return widget->grab().save(path, "PNG");
}

bool saveWidgetSvg(QWidget* widget, const QString& path, const QString& title,
                   const std::function<void(QPainter&)>& paint) {
  QSvgGenerator gen;
  gen.setFileName(path);
  gen.setSize(widget->size());
  gen.setViewBox(widget->rect());
  gen.setTitle(title);
  QPainter p;
  if (!p.begin(&gen)) return false;
  paint(p);
  return p.end();
}

void showSaveChartMenu(QWidget* widget, const QPoint& globalPos,
                       const std::function<bool(const QString&)>& png,
                       const std::function<bool(const QString&)>& svg) {
  QMenu menu(widget);
  QAction* pngAction = menu.addAction(ChartExport::tr("Save chart as PNG…"));
  menu.addAction(ChartExport::tr("Save chart as SVG…"));
  QAction* chosen = menu.exec(globalPos);
  if (!chosen) return;
  const bool isPng = chosen == pngAction;
  const QString path = QFileDialog::getSaveFileName(
      widget, ChartExport::tr("Save chart"), QString(),
      isPng ? ChartExport::tr("PNG image (*.png)") : ChartExport::tr("SVG image (*.svg)"));
  if (path.isEmpty()) return;
  (isPng ? png : svg)(path);
}

}  // namespace unroll::gui
