// Stacked recurrent network: input projection, cells, head; forward and backward over a window.
#include "model/network.h"

#include <cmath>

#include "core/error.h"
#include "model/gru_cell.h"
#include "model/lstm_cell.h"
#include "model/rnn_cell.h"

namespace unroll {

template <class S>
void State<S>::zeros(const ModelConfig& cfg, int batch) {
  h.assign(cfg.layers, Mat<S>::Zero(cfg.hidden, batch));
  c.assign(cfg.cell == CellType::Lstm ? cfg.layers : 0, Mat<S>::Zero(cfg.hidden, batch));
}

template <class S>
Network<S>::Network(const ModelConfig& cfg) : cfg_(cfg), layout_(cfg) {
  cfg_.validate();
  params_ = Vec<S>::Zero(layout_.size());
}

template <class S>
void Network<S>::prepare(Workspace<S>& ws, int W, int B) const {
  const Index H = cfg_.hidden, GH = Index(cfg_.gates()) * H, WB = Index(W) * B;
  ws.W = W;
  ws.B = B;
  ws.layers.resize(cfg_.layers);
  for (auto& c : ws.layers) {
    c.gates.resize(GH, WB);
    c.h.resize(H, WB + B);
    c.dpre.resize(GH, WB);
    c.dh.resize(H, WB);
    if (cfg_.cell == CellType::Lstm) c.c.resize(H, WB + B);
    if (cfg_.cell == CellType::Lstm || cfg_.cell == CellType::Gru) c.aux.resize(H, WB);
    if (cfg_.cell == CellType::Gru) c.dhpre.resize(GH, WB);
  }
  ws.tokens.resize(WB);
  ws.dh_norm.resize(cfg_.layers);  // reused across steps: no allocation once sized
  for (auto& n : ws.dh_norm) n.assign(W, 0.0);
  ws.dc_norm.resize(cfg_.cell == CellType::Lstm ? cfg_.layers : 0);
  for (auto& n : ws.dc_norm) n.assign(W, 0.0);
}

template <class S>
void Network<S>::input_projection(int k, Workspace<S>& ws) const {
  const auto& L = layout_.layer(k);
  const S* p = params_.data();
  const auto W_ih = layout_.map(p, L.weight_ih);
  const Index H = cfg_.hidden, W = ws.W, B = ws.B;
  // Biases that sit outside any product are folded into the projection once: b_ih + b_hh, except
  // GRU's b_hn, which the reset gate multiplies.
  Vec<S> bias = layout_.vec(p, L.bias_ih) + layout_.vec(p, L.bias_hh);
  if (cfg_.cell == CellType::Gru) bias.tail(H) = layout_.vec(p, L.bias_ih).tail(H);
  auto& gates = ws.layers[k].gates;
  if (k > 0) {
    gates.noalias() = W_ih * ws.layers[k - 1].h.middleCols(B, W * B);
  } else if (cfg_.input == InputKind::OneHot) {
    for (Index j = 0; j < W * B; ++j) gates.col(j) = W_ih.col(ws.tokens[j]) + bias;
    return;  // the gather already added the bias
  } else {
    gates.noalias() = W_ih * ws.x0;
  }
  gates.colwise() += bias;
}

template <class S>
void Network<S>::forward(const Batch& batch, const PassSpec& pass, const State<S>* h0,
                         Workspace<S>& ws) const {
  const int W = pass.steps, B = pass.b1 - pass.b0;
  prepare(ws, W, B);
  const S* p = params_.data();
  // Layer-0 input for the window.
  for (int t = 0; t < W; ++t)
    for (int b = 0; b < B; ++b) {
      const int src = batch.col(pass.t0 + t, pass.b0 + b), dst = t * B + b;
      if (cfg_.input == InputKind::Dense) {
        if (t == 0 && b == 0) ws.x0.resize(cfg_.input_size, Index(W) * B);
        ws.x0.col(dst) = batch.inputs.col(src).template cast<S>();
      } else {
        const int32_t tok = batch.tokens[src];
        if (tok < 0 || tok >= cfg_.input_size)
          throw Error("input token " + std::to_string(tok) + " at step " +
                      std::to_string(pass.t0 + t) + " is outside the vocabulary of " +
                      std::to_string(cfg_.input_size));
        ws.tokens[dst] = tok;
      }
    }
  if (cfg_.input == InputKind::Embedding) {
    const auto E = layout_.map(p, layout_.encoder());  // (V, E)
    ws.x0.resize(cfg_.embed_dim, Index(W) * B);
    for (Index j = 0; j < Index(W) * B; ++j) ws.x0.col(j) = E.row(ws.tokens[j]).transpose();
  }
  for (int k = 0; k < cfg_.layers; ++k) {
    auto& c = ws.layers[k];
    const bool has_h0 = h0 && !h0->empty();
    if (has_h0)
      c.h.leftCols(B) = h0->h[k].middleCols(pass.b0, B);
    else
      c.h.leftCols(B).setZero();
    if (cfg_.cell == CellType::Lstm) {
      if (has_h0)
        c.c.leftCols(B) = h0->c[k].middleCols(pass.b0, B);
      else
        c.c.leftCols(B).setZero();
    }
    input_projection(k, ws);
    const auto& L = layout_.layer(k);
    const auto W_hh = layout_.map(p, L.weight_hh);
    const Perturb* nudge = pass.perturb.layer == k ? &pass.perturb : nullptr;
    switch (cfg_.cell) {
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
        gru_forward(W_hh, layout_.vec(p, L.bias_hh), c, W, B, nudge);
        break;
    }
  }
  head_targets(batch, pass, ws);
  const auto& top = ws.layers.back().h;
  const Index lb = pass.loss_begin;
  head_forward<S>(cfg_.head, layout_.map(p, layout_.decoder_weight()),
                  layout_.vec(p, layout_.decoder_bias()),
                  top.middleCols((1 + lb) * B, (W - lb) * Index(B)), ws.head);
}

// Gathers the scored steps' targets into the head's cache, in its column order (step-major).
template <class S>
void Network<S>::head_targets(const Batch& batch, const PassSpec& pass, Workspace<S>& ws) const {
  const int B = ws.B, lb = pass.loss_begin, nl = pass.steps - lb;
  const Index O = cfg_.output_size, N = Index(nl) * B;
  auto& head = ws.head;
  if (cfg_.head == HeadKind::Regression)
    head.p.resize(O, N);
  else
    head.target.resize(size_t(N));
  for (int t = 0; t < nl; ++t)
    for (int b = 0; b < B; ++b) {
      const Index j = Index(t) * B + b;
      const int src = batch.col(pass.t0 + lb + t, pass.b0 + b);
      if (cfg_.head == HeadKind::Regression) {
        head.p.col(j) = batch.target_values.col(src).template cast<S>();
        continue;
      }
      const int32_t target = batch.targets[src];
      if (target >= O)
        throw Error("target class " + std::to_string(target) + " at step " +
                    std::to_string(pass.t0 + lb + t) + " is outside the " + std::to_string(O) +
                    " outputs");
      head.target[size_t(j)] = target;
    }
}

template <class S>
void Network<S>::backward(const Batch& batch, const PassSpec& pass, Workspace<S>& ws,
                          S* grads) const {
  (void)batch;
  const S* p = params_.data();
  const int W = pass.steps, B = ws.B, lb = pass.loss_begin, nl = W - lb, cut = pass.cut;
  const Index c0 = Index(cut) * B, nc = Index(W - cut) * B;
  // Head on the scored steps: dL/dy -> dW, db and dL/dh of the top layer; earlier steps get none.
  auto& top = ws.layers.back();
  head_backward<S>(cfg_.head, layout_.map(p, layout_.decoder_weight()),
                   top.h.middleCols(Index(1 + lb) * B, Index(nl) * B), S(pass.loss_scale), ws.head,
                   layout_.map(grads, layout_.decoder_weight()),
                   layout_.vec(grads, layout_.decoder_bias()),
                   top.dh.middleCols(Index(lb) * B, Index(nl) * B));
  top.dh.leftCols(Index(lb) * B).setZero();

  for (int k = cfg_.layers - 1; k >= 0; --k) {
    auto& c = ws.layers[k];
    const auto& L = layout_.layer(k);
    const auto W_hh = layout_.map(p, L.weight_hh);
    const auto W_ih = layout_.map(p, L.weight_ih);
    double* norms = ws.dh_norm[k].data();
    switch (cfg_.cell) {
      case CellType::RnnTanh:
        rnn_backward(false, W_hh, c, W, B, cut, norms);
        break;
      case CellType::RnnRelu:
        rnn_backward(true, W_hh, c, W, B, cut, norms);
        break;
      case CellType::Lstm:
        lstm_backward(W_hh, c, W, B, cut, norms, ws.dc_norm[k].data());
        break;
      case CellType::Gru:
        gru_backward(W_hh, c, W, B, cut, norms);
        break;
    }
    if (nc == 0) continue;
    const auto dpre = c.dpre.middleCols(c0, nc);
    const auto dhpre = (cfg_.cell == CellType::Gru ? c.dhpre : c.dpre).middleCols(c0, nc);
    // dW_hh = sum_t dhpre_t h_{t-1}^T, one GEMM over the window (h_{t-1} is h block t).
    layout_.map(grads, L.weight_hh).noalias() += dhpre * c.h.middleCols(c0, nc).transpose();
    if (cfg_.cell == CellType::Gru) {
      layout_.vec(grads, L.bias_hh) += dhpre.rowwise().sum();
      layout_.vec(grads, L.bias_ih) += dpre.rowwise().sum();
    } else {  // both biases enter the same sum: one gradient
      const Vec<S> db = dpre.rowwise().sum();
      layout_.vec(grads, L.bias_hh) += db;
      layout_.vec(grads, L.bias_ih) += db;
    }
    auto dW_ih = layout_.map(grads, L.weight_ih);
    if (k > 0) {
      auto& below = ws.layers[k - 1];
      dW_ih.noalias() += dpre * below.h.middleCols(B + c0, nc).transpose();
      below.dh.leftCols(c0).setZero();
      below.dh.middleCols(c0, nc).noalias() = W_ih.transpose() * dpre;
    } else if (cfg_.input == InputKind::OneHot) {
      for (Index j = c0; j < c0 + nc; ++j) dW_ih.col(ws.tokens[j]) += c.dpre.col(j);
    } else {
      const auto x = ws.x0.middleCols(c0, nc);
      dW_ih.noalias() += dpre * x.transpose();
      if (cfg_.input == InputKind::Embedding) {
        ws.dx0.noalias() = W_ih.transpose() * dpre;  // (E, nc)
        auto dE = layout_.map(grads, layout_.encoder());
        for (Index j = 0; j < nc; ++j) dE.row(ws.tokens[c0 + j]) += ws.dx0.col(j).transpose();
      }
    }
  }
}

template <class S>
void Network<S>::extract_state(const Workspace<S>& ws, int t, int b0, State<S>& out) const {
  const int B = ws.B;
  for (int k = 0; k < cfg_.layers; ++k) {
    out.h[k].middleCols(b0, B) = ws.layers[k].h.middleCols(Index(t + 1) * B, B);
    if (cfg_.cell == CellType::Lstm)
      out.c[k].middleCols(b0, B) = ws.layers[k].c.middleCols(Index(t + 1) * B, B);
  }
}

template struct State<float>;
template struct State<double>;
template class Network<float>;
template class Network<double>;

}  // namespace unroll
