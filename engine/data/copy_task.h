// The copy task (Hochreiter & Schmidhuber 1997; Arjovsky et al. 2016): read a short sequence of
// symbols, wait through a delay, then reproduce the symbols. The delay is the lag the memory spans.
#pragma once
#include <cstdint>
#include <string>

#include "data/task.h"

namespace unroll {

// Tokens: symbols 0..K-1 ('a', 'b', ...), blank K ('-'), go marker K+1 (':').
// With S symbols to copy and a lag of L blank steps, one sequence has T = 2S + L steps:
//   steps [0, S)         input: the symbols s_0..s_{S-1}, each uniform in [0, K)
//   steps [S, S+L)       input: blank
//   step  S+L            input: go marker; target s_0
//   steps (S+L, 2S+L)    input: blank;     target s_i at step S+L+i
// Targets before step S+L are -1 (unscored) and loss_begin = S+L. Output classes are the K
// symbols, so chance accuracy is 1/K. Symbol s_i is read S+L steps before it must be written.
class CopyTask : public Task {
 public:
  static constexpr int kValidationBatches = 4;

  // symbols: S >= 1; lag: L >= 0; alphabet: 2 <= K <= 26. Throws unroll::Error otherwise.
  CopyTask(int symbols, int lag, int alphabet = 8, uint64_t validation_seed = 4242);

  int symbols() const { return symbols_; }
  int lag() const { return lag_; }
  int alphabet() const { return alphabet_; }
  int blank() const { return alphabet_; }
  int go() const { return alphabet_ + 1; }
  int length() const { return 2 * symbols_ + lag_; }  // T

  std::string name() const override;
  TaskShape shape() const override;
  Batch train_batch(int steps, int batch, Rng& rng) const override;
  Batch validation_batch(int steps, int batch, int i) const override;
  int validation_batches() const override { return kValidationBatches; }
  std::string token_text(int id) const override;
  int fixed_length() const override { return length(); }
  double chance_accuracy() const override { return 1.0 / alphabet_; }  // symbols recalled

 private:
  void draw(Batch& out, int b, Rng& rng) const;
  Batch empty_batch(int steps, int batch) const;

  int symbols_ = 0, lag_ = 0, alphabet_ = 0;
  uint64_t validation_seed_ = 0;
};

}  // namespace unroll
