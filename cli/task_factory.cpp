// Task construction from command-line options.
#include "task_factory.h"

#include "core/error.h"
#include "data/adding_task.h"
#include "data/sample_text.h"
#include "data/text_corpus.h"

namespace unroll::cli {

std::set<std::string> with_task_options(std::set<std::string> options) {
  options.insert({"task", "data"});
  return options;
}

std::shared_ptr<Task> make_task(const Args& a, int seq) {
  const std::string task = a.str("task", "text");
  if (task == "text") {
    if (a.has("data")) return std::make_shared<TextCorpus>(TextCorpus::from_file(a.str("data", "")));
    return std::make_shared<TextCorpus>(builtin_corpus());
  }
  if (task == "adding") {
    if (a.has("data")) throw Error("--data is for --task text; the adding task generates its data");
    return std::make_shared<AddingTask>(seq);
  }
  throw Error("unknown task '" + task + "' (expected one of: text, adding)");
}

}  // namespace unroll::cli
