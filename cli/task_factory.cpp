// Task construction from command-line options.
#include "task_factory.h"

#include <vector>

#include "core/error.h"
#include "data/adding_task.h"
#include "data/copy_task.h"
#include "data/csv_series.h"
#include "data/language_task.h"
#include "data/sample_text.h"
#include "data/series_task.h"
#include "data/text_corpus.h"

namespace unroll::cli {
namespace {

// Which options belong to which task, so a stray one is an error rather than silently ignored.
const std::map<std::string, std::set<std::string>>& task_options() {
  static const std::map<std::string, std::set<std::string>> m = {
      {"text", {"data"}},
      {"adding", {}},
      {"copy", {"lag", "symbols", "alphabet"}},
      {"language", {"filler", "scoring"}},
      {"sine", {"points", "components", "noise", "series-seed", "val-fraction"}},
      {"stock", {"points", "drift", "volatility", "series-seed", "val-fraction"}},
      {"csv",
       {"data", "columns", "date-column", "header", "missing", "max-rows", "delimiter",
        "val-fraction"}}};
  return m;
}

CsvOptions csv_options(const Args& a) {
  CsvOptions o;
  o.keep_dates = false;  // training and forecasting use the values only
  o.columns = split_list(a.str("columns", ""));
  o.date_column = a.str("date-column", "");
  const std::string header = a.str("header", "auto");
  if (header == "auto")
    o.header = CsvOptions::Header::Auto;
  else if (header == "yes")
    o.header = CsvOptions::Header::Yes;
  else if (header == "no")
    o.header = CsvOptions::Header::No;
  else
    throw Error("--header " + header + ": expected auto, yes or no");
  const std::string missing = a.str("missing", "error");
  if (missing == "error")
    o.missing = CsvOptions::Missing::Error;
  else if (missing == "skip")
    o.missing = CsvOptions::Missing::Skip;
  else if (missing == "previous")
    o.missing = CsvOptions::Missing::Previous;
  else
    throw Error("--missing " + missing + ": expected error, skip or previous");
  o.max_rows = a.integer("max-rows", o.max_rows, 1, 2000000000L);
  const std::string d = a.str("delimiter", "");
  if (d == "tab" || d == "\\t")
    o.delimiter = '\t';
  else if (d.size() == 1)
    o.delimiter = d[0];
  else if (!d.empty())
    throw Error("--delimiter '" + d + "': give one character, or tab");
  return o;
}

}  // namespace

const char* const kTaskHelp =
    R"(  --task text|adding|copy|language|sine|stock|csv   what to learn (text)
    text      --data FILE.txt (default: the built-in sample)
    adding    the adding problem; its length is --seq
    copy      --lag L (50) --symbols S (5) --alphabet K (8); sequence length 2S+L
    language  --filler F (20) --scoring word|all (word): "I am from X ... I can speak Y"
    sine      --points N (4000) --components K (2) --noise X (0.05) --series-seed S (1)
    stock     --points N (4000) --drift MU (0.05) --volatility SIGMA (0.2) --series-seed S (1)
    csv       --data FILE.csv --columns A,B|1,2 --date-column D --header auto|yes|no
              --missing error|skip|previous --delimiter C|tab --max-rows N (10000000)
    series    --val-fraction X (0.2): the last part held out; normalised on the rest
)";

std::set<std::string> with_task_options(std::set<std::string> options) {
  options.insert("task");
  for (const auto& [task, names] : task_options()) options.insert(names.begin(), names.end());
  return options;
}

std::shared_ptr<Task> make_task(const Args& a, int seq) {
  const std::string task = a.str("task", "text");
  const auto known = task_options().find(task);
  if (known == task_options().end())
    throw Error("unknown task '" + task +
                "' (expected one of: text, adding, copy, language, sine, stock, csv)");
  for (const auto& name : with_task_options({}))
    if (name != "task" && a.has(name) && !known->second.count(name))
      throw Error("--" + name + " does not apply to --task " + task + " (see --help)");
  if (task == "text") {
    if (a.has("data"))
      return std::make_shared<TextCorpus>(TextCorpus::from_file(a.str("data", "")));
    return std::make_shared<TextCorpus>(builtin_corpus());
  }
  if (task == "adding") return std::make_shared<AddingTask>(seq);
  if (task == "copy")
    return std::make_shared<CopyTask>(int(a.integer("symbols", 5, 1, 1000)),
                                      int(a.integer("lag", 50, 0, 100000)),
                                      int(a.integer("alphabet", 8, 2, 26)));
  if (task == "language")
    return std::make_shared<LanguageTask>(int(a.integer("filler", 20, 0, 100000)),
                                          parse_language_scoring(a.str("scoring", "word")));
  const double val = a.real("val-fraction", 0.2, 0.01, 0.5);
  if (task == "sine") {
    SineOptions o;
    o.points = int(a.integer("points", o.points, 4, 100000000));
    o.components = int(a.integer("components", o.components, 1, 64));
    o.noise = a.real("noise", o.noise, 0, 100);
    o.seed = uint64_t(a.integer("series-seed", 1, 0, 9223372036854775807L));
    return std::make_shared<SeriesTask>("sine", make_sine_series(o),
                                        std::vector<std::string>{"sine"}, val);
  }
  if (task == "stock") {
    StockOptions o;
    o.points = int(a.integer("points", o.points, 4, 100000000));
    o.drift = a.real("drift", o.drift, -10, 10);
    o.volatility = a.real("volatility", o.volatility, 0, 10);
    o.seed = uint64_t(a.integer("series-seed", 1, 0, 9223372036854775807L));
    return std::make_shared<SeriesTask>("stock", make_stock_series(o),
                                        std::vector<std::string>{"price"}, val);
  }
  // csv
  if (!a.has("data")) throw Error("--task csv needs --data FILE.csv");
  const std::string path = a.str("data", "");
  CsvSeries s = load_csv_series(path, csv_options(a));
  return std::make_shared<SeriesTask>(path, std::move(s.values), std::move(s.columns), val);
}

std::shared_ptr<Task> make_task(const std::map<std::string, std::string>& options, int seq) {
  std::vector<std::string> argv;
  for (const auto& [name, value] : options)
    if (name != "data_crc32") argv.insert(argv.end(), {"--" + name, value});
  return make_task(Args(argv, with_task_options({}), {}), seq);
}

int natural_length(const Task& task) {
  if (const auto* c = dynamic_cast<const CopyTask*>(&task)) return c->length();
  if (const auto* l = dynamic_cast<const LanguageTask*>(&task)) return l->length();
  if (const auto* a = dynamic_cast<const AddingTask*>(&task)) return a->length();
  return 0;
}

}  // namespace unroll::cli
