// The adding problem (Hochreiter & Schmidhuber 1997; the form of Le, Jaitly & Hinton 2015): a long
// sequence of random values, two of them marked; at the last step, output the sum of the two.
#pragma once
#include <cstdint>
#include <string>

#include "data/task.h"

namespace unroll {

// Each sequence has T steps. Input at step t is the dense 2-vector (v_t, m_t):
//   v_t ~ U[0, 1)                       the value
//   m_t in {0, 1}                       the marker; exactly one 1 in steps [0, T/2) and one in
//                                       [T/2, T), at uniformly random positions
// Target: y = sum of v_t over the two marked steps, scored at step T-1 only (loss_begin = T-1).
// target_values is (1, T*B); its columns before the last step are 0 and unscored.
//
// Only the last step is scored, so the model must carry two numbers across up to T-1 steps: the
// classic test of whether gradients survive that far back.
class AddingTask : public Task {
 public:
  static constexpr int kValidationBatches = 4;

  // length: T >= 2 (one marker per half). Throws unroll::Error otherwise.
  explicit AddingTask(int length, uint64_t validation_seed = 12345);

  int length() const { return length_; }

  // MSE of always predicting 1.0, the mean of the target: y is the sum of two independent U[0, 1)
  // values, so the MSE is Var(y) = 2 * 1/12 = 1/6 ~ 0.167. A model has learned the task only once
  // its MSE (mean of (prediction - y)^2, no 1/2 factor) is well below this.
  static double baseline_mse() { return 1.0 / 6.0; }

  // Task. Batches must have steps == length() (anything else throws, saying so).
  std::string name() const override;
  TaskShape shape() const override;
  Batch train_batch(int steps, int batch, Rng& rng) const override;
  // Sample k = i*B + b of the validation set is drawn from its own generator seeded from
  // (validation_seed, k), so the set is fixed: the same every call and for any number of threads.
  Batch validation_batch(int steps, int batch, int i) const override;
  int validation_batches() const override { return kValidationBatches; }
  int fixed_length() const override { return length_; }
  double baseline_loss() const override { return baseline_mse(); }
  std::string baseline_name() const override { return "MSE of the mean"; }

 private:
  void check_steps(int steps, int batch) const;

  int length_ = 0;  // T
  uint64_t validation_seed_ = 0;
};

}  // namespace unroll
