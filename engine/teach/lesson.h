// Guided lessons as data: a JSON file of steps, each with an explanation, a preset model and task,
// an action for the learner, and a condition on the step reports that moves the lesson on.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "data/task_registry.h"
#include "telemetry/step_report.h"
#include "train/trainer.h"

namespace unroll {

// What a condition can look at in a StepReport.
enum class LessonMetric {
  Loss,            // loss
  ValLoss,         // val_loss (NaN, so never met, on steps without validation)
  ValAccuracy,     // val_accuracy: the task's accuracy (the language task: the word, whole)
  GradNorm,        // grad_norm
  GradAtT0,        // timestep_grad_norms[0][0]: the gradient reaching the first timestep
  GradRatio,       // timestep_grad_norms[0]: first / largest (NaN when all are 0)
  SpectralRadius,  // probes[0].spectral_radius (NaN before the first probe)
  Steps,           // step
  Clipped,         // clipped: 1 or 0
  Accepted,        // accepted: 1 or 0
  // The model's health, for a step's "health" terms:
  DeadFraction,  // dead_fraction: ReLU units dead in the latest probe, worst layer (NaN before)
  SaturatedFraction,  // saturated_fraction: saturated tanh units in the latest probe, worst layer
  MaxHidden,          // max_hidden: the largest |h_t| of the step's first sequence, any layer
  LossVsBaseline,     // loss_vs_baseline: loss / the task's chance-level loss (Task::baseline_loss)
};
std::string to_string(LessonMetric m);  // the JSON names: loss, val_loss, grad_norm, ...
// `baseline` is the task's baseline loss, which only LossVsBaseline needs (NaN: that is NaN).
double metric_value(LessonMetric m, const StepReport& r, double baseline = StepReport::kNaN);

struct LessonCondition {
  LessonMetric metric = LessonMetric::Steps;
  std::string op = ">=";  // < <= > >= == !=
  double value = 0;
  // Optional ("above" in JSON): the metric must also be greater than this. `grad_at_t0 < 1e-8`
  // with above 0 is not met by a gradient that underflowed to exactly 0. NaN: no lower bound.
  double above = StepReport::kNaN;
  // Optional ("health" in JSON, a list of {metric, op, value}): terms on the model's health that
  // must hold too. A fix that reaches the goal with 97% dead units or exploding states has not
  // worked: {"metric": "dead_fraction", "op": "<", "value": 0.5}.
  std::vector<LessonCondition> health;
  // The task's baseline loss for loss_vs_baseline (Task::baseline_loss), set by bound().
  double baseline = StepReport::kNaN;
  bool met(const StepReport& r) const;       // the goal and every health term
  bool goal_met(const StepReport& r) const;  // the goal alone; NaN metrics meet nothing but !=
  // The first health term that does not hold at `r`, or nullptr.
  const LessonCondition* failing_health(const StepReport& r) const;
  double value_of(const StepReport& r) const { return metric_value(metric, r, baseline); }
  LessonCondition bound(const Task& task) const;  // a copy with the task's baseline loss
};

// The model and task a step starts from. Each step's "preset" object changes only the fields it
// names; the rest carry over from the previous step (the first step starts from these defaults).
struct LessonPreset {
  CellType cell = CellType::RnnTanh;
  int hidden = 32;
  int layers = 1;
  // The task, built by the registry. The JSON's "task" picks it (its options start from the
  // registry's defaults), "lag" sets its lag option (language: filler, copy: lag) and "seq" its
  // sequence-length option (adding: length) or, for a task of any length, `seq`.
  TaskSpec task = TaskSpec::of("language");
  int seq = 0;  // T for a task of any length (text); 0 = 50
  int batch = 16;
  std::string optimizer = "adam";
  double lr = 1e-3;
  double clip = 0;  // global-norm clipping threshold; 0 = off
  int bptt = 0;     // truncated BPTT k1 = k2 = this many steps; 0 = full
  InitKind init = InitKind::Torch;
  double recurrent_gain = 1.0;
  double forget_bias = 0.0;
  uint64_t seed = 1;

  std::shared_ptr<const Task> make_task() const;  // throws unroll::Error for a bad task spec
  TrainConfig train_config(const Task& task) const;
  // The value of the task's lag option (TaskInfo::lag_option), 0 when it has none; and setting it.
  int lag() const;
  void set_lag(int lag);
};

struct LessonStep {
  std::string text;     // the explanation, a paragraph (English; the studio translates)
  std::string action;   // what the learner does: "play", "switch cell", "enable clipping", ...
  LessonPreset preset;  // resolved: defaults, then every earlier step's changes, then this one's
  LessonCondition condition;
  // The step's budget: after this many training steps without the condition, the studio pauses
  // and offers to move on anyway.
  long max_steps = 2000;
  // A step that shows a failure: the goal is the next steps' goal, and the point is that this
  // model does not reach it within max_steps (JSON "expect": "budget"; default "goal").
  bool expect_goal = true;
  // The pace the step trains at in the studio, steps per second (0: full speed): slow enough for a
  // class to watch what the text describes. JSON "pace", else the lesson's "pace", else 30.
  int pace = 30;
  // Earlier steps' runs kept on the charts beside this one (JSON "compare"): none, "previous" (the
  // step before's) or "earlier" (every earlier step's, e.g. one curve per seed).
  enum class Compare { None, Previous, Earlier } compare = Compare::None;
  // What a later step's legend calls this step's run ("before: tanh RNN"): JSON "label"; empty:
  // the studio names its cell.
  std::string label;
};

// The charts a lesson may choose for the studio's presentation mode (JSON "charts"): the names of
// the main window's six charts.
const std::vector<std::string>& lesson_chart_names();

struct Lesson {
  std::string title;
  int pace = 30;  // the steps' default pace
  // Presentation mode's charts (JSON "charts": one to three of lesson_chart_names(), in order);
  // empty: the studio's own choice.
  std::vector<std::string> charts;
  std::vector<LessonStep> steps;
};

// Parses a lesson; `source` (a file name) starts every error message. Throws unroll::Error:
// "source:LINE: reason" for malformed JSON, "source: step N: field: reason" for a bad lesson.
Lesson parse_lesson(const std::string& json_text, const std::string& source);
Lesson load_lesson(const std::string& path);  // reads the file, then parse_lesson

// Builds the trainer a step starts from (the task is made from the preset).
std::unique_ptr<Trainer> make_lesson_trainer(const LessonStep& step);

}  // namespace unroll
