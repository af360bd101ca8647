// Task description for checkpoints, and the checks behind `train --resume`.
#include "resume.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <vector>

#include "core/error.h"
#include "task_factory.h"

namespace unroll::cli {
namespace {

// Options of `train` that a checkpoint fixes, besides the task's own (all but --data, which may
// give the same file's new place); --threads may change (results then differ in the
// last bits, since the batch split changes the summation order).
const char* const kFixedByCheckpoint[] = {
    "cell",        "hidden",         "layers",    "input",       "embed", "init",
    "forget-bias", "recurrent-gain", "seq",       "batch",       "lr",    "optimizer",
    "momentum",    "weight-decay",   "schedule",  "warmup",      "clip",  "clip-mode",
    "tbptt",       "seed",           "val-every", "probe-every", "task"};

std::string file_crc(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read data file '" + path + "'");
  // In chunks: data files may be far larger than memory should hold.
  std::vector<char> chunk(1 << 20);
  uint32_t crc = 0;
  while (in) {
    in.read(chunk.data(), std::streamsize(chunk.size()));
    crc = crc32_update(crc, chunk.data(), size_t(in.gcount()));
  }
  return std::to_string(crc);
}

}  // namespace

TaskSpec task_spec(const Args& a) {
  TaskSpec spec;
  for (const std::string& name : with_task_options({})) {
    if (!a.has(name)) continue;
    std::string v = a.str(name, "");
    if (name == "data") {
      v = std::filesystem::absolute(v).lexically_normal().string();
      spec.options["data_crc32"] = file_crc(v);
    }
    spec.options[name] = v;
  }
  if (!spec.options.count("task")) spec.options["task"] = "text";  // make_task's default
  return spec;
}

Checkpoint load_resume(const Args& a) {
  std::set<std::string> fixed(std::begin(kFixedByCheckpoint), std::end(kFixedByCheckpoint));
  fixed = with_task_options(fixed);
  fixed.erase("data");
  for (const std::string& name : fixed)
    if (a.has(name))
      throw Error("--" + name + " cannot be combined with --resume: the checkpoint fixes it");
  Checkpoint c = load_checkpoint(a.str("resume", ""));
  if (!c.resumable)
    throw Error("checkpoint '" + a.str("resume", "") + "' (format version " +
                std::to_string(c.version) + ") holds weights only and cannot be resumed");
  if (a.has("threads")) c.config.threads = int(a.integer("threads", 1, 1, 256));
  // --data relocates the same file; the new place is what the next checkpoint records.
  if (a.has("data")) {
    if (!c.task.options.count("data"))
      throw Error("--data: checkpoint '" + a.str("resume", "") +
                  "' was trained without a data file");
    c.task.options["data"] =
        std::filesystem::absolute(a.str("data", "")).lexically_normal().string();
  }
  return c;
}

std::shared_ptr<Task> resume_task(const Args& a, const Checkpoint& c) {
  const std::string file = a.str("resume", "");
  const auto at = c.task.options.find("data");
  const std::string data = at == c.task.options.end() ? "" : at->second;
  if (!data.empty()) {
    if (!std::filesystem::exists(data))
      throw Error("the training data '" + data + "' of checkpoint '" + file +
                  "' is missing; pass --data with its new location");
    const auto it = c.task.options.find("data_crc32");
    if (it != c.task.options.end() && file_crc(data) != it->second)
      throw Error("the training data '" + data + "' has changed since checkpoint '" + file +
                  "' was saved");
  }
  std::shared_ptr<Task> task = make_task(c.task.options, c.config.seq);
  const TaskShape s = task->shape(), k = c.task.shape;
  // A text task is named after its file; a moved file may have a new name (its checksum matched).
  const bool same_name = task->name() == c.task.name || !data.empty();
  if (!same_name || s.tokens != k.tokens || s.input_size != k.input_size || s.head != k.head ||
      s.output_size != k.output_size || task_vocabulary(*task) != c.task.vocabulary)
    throw Error("the task rebuilt for checkpoint '" + file +
                "' differs from the one it was trained on (name, shape or vocabulary)");
  return task;
}

}  // namespace unroll::cli
