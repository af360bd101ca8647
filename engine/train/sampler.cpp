// Sampler: vocabulary lookup, temperature sampling, and the prime-then-generate loop.
#include "train/sampler.h"

#include <cmath>
#include <cstdio>

#include "core/error.h"
#include "data/text_corpus.h"
#include "train/step_runner.h"

namespace unroll {

Vocabulary::Vocabulary(std::vector<std::string> texts) : texts_(std::move(texts)) {}

int Vocabulary::find(const std::string& ch) const {
  for (size_t i = 0; i < texts_.size(); ++i)
    if (texts_[i] == ch) return int(i);
  return -1;
}

std::vector<int32_t> Vocabulary::encode(const std::string& utf8, const std::string& what) const {
  const std::u32string cps = TextCorpus::decode_utf8(utf8, what);
  std::vector<int32_t> ids;
  for (size_t i = 0; i < cps.size(); ++i) {
    const std::string ch = TextCorpus::encode_utf8(cps[i]);
    const int id = find(ch);
    if (id < 0) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", unsigned(cps[i]));
      throw Error(what + ": character " + std::to_string(i + 1) + " ('" +
                  (ch == "\n" ? std::string("\\n") : ch) + "', " + code +
                  ") never occurred in the model's training text, so it has no token; leave it "
                  "out or retrain on a text that has it");
    }
    ids.push_back(id);
  }
  return ids;
}

int sample_token(const Eigen::Ref<const Eigen::VectorXf>& logits, double temperature, Rng& rng) {
  if (!(temperature >= 0.0) || !std::isfinite(temperature))
    throw Error("sampling temperature " + std::to_string(temperature) +
                " is invalid; use 0 (always the likeliest character) or a positive value "
                "(1 samples the model's own distribution, lower is more conservative)");
  Eigen::Index best = 0;
  const float top = logits.maxCoeff(&best);
  if (temperature < 1e-6) return int(best);
  // p_i = exp((l_i - max) / T) / Z, in double so small temperatures stay exact.
  Eigen::VectorXd p = ((logits.cast<double>().array() - double(top)) / temperature).exp();
  const double u = rng.uniform() * p.sum();
  double acc = 0;
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    acc += p(i);
    if (u < acc) return int(i);
  }
  return int(best);  // only reached through rounding at the very top of the range
}

SampleResult sample_text(const Network<float>& net, const Vocabulary& vocab,
                         const SampleOptions& o) {
  const ModelConfig& m = net.config();
  if (m.input == InputKind::Dense || m.head != HeadKind::Softmax)
    throw Error(
        "sampling needs a character language model (token input, softmax head); this "
        "model forecasts a series: use forecast instead");
  if (m.input_size != vocab.size() || m.output_size != vocab.size())
    throw Error("the vocabulary has " + std::to_string(vocab.size()) +
                " characters but the model "
                "reads " +
                std::to_string(m.input_size) + " and predicts " + std::to_string(m.output_size) +
                "; the checkpoint is inconsistent");
  if (o.length < 0 || o.length > 100000000)
    throw Error("sample length " + std::to_string(o.length) + " is out of range; use 0 to 1e8");
  const int layer = o.layer < 0 ? m.layers - 1 : o.layer;
  if (o.unit >= 0 && (layer >= m.layers || o.unit >= m.hidden))
    throw Error("hidden unit " + std::to_string(o.unit) + " of layer " + std::to_string(layer) +
                " does not exist; the model has " + std::to_string(m.layers) + " layers of " +
                std::to_string(m.hidden) + " units (numbered from 0)");
  Rng unused(0);
  sample_token(Eigen::VectorXf::Zero(1), o.temperature, unused);  // checks the temperature first

  SampleResult r;
  std::vector<int32_t> prime = vocab.encode(o.prime, "the prime text");
  const bool start_token = prime.empty();
  if (start_token) {
    int id = vocab.find("\n");
    if (id < 0) id = vocab.find(" ");
    prime.push_back(id < 0 ? 0 : id);
  }
  StepRunner runner(net);
  Rng rng(o.seed);
  const Mat<float>* out = &runner.feed_tokens(prime);
  auto record = [&](int id, int t) {
    r.chars.push_back(vocab.text(id));
    if (o.unit >= 0) r.activation.push_back(runner.hidden(layer, o.unit, t));
  };
  if (!start_token)
    for (size_t t = 0; t < prime.size(); ++t) record(prime[t], int(t));
  Eigen::VectorXf logits = out->col(out->cols() - 1);
  std::vector<int32_t> one(1);
  for (int i = 0; i < o.length; ++i) {
    one[0] = sample_token(logits, o.temperature, rng);
    r.tokens.push_back(one[0]);
    r.text += vocab.text(one[0]);
    logits = runner.feed_tokens(one).col(0);
    record(one[0], 0);
  }
  return r;
}

}  // namespace unroll
