// GRU forward and backward through time.
#include "model/gru_cell.h"

namespace unroll {

template <class S>
void gru_forward(const CMatMap<S>& W_hh, const CVecMap<S>& b_hh, CellCache<S>& cache, int W, int B,
                 const Perturb* perturb) {
  const Index H = W_hh.cols();
  const auto b_hn = b_hh.tail(H);
  for (int t = 0; t < W; ++t) {
    const auto h_prev = cache.h.middleCols(t * B, B);
    auto hp = cache.dpre.middleCols(t * B, B);  // scratch: W_hh h_{t-1}, (3H, B)
    hp.noalias() = W_hh * h_prev;
    auto gates = cache.gates.middleCols(t * B, B);
    auto rz = gates.topRows(2 * H).array();
    rz = sigmoid(rz + hp.topRows(2 * H).array());  // (1), (2)
    auto hn = cache.aux.middleCols(t * B, B);
    hn = hp.bottomRows(H).colwise() + b_hn;
    const auto r = gates.topRows(H).array();
    const auto z = gates.middleRows(H, H).array();
    auto n = gates.bottomRows(H).array();
    n = (n + r * hn.array()).tanh();  // (3)
    auto h = cache.h.middleCols((t + 1) * B, B);
    h = ((S(1) - z) * n + z * h_prev.array()).matrix();  // (4)
    if (perturb && perturb->t == t) h(perturb->row, perturb->col) += S(perturb->eps);
  }
}

template <class S>
void gru_backward(const CMatMap<S>& W_hh, CellCache<S>& cache, int W, int B, int cut,
                  double* dh_norm) {
  const Index H = W_hh.cols();
  cache.dh_next.setZero(H, B);
  // A transposed copy, made once per window: Eigen multiplies a plain matrix faster than a
  // transposed view, and the product runs once per step.
  const Mat<S> W_hh_T = W_hh.transpose();
  for (int t = W - 1; t >= cut; --t) {
    auto dh = cache.dh.middleCols(t * B, B);
    dh += cache.dh_next;  // total dL/dh_t
    if (dh_norm) dh_norm[t] += column_norm_sum<S>(dh);
    const auto gates = cache.gates.middleCols(t * B, B);
    const auto r = gates.topRows(H).array();
    const auto z = gates.middleRows(H, H).array();
    const auto n = gates.bottomRows(H).array();
    const auto hn = cache.aux.middleCols(t * B, B).array();
    const auto h_prev = cache.h.middleCols(t * B, B).array();
    const auto dha = dh.array();
    auto dpre = cache.dpre.middleCols(t * B, B);
    auto dhpre = cache.dhpre.middleCols(t * B, B);
    auto dn_pre = dpre.bottomRows(H).array();
    dn_pre = dha * (S(1) - z) * (S(1) - n * n);                           // (4) then tanh' in (3)
    dpre.topRows(H).array() = dn_pre * hn * r * (S(1) - r);               // dr through (3), sigmoid
    dpre.middleRows(H, H).array() = dha * (h_prev - n) * z * (S(1) - z);  // dz through (4)
    dhpre.topRows(2 * H) = dpre.topRows(2 * H);
    dhpre.bottomRows(H).array() = dn_pre * r;  // into W_hn h + b_hn
    // dh(t) -> dh(t-1): through the gates, and directly through z * h_{t-1} in (4)
    cache.dh_next.noalias() = W_hh_T * dhpre;
    cache.dh_next.array() += dha * z;
  }
  for (int t = cut - 1; t >= 0; --t) cache.dh.middleCols(t * B, B).setZero();
}

template void gru_forward<float>(const CMatMap<float>&, const CVecMap<float>&, CellCache<float>&,
                                 int, int, const Perturb*);
template void gru_forward<double>(const CMatMap<double>&, const CVecMap<double>&,
                                  CellCache<double>&, int, int, const Perturb*);
template void gru_backward<float>(const CMatMap<float>&, CellCache<float>&, int, int, int, double*);
template void gru_backward<double>(const CMatMap<double>&, CellCache<double>&, int, int, int,
                                   double*);

}  // namespace unroll
