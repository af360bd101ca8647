// A bounded history of the gradient-vs-timestep profile: one column per bucket of training steps
// (mean of log10 ||dL/dh_t||), per layer; a DecimatingHistory, like ScalarHistory.
#pragma once
#include <vector>

#include "telemetry/decimating_history.h"

namespace unroll {

// The profiles of one bucket of steps, summed.
struct HeatProfile {
  std::vector<std::vector<float>> sum;  // [layer][t] sum of log10 ||dL/dh_t|| over the steps
  std::vector<std::vector<float>> n;    // [layer][t] steps that had a gradient there
  void merge(const HeatProfile& o);
};

class HeatHistory : public DecimatingHistory<HeatProfile> {
 public:
  explicit HeatHistory(int capacity = 512) : DecimatingHistory(capacity) {}

  // norms[layer][t]; zero or non-finite entries (no gradient) are kept as NaN.
  void add(long step, const std::vector<std::vector<double>>& norms);

  using Column = Bucket;
  const std::vector<Column>& columns() const { return buckets(); }
  // Value of a column cell as a mean log10 norm, NaN where no step had a gradient.
  static float value(const Column& c, int layer, int t);
};

}  // namespace unroll
