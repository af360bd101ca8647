// oneDNN reference for unroll_bench: a training step (forward training, head, backward) with
// oneDNN's RNN primitives on Unroll's shapes, checked once against Unroll's gradients.
// Letters: T steps, B batch, V vocabulary, H hidden, G gates (Gb bias gates: GRU has 4).
#include "dnnl_reference.h"

#include <omp.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <oneapi/dnnl/dnnl.hpp>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "core/rng.h"
#include "model/init.h"
#include "model/network.h"

namespace unroll::bench {
namespace {

using dnnl::memory;
using tag = memory::format_tag;
using dt = memory::data_type;
using Clock = std::chrono::steady_clock;
using MatF = Eigen::MatrixXf;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

// Where gate g of oneDNN's layout sits in PyTorch's (Unroll's) order. LSTM: both i, f, g, o.
// GRU: oneDNN u, r, o = PyTorch z, r, n.
int torch_gate(CellType cell, int g) {
  if (cell == CellType::Gru) return g == 0 ? 1 : g == 1 ? 0 : 2;
  return g;
}

// One oneDNN training step's primitives and memories for one layer.
struct DnnlStep {
  CellType cell;
  int T, B, V, H, G, Gb;
  dnnl::engine eng{dnnl::engine::kind::cpu, 0};
  dnnl::stream strm{eng};
  dnnl::primitive fwd, bwd;
  std::unordered_map<int, memory> fwd_args, bwd_args;
  // User-side buffers in plain layouts.
  memory src_layer, zero_iter, zero_iter_c, w_layer, w_iter, bias, dst_layer, dst_iter, dst_iter_c,
      diff_dst_layer, diff_w_layer, diff_w_iter, diff_bias;
  memory fwd_w_layer, fwd_w_iter, bwd_w_layer, bwd_w_iter, bwd_diff_w_layer, bwd_diff_w_iter;
  std::vector<memory> scratch;  // diff_src_*, diff_dst_iter*, workspace
  MatF W_out;                   // (V, H) head
  Eigen::VectorXf b_out;        // (V)
  MatF dW_out;                  // (V, H)
  Eigen::VectorXf db_out;       // (V)
  std::vector<int32_t> tokens, targets;

  float* ptr(memory& m) { return static_cast<float*>(m.get_data_handle()); }

