// Evaluation passes: windowed sequence cross-entropy and validation scoring per sequence.
#include "train/evaluate.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.h"
#include "train/step_runner.h"

namespace unroll {

double sequence_cross_entropy(const Network<float>& net, const std::vector<int32_t>& tokens,
                              int window) {
  if (tokens.size() < 2)
    throw Error("the text has " + std::to_string(tokens.size()) +
                " character(s); the loss needs at least 2 (one to read, one to predict)");
  if (window < 1) throw Error("evaluation window must be at least 1 step");
  StepRunner runner(net);
  double sum = 0;
  long count = 0;
  std::vector<int32_t> x, y;
  for (size_t s = 0; s + 1 < tokens.size(); s += size_t(window)) {
    const size_t w = std::min(size_t(window), tokens.size() - 1 - s);
    x.assign(tokens.begin() + long(s), tokens.begin() + long(s + w));
    y.assign(tokens.begin() + long(s + 1), tokens.begin() + long(s + w + 1));
    runner.feed_tokens(x, &y);
    sum += runner.workspace().head.loss_sum;
    count += runner.workspace().head.loss_count;
  }
  return sum / double(count);
}

TaskScore score_validation(const Network<float>& net, const Task& task, int steps, int batch,
                           int max_batches) {
  const int n = std::min(max_batches, task.validation_batches());
  if (n <= 0)
    throw Error("task '" + task.name() + "' has no validation data to score the model on");
  const bool softmax = net.config().head == HeadKind::Softmax;
  TaskScore score;
  double loss = 0;
  long correct = 0, whole = 0;
  Workspace<float> ws;
  for (int i = 0; i < n; ++i) {
    const Batch b = task.validation_batch(steps, batch, i);
    PassSpec p;
    p.steps = b.steps;
    p.loss_begin = b.loss_begin;
    p.b1 = b.batch;
    net.forward(b, p, nullptr, ws);
    loss += ws.head.loss_sum;
    score.terms += ws.head.loss_count;
    correct += ws.head.correct;
    score.sequences += b.batch;
    if (softmax) whole += whole_sequences_right(b, ws, 0);
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  score.loss = score.terms ? loss / double(score.terms) : nan;
  score.accuracy = softmax && score.terms ? double(correct) / double(score.terms) : nan;
  score.sequence_accuracy = softmax ? double(whole) / double(score.sequences) : nan;
  score.task_accuracy = task_accuracy(task, score.accuracy, score.sequence_accuracy);
  score.chance = task.chance_accuracy();
  score.unit = task.accuracy_unit();
  return score;
}

template <class S>
long whole_sequences_right(const Batch& b, const Workspace<S>& ws, int b0) {
  if (ws.B == 0) return 0;
  const int lb = ws.W - int(ws.head.y.cols() / ws.B);  // the pass's loss_begin
  long whole = 0;
  for (int j = 0; j < ws.B; ++j) {
    bool all = true;
    for (int t = lb; t < ws.W && all; ++t) {
      const int y = b.targets[size_t(b.col(t, b0 + j))];
      if (y < 0) continue;
      Index arg;
      ws.head.y.col(Index(t - lb) * ws.B + j).maxCoeff(&arg);
      all = arg == y;
    }
    whole += all;
  }
  return whole;
}

double task_accuracy(const Task& task, double token_accuracy, double sequence_accuracy) {
  switch (task.accuracy_unit()) {
    case AccuracyUnit::Tokens:
      return token_accuracy;
    case AccuracyUnit::Sequences:
      return sequence_accuracy;
    case AccuracyUnit::None:
      break;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

template long whole_sequences_right<float>(const Batch&, const Workspace<float>&, int);
template long whole_sequences_right<double>(const Batch&, const Workspace<double>&, int);

}  // namespace unroll
