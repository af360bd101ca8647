// The Translation window as a person uses it: Train shows the loss, one validation sentence with
// its translation coloured token by token, the attention matrix (or why there is none) and the
// gradient reaching each source word; Stop ends a long run; the length sweep fills its chart and
// table cell by cell and says what its longest length shows; bad sweep lengths are refused
// with the reason and nothing runs.
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "charts/heatmap_view.h"
#include "charts/numbers.h"
#include "translate/length_sweep_view.h"
#include "translate/translation_form.h"
#include "translate/translation_lesson_panel.h"
#include "translate/translation_view.h"
#include "translate/translation_window.h"

using namespace unroll;
using namespace unroll::gui;

namespace {

void makeSmall(TranslationWindow& w, int length, AttentionKind attention, long steps) {
  w.form()->setTask(QStringLiteral("reorder"), length);
  w.form()->setHiddenSize(16);
  w.form()->setAttention(attention);
  w.form()->setSteps(steps);
  w.setValidateEvery(20);
}

}  // namespace

class TstGuiTranslation : public QObject {
  Q_OBJECT
 private slots:
  void trainShowsSentenceAttentionAndGradient();
  void withoutAttentionSaysSo();
  void stopEndsALongRun();
  void sweepFillsChartAndTable();
  void badLengthsAreRefused();
  void lessonSetsUpEachStepAndFollowsTheGoal();
  void badLessonIsRefused();
};

void TstGuiTranslation::trainShowsSentenceAttentionAndGradient() {
  TranslationWindow w;
  makeSmall(w, 6, AttentionKind::Additive, 60);
  QSignalSpy done(&w, &TranslationWindow::trainingFinished);
  QVERIFY(w.train());
  QVERIFY(w.running());
  QVERIFY(!w.train());  // one job at a time
  QVERIFY(done.wait(120000));
  QCOMPARE(done[0][0].toBool(), true);
  QCOMPARE(w.steps(), 60L);
  TranslationView* v = w.view();
  QVERIFY(v->lossPointCount() > 0);
  QVERIFY(v->gradNormPointCount() > 0);
  QVERIFY(v->splitPointCount() > 0);
  // At least the last validation's spectra (a 20 Hz view may get only the latest of several).
  QVERIFY(v->spectraPointCount() >= 1 && v->spectraPointCount() <= 3);
  const QString text = v->exampleText();
  QVERIFY2(text.contains("Source") && text.contains("Reference") && text.contains("Model"),
           qPrintable(text));
  QVERIFY2(v->metricsText().contains("step 60"), qPrintable(v->metricsText()));
  QVERIFY(v->attentionRows() > 0);                   // output steps
  QCOMPARE(v->attentionView()->image().width(), 6);  // source words
  QCOMPARE(v->encoderPointCount(true), 6);
  QCOMPARE(v->encoderPointCount(false), 6);
  // The sentence under the chart quotes the drawn batch curve: first position over last.
  const QList<QPointF> batch = v->encoderPoints(false);
  const QString ratio = formatValue(batch.first().y() / batch.last().y());
  QVERIFY2(v->gradientText().contains("first source word gets " + ratio + " of"),
           qPrintable(v->gradientText() + " / " + ratio));
  QVERIFY(!v->gradientText().contains("Without attention"));
  QVERIFY(std::isfinite(v->matchedShare()));
  QVERIFY2(w.form()->status().startsWith("Done: 60 steps"), qPrintable(w.form()->status()));
}

void TstGuiTranslation::withoutAttentionSaysSo() {
  TranslationWindow w;
  makeSmall(w, 5, AttentionKind::None, 20);
  QSignalSpy done(&w, &TranslationWindow::trainingFinished);
  QVERIFY(w.train());
  QVERIFY(done.wait(120000));
  QCOMPARE(w.view()->attentionRows(), 0);
  QCOMPARE(w.view()->encoderPointCount(true), 5);  // the gradient still reaches the encoder
  QVERIFY2(w.view()->gradientText().contains("Without attention"),
           qPrintable(w.view()->gradientText()));
}

void TstGuiTranslation::stopEndsALongRun() {
  TranslationWindow w;
  makeSmall(w, 5, AttentionKind::Dot, 1000000);
  QSignalSpy done(&w, &TranslationWindow::trainingFinished);
  QVERIFY(w.train());
  QTRY_VERIFY_WITH_TIMEOUT(w.view()->lossPointCount() > 0, 60000);
  w.stop();
  QVERIFY(done.wait(60000));
  QCOMPARE(done[0][0].toBool(), false);
  QVERIFY(!w.running());
  QVERIFY(w.steps() > 0 && w.steps() < 1000000);
  QVERIFY2(w.form()->status().contains(QString::number(w.steps())), qPrintable(w.form()->status()));
}

