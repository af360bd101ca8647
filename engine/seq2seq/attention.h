// Global attention of one decoder step over the encoder's memory (OpenNMT-py GlobalAttention,
// Luong et al. 2015), the query being the decoder's top state q = s_t. With m_s the memory at
// source position s (s = 0 .. Ts-1):
//   (1) scores   dot:      e_s = q^T m_s
//                general:  e_s = q^T W_a m_s              W_a = attention.linear_in.weight (Hd, Dm)
//                additive: e_s = v^T tanh(W_q q + U m_s)  (Bahdanau) W_q (A, Hd), U (A, Dm), v (A)
//   (2) a = softmax(e)                                     attention weights over s
//   (3) ctx = sum_s a_s m_s
//   (4) ht = tanh(W_c [ctx; q])                            W_c = attention.linear_out.weight
// The keys k_s = W_a m_s (general) or U m_s (additive) do not depend on t: attention_keys makes
// them once per batch, and attention_keys_backward takes their gradient once. Backward, side by
// side:
//   (4) g = dht * (1 - ht^2);  dW_c += g [ctx; q]^T;  dctx = W_c[:, :Dm]^T g;  dq += W_c[:, Dm:]^T
//   g (3) dm_s += a_s dctx;  da_s = m_s^T dctx (2) de = a * (da - a^T da) (1) dot:      dq += sum_s
//   de_s m_s;   dm_s += de_s q
//       general:  dq += sum_s de_s k_s;   dk_s += de_s q
//       additive: du_s = de_s v * (1 - u_s^2) with u_s = tanh(W_q q + k_s);  dv += sum_s de_s u_s;
//                 dk_s += du_s;  dW_q += (sum_s du_s) q^T;  dq += W_q^T sum_s du_s
// Letters: Ts source positions, N decoder columns, Dm memory size, Hd decoder hidden, A additive
// size. The memory is position-major: column s*N + n is position s of column n's source.
#pragma once
#include "seq2seq/seq2seq_params.h"

namespace unroll {

template <class S>
struct AttentionCache {
  Mat<S> a;    // (Ts, N) attention weights (2)
  Mat<S> ctx;  // (Dm, N) context (3)
  Mat<S> u;    // additive: (A, Ts*N), position-major like the memory: tanh(W_q q_n + k_{s,n})
  Mat<S> wq;   // additive: (A, N) W_q q
  Mat<S> ht;   // (Hd, N) attentional vector (4)
  Mat<S> dctx, g, de, dwq;  // backward scratch
};

// K = W_a M (general), U M (additive); nothing for dot.
template <class S>
void attention_keys(const Seq2SeqConfig& cfg, const Seq2SeqLayout& lay, const S* p,
                    const Mat<S>& memory, Mat<S>& keys);
// dW_a or dU += dK M^T;  dM += W^T dK.
template <class S>
void attention_keys_backward(const Seq2SeqConfig& cfg, const Seq2SeqLayout& lay, const S* p,
                             const Mat<S>& memory, const Mat<S>& dkeys, S* grads, Mat<S>& dmemory);

// (1)-(4) for the N columns of q (Hd, N).
template <class S>
void attention_forward(const Seq2SeqConfig& cfg, const Seq2SeqLayout& lay, const S* p,
                       const Mat<S>& memory, const Mat<S>& keys, int Ts,
                       const Eigen::Ref<const Mat<S>>& q, AttentionCache<S>& cache);
// Backward of the same step from dht (Hd, N): adds to grads, dq (Hd, N), dmemory and dkeys.
// Without weight_out, dW_c is left to the caller (one GEMM over all steps of cache.g).
template <class S>
void attention_backward(const Seq2SeqConfig& cfg, const Seq2SeqLayout& lay, const S* p,
                        const Mat<S>& memory, const Mat<S>& keys, int Ts,
                        const Eigen::Ref<const Mat<S>>& q, const Mat<S>& dht,
                        AttentionCache<S>& cache, S* grads, Eigen::Ref<Mat<S>> dq, Mat<S>& dmemory,
                        Mat<S>& dkeys, bool weight_out = true);

}  // namespace unroll
