// Sweep: training runs over (lag, cell) with one budget, and the table of their scores.
#include "train/sweep.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/error.h"
#include "train/run.h"

namespace unroll {

std::shared_ptr<const Task> sweep_task(const TaskSpec& task, int lag) {
  const TaskInfo& info = task_info(task.task());
  if (info.lag_option.empty()) {
    std::vector<std::string> lagged;
    for (const TaskInfo& i : task_table())
      if (!i.lag_option.empty()) lagged.push_back(i.name);
    std::string names;
    for (size_t k = 0; k < lagged.size(); ++k)
      names += (k == 0 ? "" : k + 1 == lagged.size() ? " or " : ", ") + lagged[k];
    throw Error("the " + info.name + " task has no lag to sweep; sweep " + names +
                " (the long-lag tasks)");
  }
  TaskSpec s = task;
  s.set(info.lag_option, long(lag));
  return make_task(s);
}

std::vector<SweepRow> run_sweep(const SweepSpec& spec,
                                const std::function<void(const SweepRow&)>& progress,
                                const std::function<bool()>& keep_going) {
  if (spec.cells.empty() || spec.lags.empty())
    throw Error("a sweep needs at least one cell type and one lag");
  if (spec.steps < 1) throw Error("a sweep needs at least 1 training step per run");
  for (const auto& [cell, lr] : spec.cell_lr)
    if (!(lr > 0 && lr <= 10))
      throw Error("the " + to_string(cell) + " learning rate must be above 0 and at most 10 (got " +
                  std::to_string(lr) + ")");
  std::vector<SweepRow> rows;
  for (int lag : spec.lags) {
    const std::shared_ptr<const Task> task = sweep_task(spec.task, lag);
    for (CellType cell : spec.cells) {
      const auto t0 = std::chrono::steady_clock::now();
      TrainConfig c = spec.base;
      c.model.cell = cell;
      if (const auto lr = spec.cell_lr.find(cell); lr != spec.cell_lr.end())
        c.optimizer.lr = lr->second;
      c.seq = task->fixed_length();
      c.val_every = 0;
      c.probe_every = 0;
      c.hidden_states = false;
      c.schedule.total_steps = spec.steps;
      Trainer tr(c, task);
      SweepRow row;
      row.cell = cell;
      row.lag = lag;
      row.parameters = long(tr.network().params().size());
      bool cancelled = false;
      run(tr, spec.steps, [&](const StepReport& r) {
        if (!r.accepted && ++row.rejected > 100 + spec.steps / 10) return StepAction::Stop;
        cancelled = keep_going && !keep_going();
        return cancelled ? StepAction::Stop : StepAction::Continue;
      });
      if (cancelled) return rows;
      row.score = score_validation(tr.network(), *task, c.seq, c.batch);
      row.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      rows.push_back(row);
      if (progress) progress(row);
    }
  }
  return rows;
}

std::string format_sweep_table(const std::vector<SweepRow>& rows) {
  std::vector<CellType> cells;
  std::vector<int> lags;
  std::map<std::pair<int, int>, const SweepRow*> at;
  for (const auto& r : rows) {
    if (std::find(cells.begin(), cells.end(), r.cell) == cells.end()) cells.push_back(r.cell);
    if (std::find(lags.begin(), lags.end(), r.lag) == lags.end()) lags.push_back(r.lag);
    at[{r.lag, int(r.cell)}] = &r;
  }
  const bool tokens = !rows.empty() && !std::isnan(rows.front().score.accuracy);
  std::string out;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%8s", "lag");
  out += buf;
  for (CellType c : cells) {
    std::snprintf(buf, sizeof buf, "  %16s", to_string(c).c_str());
    out += buf;
  }
  const bool whole = tokens && rows.front().score.unit == AccuracyUnit::Sequences;
  out += whole    ? "   (whole-answer accuracy %, token accuracy % in brackets)\n"
         : tokens ? "   (token accuracy %, whole-sequence accuracy % in brackets)\n"
                  : "   (validation MSE)\n";
  for (int lag : lags) {
    std::snprintf(buf, sizeof buf, "%8d", lag);
    out += buf;
    for (CellType c : cells) {
      const auto it = at.find({lag, int(c)});
      if (it == at.end()) {
        std::snprintf(buf, sizeof buf, "  %16s", "-");
      } else if (tokens) {
        const TaskScore& s = it->second->score;
        std::snprintf(buf, sizeof buf, "  %8.1f (%5.1f)",
                      100 * (whole ? s.sequence_accuracy : s.accuracy),
                      100 * (whole ? s.accuracy : s.sequence_accuracy));
      } else {
        std::snprintf(buf, sizeof buf, "  %16.5f", it->second->score.loss);
      }
      out += buf;
    }
    out += '\n';
  }
  return out;
}

}  // namespace unroll