void TstGuiTranslation::sweepFillsChartAndTable() {
  TranslationWindow w;
  makeSmall(w, 5, AttentionKind::Additive, 20);
  w.form()->setSweep(QStringLiteral("3, 4"), {AttentionKind::None, AttentionKind::Additive}, 20);
  QSignalSpy done(&w, &TranslationWindow::sweepFinished);
  QVERIFY(w.sweep());
  QVERIFY(!w.train());
  QVERIFY(done.wait(120000));
  QCOMPARE(done[0][0].toBool(), true);
  LengthSweepView* s = w.sweepView();
  QCOMPARE(s->table()->rowCount(), 4);
  QCOMPARE(s->pointCount(AttentionKind::None), 2);
  QCOMPARE(s->pointCount(AttentionKind::Additive), 2);
  QCOMPARE(s->pointCount(AttentionKind::Dot), 0);
  QCOMPARE(s->table()->item(3, 1)->text(), QString("4"));
  // The summary quotes the chart's own numbers at the longest length.
  const QString sum = s->summary();
  QVERIFY2(sum.startsWith("Done. At length 4"), qPrintable(sum));
  for (const LengthSweepCell& c : s->cells())
    if (c.length == 4)
      QVERIFY2(sum.contains(QString::number(100 * c.metrics.exact, 'f', 0) + "%"), qPrintable(sum));
  QCOMPARE(w.form()->status(), sum);
}

void TstGuiTranslation::badLengthsAreRefused() {
  TranslationWindow w;
  w.form()->setSweep(QStringLiteral("5,x"), {AttentionKind::None}, 20);
  QVERIFY(!w.sweep());
  QVERIFY(!w.running());
  QVERIFY2(w.form()->status().contains("“x”"), qPrintable(w.form()->status()));
  w.form()->setSweep(QStringLiteral("5"), {}, 20);
  QVERIFY(!w.sweep());
  QVERIFY2(w.form()->status().contains("at least one"), qPrintable(w.form()->status()));
  QCOMPARE(w.sweepView()->table()->rowCount(), 0);
}

// The built-in lesson: each step puts its preset into the form; the first step's goal is met on a
// validation, which stops the run with the goal on screen; later steps set up the failing model,
// the fix and the sweep.
void TstGuiTranslation::lessonSetsUpEachStepAndFollowsTheGoal() {
  TranslationWindow w;
  QString error;
  QVERIFY2(w.openLesson(translationLessonPath("attention"), &error), qPrintable(error));
  TranslationLessonPanel* p = w.lessonPanel();
  QVERIFY(p->isVisibleTo(&w));
  QCOMPARE(p->stepIndex(), 0);
  Seq2SeqTrainConfig c = w.form()->config();
  QCOMPARE(c.task.length, 5);
  QVERIFY(c.model.attention == AttentionKind::None);
  QVERIFY(c.model.encoder_cell == CellType::Gru);
  QVERIFY2(p->statusText().contains("90.0%"), qPrintable(p->statusText()));
  w.setPace(0);  // the lesson's pace is for a class; the test runs at full speed
  QSignalSpy done(&w, &TranslationWindow::trainingFinished);
  QVERIFY(w.train());
  QVERIFY(done.wait(120000));
  QCOMPARE(done[0][0].toBool(), false);  // stopped at the goal, before the budget
  QVERIFY2(p->statusText().startsWith("Goal met at step"), qPrintable(p->statusText()));
  QVERIFY(w.steps() < 1000);
  QVERIFY2(w.view()->metricsText().contains(QString("step %1 ").arg(w.steps())) ||
               w.view()->metricsText().contains(QString("step %1").arg(w.steps())),
           qPrintable(w.view()->metricsText()));

  p->nextButton()->click();
  QCOMPARE(p->stepIndex(), 1);
  c = w.form()->config();
  QCOMPARE(c.task.length, 20);
  QVERIFY(c.model.attention == AttentionKind::None);
  QVERIFY2(p->statusText().contains("does not reach"), qPrintable(p->statusText()));
  p->nextButton()->click();
  QVERIFY(w.form()->config().model.attention == AttentionKind::Additive);
  p->nextButton()->click();
  QCOMPARE(p->stepIndex(), 3);
  QString why;
  const LengthSweepSpec s = w.form()->sweepSpec(&why);
  QVERIFY2(why.isEmpty(), qPrintable(why));
  QVERIFY(s.lengths == std::vector<int>({5, 10, 20, 40}));
  QCOMPARE(s.steps, 1500L);
  QVERIFY(!p->nextButton()->isEnabled());  // the last step
}

void TstGuiTranslation::badLessonIsRefused() {
  QTemporaryDir dir;
  const QString path = dir.filePath("bad.json");
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(R"({"title": "t", "steps": [{"text": "a", "preset": {"length": 0}, "goal_exact": 1}]})");
  f.close();
  TranslationWindow w;
  QString error;
  QVERIFY(!w.openLesson(path, &error));
  QVERIFY2(error.contains("step 1: preset.length"), qPrintable(error));
  QVERIFY(!w.lessonPanel()->isVisibleTo(&w));
}

QTEST_MAIN(TstGuiTranslation)
#include "tst_gui_translation.moc"
