// Metrics CSV export from a checkpoint's history: one row per recorded step with every scalar, and
// the per-timestep gradient norms ||dL/dh_t|| as step,layer,t,grad_norm rows.
#pragma once
#include <string>

#include "io/checkpoint.h"

namespace unroll {

// Header = history.columns; values NaN are written as empty fields; "step" as an integer.
std::string metrics_csv(const MetricsHistory& history);
// Header step,layer,t,window_start,grad_norm; t is window-relative, window_start + t the batch
// step.
std::string timestep_grads_csv(const MetricsHistory& history);

}  // namespace unroll
