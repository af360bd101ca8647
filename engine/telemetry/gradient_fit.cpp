// Log-linear fit of the gradient-vs-timestep profile.
#include "telemetry/gradient_fit.h"

#include <algorithm>
#include <cmath>

namespace unroll {

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

}  // namespace unroll
