// GRU cell, torch.nn.GRU semantics and gate order (r, z, n), over one window of W steps:
//   (1) r = sigmoid(W_ir x_t + b_ir + W_hr h_{t-1} + b_hr)
//   (2) z = sigmoid(W_iz x_t + b_iz + W_hz h_{t-1} + b_hz)
//   (3) n = tanh(W_in x_t + b_in + r * (W_hn h_{t-1} + b_hn))      (b_hn inside the reset product)
//   (4) h_t = (1 - z) * n + z * h_{t-1}
// The caller has put W_ih x_t + b_ih + [b_hr; b_hz; 0] into cache.gates; b_hn is passed here.
#pragma once
#include "model/cell.h"

namespace unroll {

template <class S>
void gru_forward(const CMatMap<S>& W_hh, const CVecMap<S>& b_hh, CellCache<S>& cache, int W, int B,
                 const Perturb* perturb);

// As the other cells; additionally cache.dhpre gets dL/d(W_hh h_{t-1} + b_hh), which differs from
// dpre in the n block because of the reset product.
template <class S>
void gru_backward(const CMatMap<S>& W_hh, CellCache<S>& cache, int W, int B, int cut,
                  double* dh_norm);

}  // namespace unroll
