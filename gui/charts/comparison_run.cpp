// A run kept for comparison: its loss history thinned to a bounded number of points.
#include "charts/comparison_run.h"

#include <cmath>

namespace unroll::gui {

ComparisonRun comparisonRun(const QString& name, const ScalarHistory& history,
                            const StepReport& last) {
  ComparisonRun run;
  run.name = name;
  const auto& buckets = history.buckets();
  // Buckets per point: the smallest power of two that leaves at most kMaxPoints.
  std::size_t group = 1;
  while ((buckets.size() + group - 1) / group > std::size_t(ComparisonRun::kMaxPoints)) group *= 2;
  run.stride = history.stride() * long(group);
  for (std::size_t i = 0; i < buckets.size(); i += group) {
    Aggregate a;
    long first = buckets[i].firstStep, lastStep = first;
    for (std::size_t j = i; j < std::min(buckets.size(), i + group); ++j) {
      a.merge(buckets[j].s[kLoss]);
      lastStep = buckets[j].lastStep;
    }
    if (a.count > 0 && std::isfinite(a.mean()))
      run.loss.emplace_back(0.5 * double(first + lastStep), a.mean());
  }
  if (!last.timestep_grad_norms.empty()) run.profile = last.timestep_grad_norms.front();
  run.cut = last.truncation_cut;
  return run;
}

}  // namespace unroll::gui
