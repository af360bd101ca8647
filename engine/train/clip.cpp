// Gradient clipping.
#include "train/clip.h"

#include <cmath>

#include "core/error.h"

namespace unroll {

std::string to_string(ClipMode m) {
  return m == ClipMode::Norm ? "norm" : m == ClipMode::Value ? "value" : "none";
}

ClipMode parse_clip_mode(const std::string& s) {
  if (s == "none" || s == "off") return ClipMode::None;
  if (s == "norm") return ClipMode::Norm;
  if (s == "value") return ClipMode::Value;
  throw Error("unknown clip mode '" + s + "' (expected one of: none, norm, value)");
}

void ClipConfig::validate() const {
  if (mode != ClipMode::None && !(threshold > 0 && std::isfinite(threshold)))
    throw Error("clip threshold must be a positive number, got " + std::to_string(threshold));
}

template <class S>
ClipResult clip_gradients(S* grads, Index n, double norm, const ClipConfig& config) {
  ClipResult r{norm, norm, false};
  VecMap<S> g(grads, n);
  if (config.mode == ClipMode::Norm) {
    // torch: clip_coef = max_norm / (total_norm + 1e-6), applied when below 1.
    const double coef = config.threshold / (norm + 1e-6);
    if (coef < 1.0) {
      g *= S(coef);
      r.norm_after = norm * coef;
      r.clipped = true;
    }
  } else if (config.mode == ClipMode::Value) {
    const S v = S(config.threshold);
    if (g.cwiseAbs().maxCoeff() > v) {
      g = g.cwiseMin(v).cwiseMax(-v);
      r.norm_after = double(g.template cast<double>().norm());
      r.clipped = true;
    }
  }
  return r;
}

template ClipResult clip_gradients<float>(float*, Index, double, const ClipConfig&);
template ClipResult clip_gradients<double>(double*, Index, double, const ClipConfig&);

}  // namespace unroll
