// The training loop over Trainer::step() with a per-step observer.
#include "train/run.h"

namespace unroll {

StepAction run(Trainer& trainer, long steps, StepObserver& observer) {
  while (trainer.steps() < steps)
    if (observer.on_step(trainer.step()) == StepAction::Stop) return StepAction::Stop;
  return StepAction::Continue;
}

namespace {
struct FunctionObserver final : StepObserver {
  explicit FunctionObserver(const std::function<StepAction(const StepReport&)>& f) : f(f) {}
  StepAction on_step(const StepReport& report) override { return f(report); }
  const std::function<StepAction(const StepReport&)>& f;
};
}  // namespace

StepAction run(Trainer& trainer, long steps,
               const std::function<StepAction(const StepReport&)>& on_step) {
  FunctionObserver observer(on_step);
  return run(trainer, steps, observer);
}

}  // namespace unroll
