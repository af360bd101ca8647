// Tokens, vocabularies, splits, batches and the TSV reader for sentence pairs.
#include "seq2seq/pairs_data.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/error.h"
#include "data/text_corpus.h"

namespace unroll {

std::string to_string(TokenMode m) { return m == TokenMode::Word ? "word" : "char"; }

TokenMode parse_token_mode(const std::string& s) {
  if (s == "char") return TokenMode::Char;
  if (s == "word") return TokenMode::Word;
  throw Error("unknown token mode '" + s + "': use char or word");
}

std::vector<std::string> tokenize(std::string_view utf8, TokenMode mode) {
  std::vector<std::string> out;
  if (mode == TokenMode::Char) {
    for (char32_t c : TextCorpus::decode_utf8(utf8, "the text"))
      out.push_back(TextCorpus::encode_utf8(c));
    return out;
  }
  std::string word;
  for (char ch : utf8) {
    if (ch == ' ' || ch == '\t') {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else {
      word += ch;
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

std::string detokenize(const std::vector<std::string>& tokens, TokenMode mode) {
  std::string s;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (mode == TokenMode::Word && i > 0) s += ' ';
    s += tokens[i];
  }
  return s;
}

TokenVocabulary::TokenVocabulary(std::vector<std::string> tokens) : tokens_(std::move(tokens)) {
  for (int i = 0; i < int(tokens_.size()); ++i) index_.emplace(tokens_[i], i);
}

int TokenVocabulary::id(const std::string& token, int unk) const {
  const auto it = index_.find(token);
  return it == index_.end() ? unk : it->second;
}

namespace {

std::vector<int32_t> encode_tokens(const TokenVocabulary& v, std::string_view text, TokenMode mode,
                                   int unk) {
  std::vector<int32_t> ids;
  for (const std::string& t : tokenize(text, mode)) ids.push_back(v.id(t, unk));
  return ids;
}

}  // namespace

PairsData PairsData::build(const std::vector<TextPair>& pairs, TokenMode mode, double val_fraction,
                           uint64_t seed) {
  if (pairs.empty()) throw Error("no sentence pairs to train on");
  if (!(val_fraction >= 0 && val_fraction < 1))
    throw Error("the validation fraction must be in [0, 1), got " + std::to_string(val_fraction));
  std::set<std::string> src, tgt;
  for (const TextPair& p : pairs) {
    for (auto& t : tokenize(p.source, mode)) src.insert(t);
    for (auto& t : tokenize(p.target, mode)) tgt.insert(t);
  }
  std::vector<std::string> s{"<unk>"}, t{"<bos>", "<eos>", "<unk>"};
  s.insert(s.end(), src.begin(), src.end());
  t.insert(t.end(), tgt.begin(), tgt.end());
  std::vector<int> order(pairs.size());
  for (int i = 0; i < int(order.size()); ++i) order[i] = i;
  Rng rng(seed ^ 0x5EC2u);
  for (int i = int(order.size()) - 1; i > 0; --i) std::swap(order[i], order[rng.below(i + 1)]);
  int n_val = int(double(pairs.size()) * val_fraction);
  if (val_fraction > 0 && n_val == 0) n_val = 1;
  if (n_val >= int(pairs.size()))
    throw Error(
        "the validation split leaves no training pairs: use more pairs or a smaller "
        "validation fraction");
  PairsData d;
  d.mode = mode;
  d.source = TokenVocabulary(std::move(s));
  d.target = TokenVocabulary(std::move(t));
  for (int k = 0; k < int(order.size()); ++k) {
    const TextPair& p = pairs[order[k]];
    EncodedPair e{encode_tokens(d.source, p.source, mode, kSrcUnk),
                  encode_tokens(d.target, p.target, mode, kTgtUnk)};
    d.longest_target = std::max(d.longest_target, int(e.tgt.size()));
    if (k >= int(order.size()) - n_val) {
      d.validation.push_back(std::move(e));
      d.validation_text.push_back(p);
    } else {
      d.train.push_back(std::move(e));
    }
  }
  return d;
}

PairsData PairsData::encode_with(const TokenVocabulary& source, const TokenVocabulary& target,
                                 TokenMode mode, const std::vector<TextPair>& pairs) {
  PairsData d;
  d.mode = mode;
  d.source = source;
  d.target = target;
  for (const TextPair& p : pairs) {
    EncodedPair e{encode_tokens(source, p.source, mode, kSrcUnk),
                  encode_tokens(target, p.target, mode, kTgtUnk)};
    d.longest_target = std::max(d.longest_target, int(e.tgt.size()));
    d.validation.push_back(std::move(e));
    d.validation_text.push_back(p);
  }
  return d;
}

std::vector<int32_t> PairsData::encode_source(std::string_view text) const {
  return encode_tokens(source, text, mode, kSrcUnk);
}

std::string PairsData::decode_target(const std::vector<int32_t>& ids) const {
  std::vector<std::string> toks;
  for (int32_t id : ids) {
    if (id == kEos) break;
    if (id >= 0 && id < target.size()) toks.push_back(target.token(id));
  }
  return detokenize(toks, mode);
}

Seq2SeqBatch make_batch(const std::vector<EncodedPair>& pairs, const std::vector<int>& which) {
  Seq2SeqBatch b;
  b.B = int(which.size());
  b.Ts = int(pairs[which[0]].src.size());
  b.Tt = 0;
  for (int i : which) b.Tt = std::max(b.Tt, int(pairs[i].tgt.size()) + 1);
  b.src.resize(size_t(b.Ts) * b.B);
  b.tgt.assign(size_t(b.Tt) * b.B, -1);
  for (int j = 0; j < b.B; ++j) {
    const EncodedPair& p = pairs[which[j]];
    if (int(p.src.size()) != b.Ts) throw Error("a batch mixes source lengths");
    for (int s = 0; s < b.Ts; ++s) b.src[size_t(s) * b.B + j] = p.src[s];
    for (int t = 0; t < int(p.tgt.size()); ++t) b.tgt[size_t(t) * b.B + j] = p.tgt[t];
    b.tgt[p.tgt.size() * b.B + j] = kEos;
  }
  return b;
}

std::vector<std::vector<int>> group_by_length(const std::vector<EncodedPair>& pairs, int batch) {
  std::map<size_t, std::vector<int>> by_len;
  for (int i = 0; i < int(pairs.size()); ++i)
    if (!pairs[i].src.empty()) by_len[pairs[i].src.size()].push_back(i);
  std::vector<std::vector<int>> out;
  for (auto& [len, idx] : by_len)
    for (size_t k = 0; k < idx.size(); k += size_t(batch))
      out.emplace_back(idx.begin() + long(k), idx.begin() + long(std::min(idx.size(), k + batch)));
  return out;
}

PairBatcher::PairBatcher(const std::vector<EncodedPair>* pairs, int batch, uint64_t seed)
    : pairs_(pairs), batch_(batch), seed_(seed) {
  if (batch < 1) throw Error("the batch size must be at least 1");
  plan();
  if (batches_.empty()) throw Error("no training pairs with a non-empty source");
}

void PairBatcher::plan() {
  // Shuffle the pairs, group them by length (stable), cut into batches, shuffle the batches.
  Rng rng(seed_ * 0x9E3779B97F4A7C15ull + uint64_t(epoch_) + 1);
  std::vector<int> order(pairs_->size());
  for (int i = 0; i < int(order.size()); ++i) order[i] = i;
  for (int i = int(order.size()) - 1; i > 0; --i) std::swap(order[i], order[rng.below(i + 1)]);
  std::map<size_t, std::vector<int>> by_len;
  for (int i : order)
    if (!(*pairs_)[i].src.empty()) by_len[(*pairs_)[i].src.size()].push_back(i);
  batches_.clear();
  for (auto& [len, idx] : by_len)
    for (size_t k = 0; k < idx.size(); k += size_t(batch_))
      batches_.emplace_back(idx.begin() + long(k),
                            idx.begin() + long(std::min(idx.size(), k + batch_)));
  for (int i = int(batches_.size()) - 1; i > 0; --i)
    std::swap(batches_[i], batches_[rng.below(i + 1)]);
}

Seq2SeqBatch PairBatcher::next() {
  if (pos_ >= long(batches_.size())) {
    ++epoch_;
    pos_ = 0;
    plan();
  }
  return make_batch(*pairs_, batches_[size_t(pos_++)]);
}

void PairBatcher::seek(long epoch, long position) {
  if (epoch < 0 || position < 0) throw Error("a batch position cannot be negative");
  epoch_ = epoch;
  plan();
  if (position > long(batches_.size()))
    throw Error("the saved batch position " + std::to_string(position) + " is past the " +
                std::to_string(batches_.size()) + " batches of an epoch: the data changed");
  pos_ = position;
}

TsvResult parse_pairs_tsv(std::string_view text, const std::string& name, const TsvOptions& opt) {
  TsvResult r;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t begin = 0;
  long line_no = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    std::string why;
    const size_t tab = line.find('\t');
    if (line.size() > opt.max_line) {
      why = "the line has " + std::to_string(line.size()) + " bytes, over the limit of " +
            std::to_string(opt.max_line);
    } else if (tab == std::string_view::npos) {
      why = "no tab between source and target";
    } else {
      try {
        TextCorpus::decode_utf8(line, "the line");
      } catch (const Error&) {
        why = "not valid UTF-8";
      }
    }
    std::string_view src, tgt;
    if (why.empty()) {
      src = line.substr(0, tab);
      tgt = line.substr(tab + 1);
      tgt = tgt.substr(0, tgt.find('\t'));  // Tatoeba/Anki: a third column of attribution
      if (src.find_first_not_of(' ') == std::string_view::npos)
        why = "the source field is empty";
      else if (tgt.find_first_not_of(' ') == std::string_view::npos)
        why = "the target field is empty";
    }
    if (!why.empty()) {
      const std::string where = name + ":" + std::to_string(line_no) + ": " + why;
      if (!opt.skip_bad) throw Error(where + "; fix the line or pass --skip-bad to skip it");
      if (r.skipped++ == 0) r.first_error = where;
      continue;
    }
    r.pairs.push_back({std::string(src), std::string(tgt)});
  }
  if (r.pairs.empty())
    throw Error(name + ": no source<TAB>target lines" +
                (r.skipped ? " (" + std::to_string(r.skipped) +
                                 " bad lines skipped, the first: " + r.first_error + ")"
                           : std::string(" (the file is empty)")));
  return r;
}

TsvResult load_pairs_tsv(const std::string& path, const TsvOptions& opt) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read the pairs file '" + path + "': check the path");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_pairs_tsv(ss.str(), path, opt);
}

}  // namespace unroll
