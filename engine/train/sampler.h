// Sampling text from a character language model: a prime text, then one character at a time drawn
// from softmax(logits / temperature) (argmax at temperature 0), with a chosen hidden unit's
// activation recorded for every character (which unit tracks quotes, line ends, ...).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/rng.h"
#include "model/network.h"

namespace unroll {

// Token texts (one UTF-8 character each) <-> ids, as a checkpoint or Task::token_text lists them.
class Vocabulary {
 public:
  explicit Vocabulary(std::vector<std::string> texts);
  int size() const { return int(texts_.size()); }
  const std::string& text(int id) const { return texts_.at(size_t(id)); }
  int find(const std::string& ch) const;  // -1 if absent
  // UTF-8 text -> ids. Throws unroll::Error naming the first character the vocabulary lacks and
  // its position in `what` (e.g. "the prime text").
  std::vector<int32_t> encode(const std::string& utf8, const std::string& what) const;

 private:
  std::vector<std::string> texts_;
};

struct SampleOptions {
  std::string prime;         // fed first; empty: start from a newline (or a space, or id 0)
  double temperature = 1.0;  // > 0 scales the logits; 0 (or below 1e-6) takes the argmax
  int length = 200;          // characters to generate
  uint64_t seed = 1;         // drives the draws
  int layer = -1;            // layer of the unit to record (-1: the top layer)
  int unit = -1;             // hidden unit to record; -1: none
};

struct SampleResult {
  std::string text;                // the generated characters (without the prime)
  std::vector<int32_t> tokens;     // (length) their ids
  std::vector<std::string> chars;  // (prime + length) every character, prime first
  std::vector<float> activation;   // (prime + length) the unit after reading each one, if asked
};

// A token from logits: softmax(logits / temperature) drawn with rng, or the argmax (lowest id on
// ties) when temperature < 1e-6. Throws unroll::Error for a negative or non-finite temperature.
int sample_token(const Eigen::Ref<const Eigen::VectorXf>& logits, double temperature, Rng& rng);

// The network must have token input and a softmax head over the same vocabulary. Throws
// unroll::Error for options out of range or a prime character the vocabulary lacks.
SampleResult sample_text(const Network<float>& net, const Vocabulary& vocabulary,
                         const SampleOptions& options);

}  // namespace unroll
