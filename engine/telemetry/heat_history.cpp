// Columns of the gradient heatmap: log10 norms summed per cell, so merged columns keep the mean.
#include "telemetry/heat_history.h"

#include <cmath>

namespace unroll {

void HeatProfile::merge(const HeatProfile& o) {
  if (sum.size() < o.sum.size()) {
    sum.resize(o.sum.size());
    n.resize(o.n.size());
  }
  for (size_t k = 0; k < o.sum.size(); ++k) {
    auto& s = sum[k];
    auto& c = n[k];
    if (s.size() < o.sum[k].size()) {
      s.resize(o.sum[k].size(), 0.f);
      c.resize(o.sum[k].size(), 0.f);
    }
    for (size_t t = 0; t < o.sum[k].size(); ++t) {
      s[t] += o.sum[k][t];
      c[t] += o.n[k][t];
    }
  }
}

void HeatHistory::add(long step, const std::vector<std::vector<double>>& norms) {
  HeatProfile p;
  p.sum.resize(norms.size());
  p.n.resize(norms.size());
  for (size_t k = 0; k < norms.size(); ++k) {
    p.sum[k].assign(norms[k].size(), 0.f);
    p.n[k].assign(norms[k].size(), 0.f);
    for (size_t t = 0; t < norms[k].size(); ++t) {
      const double v = norms[k][t];
      if (v > 0 && std::isfinite(v)) {
        p.sum[k][t] = float(std::log10(v));
        p.n[k][t] = 1.f;
      }
    }
  }
  DecimatingHistory::add(step, std::move(p));
}

float HeatHistory::value(const Column& c, int layer, int t) {
  if (layer >= int(c.sum.size()) || t >= int(c.sum[layer].size()) || c.n[layer][t] <= 0) return NAN;
  return c.sum[layer][t] / c.n[layer][t];
}

}  // namespace unroll
