// LanguageTask: the country/language table, filler words, sentence layout and batch drawing.
#include "data/language_task.h"

#include <algorithm>
#include <map>

#include "core/error.h"
#include "data/task_util.h"

namespace unroll {
namespace {

// Everyday words with no country or language in them: the filler must carry no hint.
const std::vector<std::string>& filler_words() {
  static const std::vector<std::string> words = {
      "the",   "rain",  "was",   "warm",  "and",   "we",    "walked", "along", "a",
      "river", "to",    "see",   "old",   "boats", "in",    "town",   "after", "lunch",
      "my",    "dog",   "likes", "long",  "walks", "when",  "it",     "is",    "cold",
      "our",   "house", "has",   "green", "door",  "near",  "park",   "where", "kids",
      "play",  "ball",  "every", "day",   "until", "dark",  "then",   "they",  "go",
      "home",  "for",   "bread", "tea",   "soup",  "music", "often",  "quiet", "morning"};
  return words;
}

size_t longest(bool language) {
  size_t n = 0;
  for (const auto& [country, lang] : LanguageTask::pairs())
    n = std::max(n, (language ? lang : country).size());
  return n;
}

// The earliest step with a scored target in any sequence: the head and truncated BPTT then skip
// the steps before it.
int first_scored(const Batch& b) {
  for (int t = 0; t < b.steps; ++t)
    for (int j = 0; j < b.batch; ++j)
      if (b.targets[size_t(b.col(t, j))] >= 0) return t;
  return b.steps - 1;
}

}  // namespace

const char* const LanguageTask::kPrefix = "I am from ";
const char* const LanguageTask::kMiddle = " I can speak ";

const std::vector<std::pair<std::string, std::string>>& LanguageTask::pairs() {
  static const std::vector<std::pair<std::string, std::string>> table = {
      {"France", "French"},         {"Germany", "German"},      {"Spain", "Spanish"},
      {"Italy", "Italian"},         {"Portugal", "Portuguese"}, {"Brazil", "Portuguese"},
      {"Mexico", "Spanish"},        {"Argentina", "Spanish"},   {"Japan", "Japanese"},
      {"China", "Chinese"},         {"Russia", "Russian"},      {"Greece", "Greek"},
      {"Turkey", "Turkish"},        {"Poland", "Polish"},       {"Sweden", "Swedish"},
      {"Norway", "Norwegian"},      {"Denmark", "Danish"},      {"Finland", "Finnish"},
      {"the Netherlands", "Dutch"}, {"Hungary", "Hungarian"},   {"Iran", "Persian"},
      {"Israel", "Hebrew"},         {"Egypt", "Arabic"},        {"Morocco", "Arabic"},
      {"Kenya", "Swahili"},         {"Tanzania", "Swahili"},    {"India", "Hindi"},
      {"Vietnam", "Vietnamese"},    {"Thailand", "Thai"},       {"Korea", "Korean"},
      {"Indonesia", "Indonesian"},  {"Czechia", "Czech"},       {"Romania", "Romanian"},
      {"Ukraine", "Ukrainian"},     {"Austria", "German"},      {"Iceland", "Icelandic"},
      {"Ethiopia", "Amharic"},      {"Georgia", "Georgian"},    {"Armenia", "Armenian"},
      {"Wales", "Welsh"},           {"Nepal", "Nepali"}};
  return table;
}

double LanguageTask::majority_share() {
  std::map<std::string, int> count;
  int best = 0;
  for (const auto& p : pairs()) best = std::max(best, ++count[p.second]);
  return double(best) / double(pairs().size());
}

LanguageTask::LanguageTask(int filler, Scoring scoring, uint64_t validation_seed)
    : filler_(filler), scoring_(scoring), validation_seed_(validation_seed) {
  if (filler < 0 || filler > 100000)
    throw Error("language task: filler length " + std::to_string(filler) +
                " is out of range; use 0 to 100000 characters (e.g. 20, then 50, 100)");
  const std::string prefix = kPrefix, middle = kMiddle;
  // The longest sentence: its characters but the last are inputs, so T = length - 1.
  length_ =
      int(prefix.size() + longest(false) + 2 + size_t(filler) + middle.size() + longest(true) + 1) -
      1;
  std::string chars = prefix + middle + ". ";
  for (const auto& [c, l] : pairs()) chars += c + l;
  for (const auto& w : filler_words()) chars += w;
  vocabulary_.assign(chars.begin(), chars.end());
  std::sort(vocabulary_.begin(), vocabulary_.end());
  vocabulary_.erase(std::unique(vocabulary_.begin(), vocabulary_.end()), vocabulary_.end());
}

LanguageTask::Scoring parse_language_scoring(const std::string& s) {
  if (s == "word") return LanguageTask::Scoring::Word;
  if (s == "all") return LanguageTask::Scoring::All;
  throw Error("unknown language-task scoring '" + s +
              "' (expected word: only the language word is scored, or all: every character)");
}

std::string LanguageTask::name() const {
  return "language-filler" + std::to_string(filler_) + (scoring_ == Scoring::All ? "-all" : "");
}

TaskShape LanguageTask::shape() const {
  TaskShape s;
  s.tokens = true;
  s.input_size = vocab_size();
  s.head = HeadKind::Softmax;
  s.output_size = vocab_size();
  // Scored only near the end in Word mode: truncated BPTT must then cut the gradient, not the
  // sequence, exactly as for the adding task.
  s.loss_every_step = scoring_ == Scoring::All;
  return s;
}

int LanguageTask::encode(char c) const {
  const auto it = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), c);
  return it != vocabulary_.end() && *it == c ? int(it - vocabulary_.begin()) : -1;
}

