// The training controller and its thread: commands reach the thread and take effect, a reset
// replays the same run, a non-finite step pauses and a rewind to a good snapshot recovers from it,
// closing joins quickly.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>
#include <cmath>

#include "gui_test_util.h"
#include "session/training_controller.h"
#include "telemetry/scalar_history.h"

using namespace unroll;
using namespace unroll::gui;
using test::smallSpec;
using test::waitFor;

namespace {

// The first n training losses, read from the (undecimated, stride 1) history.
std::vector<double> firstLosses(const Frame& f, int n) {
  std::vector<double> out;
  for (const Bucket& b : f.history.buckets()) {
    if (int(out.size()) == n) break;
    out.push_back(b.s[kLoss].mean());
  }
  return out;
}

}  // namespace

class TstGuiController : public QObject {
  Q_OBJECT
 private slots:
  void stepOnceRunsExactlyOneStep();
  void playAndPause();
  void resetReproducesFirstLosses();
  void learningRateChangeTakesEffect();
  void invalidCommandIsReportedNotFatal();
  void nonFiniteStepRewindsAndRecovers();
  void closingMidRunJoinsFast();
};

void TstGuiController::stepOnceRunsExactlyOneStep() {
  TrainingController c;
  QVERIFY(c.setSpec(smallSpec()).isEmpty());
  QVERIFY(waitFor(c, [](const Frame& f) { return f.generation > 0; }));
  for (int i = 0; i < 3; ++i) c.stepOnce();
  QVERIFY(waitFor(c, [](const Frame& f) { return f.steps == 3; }));
  QTest::qWait(100);
  c.pullNow();
  QCOMPARE(c.frame().steps, 3L);
  QVERIFY(!c.frame().playing);
  QVERIFY(c.frame().hasReport);
  QCOMPARE(c.frame().report.step, 3L);
}

void TstGuiController::playAndPause() {
  TrainingController c;
  QSignalSpy playing(&c, &TrainingController::playingChanged);
  QVERIFY(c.setSpec(smallSpec()).isEmpty());
  c.play();
  QVERIFY(waitFor(c, [](const Frame& f) { return f.steps >= 20 && f.playing; }));
  c.pause();
  QVERIFY(waitFor(c, [](const Frame& f) { return !f.playing; }));
  const long stopped = c.frame().steps;
  QTest::qWait(150);
  c.pullNow();
  QCOMPARE(c.frame().steps, stopped);  // nothing runs while paused
  QVERIFY(playing.count() >= 2);
  QVERIFY(c.frame().elapsed > 0);
}

void TstGuiController::resetReproducesFirstLosses() {
  TrainingController c;
  QVERIFY(c.setSpec(smallSpec()).isEmpty());
  for (int i = 0; i < 5; ++i) c.stepOnce();
  QVERIFY(waitFor(c, [](const Frame& f) { return f.steps == 5; }));
  const std::vector<double> first = firstLosses(c.frame(), 5);
  QCOMPARE(int(first.size()), 5);
  c.reset();
  QVERIFY(waitFor(c, [](const Frame& f) { return f.steps == 0 && !f.hasReport; }));
  for (int i = 0; i < 5; ++i) c.stepOnce();
  QVERIFY(waitFor(c, [](const Frame& f) { return f.steps == 5; }));
  const std::vector<double> again = firstLosses(c.frame(), 5);
  double worst = 0;
  for (int i = 0; i < 5; ++i) worst = std::max(worst, std::abs(first[i] - again[i]));
  qInfo("largest difference between the first 5 losses of two runs: %g", worst);
  QCOMPARE(worst, 0.0);
}

void TstGuiController::learningRateChangeTakesEffect() {
  TrainingController c;
  QVERIFY(c.setSpec(smallSpec()).isEmpty());
  c.stepOnce();
  QVERIFY(waitFor(c, [](const Frame& f) { return f.steps == 1; }));
  QCOMPARE(c.frame().report.lr, 1e-3);
  c.setLearningRate(0.0123);
  c.setClip({ClipMode::Norm, 1e-3});
  c.stepOnce();
  QVERIFY(waitFor(c, [](const Frame& f) { return f.steps == 2; }));
  QCOMPARE(c.frame().report.lr, 0.0123);
  QVERIFY(c.frame().report.clipped);  // a 0.001 norm limit clips any real gradient
  QVERIFY(c.frame().report.grad_norm_clipped <= 1e-3 * 1.0001);
}

