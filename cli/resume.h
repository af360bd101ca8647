// Checkpoint support for the CLI: `train --resume` loads the checkpoint and rebuilds its task
// through the task registry, which checks it is the one the checkpoint was trained on.
#pragma once
#include <memory>
#include <string>

#include "args.h"
#include "data/task.h"
#include "io/checkpoint.h"

namespace unroll::cli {

// Loads FILE for --resume and checks that no option fixed by the checkpoint (model, optimizer,
// data order...) is given again; applies --threads and --data (a moved copy of the same data).
// Throws unroll::Error naming the file or the option.
Checkpoint load_resume(const Args& args);

// Rebuilds the checkpoint's task from its recorded options (rebuild_task: the data file's
// checksum, then the task's name, shape and vocabulary). Throws unroll::Error.
std::shared_ptr<Task> resume_task(const Args& args, const Checkpoint& checkpoint);

}  // namespace unroll::cli
