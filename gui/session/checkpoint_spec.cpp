// Studio checkpoints record the registry's TaskSpec as it is; rebuild_task checks it on open.
#include "session/checkpoint_spec.h"

#include "core/error.h"

namespace unroll::gui {

TaskSpec taskSpecFor(const RunSpec& spec, const Task& task) { return record_task(spec.data, task); }

RunSpec runSpecFor(const Checkpoint& c, const std::string& file) {
  if (!c.resumable)
    throw Error("checkpoint '" + file + "' (format version " + std::to_string(c.version) +
                ") holds weights only and cannot be resumed");
  RunSpec s;
  s.train = c.config;
  s.data = complete_task_spec(c.task);
  // Older checkpoints did not record the adding task's length: it was the run's sequence length.
  const std::string length = task_info(s.data.task()).seq_option;
  if (!length.empty() && !c.task.options.count(length)) s.data.set(length, long(c.config.seq));
  return s;
}

}  // namespace unroll::gui
