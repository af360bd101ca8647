// Greedy and beam-search decoding.
#include "seq2seq/decode.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "core/error.h"

namespace unroll {
namespace {

// The encoder's results of one source repeated over N columns (what step() reads).
template <class S>
void tile(const DecoderMemory<S>& one, int N, DecoderMemory<S>& out) {
  const int Ts = one.Ts;
  out.Ts = Ts;
  out.B = N;
  out.memory.resize(one.memory.rows(), Index(Ts) * N);
  out.keys.resize(one.keys.rows(), one.keys.rows() ? Index(Ts) * N : 0);
  for (int s = 0; s < Ts; ++s)
    for (int n = 0; n < N; ++n) {
      out.memory.col(Index(s) * N + n) = one.memory.col(s);
      if (one.keys.rows()) out.keys.col(Index(s) * N + n) = one.keys.col(s);
    }
}

template <class S>
Mat<S> gather(const Mat<S>& m, const std::vector<int>& cols) {
  Mat<S> out(m.rows(), Index(cols.size()));
  for (size_t j = 0; j < cols.size(); ++j) out.col(Index(j)) = m.col(cols[j]);
  return out;
}

template <class S>
void gather_state(DecoderState<S>& st, const std::vector<int>& cols) {
  for (auto& h : st.h) h = gather(h, cols);
  for (auto& c : st.c) c = gather(c, cols);
  st.ht = gather(st.ht, cols);
}

}  // namespace

template <class S>
std::vector<std::vector<int32_t>> greedy_decode(const Seq2Seq<S>& model,
                                                const std::vector<int32_t>& src, int Ts, int B,
                                                int max_len, std::vector<Mat<double>>* attention) {
  EncoderCache<S> enc;
  model.encode(src, Ts, B, enc);
  DecoderState<S> st;
  model.initial_state(enc, st);
  return greedy_decode(model.decoder(), enc, std::move(st), max_len, attention);
}

template <class S>
std::vector<std::vector<int32_t>> greedy_decode(const Decoder<S>& model,
                                                const DecoderMemory<S>& enc, DecoderState<S> st,
                                                int max_len, std::vector<Mat<double>>* attention) {
  const int B = enc.B, Ts = enc.Ts;
  DecoderStep<S> sc;
  sc.y_in.assign(B, kBos);
  std::vector<std::vector<int32_t>> out(B);
  std::vector<uint8_t> done(B, 0);
  std::vector<std::vector<Vec<double>>> rows(attention ? B : 0);
  const bool attends = model.config().attention != AttentionKind::None;
  int live = B;
  for (int t = 0; t < max_len && live > 0; ++t) {
    model.step(enc, st, sc, true);
    model.next_state(sc, st);
    for (int b = 0; b < B; ++b) {
      if (done[b]) continue;
      Index arg;
      sc.logits.col(b).maxCoeff(&arg);
      sc.y_in[b] = int32_t(arg);
      if (attention && attends) rows[b].push_back(sc.attn.a.col(b).template cast<double>());
      if (arg == kEos) {
        done[b] = 1;
        --live;
      } else {
        out[b].push_back(int32_t(arg));
      }
    }
  }
  if (attention) {
    attention->assign(B, Mat<double>());
    for (int b = 0; b < B; ++b) {
      auto& a = (*attention)[b];
      a.resize(Index(rows[b].size()), Ts);
      for (size_t r = 0; r < rows[b].size(); ++r) a.row(Index(r)) = rows[b][r].transpose();
    }
  }
  return out;
}

template <class S>
Hypothesis beam_decode(const Seq2Seq<S>& model, const std::vector<int32_t>& src,
                       const DecodeOptions& opt) {
  if (opt.beam < 1)
    throw Error("the beam width must be at least 1, got " + std::to_string(opt.beam));
  if (opt.max_len < 1) throw Error("the maximum output length must be at least 1");
  const int Ts = int(src.size());
  EncoderCache<S> one;
  model.encode(src, Ts, 1, one);
  DecoderState<S> st;
  model.initial_state(one, st);
  return beam_decode(model.decoder(), one, std::move(st), opt);
}

template <class S>
Hypothesis beam_decode(const Decoder<S>& model, const DecoderMemory<S>& one, DecoderState<S> st,
                       const DecodeOptions& opt) {
  if (opt.beam < 1)
    throw Error("the beam width must be at least 1, got " + std::to_string(opt.beam));
  if (opt.max_len < 1) throw Error("the maximum output length must be at least 1");
  const int Ts = one.Ts;
  DecoderMemory<S> enc;
  const int K = opt.beam;
  const bool attends = model.config().attention != AttentionKind::None;
  std::vector<Hypothesis> live(1), finished;
  auto norm = [&](double logp, size_t n) {
    return opt.length_norm == 0 ? logp
                                : logp / std::pow(double(std::max<size_t>(n, 1)), opt.length_norm);
  };
  DecoderStep<S> sc;
  for (int t = 0; t < opt.max_len && !live.empty(); ++t) {
    const int N = int(live.size());
    tile(one, N, enc);
    sc.y_in.resize(N);
    for (int n = 0; n < N; ++n) sc.y_in[n] = live[n].tokens.empty() ? kBos : live[n].tokens.back();
    model.step(enc, st, sc, true);
    model.next_state(sc, st);
    // Candidates (log p, parent, token), best first; ties to the lower parent, then token.
    std::vector<std::tuple<double, int, int>> cand;
    const Index V = sc.logits.rows();
    for (int n = 0; n < N; ++n) {
      const Vec<double> z = sc.logits.col(n).template cast<double>();
      const double m = z.maxCoeff();
      const double lse = m + std::log((z.array() - m).exp().sum());
      for (Index v = 0; v < V; ++v) cand.emplace_back(live[n].logp + z[v] - lse, n, int(v));
    }
    const size_t keep = std::min(cand.size(), size_t(2 * K));
    std::partial_sort(cand.begin(), cand.begin() + long(keep), cand.end(), [](auto& a, auto& b) {
      if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
      if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) < std::get<1>(b);
      return std::get<2>(a) < std::get<2>(b);
    });
    std::vector<Hypothesis> next;
    std::vector<int> parents;
    for (size_t c = 0; c < keep && int(next.size()) < K; ++c) {
      const auto [logp, n, v] = cand[c];
      Hypothesis h;
      h.tokens = live[n].tokens;
      h.logp = logp;
      if (attends) {
        h.attention.resize(live[n].attention.rows() + 1, Ts);
        if (live[n].attention.rows() > 0)  // the first step's parent has none (0 x 0)
          h.attention.topRows(live[n].attention.rows()) = live[n].attention;
        h.attention.bottomRows(1) = sc.attn.a.col(n).template cast<double>().transpose();
      }
      if (v == kEos) {
        h.finished = true;
        h.score = norm(logp, h.tokens.size() + 1);
        finished.push_back(std::move(h));
        if (int(finished.size()) >= K) break;
        continue;
      }
      h.tokens.push_back(v);
      next.push_back(std::move(h));
      parents.push_back(n);
    }
    if (int(finished.size()) >= K) {
      live.clear();  // K finished: the unfinished prefixes are dropped, not cut
      break;
    }
    live = std::move(next);
    gather_state(st, parents);
  }
  for (Hypothesis& h : live) {  // cut at max_len
    h.score = norm(h.logp, h.tokens.size());
    finished.push_back(std::move(h));
  }
  if (finished.empty()) return {};
  return *std::max_element(
      finished.begin(), finished.end(),
      [](const Hypothesis& a, const Hypothesis& b) { return a.score < b.score; });
}

