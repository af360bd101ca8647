// The plain-language sentence for a gradient profile's fit (the fit itself is the engine's).
#pragma once
#include <QString>

#include "telemetry/gradient_fit.h"

namespace unroll::gui {

// "×0.62 per step back: the signal halves every 1.4 steps" (translated).
QString describeFit(const GradientFit& fit);

}  // namespace unroll::gui
