// A run's recorded metrics: steps' scalars and some steps' per-timestep gradient norms. Checkpoints
// carry it; MetricsRecorder (telemetry/) records it within its bounds.
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
  size_t rows() const { return columns.empty() ? 0 : values.size() / columns.size(); }
  double at(size_t row, const std::string& column) const;  // NaN when the column is absent
  bool empty() const { return values.empty() && timestep.empty(); }
};

// The columns metrics_row() writes.
MetricsHistory make_metrics_history();
// report's values for `columns` (by name; NaN for a column it does not know).
std::vector<double> metrics_row(const std::vector<std::string>& columns, const StepReport& report);

}  // namespace unroll
