// Saving a chart widget as PNG or SVG, and the right-click menu that offers it; shared by the
// Qt Charts views and the custom heatmaps.
#pragma once
#include <QString>
#include <functional>

class QPainter;
class QPoint;
class QWidget;

namespace unroll::gui {

bool saveWidgetPng(QWidget* widget, const QString& path);
// Renders through paint (a painter on an SVG generator sized like the widget).
bool saveWidgetSvg(QWidget* widget, const QString& path, const QString& title,
                   const std::function<void(QPainter&)>& paint);
// "Save chart as PNG… / SVG…" at globalPos; asks for a file name, then calls png or svg.
void showSaveChartMenu(QWidget* widget, const QPoint& globalPos,
                       const std::function<bool(const QString&)>& png,
                       const std::function<bool(const QString&)>& svg);

}  // namespace unroll::gui
