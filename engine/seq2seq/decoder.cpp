// The decoder's steps, teacher-forced forward and backward, side by side (equations in decoder.h).
#include "seq2seq/decoder.h"

#include "core/error.h"
#include "seq2seq/decoder_cell.h"
#include "seq2seq/rnn_params.h"

namespace unroll {

template <class S>
void Decoder<S>::make_keys(DecoderMemory<S>& mem) const {
  if (cfg_->attention == AttentionKind::General || cfg_->attention == AttentionKind::Additive)
    attention_keys(*cfg_, *lay_, p_, mem.memory, mem.keys);
}

template <class S>
void Decoder<S>::start(const std::vector<Mat<S>>& s0, DecoderState<S>& st) const {
  const int L = cfg_->layers, Hd = cfg_->decoder_hidden;
  const Index N = s0.empty() ? 0 : s0.front().cols();
  st.h = s0;
  st.c.resize(cfg_->decoder_cell == CellType::Lstm ? L : 0);
  for (auto& c : st.c) c.setZero(Hd, N);
  st.ht.setZero(Hd, N);
}

template <class S>
void Decoder<S>::step(const DecoderMemory<S>& mem, const DecoderState<S>& st, DecoderStep<S>& sc,
                      bool logits) const {
  const Seq2SeqConfig& cfg = *cfg_;
  const Seq2SeqLayout& lay = *lay_;
  const int L = cfg.layers, Hd = cfg.decoder_hidden, E = cfg.embed_dim, N = mem.B;
  const S* p = p_;
  const auto E_tgt = lay.map(p, lay.target_embedding);
  sc.x.resize(cfg.decoder_input(), N);
  for (int n = 0; n < N; ++n) {  // (5)
    const int32_t y = sc.y_in[n];
    if (y < 0 || y >= cfg.target_vocab)
      throw Error("target token " + std::to_string(y) + " is outside the target vocabulary of " +
                  std::to_string(cfg.target_vocab));
    sc.x.col(n).head(E) = E_tgt.row(y).transpose();
  }
  if (cfg.feeds_input()) sc.x.bottomRows(Hd) = st.ht;
  sc.cells.resize(L);
  for (int k = 0; k < L; ++k) {  // (6)
    const auto& r = lay.decoder[k];
    auto& c = sc.cells[k];
    cell_step_resize(cfg.decoder_cell, Hd, N, c);
    const auto W_ih = lay.map(p, r.weight_ih);
    if (k == 0)
      c.gates.noalias() = W_ih * sc.x;
    else
      c.gates.noalias() = W_ih * sc.cells[k - 1].h.rightCols(N);
    c.gates.colwise() += folded_bias(lay, p, r, cfg.decoder_cell, Hd);
    c.h.leftCols(N) = st.h[k];
    if (cfg.decoder_cell == CellType::Lstm) c.c.leftCols(N) = st.c[k];
    cell_step_forward(cfg.decoder_cell, lay.map(p, r.weight_hh), lay.vec(p, r.bias_hh), c, N);
  }
  if (cfg.attention != AttentionKind::None)  // (7)
    attention_forward<S>(cfg, lay, p, mem.memory, mem.keys, mem.Ts, sc.cells.back().h.rightCols(N),
                         sc.attn);
  if (logits) {  // (8)
    sc.logits.noalias() = lay.map(p, lay.generator_weight) * step_output(sc);
    sc.logits.colwise() += lay.vec(p, lay.generator_bias);
  }
}

template <class S>
const Eigen::Block<const Mat<S>> Decoder<S>::step_output(const DecoderStep<S>& sc) const {
  if (cfg_->attention != AttentionKind::None)
    return Eigen::Block<const Mat<S>>(sc.attn.ht, 0, 0, sc.attn.ht.rows(), sc.attn.ht.cols());
  const Mat<S>& h = sc.cells.back().h;
  const Index N = h.cols() / 2;
  return Eigen::Block<const Mat<S>>(h, 0, N, h.rows(), N);
}

template <class S>
void Decoder<S>::next_state(const DecoderStep<S>& sc, DecoderState<S>& st) const {
  const Index N = sc.cells.back().h.cols() / 2;
  for (int k = 0; k < cfg_->layers; ++k) {
    st.h[k] = sc.cells[k].h.rightCols(N);
    if (cfg_->decoder_cell == CellType::Lstm) st.c[k] = sc.cells[k].c.rightCols(N);
  }
  if (cfg_->feeds_input()) st.ht = step_output(sc);
}

template <class S>
double Decoder<S>::forward(const DecoderMemory<S>& mem, const std::vector<Mat<S>>& s0,
                           const std::vector<int32_t>& tgt, int Tt, double teacher_forcing,
                           Rng* rng, DecoderWorkspace<S>& ws) const {
  const int B = mem.B, Hd = cfg_->decoder_hidden;
  if (Tt < 1 || Index(tgt.size()) != Index(Tt) * B)
    throw Error("a target batch needs Tt*B >= 1 tokens, got " + std::to_string(tgt.size()));
  DecoderState<S> st;
  start(s0, st);
  const bool sampling = teacher_forcing < 1.0;
  if (sampling && !rng) throw Error("scheduled sampling needs a random generator");
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
      int32_t y = tgt[size_t(t - 1) * B + b];
      if (sampling && rng->uniform() >= teacher_forcing) {
        ws.teacher[size_t(t) * B + b] = 0;
        Index arg;
        ws.steps[t - 1].logits.col(b).maxCoeff(&arg);
        y = int32_t(arg);
      }
      sc.y_in[b] = y < 0 ? kEos : y;  // past the end: the loss ignores these steps
    }
    step(mem, st, sc, sampling);
    ws.top.middleCols(Index(t) * B, B) = step_output(sc);
    next_state(sc, st);
  }
  ws.head.target = tgt;  // (8)
  for (int32_t y : tgt)
    if (y >= cfg_->target_vocab)
      throw Error("target token " + std::to_string(y) + " is outside the target vocabulary of " +
                  std::to_string(cfg_->target_vocab));
  head_forward<S>(HeadKind::Softmax, lay_->map(p_, lay_->generator_weight),
                  lay_->vec(p_, lay_->generator_bias), ws.top, ws.head);
  if (ws.head.loss_count == 0) throw Error("a batch has no target tokens to score");
  ws.loss = ws.head.loss_sum / double(ws.head.loss_count);
  return ws.loss;
}