template <class S>
double sequence_logprob(const Seq2Seq<S>& model, const std::vector<int32_t>& src,
                        const std::vector<int32_t>& tokens) {
  Seq2SeqBatch b;
  b.B = 1;
  b.Ts = int(src.size());
  b.Tt = int(tokens.size()) + 1;
  b.src = src;
  b.tgt = tokens;
  b.tgt.push_back(kEos);
  Seq2SeqWorkspace<S> ws;
  model.forward(b, {}, ws);
  return -ws.head.loss_sum;
}

#define UNROLL_DECODE(S)                                                                          \
  template std::vector<std::vector<int32_t>> greedy_decode<S>(                                    \
      const Seq2Seq<S>&, const std::vector<int32_t>&, int, int, int, std::vector<Mat<double>>*);  \
  template Hypothesis beam_decode<S>(const Seq2Seq<S>&, const std::vector<int32_t>&,              \
                                     const DecodeOptions&);                                       \
  template double sequence_logprob<S>(const Seq2Seq<S>&, const std::vector<int32_t>&,             \
                                      const std::vector<int32_t>&);                               \
  template std::vector<std::vector<int32_t>> greedy_decode<S>(                                    \
      const Decoder<S>&, const DecoderMemory<S>&, DecoderState<S>, int,                           \
      std::vector<Mat<double>>*);                                                                 \
  template Hypothesis beam_decode<S>(const Decoder<S>&, const DecoderMemory<S>&, DecoderState<S>, \
                                     const DecodeOptions&);
UNROLL_DECODE(float)
UNROLL_DECODE(double)
#undef UNROLL_DECODE

}  // namespace unroll
