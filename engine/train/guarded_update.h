// The end of a training step shared by the encoder–decoder's and the captioner's trainers: a loss
// or gradient that is not finite is refused (weights and optimizer kept, the reason reported),
// else the gradients are clipped and the optimizer steps.
#pragma once
#include <cmath>

#include "train/clip.h"
#include "train/optimizer.h"

namespace unroll {

// Report has loss and grad_norm (set by the caller, the norm before clipping) and receives
// rejected, rejected_reason, clipped, grad_norm_after and step (the steps done after this one).
template <class Report>
void guarded_update(Report& r, Vec<float>& params, Vec<float>& grads, Optimizer<float>& opt,
                    const ClipConfig& clip, double lr, long& steps) {
  if (!std::isfinite(r.loss) || !std::isfinite(r.grad_norm)) {
    r.rejected = true;
    r.rejected_reason =
        !std::isfinite(r.loss) ? "the loss is not finite" : "the gradient is not finite";
    r.step = steps;
    return;
  }
  const ClipResult c = clip_gradients(grads.data(), grads.size(), r.grad_norm, clip);
  r.clipped = c.clipped;
  r.grad_norm_after = c.norm_after;
  opt.step(params.data(), grads.data(), lr);
  r.step = ++steps;
}

}  // namespace unroll
