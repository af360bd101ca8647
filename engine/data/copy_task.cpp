// CopyTask: drawing copy-task sequences for training (caller's Rng) and validation (fixed).
#include "data/copy_task.h"

#include "core/error.h"
#include "data/task_util.h"

namespace unroll {

CopyTask::CopyTask(int symbols, int lag, int alphabet, uint64_t validation_seed)
    : symbols_(symbols), lag_(lag), alphabet_(alphabet), validation_seed_(validation_seed) {
  if (symbols < 1 || symbols > 1000)
    throw Error("copy task: " + std::to_string(symbols) +
                " symbols to copy is out of range; use 1 to 1000 (e.g. 5)");
  if (lag < 0 || lag > 100000)
    throw Error("copy task: lag " + std::to_string(lag) +
                " is out of range; use 0 to 100000 blank steps (e.g. 50)");
  if (alphabet < 2 || alphabet > 26)
    throw Error("copy task: alphabet of " + std::to_string(alphabet) +
                " symbols is out of range; use 2 to 26 (e.g. 8)");
}

std::string CopyTask::name() const {
  return "copy-" + std::to_string(symbols_) + "x" + std::to_string(alphabet_) + "-lag" +
         std::to_string(lag_);
}

TaskShape CopyTask::shape() const {
  TaskShape s;
  s.tokens = true;
  s.input_size = alphabet_ + 2;
  s.head = HeadKind::Softmax;
  s.output_size = alphabet_;
  s.loss_every_step = false;
  return s;
}

std::string CopyTask::token_text(int id) const {
  if (id >= 0 && id < alphabet_) return std::string(1, char('a' + id));
  if (id == blank()) return "-";
  if (id == go()) return ":";
  return {};
}

Batch CopyTask::empty_batch(int steps, int batch) const {
  check_fixed_length(
      "the copy task (" + std::to_string(symbols_) + " symbols, lag " + std::to_string(lag_) + ")",
      length(), steps, batch);
  Batch out;
  out.steps = steps;
  out.batch = batch;
  out.tokens.assign(size_t(steps) * batch, blank());
  out.targets.assign(size_t(steps) * batch, -1);
  out.loss_begin = symbols_ + lag_;
  return out;
}

void CopyTask::draw(Batch& out, int b, Rng& rng) const {
  const int recall = symbols_ + lag_;
  for (int i = 0; i < symbols_; ++i) {
    const int s = int(rng.below(uint64_t(alphabet_)));
    out.tokens[out.col(i, b)] = s;
    out.targets[out.col(recall + i, b)] = s;
  }
  out.tokens[out.col(recall, b)] = go();
}

Batch CopyTask::train_batch(int steps, int batch, Rng& rng) const {
  Batch out = empty_batch(steps, batch);
  for (int b = 0; b < batch; ++b) draw(out, b, rng);
  return out;
}

Batch CopyTask::validation_batch(int steps, int batch, int i) const {
  Batch out = empty_batch(steps, batch);
  check_validation_index("copy task", i, kValidationBatches);
  for (int b = 0; b < batch; ++b) {
    Rng rng(mix_seed(validation_seed_, uint64_t(i) * uint64_t(batch) + uint64_t(b)));
    draw(out, b, rng);
  }
  return out;
}

}  // namespace unroll
