// Tests for using a trained model: sampling (temperature -> 0 equals argmax, the carried state
// matches one full pass), whole-text cross-entropy (windowed == one pass), and forecasting (a
// trained LSTM beats the naive last-value baseline on a noisy sine).
#include <QtTest>
#include <cmath>
#include <map>

#include "core/error.h"
#include "data/sample_text.h"
#include "data/series_task.h"
#include "train/evaluate.h"
#include "train/forecast.h"
#include "train/sampler.h"
#include "train/trainer.h"

using namespace unroll;

namespace {

std::vector<std::string> vocabulary_of(const Task& task) {
  std::vector<std::string> v;
  for (int i = 0; i < task.shape().input_size; ++i) v.push_back(task.token_text(i));
  return v;
}

// A small char-LSTM trained briefly on the built-in text: enough to have non-trivial logits.
Trainer& char_model() {
  static std::unique_ptr<Trainer> tr;
  if (!tr) {
    TrainConfig c;
    c.model.hidden = 48;
    c.seq = 32;
    c.batch = 16;
    c.optimizer.lr = 0.01;
    c.val_every = 0;
    c.probe_every = 0;
    tr = std::make_unique<Trainer>(c, std::make_shared<TextCorpus>(builtin_corpus()));
    for (int i = 0; i < 150; ++i) tr->step();
  }
  return *tr;
}

// Logits of every step of one full forward pass over `tokens` from a zero state.
Mat<float> full_pass(const Network<float>& net, const std::vector<int32_t>& tokens) {
  Batch b;
  b.steps = int(tokens.size());
  b.batch = 1;
  b.tokens = tokens;
  b.targets.assign(tokens.size(), -1);
  PassSpec p;
  p.steps = b.steps;
  p.b1 = 1;
  Workspace<float> ws;
  net.forward(b, p, nullptr, ws);
  return ws.head.y;
}

}  // namespace

class TestSampling : public QObject {
  Q_OBJECT
 private slots:
  void sampleTokenLimits();
  void sampleTokenMatchesSoftmax();
  void coldSamplingIsArgmax_data();
  void coldSamplingIsArgmax();
  void samplingCarriesState();
  void primeErrors();
  void crossEntropyWindowed();
  void forecastBeatsNaive();
};

void TestSampling::sampleTokenLimits() {
  Rng rng(1);
  Eigen::VectorXf l(5);
  l << 0.1f, 2.0f, 1.99f, -3.0f, 0.5f;
  for (int i = 0; i < 200; ++i) {
    QCOMPARE(sample_token(l, 0.0, rng), 1);
    QCOMPARE(sample_token(l, 1e-4, rng), 1);  // a gap of 0.01 is 100 temperatures
  }
  for (double bad : {-1.0, std::nan(""), HUGE_VAL}) {
    try {
      sample_token(l, bad, rng);
      QFAIL("no error");
    } catch (const Error& e) {
      QVERIFY(std::string(e.what()).find("temperature") != std::string::npos);
    }
  }
}

// At temperature T the draws follow softmax(l / T): frequencies within 4 standard errors.
void TestSampling::sampleTokenMatchesSoftmax() {
  Rng rng(7);
  Eigen::VectorXf l(4);
  l << 0.0f, 1.0f, -1.0f, 0.5f;
  const double T = 0.7;
  const int n = 40000;
  Eigen::VectorXd count = Eigen::VectorXd::Zero(4);
  for (int i = 0; i < n; ++i) count(sample_token(l, T, rng)) += 1;
  Eigen::VectorXd p = (l.cast<double>() / T).array().exp();
  p /= p.sum();
  double worst = 0;
  for (int i = 0; i < 4; ++i) {
    const double se = std::sqrt(p(i) * (1 - p(i)) / n);
    worst = std::max(worst, std::abs(count(i) / n - p(i)) / se);
  }
  qInfo("largest deviation from softmax: %.2f standard errors", worst);
  QVERIFY(worst < 4.0);
}

void TestSampling::coldSamplingIsArgmax_data() {
  QTest::addColumn<double>("temperature");
  QTest::newRow("1e-3") << 1e-3;
  QTest::newRow("1e-5") << 1e-5;
  QTest::newRow("1e-7") << 1e-7;
}

// temperature -> 0 gives the argmax text whatever the seed.
void TestSampling::coldSamplingIsArgmax() {
  QFETCH(double, temperature);
  Trainer& tr = char_model();
  const Vocabulary vocab(vocabulary_of(tr.task()));
  SampleOptions o;
  o.prime = "The river ";
  o.length = 120;
  o.temperature = 0;
  const SampleResult argmax = sample_text(tr.network(), vocab, o);
  o.temperature = temperature;
  for (uint64_t seed : {1u, 2u, 3u}) {
    o.seed = seed;
    QCOMPARE(sample_text(tr.network(), vocab, o).text, argmax.text);
  }
  o.temperature = 1.0;
  QVERIFY(sample_text(tr.network(), vocab, o).text != argmax.text);  // warm sampling differs
  qInfo("argmax continuation: \"%s\"", argmax.text.c_str());
}

