// The training loop with a per-step observer (train/run.h): it sees every step, a Stop ends the
// run at that step, and the budget is a total that a later run continues towards.
#include <QtTest>

#include "core/error.h"
#include "data/sample_text.h"
#include "train/run.h"

using namespace unroll;

namespace {
TrainConfig small() {
  TrainConfig c;
  c.model.hidden = 8;
  c.seq = 8;
  c.batch = 2;
  c.val_every = 0;
  c.probe_every = 0;
  return c;
}
std::shared_ptr<Task> text() { return std::make_shared<TextCorpus>(builtin_corpus()); }

// Records the steps it saw; asks to stop after step stop_at.
struct Recorder final : StepObserver {
  long stop_at = -1;
  std::vector<long> seen;
  StepAction on_step(const StepReport& r) override {
    seen.push_back(r.step);
    return r.step == stop_at ? StepAction::Stop : StepAction::Continue;
  }
};
}  // namespace

class TestRun : public QObject {
  Q_OBJECT
 private slots:
  void stop_ends_run_data();
  void stop_ends_run();
  void same_as_stepping();
  void observer_error_passes_through();
};

void TestRun::stop_ends_run_data() {
  QTest::addColumn<int>("stop_at");
  QTest::newRow("first step") << 1;
  QTest::newRow("middle") << 3;
  QTest::newRow("last step") << 6;
  QTest::newRow("never") << -1;
}

// A Stop after step k leaves the trainer at step k; run() again continues to the budget.
void TestRun::stop_ends_run() {
  QFETCH(int, stop_at);
  const long budget = 6;
  Trainer tr(small(), text());
  Recorder rec;
  rec.stop_at = stop_at;
  const StepAction end = run(tr, budget, rec);
  const long expected = stop_at > 0 ? stop_at : budget;
  QCOMPARE(end, stop_at > 0 ? StepAction::Stop : StepAction::Continue);
  QCOMPARE(tr.steps(), expected);
  QCOMPARE(long(rec.seen.size()), expected);
  for (size_t i = 0; i < rec.seen.size(); ++i) QCOMPARE(rec.seen[i], long(i + 1));
  QCOMPARE(run(tr, budget, rec), StepAction::Continue);
  QCOMPARE(tr.steps(), budget);
  QCOMPARE(long(rec.seen.size()), budget);
  QCOMPARE(rec.seen.back(), budget);
  // A budget already reached takes no step.
  QCOMPARE(run(tr, budget, [](const StepReport&) { return StepAction::Stop; }),
           StepAction::Continue);
  QCOMPARE(tr.steps(), budget);
}

// The loop is exactly Trainer::step() repeated: the same losses, bit for bit.
void TestRun::same_as_stepping() {
  Trainer a(small(), text()), b(small(), text());
  std::vector<double> by_run, by_hand;
  run(a, 5, [&](const StepReport& r) {
    by_run.push_back(r.loss);
    return StepAction::Continue;
  });
  for (int i = 0; i < 5; ++i) by_hand.push_back(b.step().loss);
  double largest = 0;
  for (size_t i = 0; i < by_hand.size(); ++i)
    largest = std::max(largest, std::abs(by_run[i] - by_hand[i]));
  qInfo("largest loss difference, run() vs step(): %g", largest);
  QCOMPARE(by_run, by_hand);
}

// An observer's exception ends the run at that step and reaches the caller unchanged (the CLI's
// divergence rule relies on it).
void TestRun::observer_error_passes_through() {
  Trainer tr(small(), text());
  QString caught;
  try {
    run(tr, 6, [](const StepReport& r) {
      if (r.step == 2) throw Error("stop at 2");
      return StepAction::Continue;
    });
  } catch (const Error& e) {
    caught = e.what();
  }
  QCOMPARE(caught, QString("stop at 2"));
  QCOMPARE(tr.steps(), 2L);
}

QTEST_APPLESS_MAIN(TestRun)
#include "tst_run.moc"