void TstGuiController::invalidCommandIsReportedNotFatal() {
  TrainingController c;
  QSignalSpy errors(&c, &TrainingController::engineError);
  QVERIFY(c.setSpec(smallSpec()).isEmpty());
  c.setBptt({true, 30, 10});  // k1 > k2: the engine refuses
  c.stepOnce();
  QVERIFY(waitFor(c, [](const Frame& f) { return f.steps == 1; }));
  QCOMPARE(errors.count(), 1);
  QVERIFY(errors.first().first().toString().contains("k1"));
}

void TstGuiController::nonFiniteStepRewindsAndRecovers() {
  // The exploding demo: tanh RNN, W_hh stretched x1.5, SGD without clipping; with seed 1 its
  // output overflows within ~50 steps.
  RunSpec s;
  QVERIFY(demoSpec(QStringLiteral("exploding"), &s));
  TrainingController c;
  QSignalSpy events(&c, &TrainingController::nonFiniteStep);
  QVERIFY(c.setSpec(s).isEmpty());
  c.play();
  QVERIFY(waitFor(c, [](const Frame& f) { return f.nonFiniteCount > 0 && !f.playing; }));
  QCOMPARE(events.count(), 1);
  const NonFiniteEvent e = events.first().first().value<NonFiniteEvent>();
  QVERIFY(e.step > 0);
  QVERIFY(!e.tensor.isEmpty());
  const long steps = c.frame().steps;
  QTest::qWait(100);
  c.pullNow();
  QCOMPARE(c.frame().steps, steps);  // paused
  QVERIFY(!c.frame().playing);
  // The shown report is the last accepted one: finite loss and hidden states.
  if (c.frame().hasReport) {
    QVERIFY(c.frame().report.accepted);
    for (const auto& h : c.frame().report.hidden) QVERIFY(h.allFinite());
  }
  // The banner's "lower LR + clip + continue": rewind to the last known-good snapshot (the last
  // weights are already on their way to overflow), apply both, play. Training must go on with
  // accepted steps and finite losses.
  const double lr = c.spec().train.optimizer.lr;
  c.rewindToLastGood();
  c.setLearningRate(lr * 0.1);
  c.setClip({ClipMode::Norm, 1.0});
  c.play();
  QVERIFY(waitFor(c, [](const Frame& f) { return f.rewindCount == 1; }));
  const long from = c.frame().rewoundTo;
  QVERIFY(from >= 0 && from < e.step);
  QVERIFY(waitFor(
      c, [&](const Frame& f) { return f.steps >= from + 200 || f.nonFiniteCount > 1; }, 30000));
  c.pause();
  qInfo("rejected at step %ld, rewound to step %ld, now at step %ld, non-finite events %llu",
        e.step, from, c.frame().steps, (unsigned long long)c.frame().nonFiniteCount);
  QCOMPARE(c.frame().nonFiniteCount, uint64_t(1));
  QVERIFY(c.frame().steps >= from + 200);
  QVERIFY(c.frame().report.accepted);
  QVERIFY(std::isfinite(c.frame().report.loss));
  // Every loss recorded since the rewind is finite (non-finite values would be dropped, so check
  // the buckets after the rejected step have a loss at all and it is finite).
  int after = 0;
  for (const Bucket& b : c.frame().history.buckets())
    if (b.firstStep > e.step) {
      ++after;
      QVERIFY(b.s[kLoss].count > 0);
      QVERIFY(std::isfinite(b.s[kLoss].max));
    }
  QVERIFY(after > 0);
}

void TstGuiController::closingMidRunJoinsFast() {
  auto* c = new TrainingController;
  RunSpec s;
  demoSpec(QStringLiteral("text"), &s);  // the slowest demo: long steps
  QVERIFY(c->setSpec(s).isEmpty());
  c->play();
  QVERIFY(waitFor(*c, [](const Frame& f) { return f.steps >= 2; }));
  QElapsedTimer t;
  t.start();
  delete c;
  qInfo("joined the training thread in %lld ms", t.elapsed());
  QVERIFY(t.elapsed() < 1000);
}

QTEST_MAIN(TstGuiController)
#include "tst_gui_controller.moc"