  DnnlStep(CellType c, int T_, int B_, int V_, int H_)
      : cell(c), T(T_), B(B_), V(V_), H(H_), G(ModelConfig{c}.gates()) {
    Gb = cell == CellType::Gru ? 4 : G;
    const memory::dims src_dims{T, B, V}, dst_dims{T, B, H}, iter_dims{1, 1, B, H},
        wl_dims{1, 1, V, G, H}, wi_dims{1, 1, H, G, H}, b_dims{1, 1, Gb, H};
    const memory::desc src_md(src_dims, dt::f32, tag::tnc), dst_md(dst_dims, dt::f32, tag::tnc),
        iter_md(iter_dims, dt::f32, tag::ldnc), wl_any(wl_dims, dt::f32, tag::any),
        wi_any(wi_dims, dt::f32, tag::any), b_md(b_dims, dt::f32, tag::ldgo);
    const memory::desc none;
    const auto dir = dnnl::rnn_direction::unidirectional_left2right;
    const auto fp = dnnl::prop_kind::forward_training;
    const auto bp = dnnl::prop_kind::backward;
    const bool lstm = cell == CellType::Lstm, gru = cell == CellType::Gru;
    const memory::desc ic_md = lstm ? iter_md : none;
    dnnl::primitive_desc_base fwd_pd, bwd_pd;
    if (lstm) {
      dnnl::lstm_forward::primitive_desc f(
          {fp, dir, src_md, iter_md, iter_md, wl_any, wi_any, b_md, dst_md, iter_md, iter_md}, eng);
      dnnl::lstm_backward::primitive_desc b(
          {bp,      dir,    src_md,  iter_md, iter_md, wl_any, wi_any, b_md,   dst_md,  iter_md,
           iter_md, src_md, iter_md, iter_md, wl_any,  wi_any, b_md,   dst_md, iter_md, iter_md},
          eng, f);
      fwd = dnnl::lstm_forward(f), bwd = dnnl::lstm_backward(b), fwd_pd = f, bwd_pd = b;
    } else if (gru) {
      dnnl::lbr_gru_forward::primitive_desc f(
          {fp, dir, src_md, iter_md, wl_any, wi_any, b_md, dst_md, iter_md}, eng);
      dnnl::lbr_gru_backward::primitive_desc b(
          {bp, dir, src_md, iter_md, wl_any, wi_any, b_md, dst_md, iter_md, src_md, iter_md, wl_any,
           wi_any, b_md, dst_md, iter_md},
          eng, f);
      fwd = dnnl::lbr_gru_forward(f), bwd = dnnl::lbr_gru_backward(b), fwd_pd = f, bwd_pd = b;
    } else {
      const auto act = dnnl::algorithm::eltwise_tanh;
      dnnl::vanilla_rnn_forward::primitive_desc f(
          {fp, act, dir, src_md, iter_md, wl_any, wi_any, b_md, dst_md, iter_md}, eng);
      dnnl::vanilla_rnn_backward::primitive_desc b(
          {bp, act, dir, src_md, iter_md, wl_any, wi_any, b_md, dst_md, iter_md, src_md, iter_md,
           wl_any, wi_any, b_md, dst_md, iter_md},
          eng, f);
      fwd = dnnl::vanilla_rnn_forward(f), bwd = dnnl::vanilla_rnn_backward(b), fwd_pd = f,
      bwd_pd = b;
    }
    auto q = [](const dnnl::primitive_desc_base& pd, int arg) {
      return pd.query_md(dnnl::query::exec_arg_md, arg);
    };
    src_layer = memory(src_md, eng);
    zero_iter = memory(iter_md, eng);
    zero_iter_c = memory(iter_md, eng);
    w_layer = memory({wl_dims, dt::f32, tag::ldigo}, eng);
    w_iter = memory({wi_dims, dt::f32, tag::ldigo}, eng);
    bias = memory(b_md, eng);
    dst_layer = memory(dst_md, eng);
    dst_iter = memory(iter_md, eng);
    dst_iter_c = memory(iter_md, eng);
    diff_dst_layer = memory(dst_md, eng);
    diff_w_layer = memory({wl_dims, dt::f32, tag::ldigo}, eng);
    diff_w_iter = memory({wi_dims, dt::f32, tag::ldigo}, eng);
    diff_bias = memory(b_md, eng);
    fwd_w_layer = memory(q(fwd_pd, DNNL_ARG_WEIGHTS_LAYER), eng);
    fwd_w_iter = memory(q(fwd_pd, DNNL_ARG_WEIGHTS_ITER), eng);
    bwd_w_layer = memory(q(bwd_pd, DNNL_ARG_WEIGHTS_LAYER), eng);
    bwd_w_iter = memory(q(bwd_pd, DNNL_ARG_WEIGHTS_ITER), eng);
    bwd_diff_w_layer = memory(q(bwd_pd, DNNL_ARG_DIFF_WEIGHTS_LAYER), eng);
    bwd_diff_w_iter = memory(q(bwd_pd, DNNL_ARG_DIFF_WEIGHTS_ITER), eng);
    std::fill_n(ptr(zero_iter), B * H, 0.0f);
    std::fill_n(ptr(zero_iter_c), B * H, 0.0f);
    memory ws(q(fwd_pd, DNNL_ARG_WORKSPACE), eng);
    // The explicit zero initial state: without one, oneDNN 2.6 gets dW_hh wrong.
    fwd_args = {{DNNL_ARG_SRC_LAYER, src_layer},
                {DNNL_ARG_SRC_ITER, zero_iter},
                {DNNL_ARG_WEIGHTS_LAYER, fwd_w_layer},
                {DNNL_ARG_WEIGHTS_ITER, fwd_w_iter},
                {DNNL_ARG_BIAS, bias},
                {DNNL_ARG_DST_LAYER, dst_layer},
                {DNNL_ARG_DST_ITER, dst_iter},
                {DNNL_ARG_WORKSPACE, ws}};
    auto diff = [&](int arg) {
      scratch.emplace_back(q(bwd_pd, arg), eng);
      std::fill_n(ptr(scratch.back()), scratch.back().get_desc().get_size() / sizeof(float), 0.f);
      return scratch.back();
    };
    bwd_args = {{DNNL_ARG_SRC_LAYER, src_layer},
                {DNNL_ARG_SRC_ITER, zero_iter},
                {DNNL_ARG_WEIGHTS_LAYER, bwd_w_layer},
                {DNNL_ARG_WEIGHTS_ITER, bwd_w_iter},
                {DNNL_ARG_BIAS, bias},
                {DNNL_ARG_DST_LAYER, dst_layer},
                {DNNL_ARG_DST_ITER, dst_iter},
                {DNNL_ARG_WORKSPACE, ws},
                {DNNL_ARG_DIFF_DST_LAYER, diff_dst_layer},
                {DNNL_ARG_DIFF_DST_ITER, diff(DNNL_ARG_DIFF_DST_ITER)},
                {DNNL_ARG_DIFF_SRC_LAYER, diff(DNNL_ARG_DIFF_SRC_LAYER)},
                {DNNL_ARG_DIFF_SRC_ITER, diff(DNNL_ARG_DIFF_SRC_ITER)},
                {DNNL_ARG_DIFF_WEIGHTS_LAYER, bwd_diff_w_layer},
                {DNNL_ARG_DIFF_WEIGHTS_ITER, bwd_diff_w_iter},
                {DNNL_ARG_DIFF_BIAS, diff_bias}};
    if (lstm) {
      fwd_args[DNNL_ARG_SRC_ITER_C] = zero_iter_c;
      fwd_args[DNNL_ARG_DST_ITER_C] = dst_iter_c;
      bwd_args[DNNL_ARG_SRC_ITER_C] = zero_iter_c;
      bwd_args[DNNL_ARG_DST_ITER_C] = dst_iter_c;
      bwd_args[DNNL_ARG_DIFF_DST_ITER_C] = diff(DNNL_ARG_DIFF_DST_ITER_C);
      bwd_args[DNNL_ARG_DIFF_SRC_ITER_C] = diff(DNNL_ARG_DIFF_SRC_ITER_C);
    }
    (void)ic_md;
  }

