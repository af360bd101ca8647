// How the studio writes measured numbers and chooses axis ticks: compact scientific notation for
// values far from 1 (3.24e33, not 32 digits), whole-number ticks on step axes, powers of ten on
// log colour bars.
#pragma once
#include <QList>
#include <QString>

namespace unroll::gui {

// `decimals` fixed decimals for ordinary magnitudes; "3.24e33" / "1.5e-7" (3 significant digits)
// at or beyond 1e6 and below 1e-4; two significant digits where the decimals would show 0
// (0.0042 at 2 decimals); "∞", "−∞" and "NaN" for the non-finite.
QString formatNumber(double v, int decimals = 2);
// Compact scientific notation with `significant` digits, trailing zeros dropped: "3.24e33".
QString formatScientific(double v, int significant = 3);
// A tidy number for tooltips and labels: 4 significant digits, scientific when far from 1.
QString formatValue(double v);

// About `count` round ticks (1, 2 or 5 times a power of ten) covering [a, b]; with `integers`
// the step is at least 1, so an axis of steps or timesteps never shows 1.5.
QList<double> niceTicks(double a, double b, int count, bool integers = false);
// [lo, hi] widened to whole ticks of a round step for about `ticks` ticks, which it sets to the
// count that results; the same data always gives the same range. `integers`: a step of at least 1.
void niceRange(double& lo, double& hi, int& ticks, bool integers = false);
// Ticks for a colour bar of log10 values over [lo10, hi10]: whole exponents only (every 1, 2, 5
// ... decades, at most about `count`); empty when no power of ten lies inside.
QList<double> powerOfTenTicks(double lo10, double hi10, int count);

}  // namespace unroll::gui