std::string LanguageTask::token_text(int id) const {
  if (id < 0 || id >= vocab_size()) return {};
  return std::string(1, vocabulary_[size_t(id)]);
}

std::string LanguageTask::sentence(Rng& rng) const {
  return sentence(rng.below(pairs().size()), rng);
}

std::string LanguageTask::sentence(size_t pair, Rng& rng) const {
  const auto& [country, language] = pairs().at(pair);
  std::string filler;
  const auto& words = filler_words();
  while (int(filler.size()) < filler_) {
    if (!filler.empty()) filler += ' ';
    filler += words[rng.below(words.size())];
  }
  filler.resize(size_t(filler_));
  return kPrefix + country + ". " + filler + kMiddle + language + ".";
}

void LanguageTask::draw(Batch& out, int b, Rng& rng, bool word_only) const {
  encode_sentence(out, b, sentence(rng), word_only);
}

void LanguageTask::encode_sentence(Batch& out, int b, std::string s, bool word_only) const {
  const size_t end = s.size() - 1;             // index of the final '.'
  const size_t word_begin = s.rfind(' ') + 1;  // first character of the language word
  s.resize(size_t(length_) + 1, ' ');
  for (int t = 0; t < length_; ++t) {
    out.tokens[out.col(t, b)] = encode(s[size_t(t)]);
    const size_t next = size_t(t) + 1;
    const bool scored = word_only ? next >= word_begin && next < end : next <= end;
    out.targets[out.col(t, b)] = scored ? encode(s[next]) : -1;
  }
}

Batch LanguageTask::train_batch(int steps, int batch, Rng& rng) const {
  check_fixed_length("the language task (filler " + std::to_string(filler_) + ")", length_, steps,
                     batch);
  Batch out;
  out.steps = steps;
  out.batch = batch;
  out.tokens.resize(size_t(steps) * batch);
  out.targets.resize(out.tokens.size());
  for (int b = 0; b < batch; ++b) draw(out, b, rng, scoring_ == Scoring::Word);
  out.loss_begin = first_scored(out);
  return out;
}

std::pair<int, int> LanguageTask::country_span(const std::string& sentence) {
  const std::string prefix = kPrefix;
  if (sentence.rfind(prefix, 0) != 0) return {-1, -1};
  const size_t end = sentence.find(". ", prefix.size());
  if (end == std::string::npos || end == prefix.size()) return {-1, -1};
  return {int(prefix.size()), int(end)};
}

size_t LanguageTask::example_pair() {
  const auto& table = pairs();
  for (size_t i = 0; i < table.size(); ++i)
    if (table[i].first == "Nepal") return i;
  return 0;
}

Batch LanguageTask::example_batch(int steps) const {
  Batch out = validation_batch(steps, 1, 0);
  Rng rng(validation_seed_);
  encode_sentence(out, 0, sentence(example_pair(), rng), true);
  out.loss_begin = first_scored(out);
  return out;
}

Batch LanguageTask::validation_batch(int steps, int batch, int i) const {
  check_fixed_length("the language task (filler " + std::to_string(filler_) + ")", length_, steps,
                     batch);
  check_validation_index("language task", i, kValidationBatches);
  Batch out;
  out.steps = steps;
  out.batch = batch;
  out.tokens.resize(size_t(steps) * batch);
  out.targets.resize(out.tokens.size());
  for (int b = 0; b < batch; ++b) {
    Rng rng(mix_seed(validation_seed_, uint64_t(i) * uint64_t(batch) + uint64_t(b)));
    draw(out, b, rng, true);
  }
  out.loss_begin = first_scored(out);
  return out;
}

}  // namespace unroll