  // Unroll's parameters into oneDNN's layouts (ldigo: [in][gate][out]; one bias per gate, GRU's
  // fourth is b_hn).
  void set_weights(const Network<float>& net) {
    const ParamLayout& lay = net.layout();
    const float* p = net.params().data();
    const auto Wih = lay.map(p, lay.layer(0).weight_ih), Whh = lay.map(p, lay.layer(0).weight_hh);
    const auto bih = lay.map(p, lay.layer(0).bias_ih), bhh = lay.map(p, lay.layer(0).bias_hh);
    float *wl = ptr(w_layer), *wi = ptr(w_iter), *b = ptr(bias);
    for (int g = 0; g < G; ++g) {
      const int tg = torch_gate(cell, g);
      for (int o = 0; o < H; ++o) {
        for (int i = 0; i < V; ++i) wl[(i * G + g) * H + o] = Wih(tg * H + o, i);
        for (int i = 0; i < H; ++i) wi[(i * G + g) * H + o] = Whh(tg * H + o, i);
        const bool split = cell == CellType::Gru && g == 2;  // b_hn stays inside r * (...)
        b[g * H + o] = bih(tg * H + o, 0) + (split ? 0.f : bhh(tg * H + o, 0));
        if (split) b[3 * H + o] = bhh(tg * H + o, 0);
      }
    }
    W_out = lay.map(p, lay.decoder_weight());
    b_out = lay.map(p, lay.decoder_bias());
  }

