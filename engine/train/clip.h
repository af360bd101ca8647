// Gradient clipping by global norm (torch.nn.utils.clip_grad_norm_) or by value (clip_grad_value_).
#pragma once
#include <string>

#include "core/eigen.h"

namespace unroll {

enum class ClipMode { None, Norm, Value };
std::string to_string(ClipMode m);               // none | norm | value
ClipMode parse_clip_mode(const std::string& s);  // throws unroll::Error listing the names

struct ClipConfig {
  ClipMode mode = ClipMode::None;
  double threshold = 1.0;  // max global norm, or max |g| per entry
  void validate() const;
};

struct ClipResult {
  double norm_before = 0;
  double norm_after = 0;
  bool clipped = false;
};

// Clips the n gradients in place; norm is their global L2 norm, computed by the caller.
template <class S>
ClipResult clip_gradients(S* grads, Index n, double norm, const ClipConfig& config);

}  // namespace unroll
