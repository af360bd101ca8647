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
  long sequences = 0;
  long terms = 0;
};

// All (at most max_batches) validation batches of `task`, from a zero state, full sequences.
TaskScore score_validation(const Network<float>& net, const Task& task, int steps, int batch,
                           int max_batches = 1 << 30);

}  // namespace unroll
