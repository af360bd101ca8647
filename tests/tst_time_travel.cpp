// Time travel: going back to a kept point and continuing with unchanged settings replays the
// original losses exactly, the ring stays within its bound, and the unreachable past is refused.
#include <QtTest>

#include "core/error.h"
#include "data/sample_text.h"
#include "teach/time_travel.h"

using namespace unroll;

namespace {
TrainConfig small(bool truncated) {
  TrainConfig c;
  c.model.cell = CellType::Lstm;
  c.model.hidden = 12;
  c.seq = 12;
  c.batch = 4;
  c.val_every = 0;
  c.probe_every = 0;
  if (truncated) c.bptt = {true, 5, 7};  // kept points land mid-sequence, with a carried state
  return c;
}
std::shared_ptr<Task> text() { return std::make_shared<TextCorpus>(builtin_corpus()); }
}  // namespace

class TestTimeTravel : public QObject {
  Q_OBJECT
 private slots:
  void replays_exactly_data();
  void replays_exactly();
  void ring_is_bounded();
  void too_far_back_refused();
  void thinning_spans_the_run();
  void byte_bound_and_reports();
  void changed_windows_and_current_step();
};

void TestTimeTravel::replays_exactly_data() {
  QTest::addColumn<bool>("truncated");
  QTest::addColumn<long>("target");
  QTest::newRow("full, kept point") << false << 6L;
  QTest::newRow("full, between points") << false << 8L;
  QTest::newRow("truncated, kept point") << true << 9L;
  QTest::newRow("from the start") << true << 0L;
}

// Run 15 steps, go back, run to 15 again: the new branch repeats the original losses bit for bit.
void TestTimeTravel::replays_exactly() {
  QFETCH(bool, truncated);
  QFETCH(long, target);
  Trainer tr(small(truncated), text());
  TimeTravel tt(tr, {3, 10});
  for (int i = 0; i < 15; ++i) tt.step();
  const long restored = tt.travel_to(target);
  QCOMPARE(restored, target - target % 3);
  QCOMPARE(tr.steps(), restored);
  while (tr.steps() < 15) tt.step();
  QCOMPARE(int(tt.branches().size()), 2);
  const Branch& original = tt.branches()[0];
  const Branch& branch = tt.branches()[1];
  QCOMPARE(branch.parent, 0);
  QCOMPARE(branch.start_step, restored);
  const std::vector<double> tail(original.losses.begin() + restored, original.losses.end());
  double largest = 0;
  for (size_t i = 0; i < tail.size(); ++i)
    largest = std::max(largest, std::abs(tail[i] - branch.losses[i]));
  qInfo("largest loss difference after travelling back to %ld: %g", restored, largest);
  QCOMPARE(branch.losses, tail);
}

void TestTimeTravel::ring_is_bounded() {
  Trainer tr(small(false), text());
  TimeTravel tt(tr, {2, 4});
  for (int i = 0; i < 20; ++i) {
    tt.step();
    QVERIFY(tt.kept() <= 4);
  }
  QCOMPARE(tt.kept_steps(), (std::vector<long>{14, 16, 18, 20}));
  QVERIFY(tt.bytes() >= 4 * sizeof(float) * size_t(tr.network().params().size()));
  qInfo("4 snapshots hold %zu bytes", tt.bytes());
  QVERIFY_THROWS_EXCEPTION(Error, TimeTravel(tr, {0, 4}));
  QVERIFY_THROWS_EXCEPTION(Error, TimeTravel(tr, {2, 0}));
}

void TestTimeTravel::too_far_back_refused() {
  Trainer tr(small(false), text());
  TimeTravel tt(tr, {2, 3});
  for (int i = 0; i < 12; ++i) tt.step();
  const Vec<float> before = tr.network().params();
  try {
    tt.travel_to(5);
    QFAIL("travelling before the oldest kept point was accepted");
  } catch (const Error& e) {
    const QString what = e.what();
    QVERIFY2(what.contains("before the oldest kept point (step 8)"), e.what());
  }
  QVERIFY_THROWS_EXCEPTION(Error, tt.travel_to(13));
  QVERIFY(tr.network().params() == before);
  QCOMPARE(tr.steps(), 12L);
  QCOMPARE(int(tt.branches().size()), 1);
}

