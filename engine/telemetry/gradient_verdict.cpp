// The gradient verdict: kind from the profile, cause from the probes.
#include "telemetry/gradient_verdict.h"

#include <algorithm>
#include <cmath>

namespace unroll {
namespace {

// Far beyond this many halvings or doublings over the span the gradient has vanished or exploded.
constexpr double kTenfold = 10.0;

int severity(GradientKind k) {
  switch (k) {
    case GradientKind::NotMeasurable:
      return 0;
    case GradientKind::Stable:
      return 1;
    case GradientKind::Vanishing:
      return 2;
    case GradientKind::Exploding:
      return 3;
  }
  return 0;
}

GradientVerdict judge_layer(const std::vector<double>& norms, int cut) {
  GradientVerdict v;
  for (int t = std::max(0, cut); t < int(norms.size()); ++t) {
    if (!std::isfinite(norms[t]))
      v.overflow_t = t;
    else
      v.peak = std::max(v.peak, norms[t]);
  }
  v.fit = fitGradientProfile(norms, cut);
  if (v.fit.valid) {
    v.factor = v.fit.factor;
    v.span = v.fit.last - v.fit.first;
    v.total = std::pow(v.factor, v.span);
  }
  if (v.overflow_t >= 0) {
    v.kind = GradientKind::Exploding;
    v.explosion = Explosion::Overflow;
  } else if (v.fit.valid && v.total > kTenfold) {
    v.kind = GradientKind::Exploding;
    v.explosion = Explosion::Growth;
  } else if (v.peak > GradientVerdict::kExplodedNorm) {
    v.kind = GradientKind::Exploding;
    v.explosion = Explosion::Magnitude;
  } else if (!v.fit.valid) {
    v.kind = GradientKind::NotMeasurable;
  } else {
    v.kind = v.total < 1 / kTenfold ? GradientKind::Vanishing : GradientKind::Stable;
  }
  return v;
}

// How far from "keeps its size" a verdict is, to choose between layers of the same kind.
double extremity(const GradientVerdict& v) {
  if (v.explosion == Explosion::Overflow) return INFINITY;
  if (v.explosion == Explosion::Magnitude) return std::log(v.peak);
  return std::isfinite(v.total) ? std::abs(std::log(v.total)) : 0;
}

void explain(GradientVerdict& v, CellType cell, const std::vector<LayerProbe>& probes) {
  if (probes.empty()) return;
  const LayerProbe& p = probes[std::min(size_t(v.layer), probes.size() - 1)];
  v.radius = p.spectral_radius;
  const double rho = p.spectral_radius, sat = p.saturated_fraction;
  // Gate order: LSTM i, f, g, o (forget = 1); GRU r, z, n (update = 1).
  const bool lstm = cell == CellType::Lstm && p.gate_mean.size() == 4;
  const bool gru = cell == CellType::Gru && p.gate_mean.size() == 3;
  const double gate = lstm || gru ? p.gate_mean[1] : GradientVerdict::kNaN;
  auto say = [&](VerdictReason r, double value) {
    v.reason = r;
    v.reason_value = value;
  };
  switch (v.kind) {
    case GradientKind::Vanishing:
      if (lstm)
        say(VerdictReason::ForgetGatesClosing, gate);
      else if (gru)
        say(VerdictReason::UpdateGatesClosing, gate);
      else if (cell == CellType::RnnRelu && p.dead_fraction > 0.3)
        say(VerdictReason::DeadUnits, p.dead_fraction);
      else if (cell == CellType::RnnTanh && sat > 0.3)
        say(rho > 1 ? VerdictReason::SaturatedDespiteRho : VerdictReason::Saturated, sat);
      else if ((cell == CellType::RnnTanh || cell == CellType::RnnRelu) && rho < 1)
        say(VerdictReason::ShrinkingWeights, rho);
      else if (cell == CellType::RnnTanh)
        say(VerdictReason::DerivativeDamps, rho);
      break;
    case GradientKind::Exploding:
      if ((cell == CellType::RnnTanh || cell == CellType::RnnRelu) && rho > 1)
        say(VerdictReason::StretchingWeights, rho);
      break;
    case GradientKind::Stable:
      if (lstm)
        say(VerdictReason::ForgetGatesOpen, gate);
      else if (gru)
        say(VerdictReason::UpdateGatesOpen, gate);
      else if ((cell == CellType::RnnTanh || cell == CellType::RnnRelu) && rho >= 0.9 && rho <= 1.1)
        say(VerdictReason::RadiusNearOne, rho);
      break;
    case GradientKind::NotMeasurable:
      break;
  }
}

}  // namespace

GradientVerdict judge_gradient(const std::vector<std::vector<double>>& profile, int cut,
                               CellType cell, const std::vector<LayerProbe>& probes) {
  GradientVerdict best;
  for (int k = 0; k < int(profile.size()); ++k) {
    GradientVerdict v = judge_layer(profile[k], cut);
    v.layer = k;
    const int s = severity(v.kind), b = severity(best.kind);
    if (k == 0 || s > b || (s == b && extremity(v) > extremity(best))) best = v;
  }
  best.layers = int(profile.size());
  explain(best, cell, probes);
  return best;
}

}  // namespace unroll
