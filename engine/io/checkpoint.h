// The .unroll checkpoint: everything a run needs to continue bit-identically (configs, weights,
// optimizer state, data RNG and truncated-BPTT progress), what built its data, and its metrics.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/crc32.h"
#include "data/task_registry.h"
#include "io/metrics_history.h"
#include "telemetry/step_report.h"
#include "train/trainer.h"

namespace unroll {

// Everything in a checkpoint, as loaded. A version-1 file (weights only) loads with
// resumable == false: it can be exported but not resumed.
struct Checkpoint {
  int version = 0;
  bool resumable = true;
  TrainConfig config;
  TaskSpec task;
  std::vector<TensorInfo> tensors;  // the layout the weights were saved with
  Vec<float> params;                // the layout's buffer, column-major tensors
  OptimizerState<float> optimizer;
  TrainerProgress progress;
  MetricsHistory history;
};

// The run's current state; task.shape and task.vocabulary are filled from the trainer's task,
// task.name and task.options are taken from spec (the name from the trainer's task when empty).
Checkpoint capture_checkpoint(const Trainer& trainer, const TaskSpec& spec,
                              const MetricsHistory& history = {});

// Writes atomically (to PATH.partial, then renamed). Throws unroll::Error naming the path.
void save_checkpoint(const std::string& path, const Checkpoint& checkpoint);
// Shorthand for a trainer without a recorded task spec or history.
void save_checkpoint(const std::string& path, const Trainer& trainer);

// Reads and checks the whole file: magic, version, lengths, checksum, header fields and tensor
// sizes. Throws unroll::Error with one sentence naming the path and what is wrong.
Checkpoint load_checkpoint(const std::string& path);
// The same from bytes in memory; name is used in messages.
Checkpoint parse_checkpoint(const std::string& bytes, const std::string& name);

// Puts weights, optimizer state and progress into trainer, which must have been built from
// checkpoint.config and an equivalent task. Throws unroll::Error and leaves the trainer as it was
// when anything does not fit.
void restore_checkpoint(const Checkpoint& checkpoint, Trainer& trainer);

}  // namespace unroll
