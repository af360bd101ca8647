// Weight initialisation schemes.
#include "model/init.h"

#include <Eigen/QR>
#include <cmath>

namespace unroll {
namespace {

template <class S, class M>
void fill_uniform(M&& m, double bound, Rng& rng) {
  for (Index j = 0; j < m.cols(); ++j)
    for (Index i = 0; i < m.rows(); ++i) m(i, j) = S(rng.uniform(-bound, bound));
}

template <class S, class M>
void fill_normal(M&& m, double stddev, Rng& rng) {
  for (Index j = 0; j < m.cols(); ++j)
    for (Index i = 0; i < m.rows(); ++i) m(i, j) = S(rng.normal(0.0, stddev));
}

// An orthogonal [n, n] matrix, uniformly distributed (QR of a Gaussian, signs fixed by diag R).
template <class S>
Mat<S> orthogonal(Index n, Rng& rng) {
  Eigen::MatrixXd a(n, n);
  fill_normal<double>(a, 1.0, rng);
  Eigen::HouseholderQR<Eigen::MatrixXd> qr(a);
  Eigen::MatrixXd q = qr.householderQ();
  const Eigen::MatrixXd r = qr.matrixQR().template triangularView<Eigen::Upper>();
  for (Index j = 0; j < n; ++j)
    if (r(j, j) < 0) q.col(j) = -q.col(j);
  return q.cast<S>();
}

// One gate block [H, fan_in] of an input or recurrent weight.
template <class S, class M>
void init_block(M&& block, InitKind init, bool recurrent, Rng& rng) {
  const double fan_in = double(block.cols()), fan_out = double(block.rows());
  switch (init) {
    case InitKind::Torch:  // not reached: handled for whole tensors
    case InitKind::XavierUniform:
      fill_uniform<S>(block, std::sqrt(6.0 / (fan_in + fan_out)), rng);
      break;
    case InitKind::XavierNormal:
      fill_normal<S>(block, std::sqrt(2.0 / (fan_in + fan_out)), rng);
      break;
    case InitKind::He:
      fill_normal<S>(block, std::sqrt(2.0 / fan_in), rng);
      break;
    case InitKind::Orthogonal:
      if (recurrent)
        block = orthogonal<S>(block.rows(), rng);
      else
        fill_uniform<S>(block, std::sqrt(6.0 / (fan_in + fan_out)), rng);
      break;
    case InitKind::Identity:
      if (recurrent)
        block.setIdentity();
      else
        fill_normal<S>(block, 0.001, rng);
      break;
  }
}

}  // namespace

template <class S>
void initialize(Network<S>& net, Rng& rng) {
  const ModelConfig& cfg = net.config();
  const ParamLayout& lay = net.layout();
  S* p = net.params().data();
  net.params().setZero();
  const double k_h = 1.0 / std::sqrt(double(cfg.hidden));
  if (lay.encoder() >= 0) fill_normal<S>(lay.map(p, lay.encoder()), 1.0, rng);
  const Index H = cfg.hidden;
  for (int k = 0; k < cfg.layers; ++k) {
    const auto& L = lay.layer(k);
    if (cfg.init == InitKind::Torch) {
      for (int idx : {L.weight_ih, L.weight_hh, L.bias_ih, L.bias_hh})
        fill_uniform<S>(lay.map(p, idx), k_h, rng);
    } else {
      auto W_ih = lay.map(p, L.weight_ih);
      auto W_hh = lay.map(p, L.weight_hh);
      for (int g = 0; g < cfg.gates(); ++g) {
        init_block<S>(W_ih.middleRows(g * H, H), cfg.init, false, rng);
        init_block<S>(W_hh.middleRows(g * H, H), cfg.init, true, rng);
      }
    }
    if (cfg.recurrent_gain != 1.0) lay.map(p, L.weight_hh) *= S(cfg.recurrent_gain);
    if (cfg.cell == CellType::Lstm && cfg.forget_bias != 0.0) {
      lay.vec(p, L.bias_ih).segment(H, H).array() += S(cfg.forget_bias / 2);
      lay.vec(p, L.bias_hh).segment(H, H).array() += S(cfg.forget_bias / 2);
    }
  }
  fill_uniform<S>(lay.map(p, lay.decoder_weight()), k_h, rng);
  fill_uniform<S>(lay.map(p, lay.decoder_bias()), k_h, rng);
}

template void initialize<float>(Network<float>&, Rng&);
template void initialize<double>(Network<double>&, Rng&);

}  // namespace unroll
