// The .unroll checkpoint: everything a run needs to continue bit-identically (configs, weights,
// optimizer state, data RNG and truncated-BPTT progress), what built its data, and its metrics.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "io/metrics_history.h"
#include "telemetry/step_report.h"
#include "train/trainer.h"

namespace unroll {

// What the run trained on. The engine cannot rebuild a task by itself (front-ends own task
// construction), so the front-end records the options that built it and checks, on resume, that
// the rebuilt task has the same name and vocabulary.
struct TaskSpec {
  std::string name;                            // Task::name()
  std::map<std::string, std::string> options;  // front-end options, e.g. {"task": "text"}
  std::vector<std::string> vocabulary;         // token texts (token tasks), else empty
  TaskShape shape;
};

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
// task.name and task.options are taken from spec.
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

// CRC-32 (IEEE 802.3, as zlib's crc32) of n bytes.
uint32_t crc32(const char* data, size_t n);
// The same, continued: crc32(a + b) == crc32_update(crc32(a), b); start from crc32(nullptr, 0).
uint32_t crc32_update(uint32_t crc, const char* data, size_t n);

// The task's vocabulary (token texts, empty for dense tasks).
std::vector<std::string> task_vocabulary(const Task& task);

}  // namespace unroll
