// StepRunner: window-at-a-time forward passes with the state carried across windows.
#include "train/step_runner.h"

#include "core/error.h"

namespace unroll {

StepRunner::StepRunner(const Network<float>& net) : net_(net) { reset(); }

void StepRunner::reset() { state_.zeros(net_.config(), 1); }

const Mat<float>& StepRunner::run(const Batch& batch) {
  PassSpec pass;
  pass.t0 = 0;
  pass.steps = batch.steps;
  pass.loss_begin = 0;
  pass.b0 = 0;
  pass.b1 = 1;
  net_.forward(batch, pass, &state_, ws_);
  net_.extract_state(ws_, batch.steps - 1, 0, state_);
  return ws_.head.y;
}

const Mat<float>& StepRunner::feed_tokens(const std::vector<int32_t>& tokens,
                                          const std::vector<int32_t>* targets) {
  if (net_.config().input == InputKind::Dense)
    throw Error("this model reads dense series values, not tokens; use it with a series task");
  if (tokens.empty()) throw Error("internal: StepRunner fed an empty window");
  Batch b;
  b.steps = int(tokens.size());
  b.batch = 1;
  b.tokens = tokens;
  if (targets && targets->size() != tokens.size())
    throw Error("internal: StepRunner targets do not match the tokens");
  b.targets = targets ? *targets : std::vector<int32_t>(tokens.size(), -1);
  return run(b);
}

const Mat<float>& StepRunner::feed_dense(const Eigen::MatrixXd& inputs) {
  if (net_.config().input != InputKind::Dense)
    throw Error("this model reads tokens, not dense series values; use it with a token task");
  if (inputs.rows() != net_.config().input_size || inputs.cols() == 0)
    throw Error("the model expects " + std::to_string(net_.config().input_size) +
                " input values per step, got " + std::to_string(inputs.rows()));
  Batch b;
  b.steps = int(inputs.cols());
  b.batch = 1;
  b.inputs = inputs;
  b.target_values = Eigen::MatrixXd::Zero(net_.config().output_size, inputs.cols());
  return run(b);
}

}  // namespace unroll