template <class S>
void Decoder<S>::backward(const DecoderMemory<S>& mem, DecoderWorkspace<S>& ws, S* grads) const {
  const Seq2SeqConfig& cfg = *cfg_;
  const Seq2SeqLayout& lay = *lay_;
  const int B = mem.B, Tt = int(ws.steps.size()), Ts = mem.Ts, L = cfg.layers;
  const int Hd = cfg.decoder_hidden, E = cfg.embed_dim;
  const bool lstm = cfg.decoder_cell == CellType::Lstm;
  const S* p = p_;
  // (8) for every step at once.
  ws.dtop.resize(Hd, Index(Tt) * B);
  head_backward<S>(HeadKind::Softmax, lay.map(p, lay.generator_weight), ws.top,
                   S(1.0 / double(ws.head.loss_count)), ws.head,
                   lay.map(grads, lay.generator_weight), lay.vec(grads, lay.generator_bias),
                   ws.dtop);
  ws.dmemory.setZero(mem.memory.rows(), mem.memory.cols());
  ws.dkeys.setZero(mem.keys.rows(), mem.keys.cols());
  ws.dh_rec.assign(L, Mat<S>::Zero(Hd, B));
  ws.dc_rec.assign(lstm ? L : 0, Mat<S>::Zero(Hd, B));
  Mat<S> dfeed = Mat<S>::Zero(Hd, B);  // dL/dht_t through the input of step t+1
  const Index GH = Index(gates_of(cfg.decoder_cell)) * Hd, TB = Index(Tt) * B;
  ws.dec_grads.resize(L);
  if (cfg.attention != AttentionKind::None) {
    ws.att_g.resize(Hd, TB);
    ws.att_in.resize(mem.memory.rows() + Hd, TB);
  }
  ws.dec_x.resize(L);
  std::vector<Mat<S>> W_ih_T(L), W_hh_T(L);  // transposed once: plain products are faster
  for (int k = 0; k < L; ++k) {
    ws.dec_grads[k].dpre.resize(GH, TB);
    if (cfg.decoder_cell == CellType::Gru) ws.dec_grads[k].dhpre.resize(GH, TB);
    ws.dec_grads[k].h.resize(Hd, TB);
    ws.dec_x[k].resize(k == 0 ? cfg.decoder_input() : Hd, TB);
    W_ih_T[k] = lay.map(p, lay.decoder[k].weight_ih).transpose();
    if (lstm) W_hh_T[k] = lay.map(p, lay.decoder[k].weight_hh).transpose();
  }
  auto dE_tgt = lay.map(grads, lay.target_embedding);
  for (int t = Tt - 1; t >= 0; --t) {
    auto& sc = ws.steps[t];
    ws.dht = ws.dtop.middleCols(Index(t) * B, B) + dfeed;
    const auto q = sc.cells.back().h.rightCols(B);
    if (cfg.attention != AttentionKind::None) {  // (7)
      ws.dq.setZero(Hd, B);
      attention_backward<S>(cfg, lay, p, mem.memory, mem.keys, Ts, q, ws.dht, sc.attn, grads, ws.dq,
                            ws.dmemory, ws.dkeys, false);
      ws.att_g.middleCols(Index(t) * B, B) = sc.attn.g;
      ws.att_in.block(0, Index(t) * B, mem.memory.rows(), B) = sc.attn.ctx;
      ws.att_in.block(mem.memory.rows(), Index(t) * B, Hd, B) = q;
    } else {
      ws.dq = ws.dht;
    }
    for (int k = L - 1; k >= 0; --k) {  // (6), dL/ds and dL/dc carried from step t+1
      const auto& r = lay.decoder[k];
      auto& c = sc.cells[k];
      c.dh = (k == L - 1 ? ws.dq : ws.dx) + ws.dh_rec[k];
      cell_step_backward(cfg.decoder_cell, lay.map(p, r.weight_hh), c, B,
                         lstm ? &ws.dc_rec[k] : nullptr, lstm ? &W_hh_T[k] : nullptr);
      ws.dh_rec[k] = c.dh_next;
      if (lstm) ws.dc_rec[k] = c.dc;
      // This step's columns of the whole decoder's dpre, inputs and h_{t-1}: their weight
      // gradients are one GEMM each after the loop.
      const Index col = Index(t) * B;
      ws.dec_grads[k].dpre.middleCols(col, B) = c.dpre;
      if (cfg.decoder_cell == CellType::Gru) ws.dec_grads[k].dhpre.middleCols(col, B) = c.dhpre;
      ws.dec_x[k].middleCols(col, B) = k == 0 ? sc.x : sc.cells[k - 1].h.rightCols(B);
      ws.dec_grads[k].h.middleCols(col, B) = c.h.leftCols(B);
      ws.dx.noalias() = W_ih_T[k] * c.dpre;
    }
    // (5): dx of layer 0 is [dE_tgt[y_{t-1}]; dL/dht_{t-1}]
    for (int b = 0; b < B; ++b) dE_tgt.row(sc.y_in[b]) += ws.dx.col(b).head(E).transpose();
    if (cfg.feeds_input())
      dfeed = ws.dx.bottomRows(Hd);
    else
      dfeed.setZero();
  }
  if (cfg.attention != AttentionKind::None)  // (7)'s dW_c over all steps
    lay.map(grads, lay.attn_out).noalias() += ws.att_g * ws.att_in.transpose();
  for (int k = 0; k < L; ++k)  // (6)'s weight gradients over all steps
    rnn_grads(lay, lay.decoder[k], cfg.decoder_cell, ws.dec_grads[k], TB, ws.dec_x[k],
              ws.dec_grads[k].h, grads);
  attention_keys_backward(cfg, lay, p, mem.memory, ws.dkeys, grads, ws.dmemory);
}

template class Decoder<float>;
template class Decoder<double>;

}  // namespace unroll
