// Dynamics probes.
#include "telemetry/probes.h"

#include <Eigen/Eigenvalues>
#include <cmath>

namespace unroll {

double spectral_radius(const Eigen::MatrixXd& a) {
  if (a.size() == 0) return 0;
  Eigen::EigenSolver<Eigen::MatrixXd> solver(a, /*computeEigenvectors=*/false);
  if (solver.info() != Eigen::Success) return std::nan("");
  return solver.eigenvalues().cwiseAbs().maxCoeff();
}

double largest_singular_value(const Eigen::MatrixXd& a) {
  if (a.size() == 0) return 0;
  Eigen::VectorXd v = Eigen::VectorXd::Ones(a.cols()).normalized();
  double sigma = 0;
  for (int it = 0; it < 200; ++it) {
    Eigen::VectorXd w = a.transpose() * (a * v);
    const double n = w.norm();
    if (n == 0) return 0;
    w /= n;
    const double next = std::sqrt(n);
    v = w;
    if (std::abs(next - sigma) <= 1e-9 * next) return next;
    sigma = next;
  }
  return sigma;
}

template <class S>
LayerProbe probe_layer(const Network<S>& net, int k, const Workspace<S>& ws) {
  const ModelConfig& cfg = net.config();
  const ParamLayout& lay = net.layout();
  const Index H = cfg.hidden, G = cfg.gates(), WB = Index(ws.W) * ws.B;
  LayerProbe p;
  const Eigen::MatrixXd W_hh =
      lay.map(net.params().data(), lay.layer(k).weight_hh).template cast<double>();
  for (Index g = 0; g < G; ++g) {
    const Eigen::MatrixXd block = W_hh.middleRows(g * H, H);
    p.gate_radius.push_back(spectral_radius(block));
    p.gate_singular.push_back(largest_singular_value(block));
  }
  // The candidate block decides how the state itself is carried: LSTM g, GRU n, RNN its only one.
  const Index cand = cfg.cell == CellType::Lstm ? 2 : cfg.cell == CellType::Gru ? 2 : 0;
  p.spectral_radius = p.gate_radius[cand];
  p.max_singular = p.gate_singular[cand];
  if (WB == 0) return p;
  const auto& c = ws.layers[k];
  const auto h = c.h.middleCols(ws.B, WB).array();
  if (cfg.cell == CellType::RnnRelu) {
    const auto alive = (h > S(0)).rowwise().any();
    p.dead_fraction = 1.0 - double(alive.count()) / double(H);
  } else if (cfg.cell == CellType::RnnTanh) {
    p.saturated_fraction = double((h.abs() > S(0.95)).count()) / double(h.size());
  }
  if (G > 1) {
    for (Index g = 0; g < G; ++g) {
      const auto a = c.gates.middleRows(g * H, H).leftCols(WB).array();
      p.gate_mean.push_back(double(a.mean()));
      const bool is_tanh = g == cand;
      const double sat = is_tanh ? double((a.abs() > S(0.95)).count())
                                 : double(((a < S(0.05)) || (a > S(0.95))).count());
      p.gate_saturated.push_back(sat / double(a.size()));
    }
    p.saturated_fraction = p.gate_saturated[cand];
  }
  return p;
}

template LayerProbe probe_layer<float>(const Network<float>&, int, const Workspace<float>&);
template LayerProbe probe_layer<double>(const Network<double>&, int, const Workspace<double>&);

}  // namespace unroll
