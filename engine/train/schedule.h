// Learning-rate schedules: a linear warm-up, then constant, step decay or cosine decay. A pure
// function of the step, so a resumed run gets the same rates without saving any schedule state.
#pragma once
#include <string>

namespace unroll {

enum class ScheduleKind { Constant, Step, Cosine };

std::string to_string(ScheduleKind k);  // constant | step | cosine
// Throws unroll::Error listing the accepted names.
ScheduleKind parse_schedule(const std::string& s);

// With W = warmup_steps and s = step - W (the decay clock starts when the warm-up ends):
//   warm-up (step < W):  lr = base (step + 1) / W
//   constant:            lr = base
//   step:                lr = base gamma^floor(s / step_size)
//   cosine:              lr = lo + (base - lo) (1 + cos(pi min(s / (total_steps - W), 1))) / 2,
//                        lo = base min_lr_ratio: base when the warm-up ends, lo from total_steps.
struct ScheduleConfig {
  ScheduleKind kind = ScheduleKind::Constant;
  int warmup_steps = 0;       // W: steps of linear warm-up, 0 for none
  int step_size = 1000;       // step: updates between decays
  double gamma = 0.5;         // step: factor applied at each decay, in (0, 1]
  long total_steps = 0;       // cosine: step at which lr reaches its floor (counts the warm-up)
  double min_lr_ratio = 0.0;  // cosine: floor as a fraction of the base rate, in [0, 1]

  // Throws unroll::Error naming the first bad field (only fields this kind uses, and W).
  void validate() const;
};

// The learning rate for update number step (from 0). Throws unroll::Error on an invalid config,
// base_lr not finite and > 0, or step < 0.
double scheduled_lr(double base_lr, const ScheduleConfig& config, long step);

}  // namespace unroll
