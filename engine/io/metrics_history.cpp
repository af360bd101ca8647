// The metrics history's layout: its columns and one step's row.
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

}  // namespace unroll
