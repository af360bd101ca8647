// The training controller and its thread: commands reach the thread and take effect, a reset
// replays the same run, a non-finite step pauses and a rewind to a good snapshot recovers from it,
// closing joins quickly.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>
#include <cmath>

#include "gui_test_util.h"
#include "session/event_queue.h"
#include "session/training_controller.h"
#include "telemetry/scalar_history.h"

using namespace unroll;
using namespace unroll::gui;
using test::settle;
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
  void refusedSettingKeepsAcceptedValue();
  void eventQueueKeepsLosslessEvents();
  void nonFiniteStepRewindsAndRecovers();
  void closingMidRunJoinsFast();
};

void TstGuiController::stepOnceRunsExactlyOneStep() {
  TrainingController c;
  QVERIFY(c.setSpec(smallSpec()).isEmpty());
  QVERIFY(waitFor(c, [](const Frame& f) { return f.generation > 0; }));
  for (int i = 0; i < 3; ++i) c.stepOnce();
  QVERIFY(waitFor(c, [](const Frame& f) { return f.steps == 3; }));
  QVERIFY(settle(c));
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
  QVERIFY(settle(c));
  QVERIFY(settle(c));
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

// The engine owns the live settings: a refused learning rate or BPTT window mid-run leaves the
// controller's spec and the frame at the accepted values and names the engine's reason.
void TstGuiController::refusedSettingKeepsAcceptedValue() {
  TrainingController c;
  QSignalSpy settings(&c, &TrainingController::settingsChanged);
  QVERIFY(c.setSpec(smallSpec()).isEmpty());
  c.stepOnce();
  QVERIFY(waitFor(c, [](const Frame& f) { return f.steps == 1; }));
  const double lr = c.spec().train.optimizer.lr;
  c.setLearningRate(-1);
  QVERIFY(settings.wait(10000));
  QCOMPARE(c.spec().train.optimizer.lr, lr);  // never held the refused value
  QVERIFY(settings.last().at(1).toString().contains(QStringLiteral("learning rate")));
  QCOMPARE(settings.last().at(0).value<RunSettings>().lr, lr);
  c.setBptt({true, 30, 10});
  QVERIFY(settings.wait(10000));
  QVERIFY(!c.spec().train.bptt.truncated);
  QVERIFY(settings.last().at(1).toString().contains(QStringLiteral("k1")));
  c.setLearningRate(0.02);
  QVERIFY(settings.wait(10000));
  QVERIFY(settings.last().at(1).toString().isEmpty());
  QCOMPARE(c.spec().train.optimizer.lr, 0.02);
  c.pullNow();
  QCOMPARE(c.frame().settings.lr, 0.02);
}

// The event queue: lossless events always survive; when the reader falls behind, the oldest
// droppable ones go first and are counted.
void TstGuiController::eventQueueKeepsLosslessEvents() {
  EventQueue q(8);
  q.push(FileResult{1, true, {}, {}, 0});
  for (int i = 0; i < 20; ++i) q.push(ProbeEvent{long(i), {}});
  q.push(NonFiniteEvent{21, QStringLiteral("loss"), {}});
  for (int i = 0; i < 10; ++i) q.push(EngineErrorEvent{QString::number(i)});
  const std::vector<Event> events = q.takeAll();
  int files = 0, probes = 0, rejected = 0, errors = 0;
  long lastProbe = -1;
  for (const Event& e : events) {
    files += std::holds_alternative<FileResult>(e);
    rejected += std::holds_alternative<NonFiniteEvent>(e);
    errors += std::holds_alternative<EngineErrorEvent>(e);
    if (auto* p = std::get_if<ProbeEvent>(&e)) ++probes, lastProbe = p->step;
  }
  qInfo("kept %d probes of 20, dropped %llu", probes, (unsigned long long)q.dropped());
  QCOMPARE(files, 1);
  QCOMPARE(rejected, 1);
  QCOMPARE(errors, 10);
  QCOMPARE(probes, 0);  // lossless events filled the queue; every probe gave way
  QCOMPARE(q.dropped(), uint64_t(20));
  QCOMPARE(lastProbe, -1L);
  QVERIFY(q.takeAll().empty());
  for (int i = 0; i < 20; ++i) q.push(ValidationEvent{long(i), 1.0, 0.5});
  const std::vector<Event> newest = q.takeAll();
  QCOMPARE(int(newest.size()), 8);
  QCOMPARE(std::get<ValidationEvent>(newest.front()).step, 12L);  // the oldest went first
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
  QVERIFY(settle(c));
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
