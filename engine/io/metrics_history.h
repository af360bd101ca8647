// A run's recorded metrics: every step's scalars and some steps' per-timestep gradient norms,
// bounded so that a run of millions of steps keeps memory flat. Checkpoints carry it.
#pragma once
#include <string>
#include <vector>

#include "telemetry/step_report.h"

namespace unroll {

// Scalars of every recorded step, and the per-timestep gradient norms of some of them.
struct MetricsHistory {
  // Column names of values; "step" first. NaN marks a value not measured at that step.
  std::vector<std::string> columns;
  std::vector<double> values;  // (rows, columns) row-major
  struct Timestep {
    long step = 0;
    int window_start = 0;                    // batch step of window step 0
    std::vector<std::vector<double>> norms;  // [layer][t] ||dL/dh_t||
  };
  std::vector<Timestep> timestep;
  // Bounds, so a run of millions of steps keeps memory flat: past them the older half of the
  // history is thinned to every other entry (recent steps stay dense).
  static constexpr size_t kMaxRows = 100000;
  static constexpr size_t kMaxTimesteps = 2000;

  size_t rows() const { return columns.empty() ? 0 : values.size() / columns.size(); }
  double at(size_t row, const std::string& column) const;  // NaN when the column is absent
  bool empty() const { return values.empty() && timestep.empty(); }
};

// The columns record_step() writes.
MetricsHistory make_metrics_history();
// report's values for `columns` (by name; NaN for a column it does not know).
std::vector<double> metrics_row(const std::vector<std::string>& columns, const StepReport& report);
// Appends report's scalars (accepted steps only) and, when with_timestep, its timestep norms.
void record_step(MetricsHistory& history, const StepReport& report, bool with_timestep);
// Applies the bounds above (record_step calls it).
void thin_history(MetricsHistory& history);

}  // namespace unroll
