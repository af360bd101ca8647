// The CLI's side of the task registry: which options --task accepts, the spec they give, and the
// task options' --help, all read from the registry's table (data/task_registry.h).
#pragma once
#include <memory>
#include <set>
#include <string>

#include "args.h"
#include "data/task_registry.h"

namespace unroll::cli {

// The options every task understands (--task and the table's options), added to a command's own.
// A task's seq_option (adding: length) is given as --seq, the command's sequence length.
std::set<std::string> with_task_options(std::set<std::string> options);
// The task options given on the command line ("task" defaults to text; --seq sets the task's
// seq_option). Checks nothing; make_task does.
TaskSpec task_spec(const Args& args);
// Builds the task of task_spec(args). Throws unroll::Error naming the bad option or file (a bad
// seq_option is named --seq, as it was given).
std::shared_ptr<Task> make_task(const Args& args);
// The registry's make_task, naming a bad seq_option --seq.
std::shared_ptr<Task> make_cli_task(const TaskSpec& spec);
// Help lines for the task options, shared by the commands' --help: every option of the table.
std::string task_help();

}  // namespace unroll::cli
