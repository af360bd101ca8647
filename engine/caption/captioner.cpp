// The captioner's forward and backward (equations in captioner.h) and its configuration.
#include "caption/captioner.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/error.h"

namespace unroll {

Seq2SeqConfig CaptionConfig::decoder() const {
  Seq2SeqConfig d;
  d.encoder_cell = decoder_cell;  // unused: the memory is the conv grid
  d.decoder_cell = decoder_cell;
  d.layers = layers;
  d.bidirectional = false;
  d.encoder_hidden = conv.out_channels();  // Dm = C
  d.decoder_hidden = hidden;
  d.embed_dim = embed_dim;
  d.source_vocab = 1;
  d.target_vocab = vocab;
  d.attention = attention;
  d.attention_dim = attention_dim;
  d.input_feeding = input_feeding;
  return d;
}

void CaptionConfig::validate() const {
  conv.validate();
  if (attention == AttentionKind::Dot && conv.out_channels() != hidden)
    throw Error("dot attention needs the last conv block's channels (" +
                std::to_string(conv.out_channels()) + ") to equal the decoder hidden size (" +
                std::to_string(hidden) + "): use additive or general attention, or match them");
  decoder().validate();
}

std::string to_json(const CaptionConfig& c) {
  nlohmann::json blocks = nlohmann::json::array();
  for (const ConvBlock& b : c.conv.blocks)
    blocks.push_back({{"channels", b.channels}, {"stride", b.stride}, {"pool", b.pool}});
  const nlohmann::json j = {{"in_channels", c.conv.in_channels},
                            {"height", c.conv.height},
                            {"width", c.conv.width},
                            {"blocks", blocks},
                            {"decoder_cell", to_string(c.decoder_cell)},
                            {"layers", c.layers},
                            {"hidden", c.hidden},
                            {"embed_dim", c.embed_dim},
                            {"vocab", c.vocab},
                            {"attention", to_string(c.attention)},
                            {"attention_dim", c.attention_dim},
                            {"input_feeding", c.input_feeding}};
  return j.dump();
}

CaptionConfig caption_config_from_json(const std::string& text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) throw Error("the captioner's configuration is not a JSON object");
  try {
    CaptionConfig c;
    c.conv.in_channels = j.at("in_channels").get<int>();
    c.conv.height = j.at("height").get<int>();
    c.conv.width = j.at("width").get<int>();
    c.conv.blocks.clear();
    for (const auto& b : j.at("blocks"))
      c.conv.blocks.push_back(
          {b.at("channels").get<int>(), b.at("stride").get<int>(), b.at("pool").get<bool>()});
    c.decoder_cell = parse_cell(j.at("decoder_cell").get<std::string>());
    c.layers = j.at("layers").get<int>();
    c.hidden = j.at("hidden").get<int>();
    c.embed_dim = j.at("embed_dim").get<int>();
    c.vocab = j.at("vocab").get<int>();
    c.attention = parse_attention(j.at("attention").get<std::string>());
    c.attention_dim = j.at("attention_dim").get<int>();
    c.input_feeding = j.at("input_feeding").get<bool>();
    c.validate();
    return c;
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("the captioner's configuration is damaged (") + e.what() + ")");
  }
}

template <class S>
Captioner<S>::Captioner(const CaptionConfig& cfg) : cfg_(cfg) {
  cfg_.validate();
  dec_cfg_ = cfg_.decoder();
  layout_ = Seq2SeqLayout(dec_cfg_, false);
  conv_ = append_conv_tensors(layout_, cfg_.conv, "encoder.conv.");
  for (int k = 0; k < cfg_.layers; ++k) {
    const std::string b = "bridge." + std::to_string(k) + ".";
    bridge_weight_.push_back(
        layout_.append(b + "weight", cfg_.hidden, cfg_.conv.out_channels(), false));
    bridge_bias_.push_back(layout_.append(b + "bias", cfg_.hidden, 1, true));
  }
  params_ = Vec<S>::Zero(layout_.size());
}

template <class S>
void Captioner<S>::initialize(Rng& rng) {
  params_.setZero();
  S* p = params_.data();
  auto uniform = [&](auto&& m, double bound) {
    for (Index j = 0; j < m.cols(); ++j)
      for (Index i = 0; i < m.rows(); ++i) m(i, j) = S(rng.uniform(-bound, bound));
  };
  for (int i = 0; i < int(layout_.tensors().size()); ++i) {
    const TensorInfo& t = layout_.tensor(i);
    auto m = layout_.map(p, i);
    if (t.name.find("embedding") != std::string::npos) {
      for (Index j = 0; j < m.cols(); ++j)
        for (Index r = 0; r < m.rows(); ++r) m(r, j) = S(rng.normal());
    } else if (t.name.rfind("decoder.rnn.", 0) == 0) {
      uniform(m, 1.0 / std::sqrt(double(cfg_.hidden)));
    } else if (t.name.rfind("encoder.conv.", 0) == 0) {
      if (!t.is_vector) uniform(m, std::sqrt(6.0 / double(t.cols)));
    } else {  // a Linear: weight [out, in], its bias bound by the same fan_in
      const std::string w = t.is_vector ? t.name.substr(0, t.name.size() - 4) + "weight" : t.name;
      const int wi = layout_.find(w);
      uniform(m, 1.0 / std::sqrt(double(wi >= 0 ? layout_.tensor(wi).cols : t.cols)));
    }
  }
}

