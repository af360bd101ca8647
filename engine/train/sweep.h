// The long-lag sweep: the same training budget for each cell type at each lag, scored on the
// task's validation set. Where the tanh RNN stops learning and LSTM/GRU go on is the lesson.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "data/task_registry.h"
#include "train/evaluate.h"
#include "train/trainer.h"

namespace unroll {

struct SweepSpec {
  std::vector<CellType> cells = {CellType::RnnTanh, CellType::Lstm, CellType::Gru};
  std::vector<int> lags;
  TrainConfig base;  // everything but the cell and seq; the same for every run
  // A cell's own learning rate in place of base.optimizer.lr, so each cell trains at a rate it
  // learns with (a GRU at 0.01, where an LSTM needs 0.003); cells not named use the base's.
  std::map<CellType, double> cell_lr;
  long steps = 1000;  // updates per run
  // The task at every lag but its lag option (TaskInfo::lag_option: the language task's filler,
  // the copy task's lag, the adding task's length), which each run sets to its lag.
  TaskSpec task = TaskSpec::of("copy");
};

// The task of one sweep lag, built by the registry. Throws unroll::Error for a task without a lag
// option or a lag out of its range.
std::shared_ptr<const Task> sweep_task(const TaskSpec& task, int lag);

struct SweepRow {
  CellType cell = CellType::Lstm;
  int lag = 0;
  TaskScore score;  // on the validation set after training
  long parameters = 0;
  double seconds = 0;
  long rejected = 0;  // non-finite steps the trainer rejected
};

// Runs every (lag, cell) pair in order, calling progress after each. keep_going, when given, is
// asked after every training step; false stops the sweep at once and returns the finished rows.
// Throws unroll::Error for an empty spec or a task that fails to build.
std::vector<SweepRow> run_sweep(const SweepSpec& spec,
                                const std::function<void(const SweepRow&)>& progress = {},
                                const std::function<bool()>& keep_going = {});

// One row per lag, one column per cell: accuracy in % (token tasks; whole-sequence accuracy in
// brackets) or validation MSE (regression).
std::string format_sweep_table(const std::vector<SweepRow>& rows);

}  // namespace unroll
