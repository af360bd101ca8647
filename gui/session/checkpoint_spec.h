// Between the studio's RunSpec and a checkpoint: the task spec is what the checkpoint records (the
// registry's TaskSpec, under the CLI's option names, so `unroll-cli train --resume` rebuilds it).
#pragma once
#include "io/checkpoint.h"
#include "session/run_spec.h"

namespace unroll::gui {

// What a checkpoint records for `task`, built from spec.data (record_task). Throws unroll::Error
// naming a data file that cannot be read.
TaskSpec taskSpecFor(const RunSpec& spec, const Task& task);
// The studio spec of a loaded checkpoint (its TrainConfig and task spec). Throws unroll::Error
// naming `file` for a checkpoint that cannot be resumed.
RunSpec runSpecFor(const Checkpoint& checkpoint, const std::string& file);

}  // namespace unroll::gui