template <class S>
void Captioner<S>::encode(const Mat<S>& X, DecoderMemory<S>& mem, std::vector<Mat<S>>& s0,
                          ConvCache<S>* conv, Mat<S>* pooled) const {
  const S* p = params_.data();
  ConvCache<S> local;
  ConvCache<S>& cc = conv ? *conv : local;
  encoder().forward(p, X, cc);  // (1)
  const Index B = X.cols(), C = cfg_.conv.out_channels(), P = cfg_.conv.positions();
  mem.Ts = int(P);
  mem.B = int(B);
  mem.memory.resize(C, P * B);
  Mat<S> f(C, B);
  for (Index b = 0; b < B; ++b) {
    const CMatMap<S> Fb(cc.y.col(b).data(), P, C);  // (P, C): row s is grid cell s
    for (Index s = 0; s < P; ++s) mem.memory.col(s * B + b) = Fb.row(s).transpose();  // (2)
    f.col(b) = Fb.colwise().mean().transpose();                                       // (3)
  }
  decoder().make_keys(mem);
  s0.resize(cfg_.layers);
  for (int k = 0; k < cfg_.layers; ++k) {  // (4)
    s0[k].noalias() = layout_.map(p, bridge_weight_[k]) * f;
    s0[k].colwise() += layout_.vec(p, bridge_bias_[k]);
  }
  if (pooled) *pooled = std::move(f);
}

template <class S>
double Captioner<S>::forward(const CaptionBatch& batch, double teacher_forcing, Rng* rng,
                             CaptionWorkspace<S>& ws) const {
  if (batch.images.cols() != batch.B)
    throw Error("a caption batch needs one image per caption, got " +
                std::to_string(batch.images.cols()) + " images for " + std::to_string(batch.B));
  encode(batch.images.template cast<S>(), ws.mem, ws.s0, &ws.conv, &ws.pooled);
  return decoder().forward(ws.mem, ws.s0, batch.tgt, batch.Tt, teacher_forcing, rng, ws);
}

template <class S>
void Captioner<S>::backward(CaptionWorkspace<S>& ws, S* grads) const {
  const S* p = params_.data();
  decoder().backward(ws.mem, ws, grads);  // (8)-(5): dL/dm, dL/ds_{-1}
  const Index B = ws.mem.B, C = cfg_.conv.out_channels(), P = ws.mem.Ts;
  Mat<S> df = Mat<S>::Zero(C, B);
  for (int k = 0; k < cfg_.layers; ++k) {  // (4)
    layout_.map(grads, bridge_weight_[k]).noalias() += ws.dh_rec[k] * ws.pooled.transpose();
    layout_.vec(grads, bridge_bias_[k]) += ws.dh_rec[k].rowwise().sum();
    df.noalias() += layout_.map(p, bridge_weight_[k]).transpose() * ws.dh_rec[k];
  }
  ws.dfeatures.resize(C * P, B);  // (3), (2)
  ws.dregion.resize(P, B);
  for (Index b = 0; b < B; ++b) {
    MatMap<S> dF(ws.dfeatures.col(b).data(), P, C);
    for (Index s = 0; s < P; ++s) {
      dF.row(s) = (ws.dmemory.col(s * B + b) + df.col(b) / S(P)).transpose();
      ws.dregion(s, b) = double(dF.row(s).norm());
    }
  }
  encoder().backward(p, ws.dfeatures, ws.conv, grads);  // (1)
}

template <class S>
std::vector<std::vector<int32_t>> Captioner<S>::greedy(const Mat<float>& images, int max_len,
                                                       std::vector<Mat<double>>* attention) const {
  DecoderMemory<S> mem;
  std::vector<Mat<S>> s0;
  encode(images.template cast<S>(), mem, s0);
  DecoderState<S> st;
  decoder().start(s0, st);
  return greedy_decode(decoder(), mem, std::move(st), max_len, attention);
}

template <class S>
Hypothesis Captioner<S>::beam(const Mat<float>& image, const DecodeOptions& opt) const {
  DecoderMemory<S> mem;
  std::vector<Mat<S>> s0;
  encode(image.leftCols(1).template cast<S>(), mem, s0);
  DecoderState<S> st;
  decoder().start(s0, st);
  return beam_decode(decoder(), mem, std::move(st), opt);
}

template class Captioner<float>;
template class Captioner<double>;

}  // namespace unroll
