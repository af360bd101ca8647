// unroll-cli train: headless training with progress on stderr, metrics CSVs and a checkpoint.
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "args.h"
#include "caption_commands.h"
#include "commands.h"
#include "core/error.h"
#include "io/checkpoint.h"
#include "resume.h"
#include "seq2seq_commands.h"
#include "task_factory.h"
#include "telemetry/metrics_recorder.h"
#include "train/run.h"
#include "train/trainer.h"
#include "train_outputs.h"

namespace unroll::cli {
namespace {

const char* kTrainHelp = R"(usage: unroll-cli train [options]
  --cell rnn|rnn-relu|lstm|gru   recurrent cell (default lstm)
  --hidden H --layers L          hidden size (64), stacked layers (1)
  --input onehot|embedding       token input (onehot); --embed E embedding size (32)
  --init torch|xavier|xavier-normal|he|orthogonal|identity   (torch); --forget-bias X (0)
  --seq T --batch B --steps N    sequence length (64, or the task's own length for
                                 copy/language), batch (32), updates (1000)
  --recurrent-gain X             multiply W_hh after initialisation (1)
  --optimizer sgd|momentum|nesterov|adagrad|rmsprop|adam|adamw   (adam); --lr X (0.002)
  --momentum X --weight-decay X  optimizer settings
  --schedule constant|step|cosine --warmup N   learning-rate schedule
  --clip X --clip-mode norm|value   clip the gradient (off unless --clip is given)
  --tbptt K1,K2                  truncated BPTT: update every K1 steps, backpropagate K2
  --seed S --threads N           seed (1), threads splitting the batch (1)
  --val-every N                  steps between validations (100)
  --probe-every N                steps between dynamics probes (50)
  --metrics FILE.csv             step,train_loss,val_loss,grad_norm,grad_norm_clipped,clipped,lr,tokens_per_s
  --timestep-grads FILE.csv      step,layer,t,grad_norm  (||dL/dh_t||, averaged over the batch)
  --timestep-every N             write timestep gradients every N steps (1)
                                 a CSV is FILE.partial until the run ends, flushed every 2 s and at
                                 each periodic checkpoint, then renamed to FILE; a write that fails
                                 (disk full...) ends the run with status 2 and one line naming the
                                 file, leaving nothing under its name and no .partial
  --max-output-mb M              largest CSV in MiB (1024): the step that would pass it and all later
                                 ones are left out of that file, with one warning; the run goes on
  --save FILE.unroll             checkpoint at the end
  --save-every N                 also a checkpoint every N steps, FILE.step-<step>.unroll beside
                                 FILE.unroll: a killed run can be resumed from the newest
  --keep K                       keep the K newest of those (1), deleting older ones
  --resume FILE.unroll           continue that run to --steps (a total); the checkpoint fixes model,
                                 optimizer, data and seed (--data may give the data's new place)
  --quiet                        no progress line
  --task pairs|dates|numbers|reorder   an encoder-decoder: see unroll-cli train --task reorder --help
)";

// Where the run's files go (train_outputs.h): the CSVs and the checkpoints.
struct Outputs {
  Outputs(const Args& a, long long cap)
      : csv{{a.str("metrics", ""), cap, "raise --max-output-mb"},
            {a.str("timestep-grads", ""), cap,
             "raise --max-output-mb, or write fewer steps with --timestep-every"}},
        save(a.str("save", "")) {}
  CsvOutputs csv;
  std::string save;     // the final checkpoint
  long save_every = 0;  // steps between periodic checkpoints beside it (0: none)
  long keep = 1;        // periodic checkpoints kept
};

void check_writable(const std::string& path, const char* option) {
  if (path.empty()) return;
  const auto dir = std::filesystem::path(path).parent_path();
  if (!dir.empty() && !std::filesystem::is_directory(dir))
    throw Error(std::string(option) + ": folder '" + dir.string() + "' does not exist");
}

TrainConfig make_config(const Args& a) {
  TrainConfig c;
  c.model.cell = parse_cell(a.str("cell", "lstm"));
  c.model.hidden = int(a.integer("hidden", 64, 1, 8192));
  c.model.layers = int(a.integer("layers", 1, 1, 16));
  c.model.input = parse_input(a.str("input", "onehot"));
  if (c.model.input == InputKind::Dense)
    throw Error("--input dense is chosen by the task itself; use onehot or embedding");
  c.model.embed_dim = int(a.integer("embed", 32, 1, 8192));
  c.model.init = parse_init(a.str("init", "torch"));
  c.model.forget_bias = a.real("forget-bias", 0.0, -100, 100);
  c.model.recurrent_gain = a.real("recurrent-gain", 1.0, 1e-6, 100);
  c.optimizer.kind = parse_optimizer(a.str("optimizer", "adam"));
  c.optimizer.lr = a.real("lr", 0.002, 1e-12, 1e6);
  c.optimizer.momentum = a.real("momentum", 0.9, 0, 0.999999);
  c.optimizer.weight_decay = a.real("weight-decay", 0.0, 0, 10);
  c.schedule.kind = parse_schedule(a.str("schedule", "constant"));
  c.schedule.warmup_steps = int(a.integer("warmup", 0, 0, 100000000));
  c.seq = int(a.integer("seq", 64, 1, 100000));
  c.batch = int(a.integer("batch", 32, 1, 65536));
  c.seed = uint64_t(a.integer("seed", 1, 0, 9223372036854775807L));
  c.threads = int(a.integer("threads", 1, 1, 256));
  c.val_every = int(a.integer("val-every", 100, 0, 100000000));
  c.probe_every = int(a.integer("probe-every", 50, 0, 100000000));
  if (a.has("clip")) {
    c.clip.mode = parse_clip_mode(a.str("clip-mode", "norm"));
    c.clip.threshold = a.real("clip", 1.0, 1e-12, 1e12);
  } else if (a.has("clip-mode")) {
    throw Error("--clip-mode needs --clip X (the threshold)");
  }
  if (a.has("tbptt")) {
    const auto [k1, k2] = a.pair("tbptt", 1, 100000);
    c.bptt = {true, int(k1), int(k2)};
  }
  c.hidden_states = false;
  // Validated in train_command, once the task has fixed the sequence length.
  return c;
}

std::string fmt(double v) {
  if (std::isnan(v)) return "";
  std::ostringstream s;
  s.precision(7);
  s << v;
  return s.str();
}

// What the command does with each step: the divergence rule, the checkpoint's history, the CSVs
// and the progress line on stderr.
struct Progress final : StepObserver {
  Progress(const Trainer& trainer, const TaskSpec& spec, Outputs& out, MetricsRecorder& history)
      : trainer(trainer), spec(spec), out(out), history(history) {}
  StepAction on_step(const StepReport& r) override;
  void write_csv(const StepReport& r);
  void save_periodic(long step);
  void print(const StepReport& r);