// Generating one character at a time from a carried state gives the same logits as one pass
// over prime + generated text: each greedy token is the argmax of the full pass there.
void TestSampling::samplingCarriesState() {
  Trainer& tr = char_model();
  const Vocabulary vocab(vocabulary_of(tr.task()));
  SampleOptions o;
  o.prime = "It was";
  o.length = 60;
  o.temperature = 0;
  o.unit = 3;
  const SampleResult r = sample_text(tr.network(), vocab, o);
  std::vector<int32_t> all = vocab.encode(o.prime, "prime");
  const size_t np = all.size();
  all.insert(all.end(), r.tokens.begin(), r.tokens.end());
  const Mat<float> logits = full_pass(tr.network(), all);
  for (size_t i = 0; i < r.tokens.size(); ++i) {
    Index arg;
    logits.col(Index(np + i - 1)).maxCoeff(&arg);
    QCOMPARE(int(arg), r.tokens[i]);
  }
  QCOMPARE(r.chars.size(), np + r.tokens.size());
  QCOMPARE(r.activation.size(), r.chars.size());
  for (float a : r.activation) QVERIFY(a > -1.0f && a < 1.0f);  // an LSTM h is o * tanh(c)
}

void TestSampling::primeErrors() {
  Trainer& tr = char_model();
  const Vocabulary vocab(vocabulary_of(tr.task()));
  SampleOptions o;
  o.prime = "snow \xE2\x98\x83";  // a snowman the text never uses
  try {
    sample_text(tr.network(), vocab, o);
    QFAIL("no error");
  } catch (const Error& e) {
    qInfo("%s", e.what());
    QVERIFY(std::string(e.what()).find("character 6") != std::string::npos);
    QVERIFY(std::string(e.what()).find("U+2603") != std::string::npos);
  }
  o.prime.clear();  // (not = "a": GCC 12 warns falsely, -Wrestrict)
  o.unit = 999;
  try {
    sample_text(tr.network(), vocab, o);
    QFAIL("no error");
  } catch (const Error& e) {
    QVERIFY(std::string(e.what()).find("hidden unit 999") != std::string::npos);
  }
}

// Windows of any size give the loss of one pass over the whole text (state carried exactly).
void TestSampling::crossEntropyWindowed() {
  Trainer& tr = char_model();
  const auto& corpus = static_cast<const TextCorpus&>(tr.task());
  const std::vector<int32_t> tokens(corpus.val_tokens().begin(), corpus.val_tokens().begin() + 500);
  const double whole = sequence_cross_entropy(tr.network(), tokens, 100000);
  double worst = 0;
  for (int w : {1, 7, 64, 499}) {
    const double l = sequence_cross_entropy(tr.network(), tokens, w);
    worst = std::max(worst, std::abs(l - whole));
  }
  qInfo("loss %.5f nats/char; largest difference between window sizes %.2e", whole, worst);
  QVERIFY(worst < 1e-4);
  QVERIFY(whole < std::log(double(corpus.vocab_size())));  // better than uniform after training
}

void TestSampling::forecastBeatsNaive() {
  auto task = std::make_shared<SeriesTask>("sine", make_sine_series({3000, 2, 0.05, 11}),
                                           std::vector<std::string>{"x"});
  TrainConfig c;
  c.model.hidden = 32;
  c.seq = 48;
  c.batch = 16;
  c.optimizer.lr = 0.01;
  c.val_every = 0;
  c.probe_every = 0;
  Trainer tr(c, task);
  for (int i = 0; i < 300; ++i) tr.step();
  ForecastOptions fo;
  fo.horizon = 10;
  fo.origins = 20;
  const ForecastResult r = forecast(tr.network(), *task, fo);
  qInfo(
      "one-step RMSE %.4f MAE %.4f vs naive %.4f / %.4f; %d-step free-running RMSE %.4f vs "
      "naive %.4f",
      r.model.rmse, r.model.mae, r.baseline.rmse, r.baseline.mae, fo.horizon, r.multi_model.rmse,
      r.multi_baseline.rmse);
  QCOMPARE(r.truth.cols(), 3000 - task->train_end());
  QCOMPARE(int(r.paths.size()), 20);
  QVERIFY(r.model.rmse < 0.7 * r.baseline.rmse);
  QVERIFY(r.model.mae < 0.7 * r.baseline.mae);
  QVERIFY(r.multi_model.rmse < r.multi_baseline.rmse);
  // The one-step forecast is the first step of a free-running path from the same origin.
  const int o0 = r.origins[3];
  QVERIFY(std::abs(r.paths[3](0, 0) - r.one_step(0, o0 - r.begin)) < 1e-4);
}

QTEST_APPLESS_MAIN(TestSampling)
#include "tst_sampling.moc"
