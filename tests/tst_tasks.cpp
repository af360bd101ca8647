// Tests for the generated tasks: copy, language, sine and stock series. Each generator is
// deterministic under a seed, has the promised shapes, and its target really depends on the far
// input (the near inputs are the same for different answers).
#include <QtTest>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "core/error.h"
#include "core/rng.h"
#include "data/copy_task.h"
#include "data/language_task.h"
#include "data/series_task.h"

using namespace unroll;

namespace {

template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "<no error thrown>";
}

bool same(const Batch& a, const Batch& b) {
  return a.steps == b.steps && a.batch == b.batch && a.tokens == b.tokens &&
         a.targets == b.targets && a.loss_begin == b.loss_begin && a.inputs.isApprox(b.inputs) &&
         a.target_values.isApprox(b.target_values);
}

// Text of sequence b's inputs under the task's token_text.
std::string text_of(const Task& task, const Batch& batch, int b) {
  std::string s;
  for (int t = 0; t < batch.steps; ++t) s += task.token_text(batch.tokens[batch.col(t, b)]);
  return s;
}

}  // namespace

class TestTasks : public QObject {
  Q_OBJECT
 private slots:
  void determinism_data();
  void determinism();

  void copyShapes();
  void copyTargetIsFarInput();
  void copyRejectsBadOptions();

  void languageShapes_data();
  void languageShapes();
  void languageTargetIsFarInput();
  void languageScoring();

  void seriesNormalisesOnTrainingOnly();
  void seriesWindows();
  void seriesErrors();
  void sineAndStockGenerators();
};

void TestTasks::determinism_data() {
  QTest::addColumn<QString>("task");
  QTest::newRow("copy") << "copy";
  QTest::newRow("language") << "language";
  QTest::newRow("sine") << "sine";
  QTest::newRow("stock") << "stock";
}

// Same seed -> same batch; another seed -> another batch; validation is fixed.
void TestTasks::determinism() {
  QFETCH(QString, task);
  std::unique_ptr<Task> t;
  int T = 0;
  if (task == "copy") {
    auto c = std::make_unique<CopyTask>(3, 20);
    T = c->length();
    t = std::move(c);
  } else if (task == "language") {
    auto l = std::make_unique<LanguageTask>(10);
    T = l->length();
    t = std::move(l);
  } else {
    T = 32;
    t = std::make_unique<SeriesTask>(task.toStdString(),
                                     task == "sine" ? make_sine_series({500, 2, 0.1, 9})
                                                    : make_stock_series({500, 0.05, 0.2, 100, 9}),
                                     std::vector<std::string>{});
  }
  Rng a(5), b(5), c(6);
  const Batch x = t->train_batch(T, 8, a), y = t->train_batch(T, 8, b), z = t->train_batch(T, 8, c);
  QVERIFY(same(x, y));
  QVERIFY(!same(x, z));
  QVERIFY(same(t->validation_batch(T, 8, 0), t->validation_batch(T, 8, 0)));
  QVERIFY(!same(t->validation_batch(T, 8, 0), x));
}

void TestTasks::copyShapes() {
  CopyTask task(4, 10, 6);
  QCOMPARE(task.length(), 18);
  const TaskShape s = task.shape();
  QVERIFY(s.tokens);
  QCOMPARE(s.input_size, 8);  // 6 symbols + blank + go
  QCOMPARE(s.output_size, 6);
  QVERIFY(!s.loss_every_step);
  Rng rng(1);
  const Batch b = task.train_batch(18, 5, rng);
  QCOMPARE(int(b.tokens.size()), 18 * 5);
  QCOMPARE(int(b.targets.size()), 18 * 5);
  QCOMPARE(b.loss_begin, 14);
  for (int j = 0; j < 5; ++j)
    for (int t = 0; t < 18; ++t) {
      const int tok = b.tokens[b.col(t, j)], tgt = b.targets[b.col(t, j)];
      QVERIFY(tok >= 0 && tok < s.input_size);
      QCOMPARE(tgt >= 0, t >= 14);
      QVERIFY(tgt < s.output_size);
    }
  QCOMPARE(text_of(task, b, 0).substr(4, 11), std::string("----------:"));
}

// Every target is the input S+L steps earlier, and the S+L-1 inputs just before are the same
// (blanks and the go marker) whatever the answer: only the far input can tell.
void TestTasks::copyTargetIsFarInput() {
  const int S = 3, L = 25;
  CopyTask task(S, L);
  Rng rng(3);
  const Batch b = task.train_batch(task.length(), 64, rng);
  std::set<int> answers;
  for (int j = 0; j < 64; ++j)
    for (int i = 0; i < S; ++i) {
      const int t = S + L + i;
      QCOMPARE(b.targets[b.col(t, j)], b.tokens[b.col(i, j)]);
      answers.insert(b.targets[b.col(t, j)]);
      for (int u = S; u <= t; ++u)
        QCOMPARE(b.tokens[b.col(u, j)], u == S + L ? task.go() : task.blank());
    }
  QVERIFY(answers.size() > 4);  // the answers vary, so the near inputs cannot give them
}

