// Scoring a trained network outside training: cross-entropy of a whole token sequence from a zero
// state (unroll-cli eval), and loss / accuracy / whole-sequence accuracy on a task's validation
// set.
#pragma once
#include <cstdint>
#include <vector>

#include "data/task.h"
#include "model/network.h"

namespace unroll {

// Mean cross-entropy in nats of predicting tokens[1..N-1] from the tokens before, starting from a
// zero state and carrying it through the whole sequence (run in windows of `window` steps, so any
// length fits in memory). N >= 2, else unroll::Error.
double sequence_cross_entropy(const Network<float>& net, const std::vector<int32_t>& tokens,
                              int window = 256);

struct TaskScore {
  double loss = 0;               // mean scored loss (cross-entropy in nats, or squared error)
  double accuracy = 0;           // softmax: fraction of scored tokens predicted (argmax); else NaN
  double sequence_accuracy = 0;  // softmax: fraction of sequences with every scored token right
  double task_accuracy = 0;      // the one of the two the task counts (Task::accuracy_unit), or NaN
  double chance = 0;             // Task::chance_accuracy(): a model that ignores what is tested
  AccuracyUnit unit = AccuracyUnit::None;  // what task_accuracy counts
  long sequences = 0;
  long terms = 0;
};

// Of the batch columns [b0, b0 + ws.B) that the last forward over all of `batch` ran (t0 = 0,
// every step), the number whose
// every scored token the head predicted (argmax): sequences a greedy decoder would produce exactly.
template <class S>
long whole_sequences_right(const Batch& batch, const Workspace<S>& ws, int b0);

// The accuracy the task counts, from the token and whole-sequence accuracies.
double task_accuracy(const Task& task, double token_accuracy, double sequence_accuracy);

// All (at most max_batches) validation batches of `task`, from a zero state, full sequences.
TaskScore score_validation(const Network<float>& net, const Task& task, int steps, int batch,
                           int max_batches = 1 << 30);

}  // namespace unroll
