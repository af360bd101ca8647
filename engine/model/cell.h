// What every recurrent cell keeps for its backward pass over one window, and the shared helpers.
// Letters: H hidden size, G gates (1 RNN, 4 LSTM, 3 GRU), W window steps, B batch columns.
#pragma once
#include <cmath>

#include "core/eigen.h"

namespace unroll {

template <class S>
struct CellCache {
  Mat<S> gates;    // (G*H, W*B) in: input projection W_ih x + biases; out: post-activation gates
  Mat<S> h;        // (H, (W+1)*B) h_{-1} (the initial state) .. h_{W-1}
  Mat<S> c;        // (H, (W+1)*B) LSTM cell state c_{-1} .. c_{W-1}
  Mat<S> aux;      // LSTM: tanh(c_t); GRU: W_hn h_{t-1} + b_hn; (H, W*B)
  Mat<S> dpre;     // (G*H, W*B) dL/d(gate pre-activation), i.e. dL/d(W_ih x_t + b_ih)
  Mat<S> dhpre;    // GRU only: (G*H, W*B) dL/d(W_hh h_{t-1} + b_hh); RNN/LSTM use dpre
  Mat<S> dh;       // (H, W*B) in: dL/dh_t from the head or layer above; out: total dL/dh_t
  Mat<S> dc;       // (H, B) LSTM: dL/dc_t carried backwards
  Mat<S> dh_next;  // (H, B) dL/dh_{t-1} through the recurrence
};

// A nudge added to one hidden unit right after it is computed: lets tests take finite differences
// with respect to h_t itself (or the LSTM's cell state c_t).
struct Perturb {
  int layer = -1;  // -1: none
  int t = 0;       // window-relative step
  int row = 0;     // unit
  int col = 0;     // batch column of this pass
  double eps = 0;
  bool cell_state = false;  // LSTM: nudge c_t (before h_t = o * tanh(c_t) reads it), not h_t
};

// The mean over timesteps of a per-timestep sum is done by the caller; this adds, for one step,
// sum over columns of ||dh column||.
template <class S, class M>
double column_norm_sum(const M& dh_t) {
  return static_cast<double>(dh_t.colwise().norm().sum());
}

// sigmoid through tanh: Eigen vectorises tanh, and 0.5*tanh(x/2)+0.5 is the same function.
template <class X>
auto sigmoid(const X& x) {
  using S = typename X::Scalar;
  return (x * S(0.5)).tanh() * S(0.5) + S(0.5);
}

}  // namespace unroll
