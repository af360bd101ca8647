// Runs a trained network forward over a long sequence a window at a time, carrying the recurrent
// state between windows (one sequence, batch 1): for sampling, forecasting and evaluation.
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "model/network.h"

namespace unroll {

class StepRunner {
 public:
  explicit StepRunner(const Network<float>& net);

  void reset();  // zero state
  const State<float>& state() const { return state_; }
  void set_state(const State<float>& s) { state_ = s; }

  // Feeds W tokens from the carried state; targets (W, -1 = unscored; null: none scored) make
  // workspace().head.loss_sum / loss_count / correct the cross-entropy of that window. Returns the
  // outputs, (O, W): logits for a softmax head.
  const Mat<float>& feed_tokens(const std::vector<int32_t>& tokens,
                                const std::vector<int32_t>* targets = nullptr);
  // Feeds W dense inputs, (in, W); returns the predictions, (O, W).
  const Mat<float>& feed_dense(const Eigen::MatrixXd& inputs);

  const Workspace<float>& workspace() const { return ws_; }
  // Hidden unit `unit` of `layer` after window step t of the last feed.
  float hidden(int layer, int unit, int t) const {
    return ws_.layers[size_t(layer)].h(unit, Index(t) + 1);
  }

 private:
  const Mat<float>& run(const Batch& batch);

  const Network<float>& net_;
  State<float> state_;
  Workspace<float> ws_;
};

}  // namespace unroll
