// A training task: where batches come from, and what shape of model they need.
#pragma once
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
};

}  // namespace unroll
