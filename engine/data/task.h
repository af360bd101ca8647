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
  // The series behind a forecastable task (sine, stock, CSV); nullptr for every other task.
  virtual const SeriesTask* series() const { return nullptr; }
};

}  // namespace unroll