// Thinning: the kept points stay within the capacity yet always reach back to the start, spaced
// ever wider, and travelling to the start still replays the run exactly.
void TestTimeTravel::thinning_spans_the_run() {
  Trainer tr(small(false), text());
  TimeTravelConfig cfg;
  cfg.every = 2;
  cfg.capacity = 5;
  cfg.thin = true;
  cfg.record_losses = false;
  TimeTravel tt(tr, cfg);
  for (int i = 0; i < 40; ++i) {
    tt.step();
    QVERIFY(tt.kept() <= 5);
    QCOMPARE(tt.kept_steps().front(), 0L);
  }
  const std::vector<long> kept = tt.kept_steps();
  qInfo("kept after 40 steps: %s (every %ld)",
        qPrintable(QStringList([&] {
                     QStringList l;
                     for (long k : kept) l << QString::number(k);
                     return l;
                   }())
                       .join(' ')),
        tt.every());
  QCOMPARE(tt.every(), 16L);
  QCOMPARE(kept, (std::vector<long>{0, 16, 32}));
  QVERIFY(tt.branches().front().losses.empty());  // not recorded when the caller records
  std::vector<double> original;
  {
    Trainer ref(small(false), text());
    for (int i = 0; i < 40; ++i) original.push_back(ref.step().loss);
  }
  QCOMPARE(tt.travel_to(20), 16L);
  for (long s = 17; s <= 40; ++s) QCOMPARE(tt.step().loss, original[size_t(s - 1)]);
}

// A byte budget shrinks the ring below its capacity; each kept point returns the report of its
// own step; after an outside restore the points of the abandoned future are dropped.
void TestTimeTravel::byte_bound_and_reports() {
  Trainer tr(small(false), text());
  TimeTravelConfig cfg;
  cfg.every = 1;
  cfg.capacity = 50;
  TimeTravel probe(tr, cfg);
  probe.step();
  const std::size_t one = probe.bytes() / 2;  // the start (no report) and step 1 weigh about alike
  tr.reset();

  cfg.max_bytes = 3 * one + one / 2;
  TimeTravel tt(tr, cfg);
  for (int i = 0; i < 10; ++i) tt.step();
  qInfo("one point ~%zu bytes; %d kept within %zu bytes", one, tt.kept(), cfg.max_bytes);
  QCOMPARE(tt.kept(), 3);
  QVERIFY(tt.bytes() <= cfg.max_bytes);
  QCOMPARE(tt.kept_steps(), (std::vector<long>{8, 9, 10}));
  const StepReport& at9 = tt.kept_report(9);
  QCOMPARE(at9.step, 9L);
  QVERIFY(!at9.timestep_grad_norms.empty());
  QVERIFY_THROWS_EXCEPTION(Error, tt.kept_report(7));

  const TrainerSnapshot at8 = [&] {
    Trainer t(small(false), text());
    for (int i = 0; i < 8; ++i) t.step();
    return t.snapshot();
  }();
  tr.restore(at8);
  tt.forget_future();
  QCOMPARE(tt.kept_steps(), (std::vector<long>{8}));
  tt.step();
  QCOMPARE(tt.kept_steps(), (std::vector<long>{8, 9}));
}

// Going back after the truncated-BPTT windows changed restores the kept weights and starts at the
// next sequence instead of refusing; going "back" to the current step changes nothing.
void TestTimeTravel::changed_windows_and_current_step() {
  Trainer tr(small(true), text());  // k1 5, k2 7 over 12 steps: kept points sit mid-sequence
  TimeTravel tt(tr, {2, 10});
  for (int i = 0; i < 12; ++i) tt.step();
  QCOMPARE(tt.travel_to(12), 12L);  // the current step is kept: nothing happens
  QCOMPARE(int(tt.branches().size()), 1);
  // Step 2 stopped at position 10 of 12 with the state of position 5 carried (k1 5, k2 7); with
  // k1 4, k2 6 the next window would need the state of position 6: the plain restore refuses.
  Trainer probe(small(true), text());
  probe.step();
  probe.step();
  const TrainerSnapshot at2 = probe.snapshot();
  QCOMPARE(at2.progress.seq_pos, 10);
  probe.set_bptt({true, 4, 6});
  QVERIFY_THROWS_EXCEPTION(Error, probe.restore(at2));

  tr.set_bptt({true, 4, 6});
  QCOMPARE(tt.travel_to(3), 2L);
  QCOMPARE(tr.steps(), 2L);
  QVERIFY(tr.network().params() == at2.params);
  QCOMPARE(tr.progress().seq_pos, -1);  // the partly used sequence was dropped
  const StepReport& r = tt.step();
  QVERIFY(r.accepted);
  QCOMPARE(r.step, 3L);
}

QTEST_APPLESS_MAIN(TestTimeTravel)
#include "tst_time_travel.moc"
