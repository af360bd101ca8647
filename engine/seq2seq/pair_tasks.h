// The encoder–decoder's tasks: a TSV file of sentence pairs, or one of the generated tasks (no
// downloads, each with a length parameter):
//   dates    dates in English and German styles -> ISO 8601 ("3rd of March 1998", "3. März 1998"
//            -> "1998-03-03"); length = dates per line
//   numbers  number words in English or German -> digits (German puts units before tens:
//            "zweiundvierzig" -> "42"); length = most digits
//   reorder  an invented lexicon, subject-verb-object in, subject-object-verb out; length = words
#pragma once
#include <string>
#include <vector>

#include "seq2seq/pairs_data.h"

namespace unroll {

struct PairTaskSpec {
  std::string task = "reorder";        // pairs | dates | numbers | reorder
  std::string path;                    // pairs: the TSV file
  TokenMode tokens = TokenMode::Char;  // pairs: char | word (the generated tasks choose)
  int length = 10;                     // generated tasks' length parameter
  int count = 4000;                    // generated pairs
  std::string language = "both";       // numbers, dates: en | de | both
  double val_fraction = 0.1;
  bool skip_bad = false;
  uint64_t seed = 1;
};

struct PairTask {
  PairsData data;
  long skipped = 0;  // bad TSV lines skipped under skip_bad
  std::string first_skipped;
};

// Throws unroll::Error naming the bad option or file line.
PairTask make_pair_task(const PairTaskSpec& spec);
bool is_pair_task(const std::string& name);  // pairs | dates | numbers | reorder
TokenMode task_token_mode(const PairTaskSpec& spec);

// The generators, exposed for tests.
std::string english_number(long n);
std::string german_number(long n);
std::vector<TextPair> generate_dates(int count, int length, const std::string& language, Rng& rng);
std::vector<TextPair> generate_numbers(int count, int digits, const std::string& language,
                                       Rng& rng);
std::vector<TextPair> generate_reorder(int count, int length, Rng& rng);

}  // namespace unroll
