// The network's head over the scored steps of a window: nn.Linear and its loss, PyTorch semantics.
// For each scored column j (one step of one sequence), with h_j the top layer's hidden state:
//   (1) y_j = W h_j + b             W = decoder.weight (O, H), b = decoder.bias (O)
// Softmax cross-entropy (nn.CrossEntropyLoss, reduction 'sum', ignore_index -1):
//   (2) p_j = softmax(y_j)
//   (3) l_j = -log p_j[target_j] = log sum_o exp(y_j[o]) - y_j[target_j]
//   (4) dl_j/dy_j = p_j - onehot(target_j)
// Linear + MSE (nn.MSELoss, reduction 'sum'):
//   (2) r_j = y_j - target_j
//   (3) l_j = ||r_j||^2
//   (4) dl_j/dy_j = 2 r_j
// The pass's loss is L = scale * sum_j l_j (scale: 1 / the scored terms of the whole batch), so
// backward, with dy_j = scale * dl_j/dy_j:
//   (5) dW += sum_j dy_j h_j^T,  db += sum_j dy_j,  dh_j = W^T dy_j
// Letters: O outputs, H hidden, N scored columns (scored steps x batch columns, step-major).
#pragma once
#include <cstdint>
#include <vector>

#include "core/eigen.h"
#include "model/config.h"

namespace unroll {

// What the head keeps of one pass: its outputs and loss, and what its backward needs (p, target).
template <class S>
struct HeadCache {
  std::vector<int32_t> target;  // (N) softmax: target class, -1 = unscored; set by the caller
  Mat<S> y;                     // (O, N) logits or predictions (1)
  Mat<S> p;                     // (O, N) softmax: p (2), 0 if unscored; MSE: in targets, out r
  Mat<S> dy;                    // (O, N) dL/dy = scale * (4)
  double loss_sum = 0;          // sum_j l_j, unscaled (3)
  long loss_count = 0;          // scored terms: tokens (softmax) or values (regression)
  long correct = 0;             // softmax: scored columns whose argmax y_j is target_j
};

// Fills cache.y, cache.p and the loss sums from the top hidden states h (H, N). The caller has
// set cache.target (softmax, every entry -1 or a class < O) or cache.p to the targets (regression).
template <class S>
void head_forward(HeadKind kind, const CMatMap<S>& W, const CVecMap<S>& b,
                  const Eigen::Ref<const Mat<S>>& h, HeadCache<S>& cache);

// Adds dW and db (5), and sets dh (H, N) to dL/dh from the head. Call after head_forward with the
// same h.
template <class S>
void head_backward(HeadKind kind, const CMatMap<S>& W, const Eigen::Ref<const Mat<S>>& h, S scale,
                   HeadCache<S>& cache, MatMap<S> dW, VecMap<S> db, Eigen::Ref<Mat<S>> dh);

}  // namespace unroll
