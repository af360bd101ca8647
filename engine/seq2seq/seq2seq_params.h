// Where each tensor of an encoder–decoder lives in its one contiguous parameter buffer (and,
// identically, in the gradient buffer). Names and shapes are those of the PyTorch module in
// scripts/load_seq2seq_in_pytorch.py, so export is a copy:
//   encoder.embedding.weight                     [Vs, E]
//   encoder.rnn.{weight_ih,weight_hh,bias_ih,bias_hh}_l{k}[_reverse]    nn.RNN/LSTM/GRU, G*He rows
//   bridge.{k}.weight [Hd, Dm], bridge.{k}.bias [Hd]                 only when Dm != Hd
//   decoder.embedding.weight                     [Vt, E]
//   decoder.rnn.{weight_ih,weight_hh,bias_ih,bias_hh}_l{k}           G*Hd rows; l0 input E (+Hd)
//   attention.linear_in.weight [Hd, Dm]                               general
//   attention.linear_query.weight [A, Hd], attention.linear_context.weight [A, Dm],
//   attention.v.weight [1, A]                                         additive
//   attention.linear_out.weight [Hd, Dm + Hd]                         any attention
//   generator.weight [Vt, Hd], generator.bias [Vt]
#pragma once
#include <array>
#include <vector>

#include "model/params.h"
#include "seq2seq/seq2seq_config.h"

namespace unroll {

class Seq2SeqLayout {
 public:
  struct Rnn {
    int weight_ih = -1, weight_hh = -1, bias_ih = -1, bias_hh = -1;  // indices into tensors()
  };

  Seq2SeqLayout() = default;
  // Without the encoder: no source embedding, encoder layers or bridge; only the decoder,
  // attention and generator tensors (a captioner brings its own encoder, caption/caption_params.h).
  explicit Seq2SeqLayout(const Seq2SeqConfig& cfg, bool with_encoder = true);
  // One more tensor after the others (aligned like them); returns its index.
  int append(const std::string& name, Index rows, Index cols, bool is_vector);

  const std::vector<TensorInfo>& tensors() const { return tensors_; }
  const TensorInfo& tensor(int i) const { return tensors_[i]; }
  Index size() const { return size_; }
  int find(const std::string& name) const;  // -1 when absent

  int source_embedding = -1, target_embedding = -1;
  std::vector<std::array<Rnn, 2>> encoder;      // [layer][direction]
  std::vector<Rnn> decoder;                     // [layer]
  std::vector<int> bridge_weight, bridge_bias;  // [layer], empty without a bridge
  int attn_in = -1, attn_query = -1, attn_context = -1, attn_v = -1, attn_out = -1;
  int generator_weight = -1, generator_bias = -1;

  template <class S>
  MatMap<S> map(S* buf, int i) const {
    const auto& t = tensors_[i];
    return MatMap<S>(buf + t.offset, t.rows, t.cols);
  }
  template <class S>
  CMatMap<S> map(const S* buf, int i) const {
    const auto& t = tensors_[i];
    return CMatMap<S>(buf + t.offset, t.rows, t.cols);
  }
  template <class S>
  VecMap<S> vec(S* buf, int i) const {
    const auto& t = tensors_[i];
    return VecMap<S>(buf + t.offset, t.size());
  }
  template <class S>
  CVecMap<S> vec(const S* buf, int i) const {
    const auto& t = tensors_[i];
    return CVecMap<S>(buf + t.offset, t.size());
  }

 private:
  int add(const std::string& name, Index rows, Index cols, bool is_vector);
  Rnn add_rnn(const std::string& prefix, const std::string& suffix, CellType cell, int hidden,
              int input);
  std::vector<TensorInfo> tensors_;
  Index size_ = 0;
};

}  // namespace unroll
