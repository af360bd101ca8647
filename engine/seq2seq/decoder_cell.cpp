// One decoder step of each cell: forward through the cells' own window code, backward with the
// state's gradients carried in and out.
#include "seq2seq/decoder_cell.h"

#include "model/gru_cell.h"
#include "model/lstm_cell.h"
#include "model/rnn_cell.h"

namespace unroll {

template <class S>
void cell_step_resize(CellType cell, Index H, int B, CellCache<S>& c) {
  ModelConfig m;
  m.cell = cell;
  const Index GH = Index(m.gates()) * H;
  c.gates.resize(GH, B);
  c.h.resize(H, 2 * B);
  c.dpre.resize(GH, B);
  c.dh.resize(H, B);
  if (cell == CellType::Lstm) c.c.resize(H, 2 * B);
  if (cell == CellType::Lstm || cell == CellType::Gru) c.aux.resize(H, B);
  if (cell == CellType::Gru) c.dhpre.resize(GH, B);
}

template <class S>
void cell_step_forward(CellType cell, const CMatMap<S>& W_hh, const CVecMap<S>& b_hh,
                       CellCache<S>& cache, int B) {
  switch (cell) {
    case CellType::RnnTanh:
      rnn_forward(false, W_hh, cache, 1, B, nullptr);
      break;
    case CellType::RnnRelu:
      rnn_forward(true, W_hh, cache, 1, B, nullptr);
      break;
    case CellType::Lstm:
      lstm_forward(W_hh, cache, 1, B, nullptr);
      break;
    case CellType::Gru:
      gru_forward(W_hh, b_hh, cache, 1, B, nullptr);
      break;
  }
}

namespace {

// (b1)-(b3) for one LSTM step.
template <class S>
void lstm_step_backward(const CMatMap<S>& W_hh, CellCache<S>& cache, const Mat<S>* dc_in,
                        const Mat<S>* W_hh_T) {
  const Index H = W_hh.cols(), B = cache.dh.cols();
  const auto i = cache.gates.topRows(H).array();
  const auto f = cache.gates.middleRows(H, H).array();
  const auto g = cache.gates.middleRows(2 * H, H).array();
  const auto o = cache.gates.bottomRows(H).array();
  const auto tc = cache.aux.array();
  const auto c_prev = cache.c.leftCols(B).array();
  const auto dh = cache.dh.array();
  cache.dc.resize(H, B);
  cache.dc.array() = dh * o * (S(1) - tc * tc);  // (b1)
  if (dc_in) cache.dc += *dc_in;
  const auto dc = cache.dc.array();
  cache.dpre.topRows(H).array() = dc * g * i * (S(1) - i);  // (b2)
  cache.dpre.middleRows(H, H).array() = dc * c_prev * f * (S(1) - f);
  cache.dpre.middleRows(2 * H, H).array() = dc * i * (S(1) - g * g);
  cache.dpre.bottomRows(H).array() = dh * tc * o * (S(1) - o);
  cache.dc.array() *= f;  // (b3)
  if (W_hh_T)
    cache.dh_next.noalias() = *W_hh_T * cache.dpre;
  else
    cache.dh_next.noalias() = W_hh.transpose() * cache.dpre;
}

}  // namespace

template <class S>
void cell_step_backward(CellType cell, const CMatMap<S>& W_hh, CellCache<S>& cache, int B,
                        const Mat<S>* dc_in, const Mat<S>* W_hh_T) {
  switch (cell) {
    case CellType::RnnTanh:
      rnn_backward(false, W_hh, cache, 1, B, 0, nullptr);
      break;
    case CellType::RnnRelu:
      rnn_backward(true, W_hh, cache, 1, B, 0, nullptr);
      break;
    case CellType::Lstm:
      lstm_step_backward(W_hh, cache, dc_in, W_hh_T);
      break;
    case CellType::Gru:
      gru_backward(W_hh, cache, 1, B, 0, nullptr);
      break;
  }
}

template void cell_step_resize<float>(CellType, Index, int, CellCache<float>&);
template void cell_step_resize<double>(CellType, Index, int, CellCache<double>&);
template void cell_step_forward<float>(CellType, const CMatMap<float>&, const CVecMap<float>&,
                                       CellCache<float>&, int);
template void cell_step_forward<double>(CellType, const CMatMap<double>&, const CVecMap<double>&,
                                        CellCache<double>&, int);
template void cell_step_backward<float>(CellType, const CMatMap<float>&, CellCache<float>&, int,
                                        const Mat<float>*, const Mat<float>*);
template void cell_step_backward<double>(CellType, const CMatMap<double>&, CellCache<double>&, int,
                                         const Mat<double>*, const Mat<double>*);

}  // namespace unroll
