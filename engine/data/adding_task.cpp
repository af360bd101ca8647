// AddingTask: drawing adding-problem sequences, for training (caller's Rng) and validation (fixed).
#include "data/adding_task.h"

#include "core/error.h"

namespace unroll {
namespace {

// Batch of the right shapes, all zero: markers and non-final targets stay 0.
Batch empty_batch(int steps, int batch) {
  Batch out;
  out.steps = steps;
  out.batch = batch;
  out.inputs = Eigen::MatrixXd::Zero(2, static_cast<Eigen::Index>(steps) * batch);  // (2, T*B)
  out.target_values =
      Eigen::MatrixXd::Zero(1, static_cast<Eigen::Index>(steps) * batch);  // (1, T*B)
  out.loss_begin = steps - 1;
  return out;
}

// Writes sequence b: T values, then the two marker positions, all from rng (in that order).
void draw_sequence(Batch& out, int b, Rng& rng) {
  const int T = out.steps;
  for (int t = 0; t < T; ++t) out.inputs(0, out.col(t, b)) = rng.uniform();
  const int half = T / 2;
  const int first = static_cast<int>(rng.below(half));
  const int second = half + static_cast<int>(rng.below(T - half));
  out.inputs(1, out.col(first, b)) = 1.0;
  out.inputs(1, out.col(second, b)) = 1.0;
  out.target_values(0, out.col(T - 1, b)) =
      out.inputs(0, out.col(first, b)) + out.inputs(0, out.col(second, b));
}

// splitmix64's finaliser: nearby (seed, k) pairs give unrelated generator seeds.
uint64_t mix(uint64_t seed, uint64_t k) {
  uint64_t z = seed + 0x9E3779B97F4A7C15ull * (k + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace

AddingTask::AddingTask(int length, uint64_t validation_seed)
    : length_(length), validation_seed_(validation_seed) {
  if (length < 2)
    throw Error("adding task: sequence length " + std::to_string(length) +
                " is too short; it needs at least 2 steps (one marker in each half), and the task "
                "is only hard from about 50");
}

std::string AddingTask::name() const { return "adding-" + std::to_string(length_); }

TaskShape AddingTask::shape() const {
  TaskShape s;
  s.tokens = false;
  s.input_size = 2;
  s.head = HeadKind::Regression;
  s.output_size = 1;
  s.loss_every_step = false;
  return s;
}

void AddingTask::check_steps(int steps, int batch) const {
  if (steps != length_)
    throw Error("the adding task was made for sequences of " + std::to_string(length_) +
                " steps, but a batch of " + std::to_string(steps) +
                " steps was asked for (the answer depends on the whole sequence, so it cannot be "
                "cut into windows); set the sequence length to " +
                std::to_string(length_) + " or make the task with length " + std::to_string(steps));
  if (batch <= 0)
    throw Error("adding task: asked for " + std::to_string(batch) +
                " sequences per batch; it must be at least 1");
}

Batch AddingTask::train_batch(int steps, int batch, Rng& rng) const {
  check_steps(steps, batch);
  Batch out = empty_batch(steps, batch);
  for (int b = 0; b < batch; ++b) draw_sequence(out, b, rng);
  return out;
}

Batch AddingTask::validation_batch(int steps, int batch, int i) const {
  check_steps(steps, batch);
  if (i < 0 || i >= kValidationBatches)
    throw Error("adding task: validation batch " + std::to_string(i) +
                " does not exist; there are " + std::to_string(kValidationBatches));
  Batch out = empty_batch(steps, batch);
  for (int b = 0; b < batch; ++b) {
    Rng rng(mix(validation_seed_, static_cast<uint64_t>(i) * batch + b));
    draw_sequence(out, b, rng);
  }
  return out;
}

}  // namespace unroll