void TestTasks::copyRejectsBadOptions() {
  QVERIFY(QString::fromStdString(error_of([] { CopyTask(0, 5); })).contains("symbols"));
  QVERIFY(QString::fromStdString(error_of([] { CopyTask(2, -1); })).contains("lag"));
  QVERIFY(QString::fromStdString(error_of([] { CopyTask(2, 5, 40); })).contains("alphabet"));
  CopyTask task(2, 5);
  Rng rng(1);
  const std::string e = error_of([&] { task.train_batch(10, 4, rng); });
  QVERIFY2(e.find("exactly 9 steps") != std::string::npos, e.c_str());
}

void TestTasks::languageShapes_data() {
  QTest::addColumn<int>("filler");
  QTest::newRow("filler 0") << 0;
  QTest::newRow("filler 7") << 7;
  QTest::newRow("filler 60") << 60;
}

// Sentences read as promised, padded to one length; the vocabulary covers every character.
void TestTasks::languageShapes() {
  QFETCH(int, filler);
  LanguageTask task(filler);
  const int T = task.length();
  Rng rng(2);
  const Batch b = task.train_batch(T, 16, rng);
  QCOMPARE(int(b.tokens.size()), T * 16);
  for (int j = 0; j < 16; ++j) {
    const std::string s = text_of(task, b, j);
    QCOMPARE(int(s.size()), T);
    QVERIFY2(s.rfind("I am from ", 0) == 0, s.c_str());
    QVERIFY2(s.find(" I can speak ") != std::string::npos, s.c_str());
    for (int t = 0; t < T; ++t) QVERIFY(b.tokens[b.col(t, j)] >= 0);
  }
  // The longest pair fills the sequence exactly: input + last target = the whole sentence.
  QVERIFY(task.shape().tokens);
  QCOMPARE(task.shape().input_size, task.vocab_size());
  Rng r2(2);
  QVERIFY(int(task.sentence(r2).size()) <= T + 1);
}

// The scored targets spell the language of the country named F+15 steps before, and the inputs in
// between are the same text for every country: the answer is only in the far input.
void TestTasks::languageTargetIsFarInput() {
  const int F = 30;
  LanguageTask task(F);
  const Batch b = task.validation_batch(task.length(), 64, 0);
  std::map<std::string, std::string> table(LanguageTask::pairs().begin(),
                                           LanguageTask::pairs().end());
  std::set<std::string> languages;
  for (int j = 0; j < 64; ++j) {
    const std::string s = text_of(task, b, j);
    const size_t c0 = std::string(LanguageTask::kPrefix).size();
    const size_t c1 = s.find(". ", c0);
    const std::string country = s.substr(c0, c1 - c0);
    std::string word;
    int first = -1;
    for (int t = 0; t < b.steps; ++t) {
      const int y = b.targets[b.col(t, j)];
      if (y < 0) continue;
      if (first < 0) first = t;
      word += task.token_text(y);
    }
    QVERIFY2(table.count(country), country.c_str());
    QCOMPARE(word, table[country]);
    languages.insert(word);
    QCOMPARE(first - int(c1 - 1), task.distance());  // last country letter -> first scored step
    // The scored step's own input and the 13 before it are " I can speak " for every sentence.
    QCOMPARE(s.substr(size_t(first) - 12, 13), std::string(LanguageTask::kMiddle));
  }
  QVERIFY(languages.size() >= 10);
  QVERIFY(LanguageTask::majority_share() < 0.15);
}

// Word scoring marks only the language word; All scoring every character up to the period;
// validation always the language word.
void TestTasks::languageScoring() {
  LanguageTask word(5), all(5, LanguageTask::Scoring::All);
  Rng a(4), b(4);
  const Batch w = word.train_batch(word.length(), 4, a), x = all.train_batch(all.length(), 4, b);
  QCOMPARE(w.tokens, x.tokens);
  long nw = 0, nx = 0;
  for (size_t i = 0; i < w.targets.size(); ++i) {
    nw += w.targets[i] >= 0;
    nx += x.targets[i] >= 0;
    if (w.targets[i] >= 0) QCOMPARE(x.targets[i], w.targets[i]);
  }
  QVERIFY(nw > 4 * 3);
  QVERIFY(nx > 4 * 35);
  QVERIFY(w.loss_begin > 20);
  QCOMPARE(x.loss_begin, 0);
  QVERIFY(!word.shape().loss_every_step);
  QVERIFY(all.shape().loss_every_step);
  const Batch v = all.validation_batch(all.length(), 4, 1);
  long nv = 0;
  for (int y : v.targets) nv += y >= 0;
  QVERIFY(nv < 4 * 12);
  QVERIFY(
      QString::fromStdString(error_of([] { parse_language_scoring("most"); })).contains("word"));
}

