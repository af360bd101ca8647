// What the encoder's windows and the decoder's steps both do with a recurrent layer's weights in a
// Seq2SeqLayout buffer: the folded input bias and the weight gradients of n columns.
#pragma once
#include "model/cell.h"
#include "model/config.h"
#include "seq2seq/seq2seq_params.h"

namespace unroll {

inline int gates_of(CellType cell) {
  ModelConfig m;
  m.cell = cell;
  return m.gates();
}

// b_ih + b_hh, except GRU's b_hn (passed to the cell): the bias the input projection adds.
template <class S>
Vec<S> folded_bias(const Seq2SeqLayout& lay, const S* p, const Seq2SeqLayout::Rnn& r, CellType cell,
                   int H) {
  Vec<S> bias = lay.vec(p, r.bias_ih) + lay.vec(p, r.bias_hh);
  if (cell == CellType::Gru) bias.tail(H) = lay.vec(p, r.bias_ih).tail(H);
  return bias;
}

// The recurrent weights' gradients of one window (or step) of n columns: dW_ih += dpre x^T,
// dW_hh += dhpre h_{t-1}^T, and the biases (GRU's b_hh gets dhpre: b_hn sits inside the reset
// product).
template <class S, class X, class Hp>
void rnn_grads(const Seq2SeqLayout& lay, const Seq2SeqLayout::Rnn& r, CellType cell,
               const CellCache<S>& c, Index n, const X& x, const Hp& h_prev, S* grads) {
  const auto dpre = c.dpre.leftCols(n);
  const auto dhpre = (cell == CellType::Gru ? c.dhpre : c.dpre).leftCols(n);
  lay.map(grads, r.weight_ih).noalias() += dpre * x.transpose();
  lay.map(grads, r.weight_hh).noalias() += dhpre * h_prev.transpose();
  lay.vec(grads, r.bias_ih) += dpre.rowwise().sum();
  lay.vec(grads, r.bias_hh) += dhpre.rowwise().sum();
}

}  // namespace unroll
