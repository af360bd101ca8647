// BLEU, CER and the evaluation of a translation model on validation pairs.
#include "seq2seq/translation_metrics.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "data/text_corpus.h"
#include "seq2seq/decode.h"

namespace unroll {

Words split_words(const std::string& text) { return tokenize(text, TokenMode::Word); }

double corpus_bleu(const std::vector<Words>& candidates, const std::vector<Words>& references) {
  constexpr int kN = 4;
  double match[kN] = {}, total[kN] = {};
  double c = 0, r = 0;
  for (size_t i = 0; i < candidates.size() && i < references.size(); ++i) {
    const Words& h = candidates[i];
    const Words& ref = references[i];
    c += double(h.size());
    r += double(ref.size());
    for (int n = 1; n <= kN; ++n) {
      std::map<std::vector<std::string>, int> ref_counts, hyp_counts;
      for (size_t k = 0; k + n <= ref.size(); ++k)
        ++ref_counts[Words(ref.begin() + long(k), ref.begin() + long(k + n))];
      for (size_t k = 0; k + n <= h.size(); ++k)
        ++hyp_counts[Words(h.begin() + long(k), h.begin() + long(k + n))];
      for (const auto& [gram, count] : hyp_counts) {
        const auto it = ref_counts.find(gram);
        match[n - 1] += std::min(count, it == ref_counts.end() ? 0 : it->second);  // clipped
        total[n - 1] += count;
      }
    }
  }
  double log_p = 0;
  for (int n = 0; n < kN; ++n) {
    if (match[n] == 0 || total[n] == 0) return 0.0;
    log_p += std::log(match[n] / total[n]) / kN;
  }
  const double bp = c >= r ? 1.0 : std::exp(1.0 - r / c);
  return bp * std::exp(log_p);
}

long edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<long> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = long(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = long(i);
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

double character_error_rate(const std::vector<std::string>& outputs,
                            const std::vector<std::string>& references) {
  double dist = 0, len = 0;
  for (size_t i = 0; i < outputs.size() && i < references.size(); ++i) {
    const std::u32string h = TextCorpus::decode_utf8(outputs[i], "an output");
    const std::u32string r = TextCorpus::decode_utf8(references[i], "a reference");
    dist += double(edit_distance(h, r));
    len += double(r.size());
  }
  return len == 0 ? 0.0 : dist / len;
}

template <class S>
TranslationMetrics evaluate_translation(const Seq2Seq<S>& model, const PairsData& data, int max_len,
                                        int max_pairs, std::vector<std::string>* outputs) {
  const int n = max_pairs > 0 ? std::min(max_pairs, int(data.validation.size()))
                              : int(data.validation.size());
  const std::vector<EncodedPair> pairs(data.validation.begin(), data.validation.begin() + n);
  TranslationMetrics m;
  std::vector<std::string> out(static_cast<size_t>(n)), refs(static_cast<size_t>(n));
  double loss = 0;
  long correct = 0, exact = 0;
  Seq2SeqWorkspace<S> ws;
  for (const std::vector<int>& group : group_by_length(pairs, 64)) {
    const Seq2SeqBatch b = make_batch(pairs, group);
    model.forward(b, {}, ws);
    loss += ws.head.loss_sum;
    m.tokens += ws.head.loss_count;
    correct += ws.head.correct;
    const auto greedy = greedy_decode(model, b.src, b.Ts, b.B, max_len);
    for (size_t j = 0; j < group.size(); ++j) {
      const int i = group[j];
      exact += greedy[j] == pairs[i].tgt;
      out[i] = data.decode_target(greedy[j]);
      refs[i] = data.decode_target(pairs[i].tgt);
    }
  }
  m.pairs = n;
  if (m.tokens > 0) {
    m.loss = loss / double(m.tokens);
    m.token_accuracy = double(correct) / double(m.tokens);
  }
  if (n > 0) m.exact = double(exact) / n;
  std::vector<Words> hw, rw;
  for (int i = 0; i < n; ++i) {
    hw.push_back(split_words(out[i]));
    rw.push_back(split_words(refs[i]));
  }
  m.bleu = corpus_bleu(hw, rw);
  m.cer = character_error_rate(out, refs);
  if (outputs) *outputs = std::move(out);
  return m;
}

template TranslationMetrics evaluate_translation<float>(const Seq2Seq<float>&, const PairsData&,
                                                        int, int, std::vector<std::string>*);
template TranslationMetrics evaluate_translation<double>(const Seq2Seq<double>&, const PairsData&,
                                                         int, int, std::vector<std::string>*);

}  // namespace unroll