// Mean and std come from the training part only: changing the validation part changes neither.
void TestTasks::seriesNormalisesOnTrainingOnly() {
  Eigen::MatrixXd x(1, 100);
  for (int t = 0; t < 100; ++t) x(0, t) = t;
  SeriesTask a("ramp", x, {"v"}, 0.2);
  QCOMPARE(a.train_end(), 80);
  QCOMPARE(a.mean()(0), 39.5);
  Eigen::MatrixXd y = x;
  y.rightCols(20).setConstant(1e6);
  SeriesTask b("ramp2", y, {"v"}, 0.2);
  QCOMPARE(b.mean()(0), a.mean()(0));
  QCOMPARE(b.stddev()(0), a.stddev()(0));
  const double z = a.normalized()(0, 10);
  QVERIFY(std::abs(z - (10 - 39.5) / a.stddev()(0)) < 1e-12);
  QVERIFY(std::abs(a.denormalize(a.normalized().col(90))(0) - 90.0) < 1e-9);
}

// Dense inputs, next-value targets, training windows inside the training part.
void TestTasks::seriesWindows() {
  Eigen::MatrixXd x(2, 300);
  for (int t = 0; t < 300; ++t) x.col(t) << t, -2.0 * t;
  SeriesTask task("two", x, {"a", "b"}, 0.25);
  const TaskShape s = task.shape();
  QVERIFY(!s.tokens);
  QCOMPARE(s.input_size, 2);
  QCOMPARE(s.output_size, 2);
  QCOMPARE(s.head, HeadKind::Regression);
  Rng rng(1);
  const Batch b = task.train_batch(20, 16, rng);
  QCOMPARE(b.inputs.rows(), 2);
  QCOMPARE(b.inputs.cols(), 20 * 16);
  QCOMPARE(b.target_values.cols(), 20 * 16);
  for (int j = 0; j < 16; ++j)
    for (int t = 0; t < 20; ++t) {
      const Eigen::VectorXd in = task.denormalize(b.inputs.col(b.col(t, j)));
      const Eigen::VectorXd out = task.denormalize(b.target_values.col(b.col(t, j)));
      QVERIFY(std::abs(out(0) - in(0) - 1.0) < 1e-9);  // the next point
      QVERIFY(out(0) < task.train_end() + 0.5);        // never reaches into validation
    }
  const Batch v = task.validation_batch(20, 4, 0);
  QVERIFY(task.denormalize(v.inputs.col(0))(0) >= task.train_end() - 1e-9);
}

void TestTasks::seriesErrors() {
  auto msg = [](auto f) { return QString::fromStdString(error_of(f)); };
  QVERIFY(msg([] { SeriesTask("s", Eigen::MatrixXd::Ones(1, 3), {}); }).contains("at least 4"));
  QVERIFY(
      msg([] { SeriesTask("s", Eigen::MatrixXd::Ones(1, 50), {"flat"}); }).contains("constant"));
  Eigen::MatrixXd x = Eigen::MatrixXd::Random(1, 50);
  x(0, 7) = std::nan("");
  QVERIFY(msg([&] { SeriesTask("s", x, {}); }).contains("point 7"));
  SeriesTask short_task("short", Eigen::MatrixXd::Random(1, 40), {});
  Rng rng(1);
  QVERIFY(msg([&] { short_task.train_batch(64, 2, rng); }).contains("--seq"));
  QVERIFY(msg([&] { short_task.validation_batch(16, 2, 0); }).contains("validation part"));
  QVERIFY(msg([] { make_sine_series({100, 0, 0.1, 1}); }).contains("components"));
  QVERIFY(msg([] { make_stock_series({100, 0.05, -1, 100, 1}); }).contains("volatility"));
}

void TestTasks::sineAndStockGenerators() {
  const Eigen::MatrixXd s = make_sine_series({2000, 2, 0.0, 3});
  QCOMPARE(s.cols(), 2000);
  QVERIFY(s.cwiseAbs().maxCoeff() < 3.0 + 1e-9);
  QVERIFY(s.cwiseAbs().maxCoeff() > 0.5);
  const Eigen::MatrixXd g = make_stock_series({2000, 0.05, 0.2, 100, 3});
  QCOMPARE(g(0, 0), 100.0);
  QVERIFY(g.minCoeff() > 0);
  // Daily log returns have the promised volatility: sigma * sqrt(1/252) ~ 0.0126.
  Eigen::ArrayXd r(1999);
  for (int t = 0; t < 1999; ++t) r(t) = std::log(g(0, t + 1) / g(0, t));
  const double sd = std::sqrt((r - r.mean()).square().mean());
  qInfo("GBM daily log-return sd %.5f (expected %.5f)", sd, 0.2 / std::sqrt(252.0));
  QVERIFY(std::abs(sd - 0.2 / std::sqrt(252.0)) < 0.001);
}

QTEST_APPLESS_MAIN(TestTasks)
#include "tst_tasks.moc"
