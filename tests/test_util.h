// Small helpers shared by the engine tests.
#pragma once
#include <cmath>
#include <string>
#include <vector>

#include "io/checkpoint.h"
#include "telemetry/step_report.h"

namespace unroll::test {

// s written n times in a row.
inline std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// The task record of a small built-in-text run, for checkpoints made in tests.
inline TaskSpec tiny_spec() {
  TaskSpec s;
  s.name = "tiny";
  s.options = {{"task", "text"}};
  return s;
}

// A synthetic ||dL/dh_t|| profile: end * q^(T-1-t), the loss at the last step, q per step back.
inline std::vector<double> geometric_profile(int T, double q, double end = 1.0) {
  std::vector<double> g(static_cast<size_t>(T));
  for (int t = 0; t < T; ++t) g[size_t(t)] = end * std::pow(q, T - 1 - t);
  return g;
}

// A probe of one layer with the given spectral radius, saturated fraction and gate means.
inline LayerProbe layer_probe(double rho, double saturated, std::vector<double> gates = {}) {
  LayerProbe p;
  p.spectral_radius = rho;
  p.saturated_fraction = saturated;
  p.gate_mean = std::move(gates);
  return p;
}

}  // namespace unroll::test
