// One batch of sequences, time-major: position (t, b) is column t*B + b.
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace unroll {

struct Batch {
  int steps = 0;                  // T
  int batch = 0;                  // B
  std::vector<int32_t> tokens;    // (T*B) input token ids (one-hot / embedding input)
  Eigen::MatrixXd inputs;         // (in, T*B) dense inputs (dense input)
  std::vector<int32_t> targets;   // (T*B) class targets (softmax head)
  Eigen::MatrixXd target_values;  // (O, T*B) regression targets (regression head)
  int loss_begin = 0;             // outputs at steps [loss_begin, T) are scored; earlier ones not

  int col(int t, int b) const { return t * batch + b; }
};

}  // namespace unroll
