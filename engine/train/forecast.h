// Forecasting a series task with a trained network over its validation range: one-step-ahead
// predictions and free-running multi-step forecasts (each prediction fed back as the next input),
// scored by RMSE and MAE in the series' own units against the naive last-value baseline.
#pragma once
#include <Eigen/Core>
#include <vector>

#include "data/series_task.h"
#include "model/network.h"

namespace unroll {

struct ForecastOptions {
  int horizon = 20;  // H: steps of each free-running forecast
  int origins = 8;   // free-running forecasts, their starts spread over the validation range
};

struct ErrorPair {
  double rmse = 0, mae = 0;
};

struct ForecastResult {
  int begin = 0;              // first forecast point: the start of the validation range
  Eigen::MatrixXd truth;      // (C, n) points [begin, N), original units
  Eigen::MatrixXd one_step;   // (C, n) prediction of point t from the points before t
  Eigen::MatrixXd naive;      // (C, n) point t - 1
  ErrorPair model, baseline;  // one-step errors over all C * n values
  // Free-running forecasts: origin o predicts points [o, o + H) from the points before o only.
  std::vector<int> origins;                // (k) first predicted point of each
  std::vector<Eigen::MatrixXd> paths;      // (k) each (C, H)
  ErrorPair multi_model, multi_baseline;   // over all forecasts; the baseline holds point o - 1
  std::vector<double> multi_rmse_by_step;  // (H) model RMSE h steps ahead, over the origins
};

// The network must have been trained on `task` (dense input and regression head of its width).
// The state is warmed up on the whole series before the validation range. Throws unroll::Error
// when the model does not fit the task or the validation range is shorter than the horizon.
ForecastResult forecast(const Network<float>& net, const SeriesTask& task,
                        const ForecastOptions& options = {});

}  // namespace unroll
