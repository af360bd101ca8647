// Translation lessons: the built-in "Attention" lesson parses, carries each preset into the next
// step and is checked whole; bad files name every bad value with its step and field; and the
// lesson, run headless with its own presets the way the Translation window runs it (a validation
// of 200 sentences every 50 steps, stopping at the goal), makes its point: five words without
// attention are learnt, twenty are not, twenty with attention are, and the length sweep shows
// exact accuracy collapsing without attention and holding with it.
#include <QtTest>
#include <chrono>
#include <cmath>

#include "core/error.h"
#include "teach/translation_lesson.h"

using namespace unroll;

namespace {

const std::string kLesson = UNROLL_SOURCE_DIR "/resources/lessons/translation/attention.json";

// Trains the step's model as the window does; returns the step at which the goal was met (0 if
// never) and the best exact accuracy seen.
std::pair<long, double> runStep(const TranslationLessonStep& step) {
  Seq2SeqTrainer t(step.preset.train_config());
  double best = 0;
  while (t.steps() < step.preset.steps) {
    if (t.step().rejected) {
      QTest::qFail("a step was rejected (non-finite)", __FILE__, __LINE__);
      return {0, 0};
    }
    if (t.steps() % 50 == 0 || t.steps() == step.preset.steps) {
      const double exact = t.validate().metrics.exact;
      best = std::max(best, exact);
      if (step.met(exact)) return {t.steps(), exact};
    }
  }
  return {0, best};
}

}  // namespace

class TestTranslationLesson : public QObject {
  Q_OBJECT
 private slots:
  void builtinParsesAndCarriesOver();
  void badFilesNameEveryProblem();
  void lessonMakesItsPoint();
};

void TestTranslationLesson::builtinParsesAndCarriesOver() {
  const TranslationLesson l = load_translation_lesson(kLesson);
  QCOMPARE(l.title, std::string("Attention: why translation needed it"));
  QCOMPARE(int(l.steps.size()), 4);
  const auto& s = l.steps;
  QCOMPARE(s[0].preset.length, 5);
  QVERIFY(s[0].preset.attention == AttentionKind::None);
  QVERIFY(s[0].expect_goal);
  QCOMPARE(s[1].preset.length, 20);                       // changed
  QVERIFY(s[1].preset.attention == AttentionKind::None);  // carried over
  QCOMPARE(s[1].preset.steps, 1500L);
  QVERIFY(!s[1].expect_goal);
  QVERIFY(s[2].preset.attention == AttentionKind::Additive);
  QCOMPARE(s[2].preset.length, 20);
  QVERIFY(s[3].sweep && std::isnan(s[3].goal_exact));
  QVERIFY(s[3].sweep_lengths == std::vector<int>({5, 10, 20, 40}));
  QCOMPARE(int(s[3].sweep_attention.size()), 2);
  const LengthSweepSpec spec = s[3].sweep_spec();
  spec.validate();
  QVERIFY(spec.base.model.attention == AttentionKind::Additive);  // per row, replaced
  QCOMPARE(spec.steps, 1500L);
}

void TestTranslationLesson::badFilesNameEveryProblem() {
  auto error = [](const std::string& json) {
    try {
      parse_translation_lesson(json, "t.json");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  QVERIFY(error("{").rfind("t.json: malformed JSON", 0) == 0);
  QVERIFY(error(R"({"steps": []})").find("title") != std::string::npos);
  const std::string two = error(R"({"title": "x", "steps": [
      {"text": "a", "preset": {"attention": "bahdanau"}, "goal_exact": 0.9},
      {"text": "b", "preset": {"colour": 1}, "goal_exact": 0.9},
      {"text": "c", "goal_exact": 2},
      {"text": "d", "sweep": {"lengths": [5], "attention": ["none"]}, "goal_exact": 0.5},
      {"text": "e"}]})");
  qInfo("%s", two.c_str());
  QVERIFY(two.find("t.json: step 1: preset.attention:") != std::string::npos);
  QVERIFY(two.find("t.json: step 2: preset.colour: unknown field") != std::string::npos);
  QVERIFY(two.find("t.json: step 3: goal_exact: must be in") != std::string::npos);
  QVERIFY(two.find("t.json: step 4: goal_exact: a sweep step has no goal") != std::string::npos);
  QVERIFY(two.find("t.json: step 5: goal_exact: is missing") != std::string::npos);
  QVERIFY(error(R"({"title": "x", "steps": [{"text": "a", "goal_exact": 0.9}]})").empty());
}

void TestTranslationLesson::lessonMakesItsPoint() {
  const TranslationLesson l = load_translation_lesson(kLesson);
  using Clock = std::chrono::steady_clock;
  std::pair<long, double> r[3];
  double seconds[3];
  for (int i = 0; i < 3; ++i) {
    const auto t0 = Clock::now();
    r[i] = runStep(l.steps[size_t(i)]);
    seconds[i] = std::chrono::duration<double>(Clock::now() - t0).count();
    qInfo("step %d: goal met at %ld, exact %.3f, %.1f s", i + 1, r[i].first, r[i].second,
          seconds[i]);
  }
  QVERIFY(r[0].first > 0);   // five words without attention: learnt
  QCOMPARE(r[1].first, 0L);  // twenty without: not within the budget
  QVERIFY(r[1].second < 0.2);
  QVERIFY(r[2].first > 0);  // twenty with attention: learnt
  const auto t0 = Clock::now();
  const std::vector<LengthSweepCell> cells = run_length_sweep(l.steps[3].sweep_spec());
  QCOMPARE(int(cells.size()), 8);
  QString table;
  for (const LengthSweepCell& c : cells)
    table +=
        QString(" %1@%2=%3").arg(to_string(c.attention).c_str()).arg(c.length).arg(c.metrics.exact);
  qInfo("sweep%s (%.0f s)", qPrintable(table),
        std::chrono::duration<double>(Clock::now() - t0).count());
  for (int i = 0; i < 4; ++i)  // rows: none then additive, lengths in order
    QVERIFY(cells[size_t(4 + i)].metrics.exact >= cells[size_t(i)].metrics.exact);
  QVERIFY(cells[0].metrics.exact > 0.9);  // short sentences need no attention
  QVERIFY(cells[3].metrics.exact < 0.1);  // forty words without attention: none exact
  QVERIFY(cells[7].metrics.exact > 0.5);  // with attention: most of them
}

QTEST_GUILESS_MAIN(TestTranslationLesson)
#include "tst_translation_lesson.moc"
