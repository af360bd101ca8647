// Attention forward and backward for one decoder step, side by side (equations in attention.h).
#include "seq2seq/attention.h"

namespace unroll {
namespace {

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
                             const Mat<S>& memory, const Mat<S>& dkeys, S* grads, Mat<S>& dmemory) {
  const int w = key_tensor<S>(cfg, lay);
  if (w < 0) return;
  lay.map(grads, w).noalias() += dkeys * memory.transpose();
  dmemory.noalias() += lay.map(p, w).transpose() * dkeys;
}

// Both passes go position by position: block s of the memory (and keys) holds position s of all
// N columns side by side, so every operation is over (rows, N) contiguous blocks.
template <class S>
void attention_forward(const Seq2SeqConfig& cfg, const Seq2SeqLayout& lay, const S* p,
                       const Mat<S>& memory, const Mat<S>& keys, int Ts,
                       const Eigen::Ref<const Mat<S>>& q, AttentionCache<S>& cache) {
  const Index N = q.cols(), Dm = memory.rows();
  auto& e = cache.a;  // (1), then (2) in place
  e.resize(Ts, N);
  if (cfg.attention == AttentionKind::Additive) {
    cache.wq.noalias() = lay.map(p, lay.attn_query) * q;  // W_q q, (A, N)
    cache.u.resize(cfg.additive_dim(), Index(Ts) * N);
    for (Index s = 0; s < Ts; ++s)
      cache.u.middleCols(s * N, N) = (keys.middleCols(s * N, N) + cache.wq).array().tanh().matrix();
    // e(s, n) = v^T u_{s,n}: one product over all positions, position-major.
    const Mat<S> vu = lay.vec(p, lay.attn_v).transpose() * cache.u;  // (1, Ts*N)
    e = Eigen::Map<const Mat<S>>(vu.data(), N, Ts).transpose();
  } else {
    const Mat<S>& k = cfg.attention == AttentionKind::General ? keys : memory;
    for (Index s = 0; s < Ts; ++s)
      e.row(s) = k.middleCols(s * N, N).cwiseProduct(q).colwise().sum();
  }
  for (Index n = 0; n < N; ++n) {  // (2)
    auto col = e.col(n);
    col = (col.array() - col.maxCoeff()).exp().matrix();
    col /= col.sum();
  }
  cache.ctx.setZero(Dm, N);  // (3)
  for (Index s = 0; s < Ts; ++s)
    cache.ctx.array() += memory.middleCols(s * N, N).array().rowwise() * e.row(s).array();
  const auto W_c = lay.map(p, lay.attn_out);  // (Hd, Dm + Hd)
  cache.ht.noalias() = W_c.leftCols(Dm) * cache.ctx;
  cache.ht.noalias() += W_c.rightCols(q.rows()) * q;
  cache.ht = cache.ht.array().tanh().matrix();  // (4)
}

template <class S>
void attention_backward(const Seq2SeqConfig& cfg, const Seq2SeqLayout& lay, const S* p,
                        const Mat<S>& memory, const Mat<S>& keys, int Ts,
                        const Eigen::Ref<const Mat<S>>& q, const Mat<S>& dht,
                        AttentionCache<S>& cache, S* grads, Eigen::Ref<Mat<S>> dq, Mat<S>& dmemory,
                        Mat<S>& dkeys, bool weight_out) {
  const Index N = q.cols(), Dm = memory.rows(), Hd = q.rows();
  // (4)
  cache.g = (dht.array() * (S(1) - cache.ht.array().square())).matrix();
  const auto W_c = lay.map(p, lay.attn_out);
  if (weight_out) {
    auto dW_c = lay.map(grads, lay.attn_out);
    dW_c.leftCols(Dm).noalias() += cache.g * cache.ctx.transpose();
    dW_c.rightCols(Hd).noalias() += cache.g * q.transpose();
  }
  cache.dctx.noalias() = W_c.leftCols(Dm).transpose() * cache.g;
  dq.noalias() += W_c.rightCols(Hd).transpose() * cache.g;
  const auto& a = cache.a;
  auto& de = cache.de;  // da, then de
  de.resize(Ts, N);
  for (Index s = 0; s < Ts; ++s) {  // (3)
    const auto m = memory.middleCols(s * N, N);
    dmemory.middleCols(s * N, N).array() += cache.dctx.array().rowwise() * a.row(s).array();
    de.row(s) = m.cwiseProduct(cache.dctx).colwise().sum();
  }
  const Eigen::Matrix<S, 1, Eigen::Dynamic> ada = a.cwiseProduct(de).colwise().sum();  // (2)
  de = (a.array() * (de.array().rowwise() - ada.array())).matrix();
  switch (cfg.attention) {  // (1)
    case AttentionKind::Dot:
    case AttentionKind::General: {
      const Mat<S>& k = cfg.attention == AttentionKind::General ? keys : memory;
      Mat<S>& dk = cfg.attention == AttentionKind::General ? dkeys : dmemory;
      for (Index s = 0; s < Ts; ++s) {
        dq.array() += k.middleCols(s * N, N).array().rowwise() * de.row(s).array();
        dk.middleCols(s * N, N).array() += q.array().rowwise() * de.row(s).array();
      }
      break;
    }
    case AttentionKind::Additive: {
      const auto v = lay.vec(p, lay.attn_v);
      auto dv = lay.vec(grads, lay.attn_v);
      cache.dwq.setZero(cfg.additive_dim(), N);
      for (Index s = 0; s < Ts; ++s) {
        const auto u = cache.u.middleCols(s * N, N);
        dv.noalias() += u * de.row(s).transpose();
        auto dk = dkeys.middleCols(s * N, N);
        // du_s = de_s v * (1 - u_s^2), added to dk_s and to sum_s du_s
        const auto du =
            (((S(1) - u.array().square()).colwise() * v.array()).rowwise() * de.row(s).array());
        dk.array() += du;
        cache.dwq.array() += du;
      }
      lay.map(grads, lay.attn_query).noalias() += cache.dwq * q.transpose();
      dq.noalias() += lay.map(p, lay.attn_query).transpose() * cache.dwq;
      break;
    }
    case AttentionKind::None:
      break;
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
  template void attention_backward<S>(                                                            \
      const Seq2SeqConfig&, const Seq2SeqLayout&, const S*, const Mat<S>&, const Mat<S>&, int,    \
      const Eigen::Ref<const Mat<S>>&, const Mat<S>&, AttentionCache<S>&, S*, Eigen::Ref<Mat<S>>, \
      Mat<S>&, Mat<S>&, bool);
UNROLL_ATTENTION(float)
UNROLL_ATTENTION(double)
#undef UNROLL_ATTENTION

}  // namespace unroll
