// Time-series forecasting tasks: a (C, N) series, normalised with statistics of its training part
// only, learned as one-step-ahead prediction; plus the synthetic sine and stock (GBM) series.
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "data/task.h"

namespace unroll {

// Split: points [0, train_end) train, [train_end, N) validation (the last val_fraction). Each
// column c is normalised as z = (x - mean_c) / std_c with mean and std of the training points only,
// so nothing about the held-out future leaks into training.
//
// Batches: dense input z_t (C), regression target z_{t+1} (C) at every step (loss_begin = 0).
// Training windows start at random points of the training part; validation windows are spread
// evenly over the validation part, which must hold at least steps + 1 points.
class SeriesTask : public Task {
 public:
  static constexpr int kMaxValidationBatches = 4;

  // values: (C, N), all finite. Throws unroll::Error naming `name` if N < 4, a value is not
  // finite, val_fraction is outside (0, 0.5], or a column is constant on the training part.
  SeriesTask(std::string name, Eigen::MatrixXd values, std::vector<std::string> columns,
             double val_fraction = 0.2);

  int channels() const { return int(values_.rows()); }  // C
  int points() const { return int(values_.cols()); }    // N
  int train_end() const { return train_end_; }
  const Eigen::MatrixXd& values() const { return values_; }  // (C, N) original units
  const Eigen::MatrixXd& normalized() const { return z_; }   // (C, N)
  const Eigen::VectorXd& mean() const { return mean_; }      // (C)
  const Eigen::VectorXd& stddev() const { return std_; }     // (C)
  const std::vector<std::string>& columns() const { return columns_; }
  Eigen::VectorXd denormalize(const Eigen::VectorXd& z) const {
    return (z.array() * std_.array() + mean_.array()).matrix();
  }

  std::string name() const override { return name_; }
  TaskShape shape() const override;
  Batch train_batch(int steps, int batch, Rng& rng) const override;
  Batch validation_batch(int steps, int batch, int i) const override;
  int validation_batches() const override;
  const SeriesTask* series() const override { return this; }

 private:
  Batch window_batch(int steps, const std::vector<int>& starts) const;

  std::string name_;
  std::vector<std::string> columns_;
  Eigen::MatrixXd values_, z_;  // (C, N)
  Eigen::VectorXd mean_, std_;  // (C)
  int train_end_ = 0;
};

// Sum of sines: x_t = sum_k a_k sin(2 pi t / p_k + phi_k) + noise * N(0, 1), with `components`
// periods p_k drawn from [8, 64) steps, amplitudes from [0.5, 1.5) and phases from [0, 2 pi).
struct SineOptions {
  int points = 4000;
  int components = 2;
  double noise = 0.05;
  uint64_t seed = 1;
};
Eigen::MatrixXd make_sine_series(const SineOptions& o);  // (1, points)

// Geometric Brownian motion, a stock-price model: S_{t+1} = S_t exp((mu - sigma^2/2) dt +
// sigma sqrt(dt) N(0, 1)), dt = 1/252 (one trading day), S_0 = start. Its best one-step forecast
// is nearly the last value, so the naive baseline is hard to beat: the honest lesson of the task.
struct StockOptions {
  int points = 4000;
  double drift = 0.05;      // mu, per year
  double volatility = 0.2;  // sigma, per sqrt(year)
  double start = 100.0;
  uint64_t seed = 1;
};
Eigen::MatrixXd make_stock_series(const StockOptions& o);  // (1, points)

}  // namespace unroll
