// The per-step factor of a gradient profile: a least-squares line through log ||dL/dh_t|| over t,
// read as "going one step back multiplies the gradient by q", and its plain-language sentence.
#pragma once
#include <QString>
#include <vector>

namespace unroll::gui {

struct GradientFit {
  bool valid = false;
  double factor = 1.0;  // q: ||dL/dh_{t-1}|| ~ q ||dL/dh_t||
  double logA = 0;      // log(g) = logA + slope * t
  double slope = 0;
  int first = 0, last = -1;  // timesteps used
};

// Fits over timesteps [from, norms.size()) with finite norms above 1e-30 (float underflow to 0
// is excluded, not fitted). Needs at least 3 points.
GradientFit fitGradientProfile(const std::vector<double>& norms, int from = 0);
// "×0.62 per step back: the signal halves every 1.4 steps" (translated).
QString describeFit(const GradientFit& fit);

}  // namespace unroll::gui
