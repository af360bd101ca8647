// Task construction from command-line options, through the task registry.
#include "task_factory.h"

#include <sstream>

#include "core/error.h"

namespace unroll::cli {
namespace {

// The command-line name of a table option.
std::string flag(const TaskInfo& info, const TaskOption& o) {
  return o.name == info.seq_option ? "seq" : o.name;
}

std::string value_text(const TaskOption& o) {
  if (o.kind == OptionKind::Choice) {
    std::string s;
    for (const std::string& c : o.choices) s += (s.empty() ? "" : "|") + c;
    return s;
  }
  return o.metavar;
}

// "left  help", the help wrapped at 100 columns and indented to one column.
std::string wrapped(const std::string& left, const std::string& help) {
  constexpr size_t kColumn = 42, kWidth = 100;
  std::string out = left;
  if (out.size() + 1 > kColumn) out += "\n" + std::string(kColumn, ' ');
  out += std::string(kColumn > out.size() ? kColumn - out.size() : 0, ' ');
  std::istringstream words(help);
  std::string word;
  size_t col = kColumn;
  bool first = true;
  while (words >> word) {
    if (!first && col + 1 + word.size() > kWidth) {
      out += "\n" + std::string(kColumn, ' ');
      col = kColumn;
      first = true;
    }
    out += (first ? "" : " ") + word;
    col += (first ? 0 : 1) + word.size();
    first = false;
  }
  return out + '\n';
}

}  // namespace

std::set<std::string> with_task_options(std::set<std::string> options) {
  options.insert("task");
  for (const TaskInfo& info : task_table())
    for (const TaskOption& o : info.options) options.insert(flag(info, o));
  return options;
}

TaskSpec task_spec(const Args& a) {
  TaskSpec spec = TaskSpec::of(a.str("task", "text"));
  std::set<std::string> names = with_task_options({});
  names.erase("task");
  names.erase("seq");
  for (const std::string& name : names)
    if (a.has(name)) spec.options[name] = a.str(name, "");
  for (const TaskInfo& info : task_table())
    if (info.name == spec.task() && !info.seq_option.empty() && a.has("seq"))
      spec.options[info.seq_option] = a.str("seq", "");
  return spec;
}

std::shared_ptr<Task> make_cli_task(const TaskSpec& spec) {
  try {
    return unroll::make_task(spec);
  } catch (const Error& e) {
    const std::string what = e.what();
    for (const TaskInfo& info : task_table()) {
      const std::string given = "--" + info.seq_option + " ";
      if (info.name == spec.task() && !info.seq_option.empty() && what.rfind(given, 0) == 0)
        throw Error("--seq " + what.substr(given.size()));
    }
    throw;
  }
}

std::shared_ptr<Task> make_task(const Args& a) { return make_cli_task(task_spec(a)); }

std::string task_help() {
  std::ostringstream s;
  std::string names;
  for (const TaskInfo& info : task_table()) names += (names.empty() ? "" : "|") + info.name;
  s << "  --task " << names << "   what to learn (text)\n";
  for (const TaskInfo& info : task_table()) {
    s << "    " << info.name << std::string(10 - std::min<size_t>(9, info.name.size()), ' ')
      << info.title
      << (info.fixed_length && info.seq_option.empty() ? "; it sets the sequence length" : "")
      << '\n';
    for (const TaskOption& o : info.options) {
      std::string left = "--" + flag(info, o) + " " + value_text(o);
      if (!o.value.empty()) left += " (" + o.value + ")";
      if (o.required) left += " (required)";
      s << wrapped("      " + left, o.help);
    }
  }
  return s.str();
}

}  // namespace unroll::cli
