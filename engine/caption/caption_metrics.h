// Validation metrics of a captioner: per-token loss and accuracy (teacher forcing), exact caption
// accuracy and corpus BLEU-4 (seq2seq/translation_metrics.h) of greedy captions, and for template
// captions the attribute accuracies: the i-th object's colour, shape and size and the i-th
// relation of the greedy caption against the reference's, over every reference object (relation).
#pragma once
#include <string>
#include <vector>

#include "caption/captioner.h"
#include "seq2seq/translation_metrics.h"

namespace unroll {

struct CaptionMetrics {
  double loss = 0;            // mean -log p per caption token (incl. <eos>), teacher forcing
  double token_accuracy = 0;  // argmax == reference per token, teacher forcing
  double exact = 0;           // greedy caption == reference, per image
  double bleu = 0;            // corpus BLEU-4 over the words of the greedy captions
  double colour = 0, shape = 0, size = 0, relation = 0;  // attribute accuracies; NaN: none to score
  long images = 0, tokens = 0, objects = 0, relations = 0;
};

// A template caption read back: each object's words, each relation's word.
struct CaptionParse {
  struct Object {
    std::string size, colour, shape;
  };
  std::vector<Object> objects;
  std::vector<std::string> relations;  // above, below, left, right
};
CaptionParse parse_caption(const Words& words);

// Exact match, BLEU and attribute accuracies of outputs against references (loss and token
// accuracy left 0).
CaptionMetrics score_captions(const std::vector<Words>& outputs,
                              const std::vector<Words>& references);

// Over the first max_images (0: all) images (columns) and their captions (ids ending in kEos);
// words maps ids to words; greedy captions of at most max_len words; outputs, if given, gets each
// image's greedy caption text.
template <class S>
CaptionMetrics evaluate_captions(const Captioner<S>& model, const Mat<float>& images,
                                 const std::vector<std::vector<int32_t>>& captions,
                                 const std::vector<std::string>& words, int max_len,
                                 int max_images = 0, std::vector<std::string>* outputs = nullptr);

Words caption_words(const std::vector<int32_t>& ids, const std::vector<std::string>& words);
std::string join_words(const Words& w);

}  // namespace unroll
