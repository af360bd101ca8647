// Attention forward and backward for one decoder step, side by side (equations in attention.h).
#include "seq2seq/attention.h"

namespace unroll {
namespace {

// Column n's positions of a position-major (rows, Ts*N) matrix: a (rows, Ts) strided view.
template <class S>
using Strided = Eigen::Map<Mat<S>, 0, Eigen::OuterStride<>>;
template <class S>
using CStrided = Eigen::Map<const Mat<S>, 0, Eigen::OuterStride<>>;

template <class S>
CStrided<S> positions(const Mat<S>& m, Index n, Index Ts, Index N) {
  return CStrided<S>(m.data() + n * m.rows(), m.rows(), Ts, Eigen::OuterStride<>(N * m.rows()));
}
template <class S>
Strided<S> positions(Mat<S>& m, Index n, Index Ts, Index N) {
  return Strided<S>(m.data() + n * m.rows(), m.rows(), Ts, Eigen::OuterStride<>(N * m.rows()));
}

template <class S>
int key_tensor(const Seq2SeqConfig& cfg, const Seq2SeqLayout& lay) {
  return cfg.attention == AttentionKind::General    ? lay.attn_in
         : cfg.attention == AttentionKind::Additive ? lay.attn_context
                                                    : -1;
}

}  // namespace

template <class S>
void attention_keys(const Seq2SeqConfig& cfg, const Seq2SeqLayout& lay, const S* p,
                    const Mat<S>& memory, Mat<S>& keys) {
  const int w = key_tensor<S>(cfg, lay);
  if (w < 0) return;
  keys.noalias() = lay.map(p, w) * memory;
}

template <class S>
void attention_keys_backward(const Seq2SeqConfig& cfg, const Seq2SeqLayout& lay, const S* p,
                             const Mat<S>& memory, const Mat<S>& dkeys, S* grads,
                             Mat<S>& dmemory) {
  const int w = key_tensor<S>(cfg, lay);
  if (w < 0) return;
  lay.map(grads, w).noalias() += dkeys * memory.transpose();
  dmemory.noalias() += lay.map(p, w).transpose() * dkeys;
}

template <class S>
void attention_forward(const Seq2SeqConfig& cfg, const Seq2SeqLayout& lay, const S* p,
                       const Mat<S>& memory, const Mat<S>& keys, int Ts,
                       const Eigen::Ref<const Mat<S>>& q, AttentionCache<S>& cache) {
  const Index N = q.cols(), Dm = memory.rows();
  cache.a.resize(Ts, N);
  cache.ctx.resize(Dm, N);
  if (cfg.attention == AttentionKind::Additive) {
    const Index A = cfg.additive_dim();
    cache.wq.noalias() = lay.map(p, lay.attn_query) * q;  // W_q q, (A, N)
    cache.u.resize(A, Index(Ts) * N);
  }
  for (Index n = 0; n < N; ++n) {
    const auto m = positions(memory, n, Ts, N);  // (Dm, Ts)
    auto e = cache.a.col(n);                     // (1), then (2) in place
    switch (cfg.attention) {
      case AttentionKind::Dot:
        e.noalias() = m.transpose() * q.col(n);
        break;
      case AttentionKind::General:
        e.noalias() = positions(keys, n, Ts, N).transpose() * q.col(n);
        break;
      case AttentionKind::Additive: {
        auto u = cache.u.middleCols(n * Ts, Ts);
        u = (positions(keys, n, Ts, N).colwise() + cache.wq.col(n)).array().tanh().matrix();
        e.noalias() = u.transpose() * lay.vec(p, lay.attn_v);
        break;
      }
      case AttentionKind::None:
        break;
    }
    e = (e.array() - e.maxCoeff()).exp().matrix();  // (2)
    e /= e.sum();
    cache.ctx.col(n).noalias() = m * e;  // (3)
  }
  const auto W_c = lay.map(p, lay.attn_out);  // (Hd, Dm + Hd)
  cache.ht.noalias() = W_c.leftCols(Dm) * cache.ctx;
  cache.ht.noalias() += W_c.rightCols(q.rows()) * q;
  cache.ht = cache.ht.array().tanh().matrix();  // (4)
}

template <class S>
void attention_backward(const Seq2SeqConfig& cfg, const Seq2SeqLayout& lay, const S* p,
                        const Mat<S>& memory, const Mat<S>& keys, int Ts,
                        const Eigen::Ref<const Mat<S>>& q, const Mat<S>& dht,
                        AttentionCache<S>& cache, S* grads, Eigen::Ref<Mat<S>> dq,
                        Mat<S>& dmemory, Mat<S>& dkeys) {
  const Index N = q.cols(), Dm = memory.rows(), Hd = q.rows();
  // (4)
  cache.g = (dht.array() * (S(1) - cache.ht.array().square())).matrix();
  const auto W_c = lay.map(p, lay.attn_out);
  auto dW_c = lay.map(grads, lay.attn_out);
  dW_c.leftCols(Dm).noalias() += cache.g * cache.ctx.transpose();
  dW_c.rightCols(Hd).noalias() += cache.g * q.transpose();
  cache.dctx.noalias() = W_c.leftCols(Dm).transpose() * cache.g;
  dq.noalias() += W_c.rightCols(Hd).transpose() * cache.g;
  const bool additive = cfg.attention == AttentionKind::Additive;
  if (additive) cache.dwq.setZero(cfg.additive_dim(), N);
  for (Index n = 0; n < N; ++n) {
    const auto m = positions(memory, n, Ts, N);
    auto dm = positions(dmemory, n, Ts, N);
    const auto a = cache.a.col(n);
    const auto dctx = cache.dctx.col(n);
    dm.noalias() += dctx * a.transpose();  // (3)
    cache.de.noalias() = m.transpose() * dctx;
    const S ada = a.dot(cache.de.col(0));
    cache.de = (a.array() * (cache.de.array() - ada)).matrix();  // (2)
    const auto de = cache.de.col(0);
    switch (cfg.attention) {  // (1)
      case AttentionKind::Dot:
        dq.col(n).noalias() += m * de;
        dm.noalias() += q.col(n) * de.transpose();
        break;
      case AttentionKind::General:
        dq.col(n).noalias() += positions(keys, n, Ts, N) * de;
        positions(dkeys, n, Ts, N).noalias() += q.col(n) * de.transpose();
        break;
      case AttentionKind::Additive: {
        const auto u = cache.u.middleCols(n * Ts, Ts);
        const auto v = lay.vec(p, lay.attn_v);
        lay.vec(grads, lay.attn_v).noalias() += u * de;
        const Mat<S> du = ((v * de.transpose()).array() * (S(1) - u.array().square())).matrix();
        positions(dkeys, n, Ts, N) += du;
        cache.dwq.col(n) = du.rowwise().sum();
        break;
      }
      case AttentionKind::None:
        break;
    }
  }
  if (additive) {
    lay.map(grads, lay.attn_query).noalias() += cache.dwq * q.transpose();
    dq.noalias() += lay.map(p, lay.attn_query).transpose() * cache.dwq;
  }
}

#define UNROLL_ATTENTION(S)                                                                       \
  template void attention_keys<S>(const Seq2SeqConfig&, const Seq2SeqLayout&, const S*,           \
                                  const Mat<S>&, Mat<S>&);                                        \
  template void attention_keys_backward<S>(const Seq2SeqConfig&, const Seq2SeqLayout&, const S*,  \
                                           const Mat<S>&, const Mat<S>&, S*, Mat<S>&);            \
  template void attention_forward<S>(const Seq2SeqConfig&, const Seq2SeqLayout&, const S*,        \
                                     const Mat<S>&, const Mat<S>&, int,                           \
                                     const Eigen::Ref<const Mat<S>>&, AttentionCache<S>&);        \
  template void attention_backward<S>(const Seq2SeqConfig&, const Seq2SeqLayout&, const S*,       \
                                      const Mat<S>&, const Mat<S>&, int,                          \
                                      const Eigen::Ref<const Mat<S>>&, const Mat<S>&,             \
                                      AttentionCache<S>&, S*, Eigen::Ref<Mat<S>>, Mat<S>&, Mat<S>&);
UNROLL_ATTENTION(float)
UNROLL_ATTENTION(double)
#undef UNROLL_ATTENTION

}  // namespace unroll
