// The task registry: each task's options (defaults, ranges, allowed values, help) declared once in
// a table, and the one place a TaskSpec becomes a Task. The CLI, the studio, lessons, sweeps,
// races and resume all build their tasks here, and check a resumed task here.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "data/task.h"

namespace unroll {

// What builds a task: its options under the CLI's names ({"task": "copy", "lag": "20"}); an
// option left out takes the table's default. A checkpoint records the spec together with what the
// built task was (name, shape, vocabulary), so that a resume can check it rebuilt the same task;
// those three fields are empty in a spec that has not been recorded.
struct TaskSpec {
  std::string name;                            // recorded: Task::name()
  std::map<std::string, std::string> options;  // "task" and the task's options
  std::vector<std::string> vocabulary;         // recorded: token texts (token tasks), else empty
  TaskShape shape;                             // recorded

  // {"task": task} plus the given options.
  static TaskSpec of(const std::string& task, std::map<std::string, std::string> options = {});
  std::string task() const;                           // "text" when "task" is absent
  std::string option(const std::string& name) const;  // the given value, else the default
  TaskSpec& set(const std::string& name, const std::string& value);
  TaskSpec& set(const std::string& name, long value);
  bool operator==(const TaskSpec&) const = default;
};

enum class OptionKind { Integer, Real, Choice, File, Text, List };

// One option of one task. Titles and help are plain English; the studio translates them in the
// context "TaskRegistry" (gui/panels/task_strings.cpp lists them for lupdate).
struct TaskOption {
  std::string name;  // as on the command line, without "--"
  OptionKind kind = OptionKind::Integer;
  std::string value;                 // the default, as text ("" for none)
  double min = 0, max = 0;           // Integer and Real: the allowed range, inclusive
  std::vector<std::string> choices;  // Choice: the allowed values
  std::string label;                 // a short label for forms: "Lag"
  std::string help;                  // one line: what it does
  std::string metavar;               // what the value looks like in --help: "L", "FILE.csv"
  bool required = false;             // File: must be given (no default)
};

struct TaskInfo {
  std::string name;   // "copy"
  std::string title;  // "Copy task"
  std::string help;   // a sentence on what the task asks of the model
  std::vector<TaskOption> options;
  bool dense = false;         // dense input and a regression head
  bool series = false;        // a series that can be forecast
  bool fixed_length = false;  // the task sets the sequence length itself
  std::string lag_option;     // the option a lag sweep varies; empty: the task cannot be swept
  // The option that is the sequence length (adding: "length"); front ends with a sequence-length
  // setting of their own (the CLI's --seq) set it through that setting.
  std::string seq_option;
};

// Every task, in menu order: text, language, copy, adding, sine, stock, csv.
const std::vector<TaskInfo>& task_table();
// The task's entry; throws unroll::Error naming the known tasks.
const TaskInfo& task_info(const std::string& task);
// The option of that task, or nullptr.
const TaskOption* find_option(const TaskInfo& info, const std::string& name);
// A checkpoint guards each file option's contents by CRC-32, recorded under this key
//  ("data" -> "data_crc32").
std::string crc_key(const std::string& file_option);

// Checks the spec: a known task, only its own options (or recorded CRC keys), every value of the
// right kind and in range. Throws unroll::Error with one line that names the option, the value
// and what is allowed ("--lag 200000 is out of range for --task copy: give a whole number from 0
// to 100000").
void validate_task_spec(const TaskSpec& spec);
// Builds the task (validating first). Throws unroll::Error naming the bad option or file.
std::shared_ptr<Task> make_task(const TaskSpec& spec);
// The one sequence length a fixed-length task makes (copy, language, adding), or 0 when any
// length fits or the options are bad (make_task then says why). Never reads a file.
int natural_length(const TaskSpec& spec);
// The spec with every option of its task spelled out (defaults included) and the recorded fields
// cleared: what a checkpoint records, independent of later changes to the defaults.
TaskSpec complete_task_spec(const TaskSpec& spec);

// What a checkpoint records for `task`, built from `spec`: every option, file options made
// absolute with their CRC-32, and the task's name, shape and vocabulary. Throws unroll::Error
// naming a data file that cannot be read.
TaskSpec record_task(const TaskSpec& spec, const Task& task);
// Rebuilds a recorded task for checkpoint file `checkpoint` and checks it is the one trained on:
// the data files exist and have the recorded CRC-32, and the rebuilt task has the recorded name,
// shape and vocabulary. `seq` fills the seq_option of checkpoints that did not record it. Throws
// unroll::Error naming the checkpoint and what differs.
std::shared_ptr<Task> rebuild_task(const TaskSpec& recorded, const std::string& checkpoint,
                                   int seq);
// The second half of rebuild_task, for a task already built from `recorded`.
void check_same_task(const Task& task, const TaskSpec& recorded, const std::string& checkpoint);

// The task's vocabulary (token texts, empty for dense tasks).
std::vector<std::string> task_vocabulary(const Task& task);

// Every title, label and help text of the table, once each, in table order (for translation).
std::vector<std::string> task_table_strings();

}  // namespace unroll
