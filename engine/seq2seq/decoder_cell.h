// One step of a recurrent cell with its state passed in and out, for the decoder, whose input at
// step t depends on step t-1 (input feeding, sampled tokens), so it cannot run as one window.
// The equations are the cells' own (model/rnn_cell.h, lstm_cell.h, gru_cell.h); the forward is
// theirs with a window of one step. The backward takes what a window backward keeps inside:
//   dh_t   total dL/dh_t (from the step's outputs plus from step t+1 through the recurrence)
//   dc_t   LSTM: dL/dc_t carried from step t+1 (a window backward starts it at zero)
// and gives dpre = dL/d(W_ih x_t + b_ih) (and dhpre = dL/d(W_hh h_{t-1} + b_hh)), dL/dh_{t-1} and
// dL/dc_{t-1}. LSTM, with the gates (i, f, g, o) post-activation and tc = tanh(c_t):
//   (b1) dc = dc_t + dh_t * o * (1 - tc^2)
//   (b2) di = dc g i (1 - i),  df = dc c_{t-1} f (1 - f),  dg = dc i (1 - g^2),
//        do = dh_t tc o (1 - o)
//   (b3) dL/dc_{t-1} = dc * f,  dL/dh_{t-1} = W_hh^T [di; df; dg; do]
#pragma once
#include "model/cell.h"
#include "model/config.h"

namespace unroll {

// The step's cache is a CellCache of one step: gates (G*H, B), h (H, 2B) with h_{t-1} in the left
// B columns, c likewise (LSTM), aux (H, B), dpre/dhpre (G*H, B), dh (H, B).
template <class S>
void cell_step_resize(CellType cell, Index H, int B, CellCache<S>& c);

// cache.gates holds W_ih x_t + b_ih + b_hh (GRU: without b_hn) and h, c their left halves;
// computes h_t (and c_t) into the right halves.
template <class S>
void cell_step_forward(CellType cell, const CMatMap<S>& W_hh, const CVecMap<S>& b_hh,
                       CellCache<S>& cache, int B);

// cache.dh holds the total dL/dh_t and dc_in (LSTM, may be null for zero) dL/dc_t. On return
// cache.dpre (and dhpre for GRU) as above, cache.dh_next = dL/dh_{t-1}, cache.dc = dL/dc_{t-1}.
// W_hh_T, if given, is W_hh^T made once for all steps (LSTM; a plain product is faster).
template <class S>
void cell_step_backward(CellType cell, const CMatMap<S>& W_hh, CellCache<S>& cache, int B,
                        const Mat<S>* dc_in, const Mat<S>* W_hh_T = nullptr);

}  // namespace unroll
