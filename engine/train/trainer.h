// The training loop, one update per call: data, BPTT windows (full or truncated k1/k2 with the
// state carried across windows), clipping, the optimizer, and the telemetry of every step.
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>

#include "core/rng.h"
#include "data/task.h"
#include "model/network.h"
#include "telemetry/step_report.h"
#include "train/batch_runner.h"
#include "train/clip.h"
#include "train/optimizer.h"
#include "train/schedule.h"

namespace unroll {

// Backpropagation through time. Full: each step is one sequence of T steps from a zero state.
// Truncated (Williams & Peng's BPTT(k1, k2)): for tasks scored at every step, a sequence of T
// steps is consumed k1 new steps per update, running the last k2 steps forward from the carried
// state and backward through all k2; for tasks scored at the end, the gradient stops k2 steps back.
struct BpttConfig {
  bool truncated = false;
  int k1 = 16;  // steps between updates
  int k2 = 16;  // steps backpropagated (>= k1)
  void validate(int seq) const;
};

struct TrainConfig {
  ModelConfig model;  // input_size, output_size and head come from the task
  OptimizerConfig optimizer;
  ScheduleConfig schedule;
  ClipConfig clip;
  BpttConfig bptt;
  int seq = 64;          // T: steps per training sequence
  int batch = 32;        // B
  uint64_t seed = 1;     // drives init, data order and sampling
  int threads = 1;       // batch columns are split across this many threads
  int val_every = 100;   // steps between validations; 0 = never
  int val_batches = 4;   // validation batches used (at most what the task has)
  int probe_every = 50;  // steps between dynamics probes; 0 = never
  // Steps between connectivity maps on the task's example sequence (and at step 1); 0 = never.
  int connectivity_every = 0;
  bool hidden_states = true;  // copy the first sample's hidden states into each report
  void validate() const;      // throws unroll::Error naming the bad field
};

// Everything besides weights and optimizer state that a resumed run needs to continue exactly as
// if it had never stopped (checkpoints store it).
struct TrainerProgress {
  long step = 0;
  std::string data_rng;  // the data stream's generator state (std::mt19937_64 text form)
  int seq_pos = -1;      // truncated BPTT: position in the current sequence (-1: none)
  int carried_pos = 0;   // sequence position of the carried state
  Batch seq_batch;       // the sequence being consumed
  State<float> carried;  // state carried into the next window
  long next_probe = 0;
};

// A whole training state in memory: rewinding to one continues exactly as from that step.
struct TrainerSnapshot {
  Vec<float> params;
  OptimizerState<float> optimizer;
  TrainerProgress progress;
};

class Trainer {
  using Clock = std::chrono::steady_clock;

 public:
  Trainer(const TrainConfig& config, std::shared_ptr<const Task> task);

  // One update. The report stays valid until the next call. Its seconds run from the end of the
  // previous step (the caller's time between steps included) unless mark_idle() came between.
  const StepReport& step();
  // The time until the next step is not the run's (paused, waiting for a command): that step's
  // seconds start at its own start.
  void mark_idle();
  // Mean validation loss over the configured validation batches (zero initial state, full
  // sequences); accuracy gets the task's accuracy (Task::accuracy_unit: scored tokens right, or
  // whole sequences right), NaN for a regression head.
  double validate(double* accuracy = nullptr);

  // Changes that take effect at the next step.
  void set_learning_rate(double lr);
  void set_clip(const ClipConfig& clip);
  void set_bptt(const BpttConfig& bptt);
  // Re-initialises weights, optimizer state and data order from the seed: the same run again.
  void reset();

  long steps() const { return step_; }
  TrainerProgress progress() const;
  // Throws unroll::Error (changing nothing) when the progress does not fit this model and batch.
  void restore(const TrainerProgress& progress);
  const TrainConfig& config() const { return cfg_; }
  const Task& task() const { return *task_; }
  Network<float>& network() { return net_; }
  const Network<float>& network() const { return net_; }
  Optimizer<float>& optimizer() { return opt_; }
  const Optimizer<float>& optimizer() const { return opt_; }
  TrainerSnapshot snapshot() const;
  // Throws unroll::Error, changing nothing, when the snapshot is of another model.
  void restore(const TrainerSnapshot& snapshot);
  const StepReport& last_report() const { return report_; }

 private:
  struct Window {
    PassSpec pass;
    const State<float>* h0 = nullptr;
    int next_start = -1;  // truncated LM: sequence position whose state the next window needs
  };
  Window plan_window();
  void update();  // the step itself: everything but its timing
  void fill_report(const Window& w);
  void time_report(double seconds);
  bool check_finite(double loss);
  void probe();
  void fill_keep_gate(int W);
  void connect();

  TrainConfig cfg_;
  std::shared_ptr<const Task> task_;
  TaskShape shape_;
  Network<float> net_;
  Optimizer<float> opt_;
  BatchRunner<float> runner_;
  Vec<float> grads_;
  Vec<float> backup_;  // weights before the update, restored if it produced non-finite ones
  Rng data_rng_;
  long step_ = 0;
  StepReport report_;
  // tokens_per_s: tokens and seconds of past steps, each decayed by exp(-age / kRateSeconds).
  static constexpr double kRateSeconds = 1.0;
  double rate_tokens_ = 0, rate_seconds_ = 0;
  Clock::time_point last_end_;  // when the previous step ended
  bool clock_running_ = false;  // false: the next step's time starts at its own start

  // Truncated BPTT over a sequence: the batch being consumed, where we are, the carried state.
  Batch seq_batch_;
  int seq_pos_ = -1;     // -1: start a new sequence at the next step
  int carried_pos_ = 0;  // sequence position of carried_
  State<float> carried_;
  Batch batch_;  // full BPTT / end-scored batch of the current step
  State<float> zero_;

  long next_probe_ = 0;
  Batch example_;  // Task::example_batch, made at the first connectivity map
};

}  // namespace unroll
