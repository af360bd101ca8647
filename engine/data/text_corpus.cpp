// TextCorpus: strict UTF-8 decoding, the vocabulary, the train/validation split and batch drawing.
#include "data/text_corpus.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/error.h"

namespace unroll {
namespace {

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(c));
  return buf;
}

std::string code_point_name(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

[[noreturn]] void throw_bad_utf8(const std::string& source, size_t offset, int line,
                                 const std::string& what) {
  throw Error(source + " is not valid UTF-8: at byte offset " + std::to_string(offset) + " (line " +
              std::to_string(line) + "), " + what +
              ". Save the text as UTF-8 (most editors offer the encoding under 'Save As'), or "
              "convert it, e.g. iconv -f latin1 -t utf-8 in.txt > out.txt");
}

// Windows line ends and a byte-order mark would otherwise become characters the model must learn.
std::u32string normalize(std::u32string text) {
  if (!text.empty() && text.front() == U'\uFEFF') text.erase(text.begin());
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == U'\r' && i + 1 < text.size() && text[i + 1] == U'\n') continue;
    out.push_back(text[i]);
  }
  return out;
}

void check_batch_size(const std::string& name, int steps, int batch) {
  if (steps <= 0 || batch <= 0)
    throw Error(name + ": asked for " + std::to_string(batch) + " sequences of " +
                std::to_string(steps) + " steps; both must be at least 1");
}

// Batch of `offsets.size()` windows of `split`: x_t = split[o + t], target = split[o + t + 1].
Batch window_batch(const std::vector<int32_t>& split, int steps,
                   const std::vector<size_t>& offsets) {
  Batch out;
  out.steps = steps;
  out.batch = static_cast<int>(offsets.size());
  out.tokens.resize(static_cast<size_t>(steps) * offsets.size());
  out.targets.resize(out.tokens.size());
  out.loss_begin = 0;
  for (int b = 0; b < out.batch; ++b) {
    for (int t = 0; t < steps; ++t) {
      const size_t i = offsets[b] + t;
      out.tokens[out.col(t, b)] = split[i];
      out.targets[out.col(t, b)] = split[i + 1];
    }
  }
  return out;
}

}  // namespace

std::u32string TextCorpus::decode_utf8(std::string_view bytes, const std::string& source) {
  std::u32string out;
  out.reserve(bytes.size());
  int line = 1;
  size_t i = 0;
  while (i < bytes.size()) {
    const auto c0 = static_cast<unsigned char>(bytes[i]);
    if (c0 < 0x80) {
      out.push_back(c0);
      if (c0 == '\n') ++line;
      ++i;
      continue;
    }
    int len = 0;
    char32_t cp = 0, smallest = 0;  // smallest code point this length may encode (no overlongs)
    if ((c0 & 0xE0) == 0xC0) {
      len = 2, cp = c0 & 0x1F, smallest = 0x80;
    } else if ((c0 & 0xF0) == 0xE0) {
      len = 3, cp = c0 & 0x0F, smallest = 0x800;
    } else if ((c0 & 0xF8) == 0xF0) {
      len = 4, cp = c0 & 0x07, smallest = 0x10000;
    } else if ((c0 & 0xC0) == 0x80) {
      throw_bad_utf8(source, i, line, "continuation byte " + hex_byte(c0) + " with no lead byte");
    } else {
      throw_bad_utf8(source, i, line, "byte " + hex_byte(c0) + " never occurs in UTF-8");
    }
    if (i + len > bytes.size())
      throw_bad_utf8(source, i, line, "the text ends in the middle of a character");
    for (int k = 1; k < len; ++k) {
      const auto ck = static_cast<unsigned char>(bytes[i + k]);
      // Report where the broken character starts: with Latin-1 text that is the accented letter.
      if ((ck & 0xC0) != 0x80)
        throw_bad_utf8(source, i, line,
                       "byte " + hex_byte(c0) + " starts a " + std::to_string(len) +
                           "-byte character but byte " + hex_byte(ck) +
                           " after it does not continue it");
      cp = (cp << 6) | (ck & 0x3F);
    }
    if (cp < smallest)
      throw_bad_utf8(source, i, line, "overlong encoding of " + code_point_name(cp));
    if (cp >= 0xD800 && cp <= 0xDFFF)
      throw_bad_utf8(source, i, line, "encoded UTF-16 surrogate " + code_point_name(cp));
    if (cp > 0x10FFFF) throw_bad_utf8(source, i, line, "code point above U+10FFFF");
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string TextCorpus::encode_utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (c >> 18));
    s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}

