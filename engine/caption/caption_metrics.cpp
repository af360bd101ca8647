// Scoring captions: loss, exact match, BLEU and attribute accuracies.
#include "caption/caption_metrics.h"

#include <cmath>
#include <limits>
#include <set>

#include "caption/shapes_task.h"

namespace unroll {
namespace {

const std::set<std::string> kSizeWords = {"small", "large"};
const std::set<std::string> kColourWords = {"red",     "green", "blue", "yellow",
                                            "magenta", "cyan",  "white"};
const std::set<std::string> kShapeWords = {"circle", "square", "triangle", "cross"};
const std::set<std::string> kRelationWords = {"above", "below", "left", "right"};

}  // namespace

CaptionParse parse_caption(const Words& words) {
  CaptionParse p;
  CaptionParse::Object pending;
  for (const std::string& w : words) {
    if (kSizeWords.count(w)) {
      pending.size = w;
    } else if (kColourWords.count(w)) {
      pending.colour = w;
    } else if (kShapeWords.count(w)) {
      pending.shape = w;
      p.objects.push_back(pending);
      pending = {};
    } else if (kRelationWords.count(w)) {
      p.relations.push_back(w);
    }
  }
  return p;
}

Words caption_words(const std::vector<int32_t>& ids, const std::vector<std::string>& words) {
  Words w;
  for (int32_t id : ids) {
    if (id == kEos) break;
    w.push_back(id >= 0 && id < int32_t(words.size()) ? words[size_t(id)] : "<unk>");
  }
  return w;
}

std::string join_words(const Words& w) {
  std::string s;
  for (const std::string& x : w) s += (s.empty() ? "" : " ") + x;
  return s;
}

CaptionMetrics score_captions(const std::vector<Words>& outputs,
                              const std::vector<Words>& references) {
  CaptionMetrics m;
  long colour = 0, shape = 0, size = 0, sized = 0, relation = 0, exact = 0;
  for (size_t j = 0; j < references.size(); ++j) {
    exact += outputs[j] == references[j];
    const CaptionParse r = parse_caption(references[j]), o = parse_caption(outputs[j]);
    for (size_t i = 0; i < r.objects.size(); ++i) {
      const bool has = i < o.objects.size();
      colour += has && o.objects[i].colour == r.objects[i].colour;
      shape += has && o.objects[i].shape == r.objects[i].shape;
      if (!r.objects[i].size.empty()) {
        ++sized;
        size += has && o.objects[i].size == r.objects[i].size;
      }
    }
    m.objects += long(r.objects.size());
    for (size_t i = 0; i < r.relations.size(); ++i)
      relation += i < o.relations.size() && o.relations[i] == r.relations[i];
    m.relations += long(r.relations.size());
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  m.images = long(references.size());
  m.exact = m.images ? double(exact) / double(m.images) : 0.0;
  m.bleu = corpus_bleu(outputs, references);
  m.colour = m.objects ? double(colour) / double(m.objects) : nan;
  m.shape = m.objects ? double(shape) / double(m.objects) : nan;
  m.size = sized ? double(size) / double(sized) : nan;
  m.relation = m.relations ? double(relation) / double(m.relations) : nan;
  return m;
}

template <class S>
CaptionMetrics evaluate_captions(const Captioner<S>& model, const Mat<float>& images,
                                 const std::vector<std::vector<int32_t>>& captions,
                                 const std::vector<std::string>& words, int max_len, int max_images,
                                 std::vector<std::string>* outputs) {
  const int N = max_images > 0 ? std::min<int>(max_images, int(images.cols())) : int(images.cols());
  if (outputs) outputs->clear();
  if (N == 0) return {};
  double loss_sum = 0;
  long correct = 0, tokens = 0;
  std::vector<Words> candidates, references;
  constexpr int kChunk = 64;
  for (int at = 0; at < N; at += kChunk) {
    std::vector<int> which;
    for (int i = at; i < std::min(N, at + kChunk); ++i) which.push_back(i);
    const CaptionBatch b = make_caption_batch(images, captions, which);
    CaptionWorkspace<S> ws;
    model.forward(b, 1.0, nullptr, ws);
    loss_sum += ws.head.loss_sum;
    tokens += ws.head.loss_count;
    correct += ws.head.correct;
    const auto greedy = model.greedy(b.images, max_len);
    for (size_t j = 0; j < which.size(); ++j) {
      candidates.push_back(caption_words(greedy[j], words));
      references.push_back(caption_words(captions[size_t(which[j])], words));
      if (outputs) outputs->push_back(join_words(candidates.back()));
    }
  }
  CaptionMetrics m = score_captions(candidates, references);
  m.tokens = tokens;
  m.loss = loss_sum / double(std::max<long>(tokens, 1));
  m.token_accuracy = double(correct) / double(std::max<long>(tokens, 1));
  return m;
}

template CaptionMetrics evaluate_captions<float>(const Captioner<float>&, const Mat<float>&,
                                                 const std::vector<std::vector<int32_t>>&,
                                                 const std::vector<std::string>&, int, int,
                                                 std::vector<std::string>*);
template CaptionMetrics evaluate_captions<double>(const Captioner<double>&, const Mat<float>&,
                                                  const std::vector<std::vector<int32_t>>&,
                                                  const std::vector<std::string>&, int, int,
                                                  std::vector<std::string>*);

}  // namespace unroll
