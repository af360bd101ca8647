// A character-level language-model task over a UTF-8 text: one token per Unicode code point,
// next-character targets at every step, the tail of the text held out for validation.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "data/task.h"

namespace unroll {

// Tokens are indices into the sorted list of distinct code points of the whole text (train and
// validation), so a character seen only in validation still has an id.
//
// Split: the last `val_fraction` of the code points (at least kMinSplitTokens when val_fraction >
// 0) is validation, the rest training. val_fraction == 0 means no validation: validation_batches()
// returns 0. If a split is shorter than steps + 1 the batch functions throw unroll::Error, since
// validation_batches() cannot know the sequence length it will be asked for.
//
// A leading byte-order mark is dropped and "\r\n" becomes "\n", so a file saved on Windows gives
// the same vocabulary as the same text saved elsewhere.
class TextCorpus : public Task {
 public:
  // Each split must hold at least one sequence of 32 steps plus its next-character target.
  static constexpr int kMinSplitTokens = 33;
  static constexpr int kMaxValidationBatches = 8;

  // Reads a UTF-8 file. Throws unroll::Error naming the path if it cannot be read, and the byte
  // offset and line if it is not UTF-8. The task's name is the file name without directories.
  static TextCorpus from_file(const std::string& path, double val_fraction = 0.1);
  // `name` appears in messages and as the task name.
  static TextCorpus from_text(const std::string& name, std::string_view utf8_text,
                              double val_fraction = 0.1);

  // Strict UTF-8 decoding (no overlong forms, surrogates or values above U+10FFFF). Throws
  // unroll::Error naming `source`, the byte offset and the line of the first bad byte.
  static std::u32string decode_utf8(std::string_view bytes, const std::string& source);
  static std::string encode_utf8(char32_t code_point);

  // Task
  std::string name() const override { return name_; }
  TaskShape shape() const override;
  Batch train_batch(int steps, int batch, Rng& rng) const override;
  Batch validation_batch(int steps, int batch, int i) const override;
  int validation_batches() const override;
  // The raw character (a newline is "\n", not an escape); empty for an id out of range.
  std::string token_text(int id) const override;
  double baseline_loss() const override { return unigram_entropy_; }
  std::string baseline_name() const override { return "unigram entropy"; }
  // Always predicting the most frequent character of the training split.
  double chance_accuracy() const override { return majority_share_; }

  int vocab_size() const { return static_cast<int>(vocabulary_.size()); }
  // Id of a code point, or -1 if the text never uses it.
  int encode(char32_t c) const;
  // UTF-8 text to ids; throws unroll::Error naming the first character not in the vocabulary.
  std::vector<int32_t> encode_text(std::string_view utf8) const;
  // UTF-8 of one id; throws unroll::Error if id is out of range.
  std::string decode(int id) const;
  const std::vector<char32_t>& vocabulary() const { return vocabulary_; }  // sorted ascending
  const std::vector<int32_t>& train_tokens() const { return train_; }
  const std::vector<int32_t>& val_tokens() const { return val_; }
  // Entropy in nats of the training split's character frequencies: the loss of the best model
  // that ignores context, so a sequence model must beat it to have learned anything.
  double unigram_entropy() const { return unigram_entropy_; }

 private:
  // `source` describes the origin in error messages ("text file '/path/x.txt'").
  TextCorpus(std::string name, const std::string& source, std::u32string text, double val_fraction);

  std::string name_;
  std::vector<char32_t> vocabulary_;  // (V) distinct code points, sorted
  std::vector<int32_t> train_;        // token ids of the first part of the text
  std::vector<int32_t> val_;          // token ids of the held-out tail
  double unigram_entropy_ = 0.0;
  double majority_share_ = 0.0;  // the most frequent character's share of the training split
};

}  // namespace unroll
