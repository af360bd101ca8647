// Metrics and timestep-gradient CSV text, with full float precision (%.9g) and no locale.
#include "io/metrics_csv.h"

#include <cmath>
#include <cstdio>

namespace unroll {
namespace {

void append(std::string& out, double v) {
  if (std::isnan(v)) return;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  out += buf;
}

}  // namespace

std::string metrics_csv(const MetricsHistory& h) {
  std::string out;
  for (size_t k = 0; k < h.columns.size(); ++k) out += (k ? "," : "") + h.columns[k];
  out += '\n';
  const size_t C = h.columns.size();
  for (size_t r = 0; r < h.rows(); ++r) {
    for (size_t k = 0; k < C; ++k) {
      if (k) out += ',';
      const double v = h.values[r * C + k];
      if (h.columns[k] == "step" || h.columns[k] == "clipped" || h.columns[k] == "tokens")
        out += std::isnan(v) ? "" : std::to_string(long(v));
      else
        append(out, v);
    }
    out += '\n';
  }
  return out;
}

std::string timestep_grads_csv(const MetricsHistory& h) {
  std::string out = "step,layer,t,window_start,grad_norm\n";
  for (const auto& r : h.timestep)
    for (size_t k = 0; k < r.norms.size(); ++k)
      for (size_t t = 0; t < r.norms[k].size(); ++t) {
        out += std::to_string(r.step) + ',' + std::to_string(k) + ',' + std::to_string(t) + ',' +
               std::to_string(r.window_start) + ',';
        append(out, r.norms[k][t]);
        out += '\n';
      }
  return out;
}

}  // namespace unroll
