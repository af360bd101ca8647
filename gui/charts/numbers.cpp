// Number formatting and tick rules.
#include "charts/numbers.h"

#include <cmath>

namespace unroll::gui {
namespace {

// 1, 2, 5 or 10 times a power of ten near x: at or above it (ceiling), else the closest.
double roundNumber(double x, bool ceiling) {
  const double z = std::pow(10.0, std::floor(std::log10(x))), q = x / z;
  if (ceiling) return (q <= 1 ? 1 : q <= 2 ? 2 : q <= 5 ? 5 : 10) * z;
  return (q < 1.5 ? 1 : q < 3 ? 2 : q < 7 ? 5 : 10) * z;
}

// The smallest of 1, 2, 5, 10 times a power of ten that is >= raw.
double stepAtLeast(double raw) {
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (m * mag >= raw) return m * mag;
  return 10 * mag;
}

}  // namespace

QString formatScientific(double v, int significant) {
  if (!std::isfinite(v)) return formatNumber(v);
  if (v == 0) return QStringLiteral("0");
  const QString s = QString::number(v, 'e', std::max(0, significant - 1));  // "3.24e+33"
  const qsizetype e = s.indexOf(QLatin1Char('e'));
  QString mantissa = s.left(e);
  if (mantissa.contains(QLatin1Char('.'))) {
    while (mantissa.endsWith(QLatin1Char('0'))) mantissa.chop(1);
    if (mantissa.endsWith(QLatin1Char('.'))) mantissa.chop(1);
  }
  return QStringLiteral("%1e%2").arg(mantissa).arg(s.mid(e + 1).toInt());
}

QString formatNumber(double v, int decimals) {
  if (std::isnan(v)) return QStringLiteral("NaN");
  if (std::isinf(v)) return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
  const double a = std::abs(v);
  if (a != 0 && (a >= 1e6 || a < 1e-4)) return formatScientific(v, 3);
  if (a != 0 && a < 0.5 * std::pow(10.0, -decimals)) return QString::number(v, 'g', 2);
  return QString::number(v, 'f', std::max(0, decimals));
}

QString formatValue(double v) {
  if (!std::isfinite(v)) return QStringLiteral("–");
  const double a = std::abs(v);
  if (a != 0 && (a < 1e-3 || a >= 1e5)) return formatScientific(v, 4);
  return QString::number(v, 'g', 4);
}

QList<double> niceTicks(double a, double b, int count, bool integers) {
  QList<double> ticks;
  if (!(b > a) || count < 1) {
    ticks << (integers ? std::round(a) : a);
    return ticks;
  }
  double step = stepAtLeast((b - a) / count);
  if (integers) step = std::max(1.0, step);
  for (double v = std::ceil(a / step - 1e-9) * step; v <= b + 1e-9 * step; v += step) ticks << v;
  return ticks;
}

void niceRange(double& lo, double& hi, int& ticks, bool integers) {
  if (!(hi > lo)) hi = lo + 1;
  const double span = roundNumber(hi - lo, true);
  double step = roundNumber(span / (ticks - 1), false);
  if (integers) step = std::max(1.0, step);
  lo = std::floor(lo / step);
  hi = std::ceil(hi / step);
  if (hi <= lo) hi = lo + 1;
  ticks = int(hi - lo) + 1;
  lo *= step;
  hi *= step;
}

QList<double> powerOfTenTicks(double lo10, double hi10, int count) {
  QList<double> ticks;
  if (!std::isfinite(lo10) || !std::isfinite(hi10) || hi10 < lo10) return ticks;
  const double step = std::max(1.0, stepAtLeast((hi10 - lo10) / std::max(1, count)));
  for (double e = std::ceil(lo10 / step - 1e-9) * step; e <= hi10 + 1e-9; e += step)
    ticks << std::round(e);
  return ticks;
}

}  // namespace unroll::gui