  void set_batch(const Batch& batch) {
    tokens = batch.tokens, targets = batch.targets;
    float* x = ptr(src_layer);
    std::fill_n(x, T * B * V, 0.f);
    for (int c = 0; c < T * B; ++c) x[c * V + tokens[c]] = 1.f;  // one-hot, (T, B, V)
  }

  // forward training, the head (logits, mean cross-entropy over T*B, its gradient), backward.
  double step() {
    dnnl::reorder(w_layer, fwd_w_layer).execute(strm, w_layer, fwd_w_layer);
    dnnl::reorder(w_iter, fwd_w_iter).execute(strm, w_iter, fwd_w_iter);
    dnnl::reorder(w_layer, bwd_w_layer).execute(strm, w_layer, bwd_w_layer);
    dnnl::reorder(w_iter, bwd_w_iter).execute(strm, w_iter, bwd_w_iter);
    fwd.execute(strm, fwd_args);
    strm.wait();
    const int N = T * B;
    const Eigen::Map<const MatF> h(ptr(dst_layer), H, N);  // (H, N)
    MatF logits = W_out * h;                               // (V, N)
    logits.colwise() += b_out;
    double loss = 0;
    for (int c = 0; c < N; ++c) {
      auto z = logits.col(c);
      const float m = z.maxCoeff();
      z = (z.array() - m).exp();
      const float s = z.sum();
      loss += std::log(double(s)) - double(std::log(z(targets[c])));
      z /= s;
      z(targets[c]) -= 1.f;
    }
    logits /= float(N);                         // dL/dlogits
    dW_out.noalias() = logits * h.transpose();  // (V, H)
    db_out = logits.rowwise().sum();            // (V)
    Eigen::Map<MatF>(ptr(diff_dst_layer), H, N).noalias() = W_out.transpose() * logits;
    for (memory* m : {&bwd_diff_w_layer, &bwd_diff_w_iter, &diff_bias})  // oneDNN accumulates
      std::fill_n(ptr(*m), m->get_desc().get_size() / sizeof(float), 0.f);
    bwd.execute(strm, bwd_args);
    dnnl::reorder(bwd_diff_w_layer, diff_w_layer).execute(strm, bwd_diff_w_layer, diff_w_layer);
    dnnl::reorder(bwd_diff_w_iter, diff_w_iter).execute(strm, bwd_diff_w_iter, diff_w_iter);
    strm.wait();
    return loss / N;
  }
};

// Largest |a - b| over max |b|, for two same-shaped matrices.
double rel_diff(const MatF& a, const MatF& b) {
  const double scale = std::max(1e-30, double(b.cwiseAbs().maxCoeff()));
  return double((a - b).cwiseAbs().maxCoeff()) / scale;
}

// oneDNN's gradients of one batch against Unroll's, as PyTorch-shaped matrices.
void check_gradients(DnnlStep& d, Network<float>& net, const Batch& batch, DnnlResult& r) {
  const ParamLayout& lay = net.layout();
  Workspace<float> ws;
  PassSpec pass;
  pass.steps = batch.steps;
  pass.loss_begin = batch.loss_begin;
  pass.b1 = batch.batch;
  pass.loss_scale = 1.0 / double(batch.steps * batch.batch);
  net.forward(batch, pass, nullptr, ws);
  Vec<float> grads = Vec<float>::Zero(net.params().size());
  net.backward(batch, pass, ws, grads.data());
  d.step();
  const int G = d.G, H = d.H, V = d.V;
  MatF dWih(G * H, V), dWhh(G * H, H), db(G * H, 1);
  const auto gbh = lay.map(grads.data(), lay.layer(0).bias_hh);
  const auto gbi = lay.map(grads.data(), lay.layer(0).bias_ih);
  for (int g = 0; g < G; ++g) {
    const int tg = torch_gate(d.cell, g);
    for (int o = 0; o < H; ++o) {
      for (int i = 0; i < V; ++i) dWih(tg * H + o, i) = d.ptr(d.diff_w_layer)[(i * G + g) * H + o];
      for (int i = 0; i < H; ++i) dWhh(tg * H + o, i) = d.ptr(d.diff_w_iter)[(i * G + g) * H + o];
      db(tg * H + o, 0) = d.ptr(d.diff_bias)[g * H + o];
    }
  }
  MatF ours_b = gbi;  // oneDNN's one bias per gate is b_ih + b_hh: its gradient is either's
  const std::vector<std::pair<std::string, double>> diffs{
      {"weight_ih_l0", rel_diff(dWih, lay.map(grads.data(), lay.layer(0).weight_ih))},
      {"weight_hh_l0", rel_diff(dWhh, lay.map(grads.data(), lay.layer(0).weight_hh))},
      {"bias_ih_l0", rel_diff(db, ours_b)},
      {d.cell == CellType::Gru ? "bias_hh_l0 (n)" : "bias_hh_l0",
       d.cell == CellType::Gru
           ? rel_diff(Eigen::Map<MatF>(d.ptr(d.diff_bias) + 3 * H, H, 1), gbh.bottomRows(H))
           : rel_diff(db, gbh)},
      {"decoder.weight", rel_diff(d.dW_out, lay.map(grads.data(), lay.decoder_weight()))},
      {"decoder.bias", rel_diff(d.db_out, lay.map(grads.data(), lay.decoder_bias()))}};
  for (const auto& [name, v] : diffs)
    if (v > r.grad_diff) r.grad_diff = v, r.worst = name;
}

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_maxrss) / 1024.0;
}

}  // namespace

