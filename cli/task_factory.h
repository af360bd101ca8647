// Builds the training task named by --task (and its options) for the CLI commands.
#pragma once
#include <memory>
#include <set>
#include <string>

#include "args.h"
#include "data/task.h"

namespace unroll::cli {

// The options every task understands, added to a command's own.
std::set<std::string> with_task_options(std::set<std::string> options);
// Throws unroll::Error naming the bad option or file.
std::shared_ptr<Task> make_task(const Args& args, int seq);

}  // namespace unroll::cli
