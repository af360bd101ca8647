// Builds the training task named by --task (and its options) for the CLI commands.
#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>

#include "args.h"
#include "data/task.h"

namespace unroll::cli {

// The options every task understands, added to a command's own.
std::set<std::string> with_task_options(std::set<std::string> options);
// Throws unroll::Error naming the bad option or file. seq is the adding task's length; the copy
// and language tasks choose their own (see natural_length).
std::shared_ptr<Task> make_task(const Args& args, int seq);
// The same from recorded options ({"task": "sine", "points": "2000"}, as a checkpoint keeps them).
std::shared_ptr<Task> make_task(const std::map<std::string, std::string>& options, int seq);
// The one sequence length a generated task accepts (copy, language, adding), or 0 when any
// length fits (text, series).
int natural_length(const Task& task);
// Help lines for the task options, shared by the commands' --help.
extern const char* const kTaskHelp;

}  // namespace unroll::cli