DnnlResult measure_dnnl(CellType cell, int hidden, int seq, int batch,
                        std::shared_ptr<const Task> task, int threads, double seconds,
                        int repeats) {
  omp_set_num_threads(threads);
  ModelConfig m;
  m.cell = cell;
  m.hidden = hidden;
  m.input_size = task->shape().input_size;
  m.output_size = task->shape().output_size;
  Network<float> net(m);
  Rng rng(1);
  initialize(net, rng);
  DnnlStep d(cell == CellType::RnnRelu ? CellType::RnnTanh : cell, seq, batch, m.input_size,
             hidden);
  d.set_weights(net);
  const Batch b = task->train_batch(seq, batch, rng);
  d.set_batch(b);
  DnnlResult r;
  check_gradients(d, net, b, r);
  for (int i = 0; i < 2; ++i) d.step();  // warm-up
  std::vector<double> rates;
  const double slice = seconds / std::max(1, repeats);
  for (int k = 0; k < repeats; ++k) {
    long tokens = 0;
    const auto t0 = Clock::now();
    double dt = 0;
    do {
      d.step();
      tokens += long(seq) * batch;
      dt = std::chrono::duration<double>(Clock::now() - t0).count();
    } while (dt < slice);
    rates.push_back(double(tokens) / dt);
  }
  r.tokens_per_s = median(rates);
  r.peak_rss_mb = peak_rss_mb();
  return r;
}

double sgemm_gflops(int n, int threads) {
  omp_set_num_threads(threads);
  std::vector<float> A(size_t(n) * n, 1.0f), B(size_t(n) * n, 0.5f), C(size_t(n) * n, 0.f);
  double best = 0;
  for (int k = 0; k < 4; ++k) {
    const auto t0 = Clock::now();
    dnnl::sgemm('N', 'N', n, n, n, 1.f, A.data(), n, B.data(), n, 0.f, C.data(), n);
    const double dt = std::chrono::duration<double>(Clock::now() - t0).count();
    if (k > 0) best = std::max(best, 2.0 * n * n * double(n) / dt * 1e-9);
  }
  return best;
}

}  // namespace unroll::bench
