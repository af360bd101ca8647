// Connectivity through time: one truncated forward and backward per explained output step.
#include "telemetry/connectivity.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/error.h"

namespace unroll {

std::vector<int> scored_positions(const Batch& batch, int col, bool regression, int limit) {
  std::vector<int> all;
  for (int t = batch.loss_begin; t < batch.steps; ++t)
    if (regression || batch.targets[size_t(batch.col(t, col))] >= 0) all.push_back(t);
  if (limit < 1 || int(all.size()) <= limit) return all;
  if (limit == 1) return {all.front()};
  std::vector<int> out;
  for (int i = 0; i < limit; ++i) out.push_back(all[size_t(i) * (all.size() - 1) / (limit - 1)]);
  return out;
}

double connectivity_share(const ConnectivityMap& map, int p, int k0, int k1) {
  const auto col = map.grad.col(p);
  const double total = col.sum();
  if (!(total > 0)) return std::nan("");
  k0 = std::clamp(k0, 0, int(col.size()));
  k1 = std::clamp(k1, k0, int(col.size()));
  return col.segment(k0, k1 - k0).sum() / total;
}

template <class S>
ConnectivityMap connectivity(const Network<S>& net, const Batch& batch, int col,
                             const std::vector<int>& positions) {
  const ModelConfig& cfg = net.config();
  if (col < 0 || col >= batch.batch)
    throw Error("connectivity: sequence " + std::to_string(col) + " is not in a batch of " +
                std::to_string(batch.batch));
  const int T = batch.steps;
  ConnectivityMap out;
  out.grad = Eigen::MatrixXd::Zero(T, Index(positions.size()));
  const bool tokens = cfg.input != InputKind::Dense;
  if (tokens)
    for (int t = 0; t < T; ++t) out.tokens.push_back(batch.tokens[size_t(batch.col(t, col))]);

  // The sequence alone, as a batch of one; targets are set per position below.
  Batch one;
  one.steps = T;
  one.batch = 1;
  one.tokens.assign(size_t(T), 0);
  one.targets.assign(size_t(T), -1);
  if (!tokens) one.inputs.resize(batch.inputs.rows(), T);
  if (cfg.head == HeadKind::Regression) one.target_values.resize(batch.target_values.rows(), T);
  for (int t = 0; t < T; ++t) {
    const int src = batch.col(t, col);
    if (tokens)
      one.tokens[size_t(t)] = batch.tokens[size_t(src)];
    else
      one.inputs.col(t) = batch.inputs.col(src);
    if (cfg.head == HeadKind::Regression) one.target_values.col(t) = batch.target_values.col(src);
  }

  Workspace<S> ws;
  Vec<S> grads(net.params().size());
  const auto W_ih = net.layout().map(net.params().data(), net.layout().layer(0).weight_ih);
  int previous = -1;
  for (size_t p = 0; p < positions.size(); ++p) {
    const int t = positions[p];
    if (t < 0 || t >= T || t <= previous)
      throw Error("connectivity: output position " + std::to_string(t) +
                  " is not an ascending step of a sequence of " + std::to_string(T) + " steps");
    previous = t;
    PassSpec pass;
    pass.steps = t + 1;
    pass.loss_begin = t;
    pass.b1 = 1;
    int target = cfg.head == HeadKind::Softmax ? batch.targets[size_t(batch.col(t, col))] : 0;
    if (cfg.head == HeadKind::Softmax && target < 0) {
      // No target here: explain the prediction itself, scored against its own argmax.
      one.targets[size_t(t)] = 0;
      net.forward(one, pass, nullptr, ws);
      Index arg;
      ws.head.y.col(0).maxCoeff(&arg);
      target = int(arg);
    }
    if (cfg.head == HeadKind::Softmax) one.targets[size_t(t)] = target;
    out.positions.push_back(t);
    out.targets.push_back(target);
    net.forward(one, pass, nullptr, ws);
    grads.setZero();
    net.backward(one, pass, ws, grads.data());
    one.targets[size_t(t)] = -1;
    // dL_t/dx_k = W_ih^T dL_t/d(gates_k) for every k <= t, the whole window in one product.
    const Mat<S> dx = W_ih.transpose() * ws.layers[0].dpre.leftCols(t + 1);  // (in, t+1)
    for (int k = 0; k <= t; ++k) out.grad(k, Index(p)) = double(dx.col(k).norm());
  }
  return out;
}

template ConnectivityMap connectivity<float>(const Network<float>&, const Batch&, int,
                                             const std::vector<int>&);
template ConnectivityMap connectivity<double>(const Network<double>&, const Batch&, int,
                                              const std::vector<int>&);

}  // namespace unroll
