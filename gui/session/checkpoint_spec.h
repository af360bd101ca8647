// Between the studio's RunSpec and a checkpoint's TaskSpec: the task is recorded under the CLI's
// option names (so `unroll-cli train --resume` rebuilds it) and read back into a DataSpec.
#pragma once
#include "io/checkpoint.h"
#include "session/run_spec.h"

namespace unroll::gui {

// What built `task` from spec.data. Throws unroll::Error for a source that cannot be recorded.
TaskSpec taskSpecFor(const RunSpec& spec, const Task& task);
// The studio spec of a loaded checkpoint (its TrainConfig and data source). Throws unroll::Error
// naming `file` for a checkpoint that cannot be resumed or a task the studio cannot build.
RunSpec runSpecFor(const Checkpoint& checkpoint, const std::string& file);
// Throws unroll::Error when the rebuilt task is not the one the checkpoint was trained on
// (changed data file, other name, shape or vocabulary).
void checkSameTask(const Task& task, const TaskSpec& recorded, const std::string& file);

}  // namespace unroll::gui
