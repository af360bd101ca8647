// Task description for checkpoints, and the checks behind `train --resume`.
#include "resume.h"

#include <filesystem>
#include <iterator>
#include <set>

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

}  // namespace

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
    if (c.task.option("data").empty())
      throw Error("--data: checkpoint '" + a.str("resume", "") +
                  "' was trained without a data file");
    c.task.options["data"] =
        std::filesystem::absolute(a.str("data", "")).lexically_normal().string();
  }
  return c;
}

std::shared_ptr<Task> resume_task(const Args& a, const Checkpoint& c) {
  return rebuild_task(c.task, a.str("resume", ""), c.config.seq);
}

}  // namespace unroll::cli
