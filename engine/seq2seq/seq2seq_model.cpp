// The encoder–decoder's forward and backward, side by side (equations in seq2seq_model.h).
#include "seq2seq/seq2seq_model.h"

#include <cmath>

#include "core/error.h"
#include "model/gru_cell.h"
#include "model/lstm_cell.h"
#include "model/rnn_cell.h"
#include "seq2seq/rnn_params.h"

namespace unroll {
namespace {

// Column block s of X (rows, Ts*B) goes to block Ts-1-s.
template <class S>
void reverse_blocks(const Mat<S>& X, int Ts, int B, Mat<S>& out) {
  out.resize(X.rows(), X.cols());
  for (int s = 0; s < Ts; ++s)
    out.middleCols(Index(Ts - 1 - s) * B, B) = X.middleCols(Index(s) * B, B);
}

template <class S>
void window_resize(CellType cell, Index H, int W, int B, CellCache<S>& c) {
  const Index GH = gates_of(cell) * H, WB = Index(W) * B;
  c.gates.resize(GH, WB);
  c.h.resize(H, WB + B);
  c.dpre.resize(GH, WB);
  c.dh.resize(H, WB);
  if (cell == CellType::Lstm) c.c.resize(H, WB + B);
  if (cell == CellType::Lstm || cell == CellType::Gru) c.aux.resize(H, WB);
  if (cell == CellType::Gru) c.dhpre.resize(GH, WB);
}

template <class S, class P>
void window_forward(CellType cell, const CMatMap<S>& W_hh, const P& b_hh, CellCache<S>& c, int W,
                    int B, const Perturb* nudge) {
  switch (cell) {
    case CellType::RnnTanh:
      rnn_forward(false, W_hh, c, W, B, nudge);
      break;
    case CellType::RnnRelu:
      rnn_forward(true, W_hh, c, W, B, nudge);
      break;
    case CellType::Lstm:
      lstm_forward(W_hh, c, W, B, nudge);
      break;
    case CellType::Gru:
      gru_forward(W_hh, b_hh, c, W, B, nudge);
      break;
  }
}

template <class S>
void window_backward(CellType cell, const CMatMap<S>& W_hh, CellCache<S>& c, int W, int B) {
  switch (cell) {
    case CellType::RnnTanh:
      rnn_backward(false, W_hh, c, W, B, 0, nullptr);
      break;
    case CellType::RnnRelu:
      rnn_backward(true, W_hh, c, W, B, 0, nullptr);
      break;
    case CellType::Lstm:
      lstm_backward(W_hh, c, W, B, 0, nullptr);
      break;
    case CellType::Gru:
      gru_backward(W_hh, c, W, B, 0, nullptr);
      break;
  }
}

template <class S, class M>
void fill_uniform(M&& m, double bound, Rng& rng) {
  for (Index j = 0; j < m.cols(); ++j)
    for (Index i = 0; i < m.rows(); ++i) m(i, j) = S(rng.uniform(-bound, bound));
}

}  // namespace

template <class S>
Seq2Seq<S>::Seq2Seq(const Seq2SeqConfig& cfg) : cfg_(cfg) {
  cfg_.validate();
  layout_ = Seq2SeqLayout(cfg_);
  params_ = Vec<S>::Zero(layout_.size());
}

template <class S>
void Seq2Seq<S>::initialize(Rng& rng) {
  params_.setZero();
  S* p = params_.data();
  for (int i = 0; i < int(layout_.tensors().size()); ++i) {
    const TensorInfo& t = layout_.tensor(i);
    auto m = layout_.map(p, i);
    if (t.name.find("embedding") != std::string::npos) {
      for (Index j = 0; j < m.cols(); ++j)
        for (Index r = 0; r < m.rows(); ++r) m(r, j) = S(rng.normal());
    } else if (t.name.rfind("encoder.rnn.", 0) == 0) {
      fill_uniform<S>(m, 1.0 / std::sqrt(double(cfg_.encoder_hidden)), rng);
    } else if (t.name.rfind("decoder.rnn.", 0) == 0) {
      fill_uniform<S>(m, 1.0 / std::sqrt(double(cfg_.decoder_hidden)), rng);
    } else {  // a Linear: weight [out, in], its bias bound by the same fan_in
      const std::string w = t.is_vector ? t.name.substr(0, t.name.size() - 4) + "weight" : t.name;
      const int wi = layout_.find(w);
      const double fan_in = double(wi >= 0 ? layout_.tensor(wi).cols : t.cols);
      fill_uniform<S>(m, 1.0 / std::sqrt(fan_in), rng);
    }
  }
}

template <class S>
void Seq2Seq<S>::encode(const std::vector<int32_t>& src, int Ts, int B, EncoderCache<S>& enc,
                        const Seq2SeqForwardOptions* opt) const {
  const int L = cfg_.layers, D = cfg_.directions(), He = cfg_.encoder_hidden;
  const Index TB = Index(Ts) * B;
  if (Ts < 1 || B < 1 || Index(src.size()) != TB)
    throw Error("a source batch needs Ts*B >= 1 tokens, got " + std::to_string(src.size()));
  const S* p = params_.data();
  enc.Ts = Ts;
  enc.B = B;
  enc.input.resize(L);
  enc.input_rev.resize(L);
  enc.cells.resize(L);
  enc.final.resize(L);
  const auto E_src = layout_.map(p, layout_.source_embedding);  // (Vs, E)
  enc.input[0].resize(cfg_.embed_dim, TB);
  for (Index j = 0; j < TB; ++j) {  // (1)
    if (src[j] < 0 || src[j] >= cfg_.source_vocab)
      throw Error("source token " + std::to_string(src[j]) + " at position " +
                  std::to_string(j / B) + " is outside the source vocabulary of " +
                  std::to_string(cfg_.source_vocab));
    enc.input[0].col(j) = E_src.row(src[j]).transpose();
  }
  for (int k = 0; k < L; ++k) {
    if (D == 2) reverse_blocks(enc.input[k], Ts, B, enc.input_rev[k]);
    Mat<S>& out = k + 1 < L ? enc.input[k + 1] : enc.memory;
    out.resize(Index(D) * He, TB);
    enc.final[k].resize(Index(D) * He, B);
    for (int d = 0; d < D; ++d) {
      const auto& r = layout_.encoder[k][d];
      auto& c = enc.cells[k][d];
      window_resize(cfg_.encoder_cell, He, Ts, B, c);
      c.gates.noalias() = layout_.map(p, r.weight_ih) * (d == 0 ? enc.input[k] : enc.input_rev[k]);
      c.gates.colwise() += folded_bias(layout_, p, r, cfg_.encoder_cell, He);
      c.h.leftCols(B).setZero();
      if (cfg_.encoder_cell == CellType::Lstm) c.c.leftCols(B).setZero();
      const bool nudged = opt && opt->perturb.layer == k && opt->perturb_direction == d;
      window_forward(cfg_.encoder_cell, layout_.map(p, r.weight_hh), layout_.vec(p, r.bias_hh), c,
                     Ts, B, nudged ? &opt->perturb : nullptr);  // (2)
      for (int s = 0; s < Ts; ++s) {  // (3): window step w is position s = w, or Ts-1-w reversed
        const int w = d == 0 ? s : Ts - 1 - s;
        out.block(Index(d) * He, Index(s) * B, He, B) = c.h.middleCols(Index(w + 1) * B, B);
      }
      enc.final[k].middleRows(Index(d) * He, He) = c.h.rightCols(B);
    }
  }
  decoder().make_keys(enc);
}

template <class S>
void Seq2Seq<S>::initial_state(const EncoderCache<S>& enc, DecoderState<S>& st,
                               std::vector<Mat<S>>* s0) const {
  const S* p = params_.data();
  std::vector<Mat<S>> h(cfg_.layers);
  for (int k = 0; k < cfg_.layers; ++k) {  // (4)
    if (cfg_.has_bridge()) {
      h[k].noalias() = layout_.map(p, layout_.bridge_weight[k]) * enc.final[k];
      h[k].colwise() += layout_.vec(p, layout_.bridge_bias[k]);
    } else {
      h[k] = enc.final[k];
    }
  }
  decoder().start(h, st);
  if (s0) *s0 = std::move(h);
}

template <class S>
void Seq2Seq<S>::step(const EncoderCache<S>& enc, const DecoderState<S>& st, DecoderStep<S>& sc,
                      bool logits) const {
  decoder().step(enc, st, sc, logits);
}

template <class S>
const Eigen::Block<const Mat<S>> Seq2Seq<S>::step_output(const DecoderStep<S>& sc) const {
  return decoder().step_output(sc);
}

template <class S>
void Seq2Seq<S>::next_state(const DecoderStep<S>& sc, DecoderState<S>& st) const {
  decoder().next_state(sc, st);
}

template <class S>
double Seq2Seq<S>::forward(const Seq2SeqBatch& batch, const Seq2SeqForwardOptions& opt,
                           Seq2SeqWorkspace<S>& ws) const {
  if (batch.Tt < 1 || Index(batch.tgt.size()) != Index(batch.Tt) * batch.B)
    throw Error("a target batch needs Tt*B >= 1 tokens, got " + std::to_string(batch.tgt.size()));
  encode(batch.src, batch.Ts, batch.B, ws.enc, &opt);
  DecoderState<S> st;
  initial_state(ws.enc, st, &ws.s0);
  return decoder().forward(ws.enc, ws.s0, batch.tgt, batch.Tt, opt.teacher_forcing, opt.rng, ws);
}

template <class S>
void Seq2Seq<S>::backward(const Seq2SeqBatch& batch, Seq2SeqWorkspace<S>& ws, S* grads) const {
  const int L = cfg_.layers;
  const S* p = params_.data();
  decoder().backward(ws.enc, ws, grads);  // (8)-(5): dL/dmemory and dL/ds^k_{-1}
  // (4): dL/ds^k_{-1} -> the bridge -> dL/df^k
  ws.dfinal.resize(L);
  for (int k = 0; k < L; ++k) {
    if (cfg_.has_bridge()) {
      layout_.map(grads, layout_.bridge_weight[k]).noalias() +=
          ws.dh_rec[k] * ws.enc.final[k].transpose();
      layout_.vec(grads, layout_.bridge_bias[k]) += ws.dh_rec[k].rowwise().sum();
      ws.dfinal[k].noalias() = layout_.map(p, layout_.bridge_weight[k]).transpose() * ws.dh_rec[k];
    } else {
      ws.dfinal[k] = ws.dh_rec[k];
    }
  }
  encoder_backward(ws, batch.src, grads);
}

// (3)-(1) backwards: dL/dm_s and dL/df^k into each direction's window, top layer first.
template <class S>
void Seq2Seq<S>::encoder_backward(Seq2SeqWorkspace<S>& ws, const std::vector<int32_t>& src,
                                  S* grads) const {
  auto& enc = ws.enc;
  const int L = cfg_.layers, D = cfg_.directions(), He = cfg_.encoder_hidden, Ts = enc.Ts,
            B = enc.B;
  const Index TB = Index(Ts) * B;
  const S* p = params_.data();
  Mat<S> dout = ws.dmemory, din, dx, dx_rev;
  for (int k = L - 1; k >= 0; --k) {
    din.setZero(enc.input[k].rows(), TB);
    for (int d = 0; d < D; ++d) {
      const auto& r = layout_.encoder[k][d];
      auto& c = enc.cells[k][d];
      for (int s = 0; s < Ts; ++s) {
        const int w = d == 0 ? s : Ts - 1 - s;
        c.dh.middleCols(Index(w) * B, B) = dout.block(Index(d) * He, Index(s) * B, He, B);
      }
      c.dh.rightCols(B) += ws.dfinal[k].middleRows(Index(d) * He, He);
      window_backward(cfg_.encoder_cell, layout_.map(p, r.weight_hh), c, Ts, B);
      const Mat<S>& x = d == 0 ? enc.input[k] : enc.input_rev[k];
      rnn_grads(layout_, r, cfg_.encoder_cell, c, TB, x, c.h.leftCols(TB), grads);
      dx.noalias() = layout_.map(p, r.weight_ih).transpose() * c.dpre;
      if (d == 0) {
        din += dx;
      } else {
        reverse_blocks(dx, Ts, B, dx_rev);
        din += dx_rev;
      }
    }
    if (k == L - 1) {  // the total dL/dh^enc_s that reaches each source position
      ws.dh_enc.resize(Ts, B);
      for (int s = 0; s < Ts; ++s)
        for (int b = 0; b < B; ++b) {
          double sq = 0;
          for (int d = 0; d < D; ++d) {
            const int w = d == 0 ? s : Ts - 1 - s;
            sq += double(enc.cells[k][d].dh.col(Index(w) * B + b).squaredNorm());
          }
          ws.dh_enc(s, b) = std::sqrt(sq);
        }
    }
    if (k > 0) {
      dout = din;
    } else {
      auto dE = layout_.map(grads, layout_.source_embedding);
      for (Index j = 0; j < TB; ++j) dE.row(src[j]) += din.col(j).transpose();
    }
  }
}

template class Seq2Seq<float>;
template class Seq2Seq<double>;

}  // namespace unroll
