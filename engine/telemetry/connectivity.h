// Connectivity through time: ||dL_t / dx_k||, the norm of the gradient of the loss of the
// prediction at step t with respect to the input at each earlier step k, for one sequence.
#pragma once
#include <vector>

#include "data/batch.h"
#include "model/network.h"
#include "telemetry/step_report.h"

namespace unroll {

// One backward pass per output position t of `positions` (each in [0, batch.steps)), through
// steps 0..t of batch column `col` from a zero state, with only step t scored: L_t is that step's
// loss against its target, or, for a softmax head where the target is unscored (-1), against the
// class the network predicts there ("what does this prediction depend on"). x_k is the layer-0
// input vector at step k: the one-hot vector, the embedding, or the dense features; its gradient
// is W_ih^T dL_t/d(pre-activation gates at k). Throws unroll::Error for a bad position or column.
template <class S>
ConnectivityMap connectivity(const Network<S>& net, const Batch& batch, int col,
                             const std::vector<int>& positions);

// The share of column p's total sum_k ||dL_t/dx_k|| that falls on inputs [k0, k1): how much of
// what the prediction depends on lies there. NaN when the column is all zero.
double connectivity_share(const ConnectivityMap& map, int p, int k0, int k1);

// The steps of column `col` with a scored target (softmax: target >= 0; regression: every step
// from loss_begin), thinned evenly to at most `limit`.
std::vector<int> scored_positions(const Batch& batch, int col, bool regression, int limit = 64);

}  // namespace unroll
