// The lesson player: every lesson file loads; opening "vanishing" applies its first preset to the
// controller; training until the condition holds marks the step done and enables Next; a malformed
// lesson file is refused with the engine's reason, without a crash.
#include <QElapsedTimer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include "lesson_panel.h"
#include "training_controller.h"

using namespace unroll;
using namespace unroll::gui;

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
    QVERIFY2(loadLessonFile(lessonPath(QStringLiteral("vanishing")), &l, &error), qPrintable(error));
    TrainingController c;
    LessonPanel panel(&c);
    QSignalSpy applied(&panel, &LessonPanel::specApplied);
    panel.setLesson(l);
    QCOMPARE(applied.count(), 1);
    const LessonPreset& p = l.steps[0].preset;
    QCOMPARE(c.spec().train.model.cell, p.cell);
    QCOMPARE(c.spec().train.model.hidden, p.hidden);
    QCOMPARE(c.spec().data.kind, DataKind::Language);
    QCOMPARE(c.spec().data.filler, p.lag);
    QCOMPARE(c.spec().recurrentGain, p.recurrent_gain);
    QCOMPARE(c.spec().train.optimizer.lr, p.lr);
    QCOMPARE(panel.currentStep(), 0);
    QVERIFY(!panel.stepDone());
    QVERIFY(!panel.nextButton()->isEnabled());
    QVERIFY(panel.statusText().startsWith(QStringLiteral("waiting")));

    c.play();
    QElapsedTimer t;
    t.start();
    while (!panel.stepDone() && t.elapsed() < 60000) {
      c.pullNow();
      QTest::qWait(10);
    }
    c.pause();
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
    QCOMPARE(c.spec().data.filler, 40);
    c.shutdown();
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
};

QTEST_MAIN(TstGuiLessons)
#include "tst_gui_lessons.moc"
