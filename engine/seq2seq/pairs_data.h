// Sentence pairs for the encoder–decoder: tokens (characters or words), vocabularies, the
// train/validation split, batches of equal source length, and the UTF-8 TSV reader
// (source<TAB>target lines, the format of the Tatoeba/Anki sentence-pair files).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/rng.h"
#include "seq2seq/seq2seq_model.h"

namespace unroll {

enum class TokenMode { Char, Word };
std::string to_string(TokenMode m);                // char | word
TokenMode parse_token_mode(const std::string& s);  // throws unroll::Error listing the names

// char: one token per Unicode code point (the text must be valid UTF-8); word: split on spaces.
std::vector<std::string> tokenize(std::string_view utf8, TokenMode mode);
std::string detokenize(const std::vector<std::string>& tokens, TokenMode mode);

struct TextPair {
  std::string source, target;
};

class TokenVocabulary {
 public:
  TokenVocabulary() = default;
  explicit TokenVocabulary(std::vector<std::string> tokens);  // ids in this order
  int size() const { return int(tokens_.size()); }
  int id(const std::string& token, int unk) const;  // unk when absent
  const std::string& token(int id) const { return tokens_.at(size_t(id)); }
  const std::vector<std::string>& tokens() const { return tokens_; }

 private:
  std::vector<std::string> tokens_;
  std::unordered_map<std::string, int> index_;
};

struct EncodedPair {
  std::vector<int32_t> src, tgt;  // tgt without the final kEos
};

// Pairs tokenized with vocabularies built from all of them (sorted, so the same file gives the same
// ids): source ids start after <unk> (kSrcUnk), target ids after <bos>, <eos>, <unk>.
struct PairsData {
  TokenMode mode = TokenMode::Char;
  TokenVocabulary source, target;
  std::vector<EncodedPair> train, validation;
  std::vector<TextPair> validation_text;  // the validation pairs as read
  int longest_target = 0;                 // tokens, over all pairs

  // The last val_fraction of the pairs (after a seeded shuffle; at least one when > 0) validate.
  static PairsData build(const std::vector<TextPair>& pairs, TokenMode mode, double val_fraction,
                         uint64_t seed);
  // With fixed vocabularies (a checkpoint's): every pair is validation; unknown tokens -> <unk>.
  static PairsData encode_with(const TokenVocabulary& source, const TokenVocabulary& target,
                               TokenMode mode, const std::vector<TextPair>& pairs);
  std::vector<int32_t> encode_source(std::string_view text) const;
  std::string decode_target(const std::vector<int32_t>& ids) const;  // stops at kEos
};

// Batches of up to B pairs of equal source length (the encoder runs them as one window). An epoch
// is a seeded order of all training pairs grouped by length; the order depends only on
// (seed, epoch), so a resumed run continues it from (epoch, position).
class PairBatcher {
 public:
  PairBatcher() = default;
  PairBatcher(const std::vector<EncodedPair>* pairs, int batch, uint64_t seed);
  Seq2SeqBatch next();
  long epoch() const { return epoch_; }
  long position() const { return pos_; }
  void seek(long epoch, long position);  // throws unroll::Error if out of range

 private:
  void plan();
  const std::vector<EncodedPair>* pairs_ = nullptr;
  int batch_ = 0;
  uint64_t seed_ = 0;
  long epoch_ = 0, pos_ = 0;
  std::vector<std::vector<int>> batches_;  // this epoch's batches (pair indices)
};

// One batch of the given pairs (all with the same source length), targets padded with -1.
Seq2SeqBatch make_batch(const std::vector<EncodedPair>& pairs, const std::vector<int>& which);

// Groups pair indices by source length, each group cut into batches of at most B.
std::vector<std::vector<int>> group_by_length(const std::vector<EncodedPair>& pairs, int batch);

struct TsvOptions {
  bool skip_bad = false;   // skip bad lines (counted) instead of refusing the file
  size_t max_line = 4096;  // bytes per line
};
struct TsvResult {
  std::vector<TextPair> pairs;
  long skipped = 0;         // bad lines skipped under skip_bad
  std::string first_error;  // the first skipped line's reason
};

// source<TAB>target[<TAB>anything] lines; a leading BOM and "\r\n" are accepted, blank lines
// ignored. A line with no tab, an empty field, bad UTF-8 or over max_line bytes throws
// unroll::Error "NAME:LINE: what; fix it or pass --skip-bad", or is skipped under skip_bad; a file
// with no pairs throws.
TsvResult parse_pairs_tsv(std::string_view text, const std::string& name, const TsvOptions& opt);
TsvResult load_pairs_tsv(const std::string& path, const TsvOptions& opt);

}  // namespace unroll
