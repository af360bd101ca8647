// The long-range "language" task: character sentences "I am from <country>. <filler> I can speak
// <language>." where the language word can only be predicted by remembering the country.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "data/task.h"

namespace unroll {

// One sentence, padded with spaces to a fixed length so every sequence has the same T:
//   "I am from " country ". " filler " I can speak " language "." spaces...
// The filler is F characters of random everyday words, independent of the country, so the F + 15
// inputs between the country and the first scored step carry no information about the answer.
// Inputs are the characters s_0..s_{T-1}, targets the next characters s_1..s_T (a character
// language model).
//
// Scoring: validation batches score only the steps whose target is a character of the language
// word (targets -1 elsewhere), so Trainer::validate's accuracy is the accuracy on the language
// word. Training scores the same steps (Scoring::Word, the default: all the gradient is the
// long-range signal) or every character up to the final period (Scoring::All: an ordinary
// language model that also has to learn the words).
class LanguageTask : public Task {
 public:
  enum class Scoring { Word, All };
  static constexpr int kValidationBatches = 4;
  static const char* const kPrefix;  // "I am from "
  static const char* const kMiddle;  // " I can speak "

  // filler: F >= 0 characters between "<country>. " and " I can speak ". Throws unroll::Error
  // when it is out of range.
  explicit LanguageTask(int filler, Scoring scoring = Scoring::Word,
                        uint64_t validation_seed = 777);

  // The (country, language) pairs sentences are drawn from, uniformly.
  static const std::vector<std::pair<std::string, std::string>>& pairs();
  int filler() const { return filler_; }
  Scoring scoring() const { return scoring_; }
  // T: the longest sentence minus its last character (the last target).
  int length() const { return length_; }
  // Steps between the last character of the country and the first scored step of the language
  // word: the distance the memory must span, F + 15 for every sentence.
  int distance() const { return filler_ + 15; }
  // Chance accuracy for the whole language word: the share of the most frequent language.
  static double majority_share();

  int vocab_size() const { return int(vocabulary_.size()); }
  int encode(char c) const;  // -1 if not in the vocabulary
  // One sentence drawn with rng, without padding (what draw() encodes; for display); and one
  // about pairs()[pair], its filler drawn with rng.
  std::string sentence(Rng& rng) const;
  std::string sentence(size_t pair, Rng& rng) const;
  // The domain's own example, "I am from Nepal. ... I can speak Nepali.": its index in pairs().
  static size_t example_pair();
  // Where the country is in a sentence that begins with kPrefix: characters [first, second);
  // {-1, -1} for any other text.
  static std::pair<int, int> country_span(const std::string& sentence);
  // That sentence with a fixed filler, scored on the language word.
  Batch example_batch(int steps) const override;

  std::string name() const override;
  TaskShape shape() const override;
  Batch train_batch(int steps, int batch, Rng& rng) const override;
  Batch validation_batch(int steps, int batch, int i) const override;
  int validation_batches() const override { return kValidationBatches; }
  std::string token_text(int id) const override;
  int fixed_length() const override { return length(); }
  // The language word, greedy and whole; chance: always naming the most frequent language.
  AccuracyUnit accuracy_unit() const override { return AccuracyUnit::Sequences; }
  double chance_accuracy() const override { return majority_share(); }

 private:
  void draw(Batch& out, int b, Rng& rng, bool word_only) const;
  // Sentence s into column b: inputs s_0..s_{T-1}, targets the next characters where scored.
  void encode_sentence(Batch& out, int b, std::string s, bool word_only) const;

  int filler_ = 0;
  Scoring scoring_ = Scoring::Word;
  uint64_t validation_seed_ = 0;
  int length_ = 0;
  std::vector<char> vocabulary_;  // (V) sorted distinct characters
};

LanguageTask::Scoring parse_language_scoring(const std::string& s);  // word | all

}  // namespace unroll
