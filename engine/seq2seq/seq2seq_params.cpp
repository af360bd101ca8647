// The encoder–decoder's parameter layout, in the order of the PyTorch module's state_dict.
#include "seq2seq/seq2seq_params.h"

namespace unroll {

int Seq2SeqLayout::add(const std::string& name, Index rows, Index cols, bool is_vector) {
  // Each tensor starts on a 16-float boundary, so Eigen's aligned kernels apply to every map.
  size_ = (size_ + 15) / 16 * 16;
  tensors_.push_back({name, rows, cols, size_, is_vector});
  size_ += rows * cols;
  return int(tensors_.size()) - 1;
}

Seq2SeqLayout::Rnn Seq2SeqLayout::add_rnn(const std::string& prefix, const std::string& suffix,
                                          CellType cell, int hidden, int input) {
  ModelConfig m;
  m.cell = cell;
  const Index GH = Index(m.gates()) * hidden;
  Rnn r;
  r.weight_ih = add(prefix + "weight_ih" + suffix, GH, input, false);
  r.weight_hh = add(prefix + "weight_hh" + suffix, GH, hidden, false);
  r.bias_ih = add(prefix + "bias_ih" + suffix, GH, 1, true);
  r.bias_hh = add(prefix + "bias_hh" + suffix, GH, 1, true);
  return r;
}

int Seq2SeqLayout::append(const std::string& name, Index rows, Index cols, bool is_vector) {
  const int i = add(name, rows, cols, is_vector);
  size_ = (size_ + 15) / 16 * 16;
  return i;
}

Seq2SeqLayout::Seq2SeqLayout(const Seq2SeqConfig& cfg, bool with_encoder) {
  const int L = cfg.layers, D = cfg.directions(), He = cfg.encoder_hidden, Hd = cfg.decoder_hidden;
  const int Dm = cfg.memory_dim(), E = cfg.embed_dim;
  if (with_encoder) {
    source_embedding = add("encoder.embedding.weight", cfg.source_vocab, E, false);
    encoder.resize(L);
    for (int k = 0; k < L; ++k)
      for (int d = 0; d < D; ++d)
        encoder[k][d] =
            add_rnn("encoder.rnn.", "_l" + std::to_string(k) + (d == 1 ? "_reverse" : ""),
                    cfg.encoder_cell, He, k == 0 ? E : Dm);
  }
  if (with_encoder && cfg.has_bridge())
    for (int k = 0; k < L; ++k) {
      bridge_weight.push_back(add("bridge." + std::to_string(k) + ".weight", Hd, Dm, false));
      bridge_bias.push_back(add("bridge." + std::to_string(k) + ".bias", Hd, 1, true));
    }
  target_embedding = add("decoder.embedding.weight", cfg.target_vocab, E, false);
  decoder.resize(L);
  for (int k = 0; k < L; ++k)
    decoder[k] = add_rnn("decoder.rnn.", "_l" + std::to_string(k), cfg.decoder_cell, Hd,
                         k == 0 ? cfg.decoder_input() : Hd);
  switch (cfg.attention) {
    case AttentionKind::None:
    case AttentionKind::Dot:
      break;
    case AttentionKind::General:
      attn_in = add("attention.linear_in.weight", Hd, Dm, false);
      break;
    case AttentionKind::Additive:
      attn_query = add("attention.linear_query.weight", cfg.additive_dim(), Hd, false);
      attn_context = add("attention.linear_context.weight", cfg.additive_dim(), Dm, false);
      attn_v = add("attention.v.weight", 1, cfg.additive_dim(), false);
      break;
  }
  if (cfg.attention != AttentionKind::None)
    attn_out = add("attention.linear_out.weight", Hd, Dm + Hd, false);
  generator_weight = add("generator.weight", cfg.target_vocab, Hd, false);
  generator_bias = add("generator.bias", cfg.target_vocab, 1, true);
  size_ = (size_ + 15) / 16 * 16;
}

int Seq2SeqLayout::find(const std::string& name) const {
  for (int i = 0; i < int(tensors_.size()); ++i)
    if (tensors_[i].name == name) return i;
  return -1;
}

}  // namespace unroll
