// Exact accuracy against source length, per attention kind (length_sweep.h).
#include "seq2seq/length_sweep.h"

#include <chrono>
#include <string>

#include "core/error.h"

namespace unroll {

void LengthSweepSpec::validate() const {
  if (base.task.task == "pairs")
    throw Error("a length sweep needs a generated task (reorder, numbers or dates), not pairs");
  if (!is_pair_task(base.task.task))
    throw Error("unknown translation task '" + base.task.task + "': use reorder, numbers or dates");
  if (lengths.empty()) throw Error("a length sweep needs at least one length");
  if (attention.empty()) throw Error("a length sweep needs at least one attention kind");
  for (int L : lengths)
    if (L < 1 || L > 200) throw Error("sweep length " + std::to_string(L) + " is not in 1..200");
  if (lengths.size() * attention.size() > size_t(kMaxCells))
    throw Error("a length sweep has at most " + std::to_string(kMaxCells) + " cells, got " +
                std::to_string(lengths.size() * attention.size()));
  if (steps < 1 || steps > 10000000)
    throw Error("sweep steps must be in 1..10000000, got " + std::to_string(steps));
  base.validate();
}

std::vector<LengthSweepCell> run_length_sweep(
    const LengthSweepSpec& spec, const std::function<void(const LengthSweepCell&)>& on_cell,
    const std::atomic<bool>* stop) {
  spec.validate();
  std::vector<LengthSweepCell> cells;
  const auto stopped = [&] { return stop && stop->load(std::memory_order_relaxed); };
  for (AttentionKind kind : spec.attention) {
    for (int length : spec.lengths) {
      if (stopped()) return cells;
      const auto t0 = std::chrono::steady_clock::now();
      Seq2SeqTrainConfig c = spec.base;
      c.task.length = length;
      c.model.attention = kind;
      Seq2SeqTrainer t(c);
      while (t.steps() < spec.steps) {
        if (stopped()) return cells;
        const Seq2SeqStepReport r = t.step();
        if (r.rejected)
          throw Error("length " + std::to_string(length) + ", attention " + to_string(kind) +
                      ": step " + std::to_string(r.step + 1) + " was rejected (" +
                      r.rejected_reason + "); lower the learning rate");
      }
      LengthSweepCell cell;
      cell.attention = kind;
      cell.length = length;
      cell.steps = t.steps();
      cell.metrics = t.validate().metrics;
      cell.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      cells.push_back(cell);
      if (on_cell) on_cell(cell);
    }
  }
  return cells;
}

}  // namespace unroll
