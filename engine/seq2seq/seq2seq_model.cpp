// The encoder–decoder's forward and backward, side by side (equations in seq2seq_model.h).
#include "seq2seq/seq2seq_model.h"

#include <cmath>

#include "core/error.h"
#include "model/gru_cell.h"
#include "model/lstm_cell.h"
#include "model/rnn_cell.h"
#include "seq2seq/decoder_cell.h"

namespace unroll {
namespace {

int gates_of(CellType cell) {
  ModelConfig m;
  m.cell = cell;
  return m.gates();
}

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

// b_ih + b_hh, except GRU's b_hn (passed to the cell): the bias the input projection adds.
template <class S>
Vec<S> Seq2Seq<S>::folded_bias(const Seq2SeqLayout::Rnn& r, CellType cell, int H) const {
  const S* p = params_.data();
  Vec<S> bias = layout_.vec(p, r.bias_ih) + layout_.vec(p, r.bias_hh);
  if (cell == CellType::Gru) bias.tail(H) = layout_.vec(p, r.bias_ih).tail(H);
  return bias;
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
      c.gates.colwise() += folded_bias(r, cfg_.encoder_cell, He);
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
  if (cfg_.attention == AttentionKind::General || cfg_.attention == AttentionKind::Additive)
    attention_keys(cfg_, layout_, p, enc.memory, enc.keys);
}

template <class S>
void Seq2Seq<S>::initial_state(const EncoderCache<S>& enc, DecoderState<S>& st,
                               std::vector<Mat<S>>* s0) const {
  const int L = cfg_.layers, Hd = cfg_.decoder_hidden, N = enc.B;
  const S* p = params_.data();
  st.h.resize(L);
  st.c.resize(cfg_.decoder_cell == CellType::Lstm ? L : 0);
  for (int k = 0; k < L; ++k) {  // (4)
    if (cfg_.has_bridge()) {
      st.h[k].noalias() = layout_.map(p, layout_.bridge_weight[k]) * enc.final[k];
      st.h[k].colwise() += layout_.vec(p, layout_.bridge_bias[k]);
    } else {
      st.h[k] = enc.final[k];
    }
    if (cfg_.decoder_cell == CellType::Lstm) st.c[k].setZero(Hd, N);
  }
  st.ht.setZero(Hd, N);
  if (s0) *s0 = st.h;
}

template <class S>
void Seq2Seq<S>::step(const EncoderCache<S>& enc, const DecoderState<S>& st, DecoderStep<S>& sc,
                      bool logits) const {
  const int L = cfg_.layers, Hd = cfg_.decoder_hidden, E = cfg_.embed_dim, N = enc.B;
  const S* p = params_.data();
  const auto E_tgt = layout_.map(p, layout_.target_embedding);
  sc.x.resize(cfg_.decoder_input(), N);
  for (int n = 0; n < N; ++n) {  // (5)
    const int32_t y = sc.y_in[n];
    if (y < 0 || y >= cfg_.target_vocab)
      throw Error("target token " + std::to_string(y) + " is outside the target vocabulary of " +
                  std::to_string(cfg_.target_vocab));
    sc.x.col(n).head(E) = E_tgt.row(y).transpose();
  }
  if (cfg_.feeds_input()) sc.x.bottomRows(Hd) = st.ht;
  sc.cells.resize(L);
  for (int k = 0; k < L; ++k) {  // (6)
    const auto& r = layout_.decoder[k];
    auto& c = sc.cells[k];
    cell_step_resize(cfg_.decoder_cell, Hd, N, c);
    const auto W_ih = layout_.map(p, r.weight_ih);
    if (k == 0)
      c.gates.noalias() = W_ih * sc.x;
    else
      c.gates.noalias() = W_ih * sc.cells[k - 1].h.rightCols(N);
    c.gates.colwise() += folded_bias(r, cfg_.decoder_cell, Hd);
    c.h.leftCols(N) = st.h[k];
    if (cfg_.decoder_cell == CellType::Lstm) c.c.leftCols(N) = st.c[k];
    cell_step_forward(cfg_.decoder_cell, layout_.map(p, r.weight_hh), layout_.vec(p, r.bias_hh), c,
                      N);
  }
  if (cfg_.attention != AttentionKind::None)  // (7)
    attention_forward<S>(cfg_, layout_, p, enc.memory, enc.keys, enc.Ts,
                         sc.cells.back().h.rightCols(N), sc.attn);
  if (logits) {  // (8)
    sc.logits.noalias() = layout_.map(p, layout_.generator_weight) * step_output(sc);
    sc.logits.colwise() += layout_.vec(p, layout_.generator_bias);
  }
}

template <class S>
const Eigen::Block<const Mat<S>> Seq2Seq<S>::step_output(const DecoderStep<S>& sc) const {
  if (cfg_.attention != AttentionKind::None)
    return Eigen::Block<const Mat<S>>(sc.attn.ht, 0, 0, sc.attn.ht.rows(), sc.attn.ht.cols());
  const Mat<S>& h = sc.cells.back().h;
  const Index N = h.cols() / 2;
  return Eigen::Block<const Mat<S>>(h, 0, N, h.rows(), N);
}

template <class S>
void Seq2Seq<S>::next_state(const DecoderStep<S>& sc, DecoderState<S>& st) const {
  const Index N = sc.cells.back().h.cols() / 2;
  for (int k = 0; k < cfg_.layers; ++k) {
    st.h[k] = sc.cells[k].h.rightCols(N);
    if (cfg_.decoder_cell == CellType::Lstm) st.c[k] = sc.cells[k].c.rightCols(N);
  }
  if (cfg_.feeds_input()) st.ht = step_output(sc);
}

template <class S>
double Seq2Seq<S>::forward(const Seq2SeqBatch& batch, const Seq2SeqForwardOptions& opt,
                           Seq2SeqWorkspace<S>& ws) const {
  const int B = batch.B, Tt = batch.Tt, Hd = cfg_.decoder_hidden;
  if (Tt < 1 || Index(batch.tgt.size()) != Index(Tt) * B)
    throw Error("a target batch needs Tt*B >= 1 tokens, got " + std::to_string(batch.tgt.size()));
  encode(batch.src, batch.Ts, B, ws.enc, &opt);
  DecoderState<S> st;
  initial_state(ws.enc, st, &ws.s0);
  const bool sampling = opt.teacher_forcing < 1.0;
  if (sampling && !opt.rng) throw Error("scheduled sampling needs a random generator");
  ws.steps.resize(Tt);
  ws.top.resize(Hd, Index(Tt) * B);
  ws.teacher.assign(size_t(Tt) * B, 1);
  for (int t = 0; t < Tt; ++t) {
    auto& sc = ws.steps[t];
    sc.y_in.resize(B);
    for (int b = 0; b < B; ++b) {
      if (t == 0) {
        sc.y_in[b] = kBos;
        continue;
      }
      int32_t y = batch.tgt[size_t(t - 1) * B + b];
      if (sampling && opt.rng->uniform() >= opt.teacher_forcing) {
        ws.teacher[size_t(t) * B + b] = 0;
        Index arg;
        ws.steps[t - 1].logits.col(b).maxCoeff(&arg);
        y = int32_t(arg);
      }
      sc.y_in[b] = y < 0 ? kEos : y;  // past the end: the loss ignores these steps
    }
    step(ws.enc, st, sc, sampling);
    ws.top.middleCols(Index(t) * B, B) = step_output(sc);
    next_state(sc, st);
  }
  ws.head.target = batch.tgt;  // (8)
  for (int32_t y : batch.tgt)
    if (y >= cfg_.target_vocab)
      throw Error("target token " + std::to_string(y) + " is outside the target vocabulary of " +
                  std::to_string(cfg_.target_vocab));
  head_forward<S>(HeadKind::Softmax, layout_.map(params_.data(), layout_.generator_weight),
                  layout_.vec(params_.data(), layout_.generator_bias), ws.top, ws.head);
  if (ws.head.loss_count == 0) throw Error("a batch has no target tokens to score");
  ws.loss = ws.head.loss_sum / double(ws.head.loss_count);
  return ws.loss;
}

template <class S>
void Seq2Seq<S>::backward(const Seq2SeqBatch& batch, Seq2SeqWorkspace<S>& ws, S* grads) const {
  const int B = batch.B, Tt = batch.Tt, Ts = batch.Ts, L = cfg_.layers;
  const int Hd = cfg_.decoder_hidden, E = cfg_.embed_dim;
  const bool lstm = cfg_.decoder_cell == CellType::Lstm;
  const S* p = params_.data();
  // (8) for every step at once.
  ws.dtop.resize(Hd, Index(Tt) * B);
  head_backward<S>(HeadKind::Softmax, layout_.map(p, layout_.generator_weight), ws.top,
                   S(1.0 / double(ws.head.loss_count)), ws.head,
                   layout_.map(grads, layout_.generator_weight),
                   layout_.vec(grads, layout_.generator_bias), ws.dtop);
  ws.dmemory.setZero(ws.enc.memory.rows(), ws.enc.memory.cols());
  ws.dkeys.setZero(ws.enc.keys.rows(), ws.enc.keys.cols());
  ws.dh_rec.assign(L, Mat<S>::Zero(Hd, B));
  ws.dc_rec.assign(lstm ? L : 0, Mat<S>::Zero(Hd, B));
  Mat<S> dfeed = Mat<S>::Zero(Hd, B);  // dL/dht_t through the input of step t+1
  const Index GH = Index(gates_of(cfg_.decoder_cell)) * Hd, TB = Index(Tt) * B;
  ws.dec_grads.resize(L);
  if (cfg_.attention != AttentionKind::None) {
    ws.att_g.resize(Hd, TB);
    ws.att_in.resize(ws.enc.memory.rows() + Hd, TB);
  }
  ws.dec_x.resize(L);
  std::vector<Mat<S>> W_ih_T(L), W_hh_T(L);  // transposed once: plain products are faster
  for (int k = 0; k < L; ++k) {
    ws.dec_grads[k].dpre.resize(GH, TB);
    if (cfg_.decoder_cell == CellType::Gru) ws.dec_grads[k].dhpre.resize(GH, TB);
    ws.dec_grads[k].h.resize(Hd, TB);
    ws.dec_x[k].resize(k == 0 ? cfg_.decoder_input() : Hd, TB);
    W_ih_T[k] = layout_.map(p, layout_.decoder[k].weight_ih).transpose();
    if (lstm) W_hh_T[k] = layout_.map(p, layout_.decoder[k].weight_hh).transpose();
  }
  auto dE_tgt = layout_.map(grads, layout_.target_embedding);
  for (int t = Tt - 1; t >= 0; --t) {
    auto& sc = ws.steps[t];
    ws.dht = ws.dtop.middleCols(Index(t) * B, B) + dfeed;
    const auto q = sc.cells.back().h.rightCols(B);
    if (cfg_.attention != AttentionKind::None) {  // (7)
      ws.dq.setZero(Hd, B);
      attention_backward<S>(cfg_, layout_, p, ws.enc.memory, ws.enc.keys, Ts, q, ws.dht, sc.attn,
                            grads, ws.dq, ws.dmemory, ws.dkeys, false);
      ws.att_g.middleCols(Index(t) * B, B) = sc.attn.g;
      ws.att_in.block(0, Index(t) * B, ws.enc.memory.rows(), B) = sc.attn.ctx;
      ws.att_in.block(ws.enc.memory.rows(), Index(t) * B, Hd, B) = q;
    } else {
      ws.dq = ws.dht;
    }
    for (int k = L - 1; k >= 0; --k) {  // (6), dL/ds and dL/dc carried from step t+1
      const auto& r = layout_.decoder[k];
      auto& c = sc.cells[k];
      c.dh = (k == L - 1 ? ws.dq : ws.dx) + ws.dh_rec[k];
      cell_step_backward(cfg_.decoder_cell, layout_.map(p, r.weight_hh), c, B,
                         lstm ? &ws.dc_rec[k] : nullptr, lstm ? &W_hh_T[k] : nullptr);
      ws.dh_rec[k] = c.dh_next;
      if (lstm) ws.dc_rec[k] = c.dc;
      // This step's columns of the whole decoder's dpre, inputs and h_{t-1}: their weight
      // gradients are one GEMM each after the loop.
      const Index col = Index(t) * B;
      ws.dec_grads[k].dpre.middleCols(col, B) = c.dpre;
      if (cfg_.decoder_cell == CellType::Gru) ws.dec_grads[k].dhpre.middleCols(col, B) = c.dhpre;
      ws.dec_x[k].middleCols(col, B) = k == 0 ? sc.x : sc.cells[k - 1].h.rightCols(B);
      ws.dec_grads[k].h.middleCols(col, B) = c.h.leftCols(B);
      ws.dx.noalias() = W_ih_T[k] * c.dpre;
    }
    // (5): dx of layer 0 is [dE_tgt[y_{t-1}]; dL/dht_{t-1}]
    for (int b = 0; b < B; ++b) dE_tgt.row(sc.y_in[b]) += ws.dx.col(b).head(E).transpose();
    if (cfg_.feeds_input())
      dfeed = ws.dx.bottomRows(Hd);
    else
      dfeed.setZero();
  }
  if (cfg_.attention != AttentionKind::None)  // (7)'s dW_c over all steps
    layout_.map(grads, layout_.attn_out).noalias() += ws.att_g * ws.att_in.transpose();
  for (int k = 0; k < L; ++k)  // (6)'s weight gradients over all steps
    rnn_grads(layout_, layout_.decoder[k], cfg_.decoder_cell, ws.dec_grads[k], TB, ws.dec_x[k],
              ws.dec_grads[k].h, grads);
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
  attention_keys_backward(cfg_, layout_, p, ws.enc.memory, ws.dkeys, grads, ws.dmemory);
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
