// Vanilla RNN forward and backward through time.
#include "model/rnn_cell.h"

namespace unroll {

template <class S>
void rnn_forward(bool relu, const CMatMap<S>& W_hh, CellCache<S>& cache, int W, int B,
                 const Perturb* perturb) {
  for (int t = 0; t < W; ++t) {
    auto a = cache.gates.middleCols(t * B, B);           // (H, B)
    a.noalias() += W_hh * cache.h.middleCols(t * B, B);  // (1), h_{t-1} is h block t
    auto h = cache.h.middleCols((t + 1) * B, B);
    if (relu)
      h = a.cwiseMax(S(0));
    else
      h = a.array().tanh().matrix();
    a = h;  // keep the activation for backward
    if (perturb && perturb->t == t) h(perturb->row, perturb->col) += S(perturb->eps);
  }
}

template <class S>
void rnn_backward(bool relu, const CMatMap<S>& W_hh, CellCache<S>& cache, int W, int B, int cut,
                  double* dh_norm) {
  const Index H = W_hh.cols();
  cache.dh_next.setZero(H, B);
  // A transposed copy, made once per window: Eigen multiplies a plain matrix faster than a
  // transposed view, and the product runs once per step.
  const Mat<S> W_hh_T = W_hh.transpose();
  for (int t = W - 1; t >= cut; --t) {
    auto dh = cache.dh.middleCols(t * B, B);
    dh += cache.dh_next;  // total dL/dh_t = from outside + through h_{t+1}
    if (dh_norm) dh_norm[t] += column_norm_sum<S>(dh);
    const auto h = cache.gates.middleCols(t * B, B).array();  // h_t (stored by forward)
    auto da = cache.dpre.middleCols(t * B, B);
    if (relu)
      da = (h > S(0)).select(dh.array(), S(0)).matrix();
    else
      da = (dh.array() * (S(1) - h * h)).matrix();  // tanh' = 1 - h^2
    // dh(t) -> dh(t-1)
    cache.dh_next.noalias() = W_hh_T * da;
  }
  for (int t = cut - 1; t >= 0; --t) cache.dh.middleCols(t * B, B).setZero();
}

template void rnn_forward<float>(bool, const CMatMap<float>&, CellCache<float>&, int, int,
                                 const Perturb*);
template void rnn_forward<double>(bool, const CMatMap<double>&, CellCache<double>&, int, int,
                                  const Perturb*);
template void rnn_backward<float>(bool, const CMatMap<float>&, CellCache<float>&, int, int, int,
                                  double*);
template void rnn_backward<double>(bool, const CMatMap<double>&, CellCache<double>&, int, int, int,
                                   double*);

}  // namespace unroll
