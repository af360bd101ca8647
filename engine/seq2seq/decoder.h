// The decoder of an encoder–decoder (seq2seq_model.h, equations (5)-(8)) as a view over weights
// laid out by Seq2SeqLayout, so that any memory (Dm, Ts*N) of "source positions" and any initial
// state can drive it: a recurrent encoder's states (Seq2Seq) or a convolutional encoder's grid
// (caption/captioner.h). Step t, y_{-1} = <bos>, y_{t-1} the gold token with probability
// teacher_forcing, else the argmax of step t-1:
//   (5) x_t = [E_tgt[y_{t-1}]; ht_{t-1}] (input feeding) or E_tgt[y_{t-1}]
//   (6) s^k_t = cell(x^k_t, s^k_{t-1}),  x^0_t = x_t, x^k_t = s^{k-1}_t;  s^k_{-1} given, c = 0
//   (7) ht_t = attention(s^{L-1}_t, memory) (attention.h), or s^{L-1}_t without attention
//   (8) z_t = W_o ht_t + b_o;  L = mean over target tokens of -log softmax(z_t)[y_t]
// Backward runs (8) for all steps at once, then t = Tt-1 .. 0: (7), (6) with dL/ds and dL/dc
// carried from step t+1, (5); it leaves dL/dmemory (through the attention keys too) and
// dL/ds^k_{-1} for the caller's encoder and bridge.
#pragma once
#include <cstdint>
#include <vector>

#include "core/rng.h"
#include "model/cell.h"
#include "model/head.h"
#include "seq2seq/attention.h"

namespace unroll {

// What the decoder attends over: Ts positions of N columns, position-major (column s*N + n).
template <class S>
struct DecoderMemory {
  int Ts = 0, B = 0;
  Mat<S> memory;  // (Dm, Ts*B)
  Mat<S> keys;    // attention keys (attention.h), or empty
};

template <class S>
struct DecoderState {
  std::vector<Mat<S>> h, c;  // [k] (Hd, N) s^k_{t-1}, c^k_{t-1} (LSTM)
  Mat<S> ht;                 // (Hd, N) ht_{t-1}, for input feeding
};

template <class S>
struct DecoderStep {
  std::vector<int32_t> y_in;        // (N) y_{t-1}
  Mat<S> x;                         // (Din, N) (5)
  std::vector<CellCache<S>> cells;  // [k] one-step caches (6)
  AttentionCache<S> attn;           // (7)
  Mat<S> logits;                    // (Vt, N) (8), when the step was asked for them
};

template <class S>
struct DecoderWorkspace {
  std::vector<DecoderStep<S>> steps;  // [t]
  Mat<S> top;                         // (Hd, Tt*B) ht_t of every step, the head's input
  HeadCache<S> head;                  // (8) over all steps; its target is the batch's
  std::vector<uint8_t> teacher;       // (Tt*B) 1 where y_{t-1} was the gold token
  double loss = 0;                    // mean -log p per target token
  // Backward
  Mat<S> dtop, dmemory, dkeys, dht, dq, dx;
  std::vector<Mat<S>> dh_rec, dc_rec;   // [k] after backward: dL/ds^k_{-1} (and dL/dc^k_{-1})
  std::vector<CellCache<S>> dec_grads;  // [k] dpre, dhpre and h_{t-1} (in h) of every step
  std::vector<Mat<S>> dec_x;            // [k] (in_k, Tt*B) every step's layer input
  Mat<S> att_g, att_in;  // (Hd, Tt*B) every step's dL/d(W_c [ctx; q]), (Dm + Hd, Tt*B) [ctx; q]
};

template <class S>
class Decoder {
 public:
  // cfg and lay must outlive the view; p is the parameter (or any layout-sized) buffer.
  Decoder(const Seq2SeqConfig& cfg, const Seq2SeqLayout& lay, const S* p)
      : cfg_(&cfg), lay_(&lay), p_(p) {}
  const Seq2SeqConfig& config() const { return *cfg_; }

  void make_keys(DecoderMemory<S>& mem) const;  // the attention keys of mem.memory
  // st from the initial states s0 (s^k_{-1}); c and ht zero.
  void start(const std::vector<Mat<S>>& s0, DecoderState<S>& st) const;
  // (5)-(7) for the N = mem.B columns from state st and inputs step.y_in; also (8) into
  // step.logits if logits. Then next_state moves the step's results into st.
  void step(const DecoderMemory<S>& mem, const DecoderState<S>& st, DecoderStep<S>& step,
            bool logits) const;
  const Eigen::Block<const Mat<S>> step_output(const DecoderStep<S>& step) const;
  void next_state(const DecoderStep<S>& step, DecoderState<S>& st) const;

  // (5)-(8) over Tt steps of targets tgt (column t*B + b: ids, the last real one kEos, then -1)
  // from s0; returns the mean loss per target token (ws.loss).
  double forward(const DecoderMemory<S>& mem, const std::vector<Mat<S>>& s0,
                 const std::vector<int32_t>& tgt, int Tt, double teacher_forcing, Rng* rng,
                 DecoderWorkspace<S>& ws) const;
  // Adds the decoder's dL/dparams into grads; ws.dmemory = dL/dmemory, ws.dh_rec = dL/ds^k_{-1}.
  void backward(const DecoderMemory<S>& mem, DecoderWorkspace<S>& ws, S* grads) const;

 private:
  const Seq2SeqConfig* cfg_;
  const Seq2SeqLayout* lay_;
  const S* p_;
};

extern template class Decoder<float>;
extern template class Decoder<double>;

}  // namespace unroll
