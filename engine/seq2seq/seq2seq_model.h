// Encoder–decoder with optional attention, torch semantics, one contiguous parameter buffer.
// Letters: Ts source steps, Tt target steps, B batch columns, L layers, D directions, He encoder
// hidden per direction, Dm = D He memory size, Hd decoder hidden, E embedding, Vs/Vt vocabularies.
// Encoder (the existing window cells, model/*_cell.h), layer k, direction d (d = 1 reads
// backwards):
//   (1) x^0_s = E_src[src_s];  x^k_s = [h^{k-1,0}_s; h^{k-1,1}_s]
//   (2) h^{k,d}_s = cell(x^k_s, h^{k,d}_{s-1 or s+1}),  h^{k,d} = 0 before the first step
//   (3) memory m_s = [h^{L-1,0}_s; h^{L-1,1}_s];  f^k = [h^{k,0}_{Ts-1}; h^{k,1}_0]
// Bridge (only when Dm != Hd, else identity), decoder starts at
//   (4) s^k_{-1} = W_b^k f^k + b_b^k;  an LSTM decoder's c^k_{-1} = 0;  ht_{-1} = 0
// Decoder step t (decoder_cell.h), y_{-1} = <bos>, y_{t-1} the gold token with probability
// teacher_forcing, else the argmax of step t-1 (scheduled sampling):
//   (5) x_t = [E_tgt[y_{t-1}]; ht_{t-1}] (input feeding) or E_tgt[y_{t-1}]
//   (6) s^k_t = cell(x^k_t, s^k_{t-1}),  x^0_t = x_t, x^k_t = s^{k-1}_t
//   (7) ht_t = attention(s^{L-1}_t, memory) (attention.h), or s^{L-1}_t without attention
//   (8) z_t = W_o ht_t + b_o;  L = mean over target tokens of -log softmax(z_t)[y_t] (model/head.h)
// Backward runs (8) for all steps at once, then t = Tt-1 .. 0: (7), (6) with dL/ds and dL/dc
// carried from step t+1, (5) giving dE_tgt and dL/dht_{t-1}; then (4) and the encoder's window
// backward with dL/dm_s from attention and dL/df^k from the bridge. The total dL/dh^enc_s of the
// top encoder layer (both directions) is what reaches each source position.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "core/rng.h"
#include "model/cell.h"
#include "model/head.h"
#include "seq2seq/decoder.h"

namespace unroll {

// One batch of B pairs whose sources all have Ts tokens. Time-major columns.
struct Seq2SeqBatch {
  int B = 0, Ts = 0, Tt = 0;
  std::vector<int32_t> src;  // (Ts*B) column s*B + b: source ids
  std::vector<int32_t> tgt;  // (Tt*B) column t*B + b: target ids, the last real one kEos, then -1
};

// The decoder's memory (Ts, B, memory, keys) with what the encoder's backward needs.
template <class S>
struct EncoderCache : DecoderMemory<S> {
  std::vector<Mat<S>> input;                       // [k] (in_k, Ts*B) x^k, position order
  std::vector<Mat<S>> input_rev;                   // [k] the same, reversed (bidirectional)
  std::vector<std::array<CellCache<S>, 2>> cells;  // [k][d] window caches, d = 1 reversed
  std::vector<Mat<S>> final;                       // [k] (Dm, B) f^k (3)
};

template <class S>
struct Seq2SeqWorkspace : DecoderWorkspace<S> {  // the decoder's steps, head and loss
  EncoderCache<S> enc;
  std::vector<Mat<S>> s0;  // [k] (Hd, B) (4)
  std::vector<Mat<S>> dfinal;
  Mat<double> dh_enc;  // (Ts, B) ||dL/dh^enc_s|| per column: what reaches each source position
};

struct Seq2SeqForwardOptions {
  double teacher_forcing = 1.0;  // probability of feeding the gold token (1: teacher forcing)
  Rng* rng = nullptr;            // draws the choice when teacher_forcing < 1
  Perturb perturb;               // tests: a nudge to one encoder state (perturb.layer >= 0), whose
  int perturb_direction = 0;     // t is the window step of this direction (reversed for 1)
};

template <class S>
class Seq2Seq {
 public:
  explicit Seq2Seq(const Seq2SeqConfig& cfg);  // validates cfg; parameters zero

  const Seq2SeqConfig& config() const { return cfg_; }
  const Seq2SeqLayout& layout() const { return layout_; }
  Decoder<S> decoder() const { return Decoder<S>(cfg_, layout_, params_.data()); }
  Vec<S>& params() { return params_; }
  const Vec<S>& params() const { return params_; }

  // PyTorch's defaults: embeddings N(0, 1); recurrent weights and biases U(+-1/sqrt(H));
  // Linear U(+-1/sqrt(fan_in)).
  void initialize(Rng& rng);

  // (1)-(3) for B sources of Ts tokens each (src column s*B + b); throws on an id outside Vs.
  void encode(const std::vector<int32_t>& src, int Ts, int B, EncoderCache<S>& enc,
              const Seq2SeqForwardOptions* opt = nullptr) const;
  // (4) into st; s0, if given, keeps the bridged states.
  void initial_state(const EncoderCache<S>& enc, DecoderState<S>& st,
                     std::vector<Mat<S>>* s0 = nullptr) const;
  // (5)-(7) for the N = enc.B columns from state st and inputs step.y_in; also (8) into
  // step.logits if logits. Then next_state moves the step's results into st.
  void step(const EncoderCache<S>& enc, const DecoderState<S>& st, DecoderStep<S>& step,
            bool logits) const;
  const Eigen::Block<const Mat<S>> step_output(const DecoderStep<S>& step) const;
  void next_state(const DecoderStep<S>& step, DecoderState<S>& st) const;

  // Forward over a batch: returns the mean loss per target token (ws.loss).
  double forward(const Seq2SeqBatch& batch, const Seq2SeqForwardOptions& opt,
                 Seq2SeqWorkspace<S>& ws) const;
  // Adds dL/dparams (L the mean loss of forward) into grads (layout-sized); fills ws.dh_enc.
  void backward(const Seq2SeqBatch& batch, Seq2SeqWorkspace<S>& ws, S* grads) const;

 private:
  void encoder_backward(Seq2SeqWorkspace<S>& ws, const std::vector<int32_t>& src, S* grads) const;
  Seq2SeqConfig cfg_;
  Seq2SeqLayout layout_;
  Vec<S> params_;
};

extern template class Seq2Seq<float>;
extern template class Seq2Seq<double>;

}  // namespace unroll
