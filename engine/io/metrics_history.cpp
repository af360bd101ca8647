// Recording and thinning of a run's metrics history.
#include "io/metrics_history.h"

#include <cmath>
#include <limits>
#include <utility>

namespace unroll {

double MetricsHistory::at(size_t row, const std::string& column) const {
  for (size_t k = 0; k < columns.size(); ++k)
    if (columns[k] == column) return values[row * columns.size() + k];
  return std::numeric_limits<double>::quiet_NaN();
}

MetricsHistory make_metrics_history() {
  MetricsHistory h;
  h.columns = {"step",         "train_loss", "val_loss",          "accuracy",
               "val_accuracy", "grad_norm",  "grad_norm_clipped", "clipped",
               "lr",           "tokens",     "seconds",           "tokens_per_s"};
  return h;
}

std::vector<double> metrics_row(const std::vector<std::string>& columns, const StepReport& r) {
  std::vector<double> row;
  row.reserve(columns.size());
  for (const std::string& c : columns) {
    double v = StepReport::kNaN;
    if (c == "step")
      v = double(r.step);
    else if (c == "train_loss")
      v = r.loss;
    else if (c == "val_loss")
      v = r.val_loss;
    else if (c == "accuracy")
      v = r.accuracy;
    else if (c == "val_accuracy")
      v = r.val_accuracy;
    else if (c == "grad_norm")
      v = r.grad_norm;
    else if (c == "grad_norm_clipped")
      v = r.grad_norm_clipped;
    else if (c == "clipped")
      v = r.clipped ? 1 : 0;
    else if (c == "lr")
      v = r.lr;
    else if (c == "tokens")
      v = double(r.tokens);
    else if (c == "seconds")
      v = r.seconds;
    else if (c == "tokens_per_s")
      v = r.tokens_per_s;
    row.push_back(v);
  }
  return row;
}

void record_step(MetricsHistory& h, const StepReport& r, bool with_timestep) {
  if (!r.accepted) return;
  if (h.columns.empty()) h = make_metrics_history();
  const std::vector<double> row = metrics_row(h.columns, r);
  h.values.insert(h.values.end(), row.begin(), row.end());
  if (with_timestep) h.timestep.push_back({r.step, r.window_start, r.timestep_grad_norms});
  thin_history(h);
}

namespace {
// Drops every other entry of the older half of v (each entry `width` values wide).
template <class T>
void thin_older_half(std::vector<T>& v, size_t width) {
  const size_t n = v.size() / width, half = n / 2;
  size_t out = 0;
  for (size_t i = 0; i < n; ++i) {
    if (i < half && i % 2 == 1) continue;
    for (size_t k = 0; k < width; ++k) v[out * width + k] = std::move(v[i * width + k]);
    ++out;
  }
  v.resize(out * width);
}
}  // namespace

void thin_history(MetricsHistory& h) {
  if (h.rows() > MetricsHistory::kMaxRows) thin_older_half(h.values, h.columns.size());
  if (h.timestep.size() > MetricsHistory::kMaxTimesteps) thin_older_half(h.timestep, 1);
}

}  // namespace unroll
