// SeriesTask: train-only normalisation and window batches; the sine and GBM generators.
#include "data/series_task.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"

namespace unroll {

SeriesTask::SeriesTask(std::string name, Eigen::MatrixXd values, std::vector<std::string> columns,
                       double val_fraction)
    : name_(std::move(name)), columns_(std::move(columns)), values_(std::move(values)) {
  const Eigen::Index C = values_.rows(), N = values_.cols();
  if (C < 1)
    throw Error(name_ + ": the series has no columns; choose at least one column to forecast");
  if (N < 4)
    throw Error(name_ + ": the series has " + std::to_string(N) +
                " points; forecasting needs at least 4 (some to train on, some to validate), "
                "and in practice hundreds");
  if (!(val_fraction > 0.0 && val_fraction <= 0.5))
    throw Error(name_ + ": validation fraction " + std::to_string(val_fraction) +
                " is out of range; use a value above 0 and at most 0.5 (e.g. 0.2)");
  for (Eigen::Index t = 0; t < N; ++t)
    for (Eigen::Index c = 0; c < C; ++c)
      if (!std::isfinite(values_(c, t)))
        throw Error(name_ + ": value " + std::to_string(values_(c, t)) + " at point " +
                    std::to_string(t) + " of column " + std::to_string(c + 1) +
                    " is not finite; remove or fill it");
  if (columns_.size() != size_t(C)) {
    columns_.clear();
    // (append, not "x" + ...: GCC 12 warns falsely about the latter, -Wrestrict)
    for (Eigen::Index c = 0; c < C; ++c)
      columns_.push_back(std::string("x").append(std::to_string(c + 1)));
  }
  const Eigen::Index n_val = std::max<Eigen::Index>(2, Eigen::Index(std::ceil(val_fraction * N)));
  train_end_ = int(N - n_val);
  const auto train = values_.leftCols(train_end_);
  mean_ = train.rowwise().mean();
  std_ = ((train.colwise() - mean_).array().square().rowwise().sum() / double(train_end_))
             .sqrt()
             .matrix();
  for (Eigen::Index c = 0; c < C; ++c)
    if (!(std_(c) > 1e-12 * std::max(1.0, std::abs(mean_(c)))))
      throw Error(name_ + ": column '" + columns_[size_t(c)] +
                  "' is constant over the training part, so there is nothing to learn and it "
                  "cannot be normalised; drop that column");
  z_ = (values_.colwise() - mean_).array().colwise() / std_.array();
}

TaskShape SeriesTask::shape() const {
  TaskShape s;
  s.tokens = false;
  s.input_size = channels();
  s.head = HeadKind::Regression;
  s.output_size = channels();
  s.loss_every_step = true;
  return s;
}

Batch SeriesTask::window_batch(int steps, const std::vector<int>& starts) const {
  Batch out;
  out.steps = steps;
  out.batch = int(starts.size());
  out.inputs.resize(channels(), Eigen::Index(steps) * out.batch);         // (C, T*B)
  out.target_values.resize(channels(), Eigen::Index(steps) * out.batch);  // (C, T*B)
  out.loss_begin = 0;
  for (int b = 0; b < out.batch; ++b)
    for (int t = 0; t < steps; ++t) {
      out.inputs.col(out.col(t, b)) = z_.col(starts[size_t(b)] + t);
      out.target_values.col(out.col(t, b)) = z_.col(starts[size_t(b)] + t + 1);
    }
  return out;
}

Batch SeriesTask::train_batch(int steps, int batch, Rng& rng) const {
  if (steps <= 0 || batch <= 0)
    throw Error(name_ + ": asked for " + std::to_string(batch) + " sequences of " +
                std::to_string(steps) + " steps; both must be at least 1");
  if (train_end_ < steps + 1)
    throw Error(name_ + ": the training part has " + std::to_string(train_end_) +
                " points, too few for one window of " + std::to_string(steps) +
                " steps plus its next value; use a shorter --seq or a longer series");
  std::vector<int> starts(static_cast<size_t>(batch));
  for (auto& s : starts) s = int(rng.below(uint64_t(train_end_ - steps)));
  return window_batch(steps, starts);
}

int SeriesTask::validation_batches() const {
  const int n_val = points() - train_end_;
  return std::clamp(n_val / 256, 1, kMaxValidationBatches);
}

Batch SeriesTask::validation_batch(int steps, int batch, int i) const {
  const int count = validation_batches();
  if (steps <= 0 || batch <= 0)
    throw Error(name_ + ": asked for " + std::to_string(batch) + " sequences of " +
                std::to_string(steps) + " steps; both must be at least 1");
  if (i < 0 || i >= count)
    throw Error(name_ + ": validation batch " + std::to_string(i) + " does not exist; there are " +
                std::to_string(count));
  const int n_val = points() - train_end_;
  if (n_val < steps + 1)
    throw Error(name_ + ": the validation part has " + std::to_string(n_val) +
                " points, too few for one window of " + std::to_string(steps) +
                " steps plus its next value; use a shorter --seq, a larger validation fraction "
                "or a longer series");
  // Window k of count*B starts evenly spaced over every possible start in the validation part.
  const long windows = long(count) * batch, last = n_val - steps - 1;
  std::vector<int> starts(static_cast<size_t>(batch));
  for (int b = 0; b < batch; ++b) {
    const long k = long(i) * batch + b;
    starts[size_t(b)] = train_end_ + int(windows > 1 ? k * last / (windows - 1) : 0);
  }
  return window_batch(steps, starts);
}

Eigen::MatrixXd make_sine_series(const SineOptions& o) {
  if (o.points < 4 || o.points > 100000000)
    throw Error("sine series: " + std::to_string(o.points) +
                " points is out of range; use 4 to 100000000 (e.g. 4000)");
  if (o.components < 1 || o.components > 64)
    throw Error("sine series: " + std::to_string(o.components) +
                " components is out of range; use 1 to 64 (e.g. 2)");
  if (!(o.noise >= 0.0 && o.noise <= 100.0))
    throw Error("sine series: noise " + std::to_string(o.noise) +
                " is out of range; use a standard deviation from 0 to 100 (e.g. 0.05)");
  Rng rng(o.seed);
  std::vector<double> period, amp, phase;
  for (int k = 0; k < o.components; ++k) {
    period.push_back(rng.uniform(8.0, 64.0));
    amp.push_back(rng.uniform(0.5, 1.5));
    phase.push_back(rng.uniform(0.0, 6.283185307179586));
  }
  Eigen::MatrixXd x(1, o.points);
  for (int t = 0; t < o.points; ++t) {
    double v = 0;
    for (int k = 0; k < o.components; ++k)
      v += amp[size_t(k)] * std::sin(6.283185307179586 * t / period[size_t(k)] + phase[size_t(k)]);
    x(0, t) = v + o.noise * rng.normal();
  }
  return x;
}

Eigen::MatrixXd make_stock_series(const StockOptions& o) {
  if (o.points < 4 || o.points > 100000000)
    throw Error("stock series: " + std::to_string(o.points) +
                " points is out of range; use 4 to 100000000 (e.g. 4000)");
  if (!(o.volatility >= 0.0 && o.volatility <= 10.0))
    throw Error("stock series: volatility " + std::to_string(o.volatility) +
                " is out of range; use 0 to 10 per sqrt(year) (e.g. 0.2)");
  if (!(std::abs(o.drift) <= 10.0))
    throw Error("stock series: drift " + std::to_string(o.drift) +
                " is out of range; use -10 to 10 per year (e.g. 0.05)");
  if (!(o.start > 0.0 && o.start < 1e12))
    throw Error("stock series: start price " + std::to_string(o.start) +
                " must be positive (e.g. 100)");
  const double dt = 1.0 / 252.0;
  const double mu = (o.drift - 0.5 * o.volatility * o.volatility) * dt;
  const double sd = o.volatility * std::sqrt(dt);
  Rng rng(o.seed);
  Eigen::MatrixXd x(1, o.points);
  x(0, 0) = o.start;
  for (int t = 1; t < o.points; ++t) x(0, t) = x(0, t - 1) * std::exp(mu + sd * rng.normal());
  return x;
}

}  // namespace unroll
