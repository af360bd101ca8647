// One judgement of one step's gradient through time: vanishing, stable, exploding or not
// measurable, read from the measured ||dL/dh_t|| profile, with the cause the probes support.
// Every front end words this one judgement, so no two readouts of a step can disagree.
#pragma once
#include <limits>
#include <vector>

#include "model/config.h"
#include "telemetry/gradient_fit.h"
#include "telemetry/step_report.h"

namespace unroll {

enum class GradientKind {
  NotMeasurable,  // fewer than 3 timesteps received a gradient
  Stable,         // over the fitted span the gradient changes by less than 10x
  Vanishing,      // it falls below a tenth going back over the span
  Exploding,      // it grows more than 10x going back, overflows, or is huge already
};

// What made an exploding verdict (the profile alone decides these).
enum class Explosion {
  None,
  Growth,     // the fit grows going back: factor > 1 and factor^span > 10
  Magnitude,  // some ||dL/dh_t|| exceeds kExplodedNorm, whatever the slope
  Overflow,   // some ||dL/dh_t|| is not finite
};

// The cause the probes support, only ever one that is true for the cell and agrees with the kind.
enum class VerdictReason {
  None,
  DeadUnits,            // ReLU: value = dead fraction
  Saturated,            // tanh: value = saturated fraction (rho <= 1)
  SaturatedDespiteRho,  // tanh: value = saturated fraction, radius > 1 stretches in vain
  ShrinkingWeights,     // RNN: radius < 1
  StretchingWeights,    // RNN, exploding: radius > 1
  DerivativeDamps,      // tanh, vanishing: radius >= 1 but tanh' < 1
  RadiusNearOne,        // RNN, stable: radius within [0.9, 1.1]
  ForgetGatesClosing,   // LSTM, vanishing: value = mean forget gate
  ForgetGatesOpen,      // LSTM, stable: value = mean forget gate
  UpdateGatesClosing,   // GRU, vanishing: value = mean update gate z (z near 1 keeps the state)
  UpdateGatesOpen,      // GRU, stable: value = mean update gate z
};

struct GradientVerdict {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  static constexpr double kExplodedNorm = 1e3;  // ||dL/dh_t|| of a healthy step is about 1

  GradientKind kind = GradientKind::NotMeasurable;
  Explosion explosion = Explosion::None;
  double factor = kNaN;  // q per step back, from the fit; NaN without one
  double total = kNaN;   // q^span: the gradient at the fit's first step over that at its last
  int span = 0;          // fit.last - fit.first
  double peak = 0;       // largest finite ||dL/dh_t|| of the deciding layer
  int overflow_t = -1;   // Overflow: the non-finite timestep nearest the loss
  int layer = 0;         // the layer that decided (the most severe)
  int layers = 0;        // layers in the profile
  GradientFit fit;       // of the deciding layer
  VerdictReason reason = VerdictReason::None;
  double reason_value = kNaN;  // the fraction or gate mean the reason cites
  double radius = kNaN;        // the probes' spectral radius of the deciding layer
};

// The verdict for profile[layer][t] (StepReport::timestep_grad_norms) fitted from timestep `cut`
// on. Kind, explosion, factor and fit depend on the profile alone; the cell and the step's probes
// (may be empty) only choose the reason.
GradientVerdict judge_gradient(const std::vector<std::vector<double>>& profile, int cut,
                               CellType cell = CellType::RnnTanh,
                               const std::vector<LayerProbe>& probes = {});

}  // namespace unroll
