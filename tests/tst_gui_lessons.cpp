// The lesson player: every lesson file loads; opening "vanishing" applies its first preset to the
// controller; training until the condition holds marks the step done and enables Next; a malformed
// lesson file is refused with the engine's reason, without a crash; every built-in lesson string is
// marked for translation and translated to German, the panel shows the German text with the
// translator installed, and a teacher's own lesson stays as written.
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include "app/app_options.h"
#include "app/file_actions.h"
#include "app/main_window.h"
#include "charts/loss_chart.h"
#include "charts/timestep_grad_chart.h"
#include "gui_test_util.h"
#include "panels/lesson_panel.h"
#include "session/training_controller.h"
#include "translate/translation_lesson_panel.h"

using namespace unroll;
using namespace unroll::gui;

namespace {

// Runs at most `budget` more steps until the panel's current step completes, then pauses; true
// when it completed. The training thread checks the condition on every step and sends an event,
// so the outcome does not depend on which frames the GUI pulled; the timeout only bounds a
// failing run.
bool runUntilDone(TrainingController& c, LessonPanel& panel, int budget = 1000000,
                  int timeoutMs = 120000) {
  if (panel.stepDone()) return true;
  QSignalSpy completed(&panel, &LessonPanel::stepCompleted);
  c.runSteps(budget);
  const bool done = completed.wait(timeoutMs) || panel.stepDone();
  c.pause();
  return done;
}

}  // namespace

class TstGuiLessons : public QObject {
  Q_OBJECT
 private slots:
  void allLessonsLoad() {
    const QStringList names = lessonNames();
    QCOMPARE(names.size(), 5);
    QCOMPARE(names.first(), QStringLiteral("unrolling"));
    for (const QString& n : names) {
      Lesson l;
      QString error;
      QVERIFY2(loadLessonFile(lessonPath(n), &l, &error), qPrintable(error));
      QVERIFY(!l.steps.empty());
      RunSpec s;
      QVERIFY(validationError(presetSpec(l.steps[0].preset, s)).isEmpty());
    }
  }

  void vanishingFirstStep() {
    Lesson l;
    QString error;
    QVERIFY2(loadLessonFile(lessonPath(QStringLiteral("vanishing")), &l, &error),
             qPrintable(error));
    TrainingController c;
    LessonPanel panel(&c);
    QSignalSpy applied(&panel, &LessonPanel::specApplied);
    panel.setLesson(l);
    QCOMPARE(applied.count(), 1);
    const LessonPreset& p = l.steps[0].preset;
    QCOMPARE(c.spec().train.model.cell, p.cell);
    QCOMPARE(c.spec().train.model.hidden, p.hidden);
    QCOMPARE(c.spec().data.task(), std::string("language"));
    QCOMPARE(c.spec().data.option("filler"), std::to_string(p.lag()));
    QCOMPARE(c.spec().train.model.recurrent_gain, p.recurrent_gain);
    QCOMPARE(c.spec().train.optimizer.lr, p.lr);
    QCOMPARE(panel.currentStep(), 0);
    QVERIFY(!panel.stepDone());
    QVERIFY(!panel.nextButton()->isEnabled());
    QVERIFY(panel.statusText().startsWith(QStringLiteral("waiting")));

    QVERIFY2(runUntilDone(c, panel), qPrintable(panel.statusText()));
    QVERIFY2(panel.stepDone(), qPrintable(panel.statusText()));
    QVERIFY(panel.statusText().contains(QStringLiteral("done")));
    QVERIFY(panel.nextButton()->isEnabled());
    QVERIFY(!panel.previousButton()->isEnabled());

    // Step 2 names no preset: the run carries on (no new spec), the new condition is pending.
    panel.nextButton()->click();
    QCOMPARE(panel.currentStep(), 1);
    QVERIFY(!panel.stepDone());
    QCOMPARE(applied.count(), 1);
    QVERIFY(panel.previousButton()->isEnabled());
    // Step 3 lengthens the filler: a new preset is applied.
    panel.goToStep(2);
    QCOMPARE(applied.count(), 2);
    QCOMPARE(c.spec().data.option("filler"), std::string("40"));
    c.shutdown();
  }

