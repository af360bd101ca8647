// Aggregates of the scalar history: merging keeps the extremes, so a spike survives decimation.
#include "telemetry/scalar_history.h"

#include <algorithm>

namespace unroll {

void Aggregate::add(double v) {
  min = std::min(min, v);
  max = std::max(max, v);
  sum += v;
  ++count;
}

void Aggregate::merge(const Aggregate& o) {
  min = std::min(min, o.min);
  max = std::max(max, o.max);
  sum += o.sum;
  count += o.count;
}

void ScalarRow::merge(const ScalarRow& o) {
  for (int k = 0; k < kSeriesCount; ++k) s[size_t(k)].merge(o.s[size_t(k)]);
}

}  // namespace unroll
