// The sentence that reads a gradient profile's fit.
#include "charts/gradient_fit.h"

#include <QCoreApplication>
#include <cmath>

namespace unroll::gui {

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
