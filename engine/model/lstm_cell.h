// LSTM cell, torch.nn.LSTM semantics and gate order (i, f, g, o), over one window of W steps:
//   (1) [i; f; g; o] = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh        (each block H rows)
//   (2) i = sigmoid(i), f = sigmoid(f), g = tanh(g), o = sigmoid(o)
//   (3) c_t = f * c_{t-1} + i * g
//   (4) h_t = o * tanh(c_t)
// The caller has put W_ih x_t + b_ih + b_hh into cache.gates; the cell adds the recurrence.
#pragma once
#include "model/cell.h"

namespace unroll {

template <class S>
void lstm_forward(const CMatMap<S>& W_hh, CellCache<S>& cache, int W, int B,
                  const Perturb* perturb);

// cache.dh holds dL/dh_t from outside the recurrence; on return the total dL/dh_t. cache.dpre gets
// dL/d(pre-activation gates) for steps >= cut. dh_norm[t] += sum over columns of ||dL/dh_t||, and
// dc_norm[t] (when not null) += sum over columns of ||dL/dc_t||, the total gradient of the cell
// state: the path along c that the forget gate scales, the constant error carousel.
template <class S>
void lstm_backward(const CMatMap<S>& W_hh, CellCache<S>& cache, int W, int B, int cut,
                   double* dh_norm, double* dc_norm = nullptr);

}  // namespace unroll