  // Exploding, in the studio: the rejected step (never shown as the frame's report) completes step
  // 1; step 2 restarts with clipping and trains without a rejection until its loss bound holds.
  void explodingRejectedThenClipped() {
    Lesson l;
    QString error;
    QVERIFY2(loadLessonFile(lessonPath(QStringLiteral("exploding")), &l, &error),
             qPrintable(error));
    TrainingController c;
    LessonPanel panel(&c);
    QSignalSpy applied(&panel, &LessonPanel::specApplied);
    panel.setLesson(l);
    QVERIFY(!panel.stepDone());
    auto playUntilDone = [&] { runUntilDone(c, panel); };
    playUntilDone();
    QVERIFY2(panel.stepDone(), qPrintable(panel.statusText()));
    const uint64_t rejected = c.frame().nonFiniteCount;
    qInfo("step 1 done: %llu rejected, first at step %ld", (unsigned long long)rejected,
          c.frame().lastNonFinite.step);
    QVERIFY(rejected > 0);

    panel.nextButton()->click();
    QCOMPARE(applied.count(), 2);
    QCOMPARE(c.spec().train.clip.mode, ClipMode::Norm);
    QCOMPARE(c.spec().train.clip.threshold, 1.0);
    QVERIFY(!panel.stepDone());
    playUntilDone();
    QVERIFY2(panel.stepDone(), qPrintable(panel.statusText()));
    qInfo("step 2 done at step %ld, loss %.3f", c.frame().steps, c.frame().report.loss);
    QCOMPARE(c.frame().nonFiniteCount, rejected);  // no new rejection with clipping
    c.shutdown();
  }

