// Parameter layout in PyTorch's order: encoder, then per layer weight_ih, weight_hh, bias_ih,
// bias_hh, then the decoder.
#include "model/params.h"

namespace unroll {

ParamLayout::ParamLayout(const ModelConfig& cfg) {
  const Index GH = Index(cfg.gates()) * cfg.hidden;
  if (cfg.input == InputKind::Embedding)
    encoder_ = add("encoder.weight", cfg.input_size, cfg.embed_dim, false);  // [V, E]
  for (int k = 0; k < cfg.layers; ++k) {
    const std::string s = "_l" + std::to_string(k);
    Layer l;
    l.weight_ih = add("rnn.weight_ih" + s, GH, cfg.layer_input_size(k), false);  // [G*H, in]
    l.weight_hh = add("rnn.weight_hh" + s, GH, cfg.hidden, false);               // [G*H, H]
    l.bias_ih = add("rnn.bias_ih" + s, GH, 1, true);                             // [G*H]
    l.bias_hh = add("rnn.bias_hh" + s, GH, 1, true);                             // [G*H]
    layers_.push_back(l);
  }
  decoder_weight_ = add("decoder.weight", cfg.output_size, cfg.hidden, false);  // [O, H]
  decoder_bias_ = add("decoder.bias", cfg.output_size, 1, true);                // [O]
}

int ParamLayout::add(const std::string& name, Index rows, Index cols, bool is_vector) {
  // Keep every tensor 16-float aligned so Eigen's vectorised loops start on a boundary.
  size_ = (size_ + 15) / 16 * 16;
  tensors_.push_back({name, rows, cols, size_, is_vector});
  size_ += rows * cols;
  return int(tensors_.size()) - 1;
}

int ParamLayout::find(const std::string& name) const {
  for (size_t i = 0; i < tensors_.size(); ++i)
    if (tensors_[i].name == name) return int(i);
  return -1;
}

}  // namespace unroll
