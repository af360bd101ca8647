// The task table (every option's default, range and help, once) and the builders behind it.
#include "data/task_registry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "core/crc32.h"
#include "core/error.h"
#include "data/adding_task.h"
#include "data/copy_task.h"
#include "data/csv_series.h"
#include "data/language_task.h"
#include "data/sample_text.h"
#include "data/series_task.h"
#include "data/text_corpus.h"

namespace unroll {
namespace {

constexpr double kMaxSeed = 9007199254740992.0;  // 2^53: every seed is exact as a double

TaskOption integer(std::string name, long value, double lo, double hi, std::string label,
                   std::string help, std::string metavar) {
  TaskOption o;
  o.name = std::move(name);
  o.kind = OptionKind::Integer;
  o.value = std::to_string(value);
  o.min = lo;
  o.max = hi;
  o.label = std::move(label);
  o.help = std::move(help);
  o.metavar = std::move(metavar);
  return o;
}

TaskOption real(std::string name, std::string value, double lo, double hi, std::string label,
                std::string help, std::string metavar) {
  TaskOption o =
      integer(std::move(name), 0, lo, hi, std::move(label), std::move(help), std::move(metavar));
  o.kind = OptionKind::Real;
  o.value = std::move(value);
  return o;
}

TaskOption choice(std::string name, std::vector<std::string> choices, std::string label,
                  std::string help) {
  TaskOption o;
  o.name = std::move(name);
  o.kind = OptionKind::Choice;
  o.value = choices.front();
  o.choices = std::move(choices);
  o.label = std::move(label);
  o.help = std::move(help);
  return o;
}

TaskOption text(std::string name, OptionKind kind, std::string label, std::string help,
                std::string metavar, bool required = false) {
  TaskOption o;
  o.name = std::move(name);
  o.kind = kind;
  o.label = std::move(label);
  o.help = std::move(help);
  o.metavar = std::move(metavar);
  o.required = required;
  return o;
}

std::vector<TaskOption> series_options(std::vector<TaskOption> own) {
  own.insert(own.begin(), integer("points", 4000, 4, 100000000, "Points",
                                  "Length of the generated series", "N"));
  own.push_back(integer("series-seed", 1, 0, kMaxSeed, "Series seed",
                        "Seed of the generated series (not of training)", "S"));
  own.push_back(real("val-fraction", "0.2", 0.01, 0.5, "Validation fraction",
                     "The last part of the series, held out for validation and forecasting", "X"));
  return own;
}

std::vector<TaskInfo> build_table() {
  std::vector<TaskInfo> t;
  TaskInfo i;
  i.name = "text";
  i.title = "Text (character language model)";
  i.help = "Predict the next character of a text; its last tenth is held out for validation.";
  i.options = {text("data", OptionKind::File, "File",
                    "A UTF-8 text file; none: the built-in sample", "FILE.txt")};
  t.push_back(i);

  i = {};
  i.name = "language";
  i.title = "Language task (long-range memory)";
  i.help =
      "\"I am from <country>. <filler> I can speak <language>.\" Only the language word is "
      "scored: the network must carry the country across the filler.";
  i.options = {integer("filler", 20, 0, 100000, "Filler length",
                       "Filler characters between the country and \"I can speak\": the distance "
                       "the memory must span",
                       "F"),
               choice("scoring", {"word", "all"}, "Scoring",
                      "What training scores: the language word only, or every character")};
  i.fixed_length = true;
  i.lag_option = "filler";
  t.push_back(i);

  i = {};
  i.name = "copy";
  i.title = "Copy task";
  i.help =
      "Read the symbols, wait through the lag, then write them back; the sequence length is "
      "twice the symbols plus the lag. Chance accuracy is one over the alphabet size.";
  i.options = {
      integer("lag", 20, 0, 100000, "Lag",
              "Blank steps between reading the symbols and writing them back", "L"),
      integer("symbols", 5, 1, 1000, "Symbols", "Symbols to read and write back", "S"),
      integer("alphabet", 8, 2, 26, "Alphabet", "Distinct symbols they are drawn from", "K")};
  i.fixed_length = true;
  i.lag_option = "lag";
  t.push_back(i);

  i = {};
  i.name = "adding";
  i.title = "Adding problem";
  i.help =
      "Output the sum of the two marked values at the last step. Predicting the mean gives MSE "
      "1/6, about 0.167.";
  i.options = {integer("length", 50, 2, 100000, "Length T",
                       "Steps per sequence; the first marked value can lie T-1 steps back", "T")};
  i.dense = i.fixed_length = true;
  i.lag_option = i.seq_option = "length";
  t.push_back(i);

  const std::string series_help =
      "Series: predict the next value; the last part is held out for validation and "
      "forecasting, normalised with training statistics only.";
  i = {};
  i.name = "sine";
  i.title = "Sine waves (sum of sines with noise)";
  i.help = series_help;
  i.options = series_options(
      {integer("components", 2, 1, 64, "Components",
               "Sines summed, with periods from 8 to 64 steps", "K"),
       real("noise", "0.05", 0, 100, "Noise", "Standard deviation of the added noise", "X")});
  i.dense = i.series = true;
  t.push_back(i);

  i = {};
  i.name = "stock";
  i.title = "Stock price (geometric Brownian motion)";
  i.help = series_help;
  i.options = series_options(
      {real("drift", "0.05", -10, 10, "Drift", "Yearly drift of the price", "MU"),
       real("volatility", "0.2", 0, 10, "Volatility", "Yearly volatility of the price", "SIGMA")});
  i.dense = i.series = true;
  t.push_back(i);

  i = {};
  i.name = "csv";
  i.title = "CSV time series";
  i.help = series_help;
  i.options = {
      text("data", OptionKind::File, "File", "A CSV file with one row per time point", "FILE.csv",
           true),
      text("columns", OptionKind::List, "Columns",
           "Value columns by name or number (1 is the first), comma-separated; none: every "
           "column but the date",
           "A,B|1,2"),
      text("date-column", OptionKind::Text, "Date column",
           "Name or number of a date or label column, kept as text; none: detected", "D"),
      choice("header", {"auto", "yes", "no"}, "Header", "Whether the first row names the columns"),
      choice("missing", {"error", "skip", "previous"}, "Missing values",
             "An empty or NA cell: an error, skip its row, or repeat the previous value"),
      text("delimiter", OptionKind::Text, "Delimiter",
           "One character, or tab; none: detected from the first line", "C|tab"),
      integer("max-rows", 10000000, 1, 2000000000, "Maximum rows",
              "Refuse a longer file rather than exhaust memory", "N"),
      real("val-fraction", "0.2", 0.01, 0.5, "Validation fraction",
           "The last part of the series, held out for validation and forecasting", "X")};
  i.dense = i.series = true;
  t.push_back(i);
  return t;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string join(const std::vector<std::string>& v, const std::string& last = " or ") {
  std::string s;
  for (size_t k = 0; k < v.size(); ++k) s += (k == 0 ? "" : k + 1 == v.size() ? last : ", ") + v[k];
  return s;
}

std::vector<std::string> task_names() {
  std::vector<std::string> n;
  for (const TaskInfo& i : task_table()) n.push_back(i.name);
  return n;
}

// "--lag 7x is not ... for --task copy: give ..."
[[noreturn]] void bad_value(const TaskInfo& info, const TaskOption& o, const std::string& v,
                            const std::string& problem, const std::string& what) {
  throw Error("--" + o.name + " '" + v + "' " + problem + " for --task " + info.name + ": give " +
              what);
}

void check_value(const TaskInfo& info, const TaskOption& o, const std::string& v) {
  const std::string range = num(o.min) + " to " + num(o.max);
  if (o.kind == OptionKind::Integer || o.kind == OptionKind::Real) {
    const bool whole = o.kind == OptionKind::Integer;
    const std::string what = (whole ? "a whole number from " : "a number from ") + range;
    char* end = nullptr;
    const double x =
        whole ? double(std::strtoll(v.c_str(), &end, 10)) : std::strtod(v.c_str(), &end);
    if (v.empty() || !end || *end || !std::isfinite(x))
      bad_value(info, o, v, whole ? "is not a whole number" : "is not a number", what);
    if (x < o.min || x > o.max) bad_value(info, o, v, "is out of range", what);
  } else if (o.kind == OptionKind::Choice) {
    if (std::find(o.choices.begin(), o.choices.end(), v) == o.choices.end())
      bad_value(info, o, v, "is not allowed", join(o.choices));
  } else if (o.kind == OptionKind::File && o.required && v.empty()) {
    throw Error("--task " + info.name + " needs --" + o.name + " " + o.metavar);
  }
}

long int_option(const TaskSpec& s, const std::string& name) {
  return std::strtol(s.option(name).c_str(), nullptr, 10);
}
double real_option(const TaskSpec& s, const std::string& name) {
  return std::strtod(s.option(name).c_str(), nullptr);
}

CsvOptions csv_options(const TaskSpec& s) {
  CsvOptions o;
  o.keep_dates = false;  // training and forecasting use the values only
  o.columns = split_list(s.option("columns"));
  o.date_column = s.option("date-column");
  const std::string header = s.option("header");
  o.header = header == "yes"  ? CsvOptions::Header::Yes
             : header == "no" ? CsvOptions::Header::No
                              : CsvOptions::Header::Auto;
  const std::string missing = s.option("missing");
  o.missing = missing == "skip"       ? CsvOptions::Missing::Skip
              : missing == "previous" ? CsvOptions::Missing::Previous
                                      : CsvOptions::Missing::Error;
  o.max_rows = int_option(s, "max-rows");
  const std::string d = s.option("delimiter");
  if (d == "tab" || d == "\\t")
    o.delimiter = '\t';
  else if (d.size() == 1)
    o.delimiter = d[0];
  else if (!d.empty())
    throw Error("--delimiter '" + d + "' for --task csv: give one character, or tab");
  return o;
}

std::shared_ptr<Task> build(const TaskSpec& s) {
  const std::string task = s.task();
  if (task == "text") {
    const std::string data = s.option("data");
    if (data.empty()) return std::make_shared<TextCorpus>(builtin_corpus());
    return std::make_shared<TextCorpus>(TextCorpus::from_file(data));
  }
  if (task == "language")
    return std::make_shared<LanguageTask>(int(int_option(s, "filler")),
                                          parse_language_scoring(s.option("scoring")));
  if (task == "adding") return std::make_shared<AddingTask>(int(int_option(s, "length")));
  if (task == "copy")
    return std::make_shared<CopyTask>(int(int_option(s, "symbols")), int(int_option(s, "lag")),
                                      int(int_option(s, "alphabet")));
  const double val = real_option(s, "val-fraction");
  if (task == "sine") {
    SineOptions o;
    o.points = int(int_option(s, "points"));
    o.components = int(int_option(s, "components"));
    o.noise = real_option(s, "noise");
    o.seed = uint64_t(std::strtoull(s.option("series-seed").c_str(), nullptr, 10));
    return std::make_shared<SeriesTask>("sine", make_sine_series(o),
                                        std::vector<std::string>{"sine"}, val);
  }
  if (task == "stock") {
    StockOptions o;
    o.points = int(int_option(s, "points"));
    o.drift = real_option(s, "drift");
    o.volatility = real_option(s, "volatility");
    o.seed = uint64_t(std::strtoull(s.option("series-seed").c_str(), nullptr, 10));
    return std::make_shared<SeriesTask>("stock", make_stock_series(o),
                                        std::vector<std::string>{"price"}, val);
  }
  // csv: named after its file, like a text file's task
  const std::string path = s.option("data");
  CsvSeries series = load_csv_series(path, csv_options(s));
  return std::make_shared<SeriesTask>(std::filesystem::path(path).filename().string(),
                                      std::move(series.values), std::move(series.columns), val);
}

std::string shape_text(const TaskShape& s) {
  return std::string(s.tokens ? "tokens" : "dense") + " input " + std::to_string(s.input_size) +
         ", " + to_string(s.head) + " head " + std::to_string(s.output_size);
}

}  // namespace

TaskSpec TaskSpec::of(const std::string& task, std::map<std::string, std::string> options) {
  TaskSpec s;
  s.options = std::move(options);
  s.options["task"] = task;
  return s;
}

std::string TaskSpec::task() const {
  const auto it = options.find("task");
  return it == options.end() || it->second.empty() ? "text" : it->second;
}

std::string TaskSpec::option(const std::string& name) const {
  if (const auto it = options.find(name); it != options.end()) return it->second;
  for (const TaskInfo& i : task_table())
    if (i.name == task())
      if (const TaskOption* o = find_option(i, name)) return o->value;
  return {};
}

TaskSpec& TaskSpec::set(const std::string& name, const std::string& value) {
  options[name] = value;
  return *this;
}

TaskSpec& TaskSpec::set(const std::string& name, long value) {
  return set(name, std::to_string(value));
}

const std::vector<TaskInfo>& task_table() {
  static const std::vector<TaskInfo> table = build_table();
  return table;
}

const TaskInfo& task_info(const std::string& task) {
  for (const TaskInfo& i : task_table())
    if (i.name == task) return i;
  throw Error("unknown task '" + task + "' (expected one of: " + join(task_names(), ", ") + ")");
}

const TaskOption* find_option(const TaskInfo& info, const std::string& name) {
  for (const TaskOption& o : info.options)
    if (o.name == name) return &o;
  return nullptr;
}

std::string crc_key(const std::string& file_option) { return file_option + "_crc32"; }

void validate_task_spec(const TaskSpec& spec) {
  const TaskInfo& info = task_info(spec.task());
  for (const auto& [name, value] : spec.options) {
    if (name == "task") continue;
    const TaskOption* o = find_option(info, name);
    const bool crc = name.size() > 6 && name.ends_with("_crc32");
    if (!o && crc) {
      const TaskOption* file = find_option(info, name.substr(0, name.size() - 6));
      if (file && file->kind == OptionKind::File) continue;
    }
    if (!o) {
      std::vector<std::string> own;
      for (const TaskOption& k : info.options) own.push_back("--" + k.name);
      throw Error("--" + name + " does not apply to --task " + info.name + " (" +
                  (own.empty() ? std::string("it has no options") : "its options: " + join(own)) +
                  ")");
    }
  }
  for (const TaskOption& o : info.options) check_value(info, o, spec.option(o.name));
}

std::shared_ptr<Task> make_task(const TaskSpec& spec) {
  validate_task_spec(spec);
  return build(spec);
}

int natural_length(const TaskSpec& spec) {
  try {
    if (!task_info(spec.task()).fixed_length) return 0;
    return make_task(spec)->fixed_length();  // generated tasks: cheap, no file
  } catch (const std::exception&) {
    return 0;
  }
}

TaskSpec complete_task_spec(const TaskSpec& spec) {
  TaskSpec c;
  c.options["task"] = spec.task();
  for (const TaskOption& o : task_info(spec.task()).options)
    c.options[o.name] = spec.option(o.name);
  return c;
}

TaskSpec record_task(const TaskSpec& spec, const Task& task) {
  TaskSpec r = complete_task_spec(spec);
  for (const TaskOption& o : task_info(r.task()).options) {
    std::string& path = r.options[o.name];
    if (o.kind != OptionKind::File || path.empty()) continue;
    path = std::filesystem::absolute(path).lexically_normal().string();
    r.options[crc_key(o.name)] = std::to_string(file_crc32(path));
  }
  r.name = task.name();
  r.shape = task.shape();
  r.vocabulary = task_vocabulary(task);
  return r;
}

std::shared_ptr<Task> rebuild_task(const TaskSpec& recorded, const std::string& checkpoint,
                                   int seq) {
  TaskSpec spec = recorded;
  const TaskInfo& info = task_info(spec.task());
  if (!info.seq_option.empty() && !spec.options.count(info.seq_option))
    spec.options[info.seq_option] = std::to_string(seq);
  for (const TaskOption& o : info.options) {
    const std::string path = spec.option(o.name);
    if (o.kind != OptionKind::File || path.empty()) continue;
    if (!std::filesystem::exists(path))
      throw Error("the training data '" + path + "' of checkpoint '" + checkpoint +
                  "' is missing; give its new location (--" + o.name + ")");
    const auto crc = spec.options.find(crc_key(o.name));
    if (crc != spec.options.end() && std::to_string(file_crc32(path)) != crc->second)
      throw Error("the training data '" + path + "' has changed since checkpoint '" + checkpoint +
                  "' was saved (its CRC-32 differs)");
  }
  std::shared_ptr<Task> task;
  try {
    task = make_task(spec);
  } catch (const std::exception& e) {
    throw Error("checkpoint '" + checkpoint + "': its task cannot be rebuilt: " + e.what());
  }
  check_same_task(*task, spec, checkpoint);
  return task;
}

void check_same_task(const Task& task, const TaskSpec& recorded, const std::string& checkpoint) {
  const std::string start = "the task rebuilt for checkpoint '" + checkpoint + "' ";
  // A file's task is named after the file, and a moved file (its CRC matched) may have a new name.
  bool has_file = false;
  for (const TaskOption& o : task_info(recorded.task()).options)
    has_file |= o.kind == OptionKind::File && !recorded.option(o.name).empty();
  if (!has_file && task.name() != recorded.name)
    throw Error(start + "is named '" + task.name() + "', but it was trained on '" + recorded.name +
                "'");
  TaskShape s = task.shape(), k = recorded.shape;
  s.loss_every_step = k.loss_every_step;  // not recorded by format version 2
  if (s != k)
    throw Error(start + "has the shape " + shape_text(s) + ", but it was trained on " +
                shape_text(k));
  const std::vector<std::string> v = task_vocabulary(task);
  if (v != recorded.vocabulary)
    throw Error(start + "has another vocabulary (" + std::to_string(v.size()) +
                " tokens; it was trained on " + std::to_string(recorded.vocabulary.size()) + ")");
}

std::vector<std::string> task_vocabulary(const Task& task) {
  std::vector<std::string> v;
  const TaskShape s = task.shape();
  if (s.tokens)
    for (int i = 0; i < s.input_size; ++i) v.push_back(task.token_text(i));
  return v;
}

std::vector<std::string> task_table_strings() {
  std::vector<std::string> out;
  auto add = [&](const std::string& s) {
    if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  };
  for (const TaskInfo& i : task_table()) {
    add(i.title);
    add(i.help);
    for (const TaskOption& o : i.options) {
      add(o.label);
      add(o.help);
    }
  }
  return out;
}

}  // namespace unroll
