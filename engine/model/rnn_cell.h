// Vanilla (Elman) RNN cell, torch.nn.RNN semantics, over one window of W steps:
//   (1) a_t = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh
//   (2) h_t = tanh(a_t)  or  relu(a_t)
// The caller has put W_ih x_t + b_ih + b_hh into cache.gates; the cell adds the recurrence.
#pragma once
#include "model/cell.h"

namespace unroll {

template <class S>
void rnn_forward(bool relu, const CMatMap<S>& W_hh, CellCache<S>& cache, int W, int B,
                 const Perturb* perturb);

// cache.dh holds dL/dh_t from outside the recurrence; on return it holds the total dL/dh_t and
// cache.dpre holds dL/da_t for steps >= cut (gradient does not flow into steps before cut).
// dh_norm[t] += sum over columns of ||dL/dh_t||.
template <class S>
void rnn_backward(bool relu, const CMatMap<S>& W_hh, CellCache<S>& cache, int W, int B, int cut,
                  double* dh_norm);

}  // namespace unroll
