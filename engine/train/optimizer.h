// Optimizers over one contiguous parameter buffer, matching torch.optim (PyTorch 1.13) update for
// update: SGD, momentum, Nesterov, Adagrad, RMSprop, Adam, AdamW. State keeps PyTorch's names.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/eigen.h"

namespace unroll {

enum class OptimizerKind { Sgd, Momentum, Nesterov, Adagrad, RmsProp, Adam, AdamW };

// Names: sgd | momentum | nesterov | adagrad | rmsprop | adam | adamw. The parser throws
// unroll::Error listing them.
std::string to_string(OptimizerKind k);
OptimizerKind parse_optimizer(const std::string& s);

struct OptimizerConfig {
  OptimizerKind kind = OptimizerKind::Adam;
  double lr = 1e-3;           // base learning rate; the schedule scales it, step() takes the result
  double momentum = 0.9;      // momentum, nesterov (dampening 0); plain sgd and rmsprop ignore it
  double beta1 = 0.9;         // adam, adamw: decay of exp_avg
  double beta2 = 0.999;       // adam, adamw: decay of exp_avg_sq
  double eps = 1e-8;          // adam, adamw, rmsprop: added after the square root
  double alpha = 0.99;        // rmsprop: decay of square_avg (not centered)
  double weight_decay = 0.0;  // L2 added to the gradient (torch); adamw: decoupled, p *= 1 - lr wd.
                              // torch's AdamW default of 0.01 is not applied: the caller sets it.
  double adagrad_eps = 1e-10;  // adagrad: added after the square root (torch's default)

  // Throws unroll::Error naming the first bad field.
  void validate() const;
};

// An optimizer's state for checkpoints: the update count and each per-parameter buffer.
template <class S>
struct OptimizerState {
  long step = 0;                                        // updates done (torch's state["step"])
  std::vector<std::pair<std::string, Vec<S>>> buffers;  // each (n), e.g. {"exp_avg", m}
};

// One optimizer for all n parameters, in the single-tensor form of torch.optim. With g the
// gradient, d = g + wd p (L2; every kind but adamw), t the update count from 1 and lr the rate for
// this step:
//   (1) sgd:       p -= lr d
//   (2) momentum:  b = d at t = 1, else b = mu b + d;  p -= lr b                  (momentum_buffer)
//   (3) nesterov:  b as in (2);                        p -= lr (d + mu b)
//   (4) adagrad:   s += d^2;                           p -= lr d / (sqrt(s) + eps)     (sum)
//   (5) rmsprop:   a = alpha a + (1 - alpha) d^2;      p -= lr d / (sqrt(a) + eps)     (square_avg)
//   (6) adam:      m = b1 m + (1 - b1) d;  v = b2 v + (1 - b2) d^2;       (exp_avg, exp_avg_sq)
//                  p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
//   (7) adamw:     p *= 1 - lr wd, then (6) with d = g.
template <class S>
class Optimizer {
 public:
  Optimizer(const OptimizerConfig& config, Index n);  // n = parameter count; validates config

  // One update of params (n) from grads (n) with learning rate lr (the schedule's value). Runs
  // repeat bit for bit when params is Eigen-aligned (a Vec<S>): Eigen treats an unaligned head
  // with scalar code, whose last bit can differ (EIGEN_FAST_MATH sqrt, FMA contraction).
  void step(S* params, const S* grads, double lr);
  long steps() const { return steps_; }  // updates done (Adam's t)
  Index size() const { return n_; }
  void reset();  // zero all state and the update count (keeps the config)

  const OptimizerConfig& config() const { return config_; }
  // Keeps the state when only hyper-parameters change (lr, momentum, betas...); resets on a new
  // kind.
  void set_config(const OptimizerConfig& config);

  // The state under PyTorch's names for this kind: none for sgd; momentum_buffer; sum; square_avg;
  // exp_avg and exp_avg_sq. Before the first update momentum_buffer is unused (torch's None).
  OptimizerState<S> state() const;
  // Throws unroll::Error, leaving the optimizer unchanged, unless state has exactly this kind's
  // buffers, each of size n, and step >= 0.
  void load_state(const OptimizerState<S>& state);

 private:
  // This kind's buffers by PyTorch name; Self is Optimizer or const Optimizer.
  template <class Self>
  static auto buffers(Self& self);

  OptimizerConfig config_;
  Index n_ = 0;
  long steps_ = 0;
  Vec<S> momentum_buffer_;  // (n) b: momentum, nesterov
  Vec<S> sum_;              // (n) s: adagrad's sum of squared gradients
  Vec<S> square_avg_;       // (n) a: rmsprop's running mean of squared gradients
  Vec<S> exp_avg_;          // (n) m: adam's first moment
  Vec<S> exp_avg_sq_;       // (n) v: adam's second moment
};

extern template class Optimizer<float>;
extern template class Optimizer<double>;

}  // namespace unroll