  const Trainer& trainer;
  const TaskSpec& spec;
  Outputs& out;
  MetricsRecorder& history;
  long steps = 0;     // the run's total
  long ts_every = 1;  // steps between timestep-gradient rows
  bool quiet = false, tty = isatty(STDERR_FILENO) != 0;
  std::chrono::steady_clock::time_point last_print = std::chrono::steady_clock::now();
  double recent_loss = 0;  // sum over the last `tail` steps, for the final line
  long recent_n = 0;
  double last_val = StepReport::kNaN, tps = 0;
  long rejected = 0;
};

StepAction Progress::on_step(const StepReport& r) {
  if (!r.accepted) {
    if (++rejected <= 5 || rejected % 100 == 0)
      std::cerr << (tty ? "\n" : "") << "warning: " << r.message << '\n';
    if (rejected > 1000 && rejected > 10 * trainer.steps())
      throw Error("training diverges: " + std::to_string(rejected) +
                  " steps were rejected as non-finite; lower --lr or add --clip");
    return StepAction::Continue;
  }
  tps = r.tokens_per_s;
  history.record(r);
  const long tail = std::max(1L, std::min(100L, steps / 20));
  if (r.step > steps - tail) {
    recent_loss += r.loss;
    ++recent_n;
  }
  if (!std::isnan(r.val_loss)) last_val = r.val_loss;
  write_csv(r);
  if (out.save_every > 0 && r.step % out.save_every == 0 && r.step < steps)
    save_periodic(r.step);
  else
    out.csv.flush_now_and_then();
  print(r);
  return StepAction::Continue;
}

void Progress::write_csv(const StepReport& r) {
  const std::string step = std::to_string(r.step);
  if (out.csv.metrics.enabled())
    out.csv.metrics.append(r.step, step + ',' + fmt(r.loss) + ',' + fmt(r.val_loss) + ',' +
                                       fmt(r.val_accuracy) + ',' + fmt(r.grad_norm) + ',' +
                                       fmt(r.grad_norm_clipped) + ',' + (r.clipped ? "1," : "0,") +
                                       fmt(r.lr) + ',' + fmt(r.tokens_per_s) + '\n');
  if (out.csv.timestep.enabled() && r.step % ts_every == 0) {
    std::string rows;
    for (size_t k = 0; k < r.timestep_grad_norms.size(); ++k)
      for (size_t t = 0; t < r.timestep_grad_norms[k].size(); ++t)
        rows += step + ',' + std::to_string(k) + ',' + std::to_string(t) + ',' +
                fmt(r.timestep_grad_norms[k][t]) + '\n';
    out.csv.timestep.append(r.step, rows);
  }
}

// The CSVs are flushed first, so a run killed after this checkpoint has their rows up to it.
void Progress::save_periodic(long step) {
  out.csv.flush();
  save_checkpoint(periodic_checkpoint_path(out.save, step),
                  capture_checkpoint(trainer, spec, history.history()));
  prune_periodic_checkpoints(out.save, step, out.keep);
}

void Progress::print(const StepReport& r) {
  const auto now = std::chrono::steady_clock::now();
  if (quiet || !(now - last_print > std::chrono::milliseconds(tty ? 200 : 5000) || r.step == steps))
    return;
  last_print = now;
  std::fprintf(stderr, "%sstep %ld/%ld  loss %.4f  val %s  |g| %.3g%s  %.0f tok/s%s",
               tty ? "\r" : "", r.step, steps, r.loss,
               std::isnan(last_val) ? "-" : fmt(last_val).c_str(), r.grad_norm,
               r.clipped ? " (clipped)" : "", r.tokens_per_s, tty ? "   " : "\n");
}

}  // namespace

int train_command(const std::vector<std::string>& argv) {
  if (wants_caption(argv)) return caption_train_command(argv);  // an image captioner
  if (wants_seq2seq(argv)) return seq2seq_train_command(argv);  // an encoder-decoder
  const Args a(
      argv, with_task_options({"cell",      "hidden",         "layers",         "input",
                               "embed",     "init",           "forget-bias",    "recurrent-gain",
                               "seq",       "batch",          "steps",          "lr",
                               "optimizer", "momentum",       "weight-decay",   "schedule",
                               "warmup",    "clip",           "clip-mode",      "tbptt",
                               "seed",      "threads",        "val-every",      "probe-every",
                               "metrics",   "timestep-grads", "timestep-every", "save",
                               "resume",    "save-every",     "keep",           "max-output-mb"}),
      {"quiet", "help"});
  if (a.has("help")) {
    std::cout << kTrainHelp << task_help();
    return 0;
  }
  // Everything is checked before anything is written.
  std::optional<Checkpoint> resume;
  if (a.has("resume")) resume = load_resume(a);
  TrainConfig cfg = resume ? resume->config : make_config(a);
  const long steps = a.integer("steps", 1000, 1, 1000000000000L);
  const long ts_every = a.integer("timestep-every", 1, 1, 1000000000L);
  if (resume && steps <= resume->progress.step)
    throw Error("--steps is the total; checkpoint '" + a.str("resume", "") +
                "' is already at step " + std::to_string(resume->progress.step));
  cfg.schedule.total_steps = steps;
  std::shared_ptr<Task> task = resume ? resume_task(a, *resume) : make_task(a);
  if (!resume && !a.has("seq") && task->fixed_length() > 0)
    cfg.seq = task->fixed_length();  // generated tasks have one length
  cfg.validate();
  const TaskSpec spec = resume ? resume->task : record_task(task_spec(a), *task);
  // The checkpoint's history, thinned as the studio's is (MetricsRecorder).
  MetricsRecorder history;
  if (resume) history.assign(resume->history);
  Outputs out(a, std::llround(a.real("max-output-mb", 1024, 0.01, 1048576) * (1 << 20)));
  if (a.has("save-every")) {
    if (out.save.empty())
      throw Error(
          "--save-every needs --save FILE.unroll (the periodic checkpoints are named after it)");
    out.save_every = a.integer("save-every", 0, 1, 1000000000000L);
  }
  if (a.has("keep")) {
    if (!out.save_every)
      throw Error("--keep needs --save-every N (it counts periodic checkpoints)");
    out.keep = a.integer("keep", 1, 1, 1000000);
  }
  check_writable(a.str("metrics", ""), "--metrics");
  check_writable(a.str("timestep-grads", ""), "--timestep-grads");
  check_writable(out.save, "--save");
  Trainer trainer(cfg, task);
  if (resume) restore_checkpoint(*resume, trainer);
  if (task->validation_batches() == 0)
    std::cerr << "note: the data is too short for a validation split; val_loss stays empty\n";

  Progress progress(trainer, spec, out, history);
  progress.steps = steps;
  progress.ts_every = ts_every;
  progress.quiet = a.has("quiet");
  // A failure throws out of here; the CSV writers, destroyed uncommitted, remove their .partial
  // files, and periodic checkpoints already written stay for --resume.
  out.csv.open();
  run(trainer, steps, progress);
  if (!progress.quiet && progress.tty) std::fputc('\n', stderr);
  double val_accuracy = StepReport::kNaN;
  const double val =
      task->validation_batches() > 0 ? trainer.validate(&val_accuracy) : StepReport::kNaN;
  out.csv.flush();  // a failed write shows here, before any file gets its final name
  if (!out.save.empty())
    save_checkpoint(out.save, capture_checkpoint(trainer, spec, history.history()));
  out.csv.commit();
  // The accuracy the task counts (the language task: the language word, whole) and its chance
  // level, only for tasks that have one.
  std::string accuracy;
  if (task->accuracy_unit() != AccuracyUnit::None)
    accuracy = " val_accuracy=" + fmt(val_accuracy) + " chance=" + fmt(task->chance_accuracy());
  std::printf(
      "final step=%ld train_loss=%s val_loss=%s%s tokens_per_s=%.0f\n", trainer.steps(),
      fmt(progress.recent_n ? progress.recent_loss / double(progress.recent_n) : StepReport::kNaN)
          .c_str(),
      fmt(val).c_str(), accuracy.c_str(), progress.tps);
  return 0;
}

}  // namespace unroll::cli
