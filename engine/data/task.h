// A training task: where batches come from, and what shape of model they need.
#pragma once
#include <cmath>
#include <memory>
#include <string>

#include "core/rng.h"
#include "data/batch.h"
#include "model/config.h"

namespace unroll {

struct TaskShape {
  bool tokens = true;  // inputs are token ids (else dense vectors)
  int input_size = 0;  // V for tokens, feature count for dense
  HeadKind head = HeadKind::Softmax;
  int output_size = 0;          // classes or regression targets
  bool loss_every_step = true;  // language model (true) or loss only at the last step(s)

  bool operator==(const TaskShape&) const = default;
};

class SeriesTask;

// What a task's accuracy (StepReport::val_accuracy) counts.
enum class AccuracyUnit {
  None,       // regression: no accuracy
  Tokens,     // the share of scored tokens whose argmax is the target (copy: symbols recalled)
  Sequences,  // the share of sequences with every scored token right, i.e. produced exactly by
              // greedy decoding (language: the language word)
};

class Task {
 public:
  virtual ~Task() = default;
  virtual std::string name() const = 0;
  virtual TaskShape shape() const = 0;
  // B random training sequences of T steps, drawn with rng.
  virtual Batch train_batch(int steps, int batch, Rng& rng) const = 0;
  // The i-th fixed validation batch (the same every call); count() of them.
  virtual Batch validation_batch(int steps, int batch, int i) const = 0;
  virtual int validation_batches() const = 0;
  // For token tasks: text of a token id (for labels in charts and sampling); empty otherwise.
  virtual std::string token_text(int /*id*/) const { return {}; }

  // The one sequence length the task makes (generated tasks), or 0 when any length fits.
  virtual int fixed_length() const { return 0; }
  // The loss of the best model that ignores what the task tests (unigram entropy of a text, MSE of
  // always predicting the mean), and its name; NaN and "" when the task has no such baseline.
  virtual double baseline_loss() const { return NAN; }
  virtual std::string baseline_name() const { return {}; }
  // What val_accuracy counts for this task, and the accuracy of a model that ignores what the task
  // tests (NaN when unknown). Softmax tasks count tokens unless they say otherwise.
  virtual AccuracyUnit accuracy_unit() const {
    return shape().head == HeadKind::Softmax ? AccuracyUnit::Tokens : AccuracyUnit::None;
  }
  virtual double chance_accuracy() const { return NAN; }
  // One sequence to show and explain (connectivity, the studio's example): the first validation
  // sequence unless the task has a better one. Call only when validation_batches() > 0.
  virtual Batch example_batch(int steps) const { return validation_batch(steps, 1, 0); }
  // The series behind a forecastable task (sine, stock, CSV); nullptr for every other task.
  virtual const SeriesTask* series() const { return nullptr; }
};

}  // namespace unroll