  // Every step of every lesson, played in the studio through the panel from its first step on
  // (steps without a preset carry the run on, as a learner would), is not done on entering and
  // reaches its condition by training; a step that shows a failure spends its budget instead.
  void everyStepInStudio_data() {
    QTest::addColumn<QString>("name");
    for (const QString& n : lessonNames()) QTest::newRow(qPrintable(n)) << n;
  }
  void everyStepInStudio() {
    QFETCH(QString, name);
    Lesson l;
    QString error;
    QVERIFY2(loadLessonFile(lessonPath(name), &l, &error), qPrintable(error));
    TrainingController c;
    LessonPanel panel(&c);
    panel.setLesson(l);
    for (int i = 0; i < int(l.steps.size()); ++i) {
      if (i > 0) panel.goToStep(i);
      QCOMPARE(panel.currentStep(), i);
      c.pullNow();  // frames of the previous step's run must not count for this one
      QVERIFY2(!panel.stepDone(), "done before this step trained");
      if (!l.steps[size_t(i)].expect_goal) {
        // A step that shows a failure: its budget runs out, the panel says so and lets the
        // learner move on.
        QSignalSpy spent(&c, &TrainingController::budgetReached);
        c.runSteps(1000000);
        QVERIFY(spent.wait(120000) || !spent.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(panel.budgetSpent(), 20000);
        qInfo("step %d: %s", i + 1, qPrintable(panel.statusText()));
        QVERIFY(!panel.stepDone());
        QVERIFY(panel.statusText().startsWith("as expected"));
        QCOMPARE(panel.nextButton()->text(), QStringLiteral("Next ▸"));  // its point is made
        QTRY_COMPARE_WITH_TIMEOUT((c.pullNow(), c.frame().steps), l.steps[size_t(i)].max_steps,
                                  20000);
        continue;
      }
      runUntilDone(c, panel);
      qInfo("step %d: %s, condition met at run step %ld", i + 1, qPrintable(panel.statusText()),
            panel.doneAtStep());
      QVERIFY2(panel.stepDone(), qPrintable(panel.statusText()));
    }
    c.shutdown();
  }

  // The thread checks a step's condition on every training step, so a GUI that pulls one frame a
  // second completes the step on the same run step as one that pulls 40 a second.
  void completionDoesNotDependOnFrames() {
    Lesson l;
    QString error;
    QVERIFY2(loadLessonFile(lessonPath(QStringLiteral("unrolling")), &l, &error),
             qPrintable(error));
    long doneAt[2] = {-1, -1};
    for (int hz : {40, 1}) {
      TrainingController c;
      c.setFrameRate(hz);
      LessonPanel panel(&c);
      panel.setLesson(l);
      QVERIFY2(runUntilDone(c, panel), qPrintable(panel.statusText()));
      doneAt[hz == 1] = panel.doneAtStep();
      qInfo("pulling at %d Hz: step 1 done at run step %ld", hz, panel.doneAtStep());
      c.shutdown();
    }
    QVERIFY(doneAt[0] > 0);
    QCOMPARE(doneAt[1], doneAt[0]);
  }

  void malformedLesson() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    {
      QFile f(bad);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("{\n  \"title\": \"Broken\",\n  \"steps\": [ {\"text\": \"x\", ]\n}\n");
    }
    Lesson l;
    QString error;
    QVERIFY(!loadLessonFile(bad, &l, &error));
    QVERIFY2(error.contains(QStringLiteral("bad.json:3")), qPrintable(error));

    const QString schema = dir.filePath(QStringLiteral("schema.json"));
    {
      QFile f(schema);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(R"({"title": "T", "steps": [{"text": "x", "action": "play",
               "condition": {"metric": "nonsense", "op": "<", "value": 1}}]})");
    }
    error.clear();
    QVERIFY(!loadLessonFile(schema, &l, &error));
    QVERIFY2(error.contains(QStringLiteral("step 1")), qPrintable(error));
    QVERIFY(!loadLessonFile(dir.filePath(QStringLiteral("missing.json")), &l, &error));
    QVERIFY(!error.isEmpty());
  }

  // A step trains at its pace and pauses on the step that meets its condition, so its claim stays
  // on screen; without the goal it pauses when its budget is spent and offers to move on; played
  // on, it is not stopped again. The status shows a validation loss from its event, not only when
  // the pulled frame happens to be a validation step.
  void stepPausesAtGoalOrBudget() {
    const QString preset = R"("preset": {"cell": "gru", "hidden": 8, "task": "adding", "seq": 10})";
    Lesson l = parse_lesson((R"({"title": "Paced", "steps": [
          {"text": "a", "action": "play", "pace": 7, "max_steps": 1000, )" +
                             preset + R"(,
           "condition": {"metric": "steps", "op": ">=", "value": 7}},
          {"text": "b", "action": "play", "pace": 3, "max_steps": 5,
           "condition": {"metric": "loss", "op": "<", "value": -1}},
          {"text": "c", "action": "play", "max_steps": 1000,
           "condition": {"metric": "val_loss", "op": "<", "value": -1}}]})")
                                .toStdString(),
                            "paced.json");
    TrainingController c;
    LessonPanel panel(&c);
    QSignalSpy paces(&panel, &LessonPanel::paceChanged);
    panel.setLesson(l);
    QVERIFY(test::settle(c));
    QCOMPARE(c.frame().stepsPerSecond, 7);
    QCOMPARE(paces.last().first().toInt(), 7);

    c.setStepsPerSecond(0);  // the test need not wait for the pace
    QSignalSpy completed(&panel, &LessonPanel::stepCompleted);
    c.play();
    QVERIFY(completed.wait(60000));
    QVERIFY(test::settle(c));
    QCOMPARE(panel.doneAtStep(), 7L);
    QCOMPARE(c.frame().steps, 7L);  // paused on the very step
    QVERIFY(!c.frame().playing);
    QVERIFY2(panel.statusText().contains(QStringLiteral("paused")), qPrintable(panel.statusText()));

    QVERIFY(panel.goToStep(1));
    QVERIFY(test::settle(c));
    QCOMPARE(c.frame().stepsPerSecond, 3);
    c.setStepsPerSecond(0);
    QSignalSpy budget(&c, &TrainingController::budgetReached);
    c.play();
    QVERIFY(budget.wait(60000));
    QVERIFY(test::settle(c));
    QCOMPARE(c.frame().steps, 12L);  // 5 more: the budget
    QVERIFY(!c.frame().playing);
    QVERIFY(panel.budgetSpent());
    QVERIFY(!panel.stepDone());
    QVERIFY(panel.nextButton()->isEnabled());
    QVERIFY2(panel.statusText().contains(QStringLiteral("5 training steps")) &&
                 panel.statusText().contains(QStringLiteral("press Skip")),
             qPrintable(panel.statusText()));
    QCOMPARE(panel.nextButton()->text(), QStringLiteral("Skip ▸"));  // the text names the button
    c.runSteps(3);                                                   // played on: no second stop
    QVERIFY(test::waitFor(c, [](const Frame& f) { return f.steps == 15; }));

    QVERIFY(panel.goToStep(2));  // validation every 50 steps: the last pulled step is not one
    c.runSteps(51);
    QVERIFY(test::waitFor(c, [](const Frame& f) { return f.steps == 66 && !f.playing; }));
    QVERIFY(test::settle(c));
    QVERIFY2(panel.statusText().contains(QStringLiteral("validation loss is")),
             qPrintable(panel.statusText()));
  }

  // A step with "compare" keeps earlier steps' runs on the charts, so that before and after are
  // one picture: the loss chart draws the previous run's loss curve (thinned to at most
  // ComparisonRun::kMaxPoints points) and the gradient-vs-timestep chart its last profile, both
  // named in the legend ("before: <label>", else the cell); "earlier" keeps every earlier step's
  // run (one per seed); a step without "compare" shows none, and a run from outside the lesson
  // (a demo) clears them.
  void comparisonKeepsEarlierRuns() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("compare.json"));
    {
      QFile f(path);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(R"({"title": "Compare", "steps": [
        {"text": "a", "action": "play", "label": "seed 1", "max_steps": 100,
         "preset": {"cell": "rnn", "hidden": 8, "task": "adding", "seq": 10, "seed": 1},
         "condition": {"metric": "steps", "op": ">=", "value": 40}},
        {"text": "b", "action": "play", "compare": "previous", "max_steps": 100,
         "preset": {"cell": "gru", "seed": 2},
         "condition": {"metric": "steps", "op": ">=", "value": 20}},
        {"text": "c", "action": "play", "compare": "earlier", "max_steps": 100,
         "preset": {"seed": 3}, "condition": {"metric": "steps", "op": ">=", "value": 5}},
        {"text": "d", "action": "play", "max_steps": 100,
         "preset": {"seed": 4}, "condition": {"metric": "steps", "op": ">=", "value": 5}}]})");
    }
    MainWindow w(false);
    QVERIFY(w.openLesson(path));
    TrainingController& c = *w.controller();
    LessonPanel& panel = *w.lessonPanel();
    auto names = [&] { return w.lossChart()->comparisonNames(); };
    QVERIFY(names().isEmpty());
    c.setStepsPerSecond(0);
    QVERIFY(runUntilDone(c, panel));
    QVERIFY(test::settle(c));

    QVERIFY(panel.goToStep(1));
    QCOMPARE(w.timestepChart()->comparisonNames(),
             QStringList{QStringLiteral("before: seed 1")});  // its last profile, at once
    QCOMPARE(panel.comparison()[0].profile.size(), size_t(10));
    QCOMPARE(panel.comparison()[0].loss.size(), size_t(40));  // kept whole: one point per step
    QCOMPARE(panel.comparison()[0].loss.back().first, 40.0);  // up to the run's last step
    // The loss curve is drawn up to the live run's step, so the two compare at the same step.
    c.setStepsPerSecond(0);
    c.runSteps(10);
    QVERIFY(test::waitFor(c, [](const Frame& f) { return f.steps == 10 && !f.playing; }));
    QVERIFY(test::settle(c));
    QCOMPARE(names(), QStringList{QStringLiteral("before: seed 1")});
    const int points = w.lossChart()->comparisonPointCount(0);
    qInfo("previous run: %d of its 40 loss points drawn at step 10", points);
    QCOMPARE(points, 10);

    c.setStepsPerSecond(0);
    QVERIFY(runUntilDone(c, panel));
    QVERIFY(test::settle(c));
    QVERIFY(panel.goToStep(2));
    c.setStepsPerSecond(0);
    c.runSteps(2);
    QVERIFY(test::waitFor(c, [](const Frame& f) { return f.steps == 2 && !f.playing; }));
    QVERIFY(test::settle(c));
    QCOMPARE(names(),
             (QStringList{QStringLiteral("before: seed 1"), QStringLiteral("before: GRU")}));
    QCOMPARE(w.timestepChart()->comparisonNames(), names());
    c.setStepsPerSecond(0);
    QVERIFY(runUntilDone(c, panel));
    QVERIFY(test::settle(c));
    QVERIFY(panel.goToStep(3));
    QVERIFY(names().isEmpty());
    QVERIFY(w.timestepChart()->comparisonNames().isEmpty());
    QVERIFY(panel.goToStep(2));  // back: the runs of steps 1 and 2 are still kept
    QCOMPARE(panel.comparison().size(), size_t(2));
    QCOMPARE(w.timestepChart()->comparisonNames().size(), 2);

    QVERIFY(w.loadDemo(QStringLiteral("sine")));  // another run: nothing to compare with
    c.runSteps(2);
    QVERIFY(test::waitFor(c, [](const Frame& f) { return f.steps >= 2; }));
    QVERIFY(test::settle(c));
    QVERIFY(names().isEmpty());
    QVERIFY(w.timestepChart()->comparisonNames().isEmpty());
  }

  // A comparison run's memory is bounded: a long history is thinned to kMaxPoints points whose
  // steps span the run and whose mean is the run's mean.
  void comparisonRunBounded() {
    ScalarHistory h;
    double sum = 0;
    for (long step = 1; step <= 100000; ++step) {
      h.beginStep(step);
      const double loss = 1.0 + std::sin(double(step) / 5000.0);
      h.add(kLoss, loss);
      sum += loss;
    }
    StepReport last;
    last.timestep_grad_norms = {{1e-3, 1e-2, 1e-1}};
    const ComparisonRun run = comparisonRun(QStringLiteral("before: x"), h, last);
    double weighted = 0;
    for (const auto& p : run.loss) weighted += p.second;
    qInfo("100000 steps: %zu points, stride %ld; mean %.6f (exact %.6f)", run.loss.size(),
          run.stride, weighted / double(run.loss.size()), sum / 100000);
    QVERIFY(run.loss.size() <= size_t(ComparisonRun::kMaxPoints));
    QVERIFY(run.loss.size() >= size_t(ComparisonRun::kMaxPoints / 2));
    QVERIFY(run.loss.front().first < 1000 && run.loss.back().first > 99000);
    QVERIFY(std::abs(weighted / double(run.loss.size()) - sum / 100000) < 0.01);
    QCOMPARE(run.profile, last.timestep_grad_norms[0]);
  }

  // A goal reached by a broken model is no success: the step does not complete, its budget ends
  // it, and the status says what is wrong (here: the hidden states are larger than the health
  // term allows) and that the fix has not worked.
  void brokenModelIsNoSuccess() {
    Lesson l = parse_lesson(R"({"title": "Health", "steps": [
          {"text": "a", "action": "play", "max_steps": 6,
           "preset": {"cell": "rnn-relu", "hidden": 8, "task": "adding", "seq": 10},
           "condition": {"metric": "loss", "op": "<", "value": 100,
                         "health": [{"metric": "max_hidden", "op": "<", "value": 1e-9}]}}]})",
                            "health.json");
    TrainingController c;
    LessonPanel panel(&c);
    panel.setLesson(l);
    QVERIFY(test::settle(c));
    c.setStepsPerSecond(0);
    QSignalSpy budget(&c, &TrainingController::budgetReached);
    QSignalSpy completed(&panel, &LessonPanel::stepCompleted);
    c.play();
    QVERIFY(budget.wait(60000));
    QVERIFY(test::settle(c));
    qInfo("%s", qPrintable(panel.statusText()));
    QCOMPARE(completed.count(), 0);
    QVERIFY(!panel.stepDone());
    QVERIFY(panel.budgetSpent());
    QVERIFY2(panel.statusText().contains(QStringLiteral("the hidden states reach")) &&
                 panel.statusText().contains(QStringLiteral("has not worked")),
             qPrintable(panel.statusText()));
    c.shutdown();
  }

  // --lesson-step N opens the lesson at step N; out of range, or without --lesson, is refused.
  void openAtStep() {
    auto parse = [](QStringList args, AppOptions* out, QString* error) {
      args.prepend(QStringLiteral("unroll"));
      return parseOptions(args, out, error);
    };
    AppOptions o;
    QString error;
    QVERIFY2(parse({"--lesson", "vanishing", "--lesson-step", "3"}, &o, &error), qPrintable(error));
    QCOMPARE(o.lessonStep, 3);
    QVERIFY(!parse({"--lesson", "vanishing", "--lesson-step", "4"}, &o, &error));
    QVERIFY2(error.contains(QStringLiteral("from 1 to 3")), qPrintable(error));
    QVERIFY(!parse({"--lesson-step", "2"}, &o, &error));
    QVERIFY2(error.contains(QStringLiteral("needs --lesson")), qPrintable(error));
    AppOptions at;
    QVERIFY(parse({"--lesson", "fixes", "--lesson-step", "5"}, &at, &error));
    MainWindow w(false);
    w.start(at, /*offerRecovery=*/false);
    QCOMPARE(w.lessonPanel()->currentStep(), 4);
    QCOMPARE(w.controller()->spec().train.model.hidden, 64);  // step 5's preset
  }

  // A teacher's own lesson file opens from the window (Help > Lessons > Open lesson file… and
  // `unroll --lesson FILE.json` go this way) and from the command line; a malformed one is
  // refused with its file and line, and the studio keeps its run.
  void ownLessonFileOpens() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString own = dir.filePath(QStringLiteral("own.json")),
                  bad = dir.filePath(QStringLiteral("bad.json"));
    for (const auto& [path, text] :
         {std::pair{own, QByteArray(R"({"title": "Class of 9B", "steps": [{"text": "Watch.",
            "action": "play", "preset": {"cell": "gru", "hidden": 8, "task": "adding", "seq": 10},
            "condition": {"metric": "steps", "op": ">=", "value": 3}}]})")},
          std::pair{bad, QByteArray("{\n  \"title\": \"Broken\",\n  \"steps\": [ 1, ]\n}\n")}}) {
      QFile f(path);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(text);
    }
    MainWindow w(false);
    auto* ui = new test::ScriptedUi;
    w.fileActions()->setUi(std::unique_ptr<FileUi>(ui));
    QVERIFY(w.loadDemo(QStringLiteral("vanishing")));
    QVERIFY(!w.openLesson(bad));
    QCOMPARE(ui->errors.size(), 1);
    QVERIFY2(ui->errors.first().contains(QStringLiteral("bad.json:3")), qPrintable(ui->errors[0]));
    QCOMPARE(w.controller()->spec().demo, QStringLiteral("vanishing"));  // the run stays
    QVERIFY(w.openLesson(own));
    QCOMPARE(w.lessonPanel()->titleText(), QStringLiteral("Class of 9B"));
    QCOMPARE(w.controller()->spec().train.model.cell, CellType::Gru);

    auto parse = [](const QString& lesson, AppOptions* out, QString* error) {
      QStringList args{QStringLiteral("unroll"), QStringLiteral("--lesson"), lesson};
      return parseOptions(args, out, error);
    };
    AppOptions o;
    QString error;
    QVERIFY2(parse(own, &o, &error), qPrintable(error));
    QCOMPARE(o.lesson, own);
    QVERIFY(!parse(bad, &o, &error));
    QVERIFY2(error.contains(QStringLiteral("bad.json:3")), qPrintable(error));
    QVERIFY(!parse(dir.filePath(QStringLiteral("none.json")), &o, &error));
    QVERIFY2(error.contains(QStringLiteral("none.json")), qPrintable(error));
  }

  // Every title, text and action of every built-in lesson is in gui/lesson_strings.cpp (marked
  // for lupdate), and that file holds nothing else: run scripts/lesson_strings.py when this fails.
  void lessonStringsMarked() {
    const QStringList marked = builtinLessonStrings();
    QSet<QString> used;
    for (const QString& n : lessonNames()) {
      Lesson l;
      QString error;
      QVERIFY2(loadLessonFile(lessonPath(n), &l, &error), qPrintable(error));
      QStringList strings = {QString::fromStdString(l.title)};
      for (const LessonStep& s : l.steps)
        strings << QString::fromStdString(s.text) << QString::fromStdString(s.action)
                << QString::fromStdString(s.label);
      strings.removeAll(QString());
      for (const QString& s : strings) {
        QVERIFY2(marked.contains(s),
                 qPrintable(n + QStringLiteral(": not in lesson_strings.cpp: ") + s.left(60)));
        used.insert(s);
      }
    }
    for (const QString& n : translationLessonNames()) {  // the Translation window's lessons
      const TranslationLesson l =
          load_translation_lesson(QFile::encodeName(translationLessonPath(n)).toStdString());
      QStringList strings = {QString::fromStdString(l.title)};
      for (const TranslationLessonStep& s : l.steps) strings << QString::fromStdString(s.text);
      for (const QString& s : strings) {
        QVERIFY2(marked.contains(s),
                 qPrintable(n + QStringLiteral(": not in lesson_strings.cpp: ") + s.left(60)));
        used.insert(s);
      }
    }
    QVERIFY(!translationLessonNames().isEmpty());
    for (const QString& s : marked)
      QVERIFY2(used.contains(s),
               qPrintable(QStringLiteral("stale in lesson_strings.cpp: ") + s.left(60)));
    qInfo("%lld lesson strings marked", qint64(marked.size()));
  }

  // With the German translation loaded (the .qm lrelease built from translations/unroll_de.ts),
  // every built-in lesson string has a translation and the panel shows it; a lesson that is not
  // built in is shown as written.
  void germanLessonText() {
    QTranslator german;
    const QString qm = QStringLiteral(UNROLL_BIN_DIR "/../gui/unroll_de.qm");
    QVERIFY2(german.load(qm), qPrintable(QStringLiteral("cannot load ") + qm));
    for (const QString& s : builtinLessonStrings())
      QVERIFY2(!german.translate("Lesson", s.toUtf8().constData()).isEmpty(),
               qPrintable(QStringLiteral("no German for: ") + s.left(60)));
    QVERIFY(QCoreApplication::installTranslator(&german));

    Lesson l;
    QString error;
    QVERIFY2(loadLessonFile(lessonPath(QStringLiteral("vanishing")), &l, &error),
             qPrintable(error));
    TrainingController c;
    LessonPanel panel(&c);
    panel.setLesson(l);
    const QString english = QString::fromStdString(l.steps[0].text);
    qInfo("step 1 shown as: %s", qPrintable(panel.stepText().left(90)));
    QCOMPARE(panel.stepText(), german.translate("Lesson", l.steps[0].text.c_str()));
    QVERIFY(panel.stepText() != english);
    QVERIFY(panel.stepText().contains(QStringLiteral("Satz")));  // German, not just different
    QCOMPARE(panel.titleText(), german.translate("Lesson", l.title.c_str()));
    QVERIFY(panel.titleText() != QString::fromStdString(l.title));
    QCOMPARE(panel.actionText(), german.translate("Lesson", l.steps[0].action.c_str()));
    QVERIFY(panel.actionText() != QString::fromStdString(l.steps[0].action));

    // A teacher's own lesson: no translation exists, the English stays. (A string identical to a
    // built-in one, such as the action "play", would get the built-in translation.)
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString own = dir.filePath(QStringLiteral("own.json"));
    {
      QFile f(own);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(R"({"title": "My lesson", "steps": [{"text": "Watch the loss fall.",
               "action": "train for a while", "condition": {"metric": "steps", "op": ">=", "value": 5}}]})");
    }
    Lesson mine;
    QVERIFY2(loadLessonFile(own, &mine, &error), qPrintable(error));
    panel.setLesson(mine);
    QCOMPARE(panel.titleText(), QStringLiteral("My lesson"));
    QCOMPARE(panel.stepText(), QStringLiteral("Watch the loss fall."));
    QCOMPARE(panel.actionText(), QStringLiteral("train for a while"));
    c.shutdown();
    QCoreApplication::removeTranslator(&german);
  }
};

QTEST_MAIN(TstGuiLessons)
#include "tst_gui_lessons.moc"
