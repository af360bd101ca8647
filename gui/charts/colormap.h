// Colour maps for heatmaps: a perceptually ordered sequential map (viridis) for magnitudes and a
// blue-white-red diverging map for signed values.
#pragma once
#include <QColor>

namespace unroll::gui {

QRgb sequentialColor(double u);  // u in [0, 1]; NaN gives a neutral grey
QRgb divergingColor(double u);   // u in [-1, 1]; NaN gives a neutral grey
// The colour of a branch left behind by time travel (id 1, 2, ...), the same on the timeline and
// the loss chart; distinct from the live run's blue and validation's orange.
QColor branchColor(int id);

}  // namespace unroll::gui
