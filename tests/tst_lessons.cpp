// Lessons: every shipped lesson loads and builds its trainers, the vanishing lesson's gradient
// condition triggers when driven headless, and malformed lessons are refused with line or field.
#include <QtTest>

#include "core/error.h"
#include "teach/lesson.h"

using namespace unroll;

namespace {
const QString kDir = QStringLiteral(UNROLL_SOURCE_DIR "/resources/lessons");
}

class TestLessons : public QObject {
  Q_OBJECT
 private slots:
  void lessons_load_data();
  void lessons_load();
  void vanishing_triggers();
  void malformed_refused_data();
  void malformed_refused();
};

void TestLessons::lessons_load_data() {
  QTest::addColumn<QString>("name");
  for (const char* name : {"unrolling", "vanishing", "exploding", "fixes", "local_optima"})
    QTest::newRow(name) << name;
}

// Each lesson parses and each step's preset builds a trainer that takes a step.
void TestLessons::lessons_load() {
  QFETCH(QString, name);
  const Lesson lesson = load_lesson((kDir + "/" + name + ".json").toStdString());
  QVERIFY(!lesson.title.empty());
  QVERIFY(lesson.steps.size() >= 2);
  for (const LessonStep& step : lesson.steps) {
    QVERIFY(step.text.size() > 80);
    auto trainer = make_lesson_trainer(step);
    QCOMPARE(trainer->step().step, 1L);
  }
}

// Driven headless, the first step's "gradient at t=0 below 1e-6" is met within its max_steps.
void TestLessons::vanishing_triggers() {
  const Lesson lesson = load_lesson((kDir + "/vanishing.json").toStdString());
  const LessonStep& step = lesson.steps.front();
  QCOMPARE(step.condition.metric, LessonMetric::GradAtT0);
  auto trainer = make_lesson_trainer(step);
  long met_at = 0;
  double grad = 0;
  for (long i = 0; i < step.max_steps && !met_at; ++i) {
    const StepReport& r = trainer->step();
    grad = metric_value(LessonMetric::GradAtT0, r);
    if (step.condition.met(r)) met_at = r.step;
  }
  qInfo("grad_at_t0 = %g, condition met at step %ld", grad, met_at);
  QVERIFY(met_at > 0);
  const LessonStep& later = lesson.steps[2];  // a longer filler, a stricter bound
  QCOMPARE(later.preset.lag, 40);
  QCOMPARE(later.preset.recurrent_gain, 0.5);  // carried over from the first step
  auto longer = make_lesson_trainer(later);
  QVERIFY(later.condition.met(longer->step()));
  // The metric is not trivially zero: the LSTM of the fixes lesson gets a gradient to t = 0.
  const Lesson fixes = load_lesson((kDir + "/fixes.json").toStdString());
  auto lstm = make_lesson_trainer(fixes.steps[2]);
  const double lstm_grad = metric_value(LessonMetric::GradAtT0, lstm->step());
  qInfo("LSTM grad_at_t0 = %g", lstm_grad);
  QVERIFY(lstm_grad > grad);
}

void TestLessons::malformed_refused_data() {
  QTest::addColumn<QString>("json");
  QTest::addColumn<QString>("reason");
  const QString step = R"({"text": "t", "action": "play", "condition": %1})";
  const QString good = R"({"metric": "steps", "op": ">=", "value": 3})";
  QTest::newRow("bad JSON")
      << "{\n  \"title\": \"x\",\n  \"steps\": [\n    {\"text\": oops}\n  ]\n}"
      << "bad.json:4: malformed JSON";
  QTest::newRow("missing title") << R"({"steps": [)" + step.arg(good) + "]}"
                                 << "bad.json: field 'title': missing";
  QTest::newRow("missing text") << R"({"title": "x", "steps": [)" + step.arg(good) + "," +
                                       R"({"action": "play", "condition": )" + good + "}]}"
                                << "bad.json: step 2: field 'text': missing";
  QTest::newRow("unknown metric") << R"({"title": "x", "steps": [)" +
                                         step.arg(R"({"metric": "joy", "op": "<", "value": 1})") +
                                         "]}"
                                  << "step 1: field 'condition.metric': unknown metric 'joy'";
  QTest::newRow("bad op") << R"({"title": "x", "steps": [)" +
                                 step.arg(R"({"metric": "loss", "op": "=<", "value": 1})") + "]}"
                          << "field 'condition.op': unknown operator";
  QTest::newRow("bad cell")
      << R"({"title": "x", "steps": [{"text": "t", "action": "a", "preset": {"cell": "tlsm"},
          "condition": )" +
             good + "}]}"
      << "step 1: field 'preset.cell'";
  QTest::newRow("value not a number")
      << R"({"title": "x", "steps": [)" +
             step.arg(R"({"metric": "loss", "op": "<", "value": "1"})") + "]}"
      << "field 'condition.value': must be a number";
}

void TestLessons::malformed_refused() {
  QFETCH(QString, json);
  QFETCH(QString, reason);
  try {
    parse_lesson(json.toStdString(), "bad.json");
    QFAIL("the malformed lesson was accepted");
  } catch (const Error& e) {
    qInfo("refused: %s", e.what());
    QVERIFY2(QString(e.what()).contains(reason), e.what());
  }
}

QTEST_APPLESS_MAIN(TestLessons)
#include "tst_lessons.moc"
