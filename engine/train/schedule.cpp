// Learning-rate schedules: names, validation and the rate for a step.
#include "train/schedule.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <utility>

#include "core/error.h"

namespace unroll {
namespace {

const std::pair<const char*, ScheduleKind> kKinds[] = {{"constant", ScheduleKind::Constant},
                                                       {"step", ScheduleKind::Step},
                                                       {"cosine", ScheduleKind::Cosine}};

std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

}  // namespace

std::string to_string(ScheduleKind k) {
  for (const auto& [name, value] : kKinds)
    if (value == k) return name;
  return "?";
}

ScheduleKind parse_schedule(const std::string& s) {
  std::string names;
  for (const auto& [name, value] : kKinds) {
    if (s == name) return value;
    names += names.empty() ? name : std::string(", ") + name;
  }
  throw Error("unknown schedule '" + s + "' (expected one of: " + names + ")");
}

void ScheduleConfig::validate() const {
  auto need = [](bool ok, const std::string& msg) {
    if (!ok) throw Error(msg);
  };
  need(warmup_steps >= 0, "warm-up steps must be >= 0, got " + std::to_string(warmup_steps));
  if (kind == ScheduleKind::Step) {
    need(step_size >= 1,
         "the step schedule's step size must be >= 1, got " + std::to_string(step_size));
    need(gamma > 0.0 && gamma <= 1.0,
         "the step schedule's gamma must be in (0, 1], got " + num(gamma));
  }
  if (kind == ScheduleKind::Cosine) {
    need(total_steps > warmup_steps,
         "the cosine schedule's total steps (" + std::to_string(total_steps) +
             ") must be more than the warm-up steps (" + std::to_string(warmup_steps) + ")");
    need(min_lr_ratio >= 0.0 && min_lr_ratio <= 1.0,
         "the cosine schedule's minimum lr ratio must be in [0, 1], got " + num(min_lr_ratio));
  }
}

double scheduled_lr(double base_lr, const ScheduleConfig& config, long step) {
  config.validate();
  if (!(std::isfinite(base_lr) && base_lr > 0.0))
    throw Error("the base learning rate must be a finite number > 0, got " + num(base_lr));
  if (step < 0) throw Error("the schedule's step must be >= 0, got " + std::to_string(step));
  const long warmup = config.warmup_steps;
  if (step < warmup) return base_lr * static_cast<double>(step + 1) / static_cast<double>(warmup);
  const long s = step - warmup;  // decay clock
  switch (config.kind) {
    case ScheduleKind::Constant:
      return base_lr;
    case ScheduleKind::Step:
      return base_lr * std::pow(config.gamma, static_cast<double>(s / config.step_size));
    case ScheduleKind::Cosine: {
      const double progress =
          std::min(1.0, static_cast<double>(s) / static_cast<double>(config.total_steps - warmup));
      const double lo = base_lr * config.min_lr_ratio;
      return lo + (base_lr - lo) * 0.5 * (1.0 + std::cos(std::numbers::pi * progress));
    }
  }
  return base_lr;
}

}  // namespace unroll
