// LSTM forward and backward through time.
#include "model/lstm_cell.h"

namespace unroll {

template <class S>
void lstm_forward(const CMatMap<S>& W_hh, CellCache<S>& cache, int W, int B,
                  const Perturb* perturb) {
  const Index H = W_hh.cols();
  for (int t = 0; t < W; ++t) {
    auto gates = cache.gates.middleCols(t * B, B);           // (4H, B)
    gates.noalias() += W_hh * cache.h.middleCols(t * B, B);  // (1)
    auto ifg = gates.topRows(2 * H).array();
    ifg = sigmoid(ifg);  // (2) i, f
    auto g = gates.middleRows(2 * H, H).array();
    g = g.tanh();
    auto o = gates.bottomRows(H).array();
    o = sigmoid(o);
    const auto i = gates.topRows(H).array();
    const auto f = gates.middleRows(H, H).array();
    auto c = cache.c.middleCols((t + 1) * B, B).array();
    c = f * cache.c.middleCols(t * B, B).array() + i * g;  // (3)
    if (perturb && perturb->cell_state && perturb->t == t)
      c(perturb->row, perturb->col) += S(perturb->eps);
    auto tc = cache.aux.middleCols(t * B, B).array();
    tc = c.tanh();
    auto h = cache.h.middleCols((t + 1) * B, B);
    h = (o * tc).matrix();  // (4)
    if (perturb && !perturb->cell_state && perturb->t == t)
      h(perturb->row, perturb->col) += S(perturb->eps);
  }
}

template <class S>
void lstm_backward(const CMatMap<S>& W_hh, CellCache<S>& cache, int W, int B, int cut,
                   double* dh_norm, double* dc_norm) {
  const Index H = W_hh.cols();
  cache.dh_next.setZero(H, B);
  // A transposed copy, made once per window: Eigen multiplies a plain matrix faster than a
  // transposed view, and the product runs once per step.
  const Mat<S> W_hh_T = W_hh.transpose();
  cache.dc.setZero(H, B);
  for (int t = W - 1; t >= cut; --t) {
    auto dh = cache.dh.middleCols(t * B, B);
    dh += cache.dh_next;  // total dL/dh_t
    if (dh_norm) dh_norm[t] += column_norm_sum<S>(dh);
    const auto gates = cache.gates.middleCols(t * B, B);
    const auto i = gates.topRows(H).array();
    const auto f = gates.middleRows(H, H).array();
    const auto g = gates.middleRows(2 * H, H).array();
    const auto o = gates.bottomRows(H).array();
    const auto tc = cache.aux.middleCols(t * B, B).array();
    const auto c_prev = cache.c.middleCols(t * B, B).array();
    const auto dha = dh.array();
    // (4): dc += dh * o * tanh'(c)
    cache.dc.array() += dha * o * (S(1) - tc * tc);  // total dL/dc_t
    if (dc_norm) dc_norm[t] += column_norm_sum<S>(cache.dc);
    const auto dc = cache.dc.array();
    auto dpre = cache.dpre.middleCols(t * B, B);
    dpre.topRows(H).array() = dc * g * i * (S(1) - i);             // di through sigmoid
    dpre.middleRows(H, H).array() = dc * c_prev * f * (S(1) - f);  // df
    dpre.middleRows(2 * H, H).array() = dc * i * (S(1) - g * g);   // dg through tanh
    dpre.bottomRows(H).array() = dha * tc * o * (S(1) - o);        // do
    // dc(t) -> dc(t-1) through (3); dh(t) -> dh(t-1) through (1)
    cache.dc.array() *= f;
    cache.dh_next.noalias() = W_hh_T * dpre;
  }
  for (int t = cut - 1; t >= 0; --t) cache.dh.middleCols(t * B, B).setZero();
}

template void lstm_forward<float>(const CMatMap<float>&, CellCache<float>&, int, int,
                                  const Perturb*);
template void lstm_forward<double>(const CMatMap<double>&, CellCache<double>&, int, int,
                                   const Perturb*);
template void lstm_backward<float>(const CMatMap<float>&, CellCache<float>&, int, int, int, double*,
                                   double*);
template void lstm_backward<double>(const CMatMap<double>&, CellCache<double>&, int, int, int,
                                    double*, double*);

}  // namespace unroll
