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

QTEST_APPLESS_MAIN(TestTimeTravel)
#include "tst_time_travel.moc"
