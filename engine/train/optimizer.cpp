// The optimizer updates, written as Eigen array expressions over the flat parameter buffer, in the
// same operation order as torch.optim's single-tensor code so double results agree to rounding.
#include "train/optimizer.h"

#include <cmath>
#include <cstdio>
#include <type_traits>

#include "core/error.h"

namespace unroll {
namespace {

template <class S>
using Arr = Eigen::Array<S, Eigen::Dynamic, 1>;
template <class S>
using ArrMap = Eigen::Map<Arr<S>>;
template <class S>
using CArrMap = Eigen::Map<const Arr<S>>;

const std::pair<const char*, OptimizerKind> kKinds[] = {
    {"sgd", OptimizerKind::Sgd},           {"momentum", OptimizerKind::Momentum},
    {"nesterov", OptimizerKind::Nesterov}, {"adagrad", OptimizerKind::Adagrad},
    {"rmsprop", OptimizerKind::RmsProp},   {"adam", OptimizerKind::Adam},
    {"adamw", OptimizerKind::AdamW}};

std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

// The kernels below take the gradient d as an expression that may read p (d = g + wd p). Each
// statement is coefficient-wise, so p(i) is read before it is written: no aliasing problem.

// (2), (3): b = d on the first update (torch clones the gradient), else b = mu b + d.
template <class S, class D>
void momentum_update(ArrMap<S> p, const D& d, Vec<S>& buffer, S mu, S lr, bool first,
                     bool nesterov) {
  auto b = buffer.array();
  if (first)
    b = d;
  else
    b = mu * b + d;
  if (nesterov)
    p -= lr * (d + mu * b);
  else
    p -= lr * b;
}

// (4): s += d^2; p -= lr d / (sqrt(s) + eps).
template <class S, class D>
void adagrad_update(ArrMap<S> p, const D& d, Vec<S>& sum, S eps, S lr) {
  auto s = sum.array();
  s += d * d;
  p -= lr * (d / (s.sqrt() + eps));
}

// (5): a = alpha a + (1 - alpha) d^2; p -= lr d / (sqrt(a) + eps).
template <class S, class D>
void rmsprop_update(ArrMap<S> p, const D& d, Vec<S>& square_avg, const OptimizerConfig& c, S lr) {
  auto a = square_avg.array();
  const S alpha = S(c.alpha), one_minus_alpha = S(1.0 - c.alpha), eps = S(c.eps);
  a = alpha * a + one_minus_alpha * (d * d);
  p -= lr * (d / (a.sqrt() + eps));
}

// (6): torch's non-capturable branch: step_size = lr / bc1, denom = sqrt(v) / sqrt(bc2) + eps.
template <class S, class D>
void adam_update(ArrMap<S> p, const D& d, Vec<S>& exp_avg, Vec<S>& exp_avg_sq,
                 const OptimizerConfig& c, double lr, long t) {
  auto m = exp_avg.array();
  auto v = exp_avg_sq.array();
  const S beta1 = S(c.beta1), one_minus_beta1 = S(1.0 - c.beta1);
  const S beta2 = S(c.beta2), one_minus_beta2 = S(1.0 - c.beta2);
  m = beta1 * m + one_minus_beta1 * d;
  v = beta2 * v + one_minus_beta2 * (d * d);
  const double bias_correction1 = 1.0 - std::pow(c.beta1, static_cast<double>(t));
  const double bias_correction2 = 1.0 - std::pow(c.beta2, static_cast<double>(t));
  const S step_size = S(lr / bias_correction1);
  const S bias_correction2_sqrt = S(std::sqrt(bias_correction2));
  const S eps = S(c.eps);
  p -= step_size * (m / (v.sqrt() / bias_correction2_sqrt + eps));
}

}  // namespace

std::string to_string(OptimizerKind k) {
  for (const auto& [name, value] : kKinds)
    if (value == k) return name;
  return "?";
}

OptimizerKind parse_optimizer(const std::string& s) {
  std::string names;
  for (const auto& [name, value] : kKinds) {
    if (s == name) return value;
    names += names.empty() ? name : std::string(", ") + name;
  }
  throw Error("unknown optimizer '" + s + "' (expected one of: " + names + ")");
}

void OptimizerConfig::validate() const {
  auto need = [](bool ok, const char* field, const char* rule, double got) {
    if (!ok) throw Error(std::string(field) + " must be " + rule + ", got " + num(got));
  };
  // Written so that NaN fails every test.
  auto in_unit = [](double x) { return x >= 0.0 && x < 1.0; };
  need(std::isfinite(lr) && lr > 0.0, "the learning rate", "a finite number > 0", lr);
  need(in_unit(momentum), "momentum", "in [0, 1)", momentum);
  need(kind != OptimizerKind::Nesterov || momentum > 0.0, "momentum", "> 0 for nesterov", momentum);
  need(in_unit(beta1), "beta1", "in [0, 1)", beta1);
  need(in_unit(beta2), "beta2", "in [0, 1)", beta2);
  need(std::isfinite(eps) && eps > 0.0, "eps", "a finite number > 0", eps);
  need(in_unit(alpha), "rmsprop alpha", "in [0, 1)", alpha);
  need(std::isfinite(weight_decay) && weight_decay >= 0.0, "weight decay", "a finite number >= 0",
       weight_decay);
  need(std::isfinite(adagrad_eps) && adagrad_eps > 0.0, "adagrad eps", "a finite number > 0",
       adagrad_eps);
}

template <class S>
template <class Self>
auto Optimizer<S>::buffers(Self& self) {
  using V = std::conditional_t<std::is_const_v<Self>, const Vec<S>, Vec<S>>;
  std::vector<std::pair<const char*, V*>> out;
  switch (self.config_.kind) {
    case OptimizerKind::Sgd:
      break;
    case OptimizerKind::Momentum:
    case OptimizerKind::Nesterov:
      out = {{"momentum_buffer", &self.momentum_buffer_}};
      break;
    case OptimizerKind::Adagrad:
      out = {{"sum", &self.sum_}};
      break;
    case OptimizerKind::RmsProp:
      out = {{"square_avg", &self.square_avg_}};
      break;
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW:
      out = {{"exp_avg", &self.exp_avg_}, {"exp_avg_sq", &self.exp_avg_sq_}};
      break;
  }
  return out;
}

template <class S>
Optimizer<S>::Optimizer(const OptimizerConfig& config, Index n) : config_(config), n_(n) {
  config_.validate();
  if (n < 0) throw Error("an optimizer needs a parameter count >= 0, got " + std::to_string(n));
  reset();
}

template <class S>
void Optimizer<S>::reset() {
  steps_ = 0;
  for (Vec<S>* v : {&momentum_buffer_, &sum_, &square_avg_, &exp_avg_, &exp_avg_sq_}) v->resize(0);
  for (auto& [name, v] : buffers(*this)) v->setZero(n_);
}

template <class S>
void Optimizer<S>::set_config(const OptimizerConfig& config) {
  config.validate();
  const bool new_kind = config.kind != config_.kind;
  config_ = config;
  if (new_kind) reset();
}

template <class S>
void Optimizer<S>::step(S* params, const S* grads, double lr) {
  if (!(std::isfinite(lr) && lr >= 0.0))
    throw Error("an optimizer step needs a finite learning rate >= 0, got " + num(lr));
  ArrMap<S> p(params, n_);        // (n)
  const CArrMap<S> g(grads, n_);  // (n)
  const OptimizerKind kind = config_.kind;
  ++steps_;
  auto update = [&](const auto& d) {
    switch (kind) {
      case OptimizerKind::Sgd:
        p -= S(lr) * d;  // (1)
        break;
      case OptimizerKind::Momentum:
      case OptimizerKind::Nesterov:
        momentum_update(p, d, momentum_buffer_, S(config_.momentum), S(lr), steps_ == 1,
                        kind == OptimizerKind::Nesterov);
        break;
      case OptimizerKind::Adagrad:
        adagrad_update(p, d, sum_, S(config_.adagrad_eps), S(lr));
        break;
      case OptimizerKind::RmsProp:
        rmsprop_update(p, d, square_avg_, config_, S(lr));
        break;
      case OptimizerKind::Adam:
      case OptimizerKind::AdamW:
        adam_update(p, d, exp_avg_, exp_avg_sq_, config_, lr, steps_);
        break;
    }
  };
  if (kind == OptimizerKind::AdamW) {
    p *= S(1.0 - lr * config_.weight_decay);  // (7) decoupled decay, before the moments
    update(g);
  } else if (config_.weight_decay != 0.0) {
    update(g + S(config_.weight_decay) * p);  // L2: d = g + wd p, evaluated lazily
  } else {
    update(g);
  }
}

template <class S>
OptimizerState<S> Optimizer<S>::state() const {
  OptimizerState<S> out;
  out.step = steps_;
  for (const auto& [name, v] : buffers(*this)) out.buffers.emplace_back(name, *v);
  return out;
}

template <class S>
void Optimizer<S>::load_state(const OptimizerState<S>& state) {
  if (state.step < 0)
    throw Error("optimizer state: the step count must be >= 0, got " + std::to_string(state.step));
  auto mine = buffers(*this);
  std::string wanted, got;
  for (const auto& [name, v] : mine) wanted += (wanted.empty() ? "" : ", ") + std::string(name);
  for (const auto& [name, v] : state.buffers) got += (got.empty() ? "" : ", ") + name;
  auto mismatch = [&] {
    return Error("optimizer state: " + to_string(config_.kind) + " needs buffers [" + wanted +
                 "], got [" + got + "]");
  };
  if (state.buffers.size() != mine.size()) throw mismatch();
  std::vector<const Vec<S>*> sources;
  for (const auto& [name, v] : mine) {
    const Vec<S>* found = nullptr;
    for (const auto& [their_name, their_v] : state.buffers)
      if (their_name == name) found = &their_v;
    if (!found) throw mismatch();
    if (found->size() != n_)
      throw Error("optimizer state: buffer '" + std::string(name) + "' has " +
                  std::to_string(found->size()) + " values, the model has " + std::to_string(n_) +
                  " parameters");
    sources.push_back(found);
  }
  for (size_t i = 0; i < mine.size(); ++i) *mine[i].second = *sources[i];
  steps_ = state.step;
}

template class Optimizer<float>;
template class Optimizer<double>;

}  // namespace unroll
