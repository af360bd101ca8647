// Validation metrics of a translation model: corpus BLEU-4 (Papineni et al. 2002: clipped n-gram
// precisions for n = 1..4, their geometric mean, times the brevity penalty exp(1 - r/c) when the
// candidate corpus length c is below the reference length r; 0 if any precision is 0), the
// character error rate (Levenshtein distance over code points / reference code points), and the
// evaluation of a model on pairs: per-token loss and accuracy (teacher forcing), exact-sequence
// accuracy, CER and BLEU of greedy outputs.
#pragma once
#include <string>
#include <vector>

#include "seq2seq/pairs_data.h"

namespace unroll {

using Words = std::vector<std::string>;
double corpus_bleu(const std::vector<Words>& candidates, const std::vector<Words>& references);
long edit_distance(const std::u32string& a, const std::u32string& b);
// sum of edit distances / sum of reference lengths, in code points; 0 for empty references.
double character_error_rate(const std::vector<std::string>& outputs,
                            const std::vector<std::string>& references);
Words split_words(const std::string& text);

struct TranslationMetrics {
  double loss = 0;            // mean -log p per target token (incl. <eos>), teacher forcing
  double token_accuracy = 0;  // argmax == target per target token, teacher forcing
  double exact = 0;           // greedy output == target, per pair
  double bleu = 0;            // corpus BLEU-4 over words of the greedy outputs
  double cer = 0;             // character error rate of the greedy outputs
  long pairs = 0, tokens = 0;
};

// Over data.validation (the first max_pairs if > 0), greedy outputs of at most max_len tokens;
// outputs, if given, gets each pair's greedy text in order.
template <class S>
TranslationMetrics evaluate_translation(const Seq2Seq<S>& model, const PairsData& data, int max_len,
                                        int max_pairs = 0,
                                        std::vector<std::string>* outputs = nullptr);

}  // namespace unroll
