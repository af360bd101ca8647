// Forecast: a windowed one-step pass over the series, branching free-running forecasts from the
// carried state at each origin.
#include "train/forecast.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "train/step_runner.h"

namespace unroll {
namespace {

struct ErrorSum {
  double sq = 0, abs = 0;
  long n = 0;
  void add(const Eigen::VectorXd& d) {
    sq += d.squaredNorm();
    abs += d.cwiseAbs().sum();
    n += long(d.size());
  }
  ErrorPair result() const { return {std::sqrt(sq / double(n)), abs / double(n)}; }
};

}  // namespace

ForecastResult forecast(const Network<float>& net, const SeriesTask& task,
                        const ForecastOptions& o) {
  const ModelConfig& m = net.config();
  const int C = task.channels(), N = task.points();
  if (m.input != InputKind::Dense || m.head != HeadKind::Regression || m.input_size != C ||
      m.output_size != C)
    throw Error("the model does not fit series '" + task.name() + "': it must read and predict " +
                std::to_string(C) +
                " value(s) per step (dense input, regression head); train it "
                "on this series first");
  ForecastResult r;
  r.begin = task.train_end();
  const int n = N - r.begin;
  if (o.horizon < 1 || o.horizon > n)
    throw Error("forecast horizon " + std::to_string(o.horizon) +
                " is out of range; the "
                "validation range of '" +
                task.name() + "' has " + std::to_string(n) + " points, so use 1 to " +
                std::to_string(n));
  if (o.origins < 1) throw Error("forecast needs at least 1 origin");
  const int k = std::min(o.origins, n - o.horizon + 1);
  for (int i = 0; i < k; ++i)
    r.origins.push_back(r.begin + (k > 1 ? int(long(i) * (n - o.horizon) / (k - 1)) : 0));

  const Eigen::MatrixXd& z = task.normalized();
  r.truth = task.values().rightCols(n);
  r.one_step.resize(C, n);
  r.naive = task.values().middleCols(r.begin - 1, n);
  r.multi_rmse_by_step.assign(size_t(o.horizon), 0.0);
  StepRunner runner(net);
  ErrorSum one, one_naive, multi, multi_naive;
  // Point t is predicted after reading point t - 1. Windows stop before point o - 1 of each
  // origin o, so the state there can seed a free-running branch; the pass then goes on from it.
  int next = 0;  // next point to read
  size_t origin = 0;
  const int window = 256;
  while (next < N - 1) {
    if (origin < r.origins.size() && next == r.origins[origin] - 1) {
      // Free-running from origin o: read point o - 1, then each prediction in turn.
      const int o0 = r.origins[origin++];
      const State<float> saved = runner.state();
      Eigen::MatrixXd path(C, o.horizon);
      Eigen::MatrixXd x = z.col(o0 - 1);
      for (int h = 0; h < o.horizon; ++h) {
        x = runner.feed_dense(x).col(0).cast<double>();
        path.col(h) = task.denormalize(x.col(0));
        const Eigen::VectorXd d = path.col(h) - task.values().col(o0 + h);
        multi.add(d);
        multi_naive.add(task.values().col(o0 - 1) - task.values().col(o0 + h));
        r.multi_rmse_by_step[size_t(h)] += d.squaredNorm() / double(C * k);
      }
      r.paths.push_back(path);
      runner.set_state(saved);
      continue;
    }
    int end = std::min(N - 1, next + window);
    if (origin < r.origins.size()) end = std::min(end, r.origins[origin] - 1);
    const Mat<float>& out = runner.feed_dense(z.middleCols(next, end - next));
    for (int t = next; t < end; ++t)
      if (t + 1 >= r.begin)
        r.one_step.col(t + 1 - r.begin) = task.denormalize(out.col(t - next).cast<double>());
    next = end;
  }
  for (int t = 0; t < n; ++t) {
    one.add(r.one_step.col(t) - r.truth.col(t));
    one_naive.add(r.naive.col(t) - r.truth.col(t));
  }
  for (double& v : r.multi_rmse_by_step) v = std::sqrt(v);
  r.model = one.result();
  r.baseline = one_naive.result();
  r.multi_model = multi.result();
  r.multi_baseline = multi_naive.result();
  return r;
}

}  // namespace unroll
