// Log-linear fit of the gradient-vs-timestep profile.
#include "charts/gradient_fit.h"

#include <QCoreApplication>
#include <cmath>

namespace unroll::gui {

GradientFit fitGradientProfile(const std::vector<double>& norms, int from) {
  GradientFit f;
  double n = 0, st = 0, sy = 0, stt = 0, sty = 0;
  for (int t = std::max(0, from); t < int(norms.size()); ++t) {
    const double g = norms[t];
    if (!std::isfinite(g) || g <= 1e-30) continue;
    const double y = std::log(g);
    n += 1;
    st += t;
    sy += y;
    stt += double(t) * t;
    sty += t * y;
    if (f.last < 0) f.first = t;
    f.last = t;
  }
  const double den = n * stt - st * st;
  if (n < 3 || den <= 0) return f;
  f.slope = (n * sty - st * sy) / den;
  f.logA = (sy - f.slope * st) / n;
  f.factor = std::exp(-f.slope);
  f.valid = std::isfinite(f.factor);
  return f;
}

QString describeFit(const GradientFit& fit) {
  if (!fit.valid) return QCoreApplication::translate("GradientFit", "not enough gradient to fit");
  const double q = fit.factor;
  const QString factor = QStringLiteral("×%1").arg(q, 0, 'f', q < 0.1 || q > 10 ? 3 : 2);
  const double lq = std::log(q);
  if (std::abs(lq) < 0.005)
    return QCoreApplication::translate("GradientFit", "%1 per step back: the signal keeps its size")
        .arg(factor);
  const double steps = std::log(2.0) / std::abs(lq);
  const QString n = QString::number(steps, 'f', steps < 10 ? 1 : 0);
  if (q < 1)
    return QCoreApplication::translate("GradientFit",
                                       "%1 per step back: the signal halves every %2 steps")
        .arg(factor, n);
  return QCoreApplication::translate("GradientFit",
                                     "%1 per step back: the signal doubles every %2 steps")
      .arg(factor, n);
}

}  // namespace unroll::gui