TextCorpus TextCorpus::from_file(const std::string& path, double val_fraction) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw Error("text file '" + path + "' does not exist; check the path and the file name");
  if (fs::is_directory(path, ec))
    throw Error("'" + path + "' is a folder; choose a text file (UTF-8) inside it");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error("cannot open text file '" + path + "': " + std::strerror(errno) +
                "; check that you may read it");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad())
    throw Error("cannot read text file '" + path + "': " + std::strerror(errno) +
                "; check that you may read it");
  const std::string source = "text file '" + path + "'";
  return TextCorpus(fs::path(path).filename().string(), source, decode_utf8(bytes, source),
                    val_fraction);
}

TextCorpus TextCorpus::from_text(const std::string& name, std::string_view utf8_text,
                                 double val_fraction) {
  const std::string source = "text '" + name + "'";
  return TextCorpus(name, source, decode_utf8(utf8_text, source), val_fraction);
}

TextCorpus::TextCorpus(std::string name, const std::string& source, std::u32string text,
                       double val_fraction)
    : name_(std::move(name)) {
  if (!(val_fraction >= 0.0 && val_fraction <= 0.5))
    throw Error(source + ": validation fraction " + std::to_string(val_fraction) +
                " is out of range; use a value from 0 (no validation) to 0.5 (e.g. 0.1)");
  text = normalize(std::move(text));
  if (text.empty())
    throw Error(source +
                " is empty; a character model needs text to learn from. Choose a file "
                "with at least a few hundred characters of text");
  vocabulary_.assign(text.begin(), text.end());
  std::sort(vocabulary_.begin(), vocabulary_.end());
  vocabulary_.erase(std::unique(vocabulary_.begin(), vocabulary_.end()), vocabulary_.end());
  if (vocabulary_.size() < 2)
    throw Error(source + " uses only one distinct character (" + code_point_name(vocabulary_[0]) +
                "), so there is nothing to predict; choose a text with varied characters");

  const size_t n = text.size();
  size_t n_val = 0;
  if (val_fraction > 0.0)
    n_val = std::max<size_t>(static_cast<size_t>(std::ceil(val_fraction * n)), kMinSplitTokens);
  if (n < n_val + kMinSplitTokens) {
    std::string need = std::to_string(n_val + kMinSplitTokens) + " (" +
                       std::to_string(kMinSplitTokens) + " to train on";
    if (n_val > 0) need += " and " + std::to_string(n_val) + " held out for validation";
    throw Error(source + " is too short: " + std::to_string(n) +
                " characters, but it needs at least " + need + "). Use a longer text" +
                (n_val > 0 ? " or a smaller validation fraction" : ""));
  }

  std::vector<int32_t> ids(n);
  for (size_t i = 0; i < n; ++i) ids[i] = encode(text[i]);
  train_.assign(ids.begin(), ids.end() - n_val);
  val_.assign(ids.end() - n_val, ids.end());

  std::vector<size_t> counts(vocabulary_.size(), 0);
  for (int32_t id : train_) ++counts[id];
  for (size_t c : counts) {
    if (c == 0) continue;
    const double p = static_cast<double>(c) / train_.size();
    unigram_entropy_ -= p * std::log(p);
    majority_share_ = std::max(majority_share_, p);
  }
}

