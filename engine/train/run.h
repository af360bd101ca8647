// The training loop: Trainer::step() until a budget of updates, with an observer that sees every
// step's report and may end the run early. The CLI's train command and the sweep run through it.
#pragma once
#include <functional>

#include "telemetry/step_report.h"
#include "train/trainer.h"

namespace unroll {

// Steps the trainer until trainer.steps() reaches `steps` (a total: a resumed trainer continues
// towards it; rejected steps make no update and do not count) or the observer returns Stop after
// a step. Returns Stop when the observer ended the run, Continue when the budget was reached
// (also when it already was: then no step is taken). The observer's exceptions pass through.
StepAction run(Trainer& trainer, long steps, StepObserver& observer);
StepAction run(Trainer& trainer, long steps,
               const std::function<StepAction(const StepReport&)>& on_step);

}  // namespace unroll
