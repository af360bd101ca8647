// unroll-cli sweep: accuracy (or MSE) against lag for RNN, LSTM and GRU trained with the same
// budget on the language, copy or adding task, printed as a table.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "args.h"
#include "commands.h"
#include "core/error.h"
#include "data/csv_series.h"
#include "data/task_registry.h"
#include "seq2seq_commands.h"
#include "train/sweep.h"

namespace unroll::cli {
namespace {

const char* kSweepHelp =
    R"(usage: unroll-cli sweep --task language|copy|adding --lags L1,L2,... [options]
  The lag is the language task's filler length, the copy task's delay, or the adding task's
  sequence length. Every (lag, cell) pair trains from the same seed with the same budget.
  --cells rnn,lstm,gru           cells to compare (rnn,lstm,gru)
  --steps N                      updates per run (1000)
  --hidden H --layers L          (64), (1)
  --batch B --lr X --clip X      (32), Adam learning rate (0.005), gradient-norm clip (1)
  --forget-bias X                LSTM forget-gate bias (1, the usual practice)
  --seed S --threads N           (1), (1)
  --csv FILE.csv                 also write task,lag,cell,loss,accuracy,sequence_accuracy,...
)";

// The swept tasks' own options (all but the lag), with the registry's defaults.
std::string task_option_help() {
  std::string out;
  for (const TaskInfo& info : task_table()) {
    if (info.lag_option.empty()) continue;
    for (const TaskOption& o : info.options) {
      if (o.name == info.lag_option) continue;
      std::string left = "  --" + o.name + " " + o.metavar;
      for (size_t k = 0; k < o.choices.size(); ++k) left += (k ? "|" : "") + o.choices[k];
      left.resize(std::max<size_t>(left.size() + 1, 33), ' ');
      std::string line = left + info.name + " task (" + o.value + "): " + o.help;
      if (line.size() > 100)  // the help on a line of its own
        line = left + info.name + " task (" + o.value + "):\n" + std::string(33, ' ') + o.help;
      out += line + "\n";
    }
  }
  return out;
}

std::vector<int> parse_lags(const std::string& s) {
  std::vector<int> lags;
  for (const std::string& part : split_list(s)) {
    char* end = nullptr;
    const long v = std::strtol(part.c_str(), &end, 10);
    if (!end || *end || v < 0 || v > 100000)
      throw Error("--lags: '" + part + "' is not a lag from 0 to 100000; give e.g. 10,20,50");
    lags.push_back(int(v));
  }
  if (lags.empty()) throw Error("--lags needs at least one value, e.g. --lags 10,20,50");
  return lags;
}

}  // namespace

int sweep_command(const std::vector<std::string>& argv) {
  if (wants_seq2seq(argv)) return seq2seq_sweep_command(argv);  // an encoder-decoder
  const Args a(argv,
               {"task", "lags", "cells", "steps", "hidden", "layers", "batch", "lr", "clip",
                "forget-bias", "seed", "threads", "symbols", "alphabet", "scoring", "csv"},
               {"help", "quiet"});
  if (a.has("help")) {
    std::cout << kSweepHelp << task_option_help();
    return 0;
  }
  const std::string task = a.str("task", "");
  const bool lagged = !task.empty() && !task_info(task).lag_option.empty();
  if (!lagged)
    throw Error("--task must be language, copy or adding (the long-lag tasks)" +
                (task.empty() ? std::string() : ", got '" + task + "'"));
  if (!a.has("lags")) throw Error("--lags L1,L2,... is required, e.g. --lags 10,20,50");
  SweepSpec s;
  s.lags = parse_lags(a.str("lags", ""));
  s.cells.clear();
  for (const std::string& c : split_list(a.str("cells", "rnn,lstm,gru")))
    s.cells.push_back(parse_cell(c));
  s.steps = a.integer("steps", 1000, 1, 1000000000L);
  s.base.model.hidden = int(a.integer("hidden", 64, 1, 8192));
  s.base.model.layers = int(a.integer("layers", 1, 1, 16));
  s.base.model.forget_bias = a.real("forget-bias", 1.0, -100, 100);
  s.base.batch = int(a.integer("batch", 32, 1, 65536));
  s.base.optimizer.lr = a.real("lr", 0.005, 1e-12, 1e6);
  s.base.clip = {ClipMode::Norm, a.real("clip", 1.0, 1e-12, 1e12)};
  s.base.seed = uint64_t(a.integer("seed", 1, 0, 9223372036854775807L));
  s.base.threads = int(a.integer("threads", 1, 1, 256));
  s.task = TaskSpec::of(task);
  for (const char* name : {"symbols", "alphabet", "scoring"})
    if (a.has(name)) s.task.set(name, a.str(name, ""));
  validate_task_spec(s.task);  // a stray or bad option, before any training
  std::ofstream csv;
  if (a.has("csv")) {
    csv.open(a.str("csv", ""));
    if (!csv) throw Error("--csv: cannot write '" + a.str("csv", "") + "'; check the folder");
    csv << "task,lag,cell,loss,accuracy,sequence_accuracy,parameters,seconds,rejected\n";
  }
  const bool quiet = a.has("quiet");
  const auto rows = run_sweep(s, [&](const SweepRow& r) {
    if (!quiet)
      std::fprintf(stderr, "%s lag %d: loss %.4f accuracy %.3f (%.1f s)\n",
                   to_string(r.cell).c_str(), r.lag, r.score.loss, r.score.accuracy, r.seconds);
    if (csv.is_open())
      csv << task << ',' << r.lag << ',' << to_string(r.cell) << ',' << r.score.loss << ','
          << r.score.accuracy << ',' << r.score.sequence_accuracy << ',' << r.parameters << ','
          << r.seconds << ',' << r.rejected << '\n';
  });
  std::cout << "task=" << task << " steps=" << s.steps << " hidden=" << s.base.model.hidden << '\n'
            << format_sweep_table(rows);
  return 0;
}

}  // namespace unroll::cli