TaskShape TextCorpus::shape() const {
  TaskShape s;
  s.tokens = true;
  s.input_size = vocab_size();
  s.head = HeadKind::Softmax;
  s.output_size = vocab_size();
  s.loss_every_step = true;
  return s;
}

Batch TextCorpus::train_batch(int steps, int batch, Rng& rng) const {
  check_batch_size(name_, steps, batch);
  if (train_.size() < static_cast<size_t>(steps) + 1)
    throw Error(name_ + ": the training split has " + std::to_string(train_.size()) +
                " characters, too few for one sequence of " + std::to_string(steps) +
                " steps plus its next character; use fewer steps or a longer text");
  std::vector<size_t> offsets(batch);
  // Any start whose window and next-character target fit: [0, size - steps - 1].
  for (auto& o : offsets) o = rng.below(train_.size() - steps);
  return window_batch(train_, steps, offsets);
}

int TextCorpus::validation_batches() const {
  if (val_.empty()) return 0;
  // Roughly one batch per 512 held-out characters: more would mostly repeat the same windows.
  return static_cast<int>(
      std::clamp<size_t>(val_.size() / 512, 1, static_cast<size_t>(kMaxValidationBatches)));
}

Batch TextCorpus::validation_batch(int steps, int batch, int i) const {
  check_batch_size(name_, steps, batch);
  const int count = validation_batches();
  if (i < 0 || i >= count)
    throw Error(name_ + ": validation batch " + std::to_string(i) + " does not exist; there are " +
                std::to_string(count) + (count == 0 ? " (the validation fraction is 0)" : ""));
  if (val_.size() < static_cast<size_t>(steps) + 1)
    throw Error(name_ + ": the validation split has " + std::to_string(val_.size()) +
                " characters, too few for one sequence of " + std::to_string(steps) +
                " steps plus its next character; use fewer steps, a larger validation fraction "
                "or a longer text");
  // Windows k = i*B + b of all count*B are spread evenly over every possible start, so the
  // batches together cover the whole split and never depend on a random draw.
  const uint64_t windows = static_cast<uint64_t>(count) * batch;
  const uint64_t last_start = val_.size() - steps - 1;
  std::vector<size_t> offsets(batch);
  for (int b = 0; b < batch; ++b) {
    const uint64_t k = static_cast<uint64_t>(i) * batch + b;
    offsets[b] = windows > 1 ? k * last_start / (windows - 1) : 0;
  }
  return window_batch(val_, steps, offsets);
}

std::string TextCorpus::token_text(int id) const {
  if (id < 0 || id >= vocab_size()) return {};
  return encode_utf8(vocabulary_[id]);
}

int TextCorpus::encode(char32_t c) const {
  const auto it = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), c);
  if (it == vocabulary_.end() || *it != c) return -1;
  return static_cast<int>(it - vocabulary_.begin());
}

std::vector<int32_t> TextCorpus::encode_text(std::string_view utf8) const {
  const std::u32string text = decode_utf8(utf8, "text for '" + name_ + "'");
  std::vector<int32_t> ids;
  ids.reserve(text.size());
  for (char32_t c : text) {
    const int id = encode(c);
    if (id < 0)
      throw Error("'" + encode_utf8(c) + "' (" + code_point_name(c) + ") never occurs in '" +
                  name_ +
                  "', so the model has no token for it; leave it out or train on a text with it");
    ids.push_back(id);
  }
  return ids;
}

std::string TextCorpus::decode(int id) const {
  if (id < 0 || id >= vocab_size())
    throw Error(name_ + ": token id " + std::to_string(id) +
                " is out of range; the vocabulary has " + std::to_string(vocab_size()) +
                " characters (ids 0.." + std::to_string(vocab_size() - 1) + ")");
  return encode_utf8(vocabulary_[id]);
}

}  // namespace unroll
