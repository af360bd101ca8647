// The attention papers' headline experiment: exact-sequence accuracy against source length, with
// and without attention, every run with the same budget and seed. Qt-free; the CLI's
// `sweep --lengths` and the studio's length-sweep chart run the same cells.
#pragma once
#include <atomic>
#include <functional>
#include <vector>

#include "seq2seq/seq2seq_trainer.h"

namespace unroll {

struct LengthSweepSpec {
  static constexpr int kMaxCells = 64;
  Seq2SeqTrainConfig base;               // every cell: this, with its own length and attention
  std::vector<int> lengths;              // generated task's length parameter, 1..200 each
  std::vector<AttentionKind> attention;  // one row of cells each
  long steps = 1500;                     // per cell
  void validate() const;                 // throws unroll::Error naming the bad field
};

struct LengthSweepCell {
  AttentionKind attention = AttentionKind::None;
  int length = 0;
  long steps = 0;  // steps trained (the budget unless stopped)
  TranslationMetrics metrics;
  double seconds = 0;  // training and validation
};

// Trains the cells row by row (attention kinds in order, lengths in order), validates each once
// at the end of its budget and calls on_cell with it. Stops within one step when *stop turns true
// and returns the cells finished so far. Throws unroll::Error on a rejected (non-finite) step.
std::vector<LengthSweepCell> run_length_sweep(
    const LengthSweepSpec& spec, const std::function<void(const LengthSweepCell&)>& on_cell = {},
    const std::atomic<bool>* stop = nullptr);

}  // namespace unroll
