// The per-step factor of a gradient profile: a least-squares line through log ||dL/dh_t|| over t,
// read as "going one step back multiplies the gradient by q".
#pragma once
#include <vector>

namespace unroll {

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

}  // namespace unroll
