// The words for a step's gradient verdict (the judgement itself is the engine's): one headline,
// used by the gradient-vs-timestep chart, and the same headline with its cause for the dynamics
// panel, so the two always name the same kind and factor.
#pragma once
#include <QString>

#include "telemetry/gradient_verdict.h"

namespace unroll::gui {

// "Vanishing", "Stable", "Exploding", "Not measurable" (translated).
QString verdictKindLabel(GradientKind kind);
// "×0.62" (translated layout), compact for factors far from 1.
QString verdictFactorText(double factor);
// "Vanishing: ×0.62 per step back, the gradient halves every 1.5 steps".
QString verdictHeadline(const GradientVerdict& v);
// The headline, then the cause the probes support and what to do: "… 1.5 steps. 41% of units
// are saturated, where tanh′ ≈ 0." With truncated BPTT (`truncatedAt` = k2 steps, 0: full) a
// gradient that keeps its size is said to do so only within the window.
QString verdictSentence(const GradientVerdict& v, int truncatedAt = 0);

}  // namespace unroll::gui
