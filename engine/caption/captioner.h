// An image captioner: the convolutional encoder (conv_encoder.h) and the encoder–decoder's decoder,
// attention and head (seq2seq/decoder.h) over one contiguous parameter buffer. Letters: B images,
// C channels of the encoder's output grid of P = h w positions, Hd decoder hidden, L decoder
// layers, Tt caption steps (tokens + <eos>), V the vocabulary.
//   (1) F = conv_encoder(X)                       (C h w, B): image b's grid, CHW
//   (2) m_{s,b} = F_b[:, s]                       memory (C, P*B), position-major: the decoder's
//                                                 "source positions" are the grid cells
//   (3) f_b = (1/P) sum_s m_{s,b}                 mean-pooled features (C, B)
//   (4) s^k_{-1} = W_b^k f + b_b^k                bridge.{k} (Hd, C): the decoder's first state;
//                                                 an LSTM's c_{-1} = 0
//   (5)-(8) the decoder over the memory from s_{-1} (seq2seq/decoder.h): attention none
//           (show-and-tell: only (4) carries the image), additive, dot (C = Hd) or general
// Backward: the decoder gives dL/dm and dL/ds_{-1}; (4) adds dW_b += ds f^T, df = sum_k W_b^T ds;
// (3), (2): dF_b[:, s] = dL/dm_{s,b} + df_b / P, whose norm per grid cell is what reaches each
// image region; then the encoder's backward.
#pragma once
#include <string>
#include <vector>

#include "caption/conv_encoder.h"
#include "seq2seq/decode.h"
#include "seq2seq/decoder.h"

namespace unroll {

struct CaptionConfig {
  ConvEncoderConfig conv;
  CellType decoder_cell = CellType::Lstm;
  int layers = 1;      // L: 1 or 2
  int hidden = 64;     // Hd
  int embed_dim = 32;  // E
  int vocab = 0;       // V, with kBos, kEos, kTgtUnk
  AttentionKind attention = AttentionKind::Additive;
  int attention_dim = 0;  // A for additive; 0 = Hd
  bool input_feeding = true;

  // The decoder's configuration: memory size C, no encoder of its own.
  Seq2SeqConfig decoder() const;
  void validate() const;  // throws unroll::Error naming the bad field
};
std::string to_json(const CaptionConfig& cfg);
CaptionConfig caption_config_from_json(const std::string& json);

// B images (C H W each, one column) and their captions, time-major like the translation targets.
struct CaptionBatch {
  int B = 0, Tt = 0;
  Mat<float> images;         // (C H W, B), values in [0, 1]
  std::vector<int32_t> tgt;  // (Tt*B) column t*B + b: word ids, the last real one kEos, then -1
};

template <class S>
struct CaptionWorkspace : DecoderWorkspace<S> {
  ConvCache<S> conv;
  DecoderMemory<S> mem;    // (2)
  Mat<S> pooled;           // (C, B) (3)
  std::vector<Mat<S>> s0;  // [k] (Hd, B) (4)
  Mat<S> dfeatures;        // (C h w, B) dL/dF
  Mat<double> dregion;     // (P, B) ||dL/dF_b[:, s]||: the gradient reaching each grid cell
};

template <class S>
class Captioner {
 public:
  explicit Captioner(const CaptionConfig& cfg);  // validates cfg; parameters zero

  const CaptionConfig& config() const { return cfg_; }
  const Seq2SeqConfig& decoder_config() const { return dec_cfg_; }
  const Seq2SeqLayout& layout() const { return layout_; }
  Vec<S>& params() { return params_; }
  const Vec<S>& params() const { return params_; }
  Decoder<S> decoder() const { return Decoder<S>(dec_cfg_, layout_, params_.data()); }
  ConvEncoder<S> encoder() const { return ConvEncoder<S>(cfg_.conv, layout_, conv_); }
  int grid_height() const { return cfg_.conv.out_height(); }
  int grid_width() const { return cfg_.conv.out_width(); }

  // Conv weights U(+-sqrt(6 / fan_in)) (He, for ReLU) and zero biases; the decoder and the
  // bridge as PyTorch's defaults (embedding N(0, 1), recurrent U(+-1/sqrt(Hd)), Linear
  // U(+-1/sqrt(fan_in))).
  void initialize(Rng& rng);

  // (1)-(4) for the B images of X; conv, if given, keeps the encoder's cache.
  void encode(const Mat<S>& X, DecoderMemory<S>& mem, std::vector<Mat<S>>& s0,
              ConvCache<S>* conv = nullptr, Mat<S>* pooled = nullptr) const;
  double forward(const CaptionBatch& batch, double teacher_forcing, Rng* rng,
                 CaptionWorkspace<S>& ws) const;
  // Adds dL/dparams into grads (layout-sized); fills ws.dfeatures and ws.dregion.
  void backward(CaptionWorkspace<S>& ws, S* grads) const;

  // Greedy captions of B images (word ids without <eos>); attention, if given, one
  // (steps incl. <eos>, P) matrix per image.
  std::vector<std::vector<int32_t>> greedy(const Mat<float>& images, int max_len,
                                           std::vector<Mat<double>>* attention = nullptr) const;
  Hypothesis beam(const Mat<float>& image, const DecodeOptions& opt) const;

 private:
  CaptionConfig cfg_;
  Seq2SeqConfig dec_cfg_;
  Seq2SeqLayout layout_;
  std::vector<ConvTensors> conv_;
  std::vector<int> bridge_weight_, bridge_bias_;  // [k]
  Vec<S> params_;
};

extern template class Captioner<float>;
extern template class Captioner<double>;

}  // namespace unroll
