// ProbeFeed: a probe stream's records become per-rank reports and histories for the studio's
// views; the latest replay's profile stays between replays; the spread between ranks; a hostile
// number of ranks is refused.
#include <QtTest>

#include "core/error.h"
#include "stream/probe_feed.h"

using namespace unroll;

namespace {

ProbeRun run_of(int rank, int world) {
  ProbeRun r;
  r.rank = rank;
  r.world_size = world;
  r.cell = "lstm";
  r.layers = 2;
  r.hidden = 3;
  r.param_names = {"a", "b"};
  return r;
}

ProbeStep step_of(int rank, long step, double loss, bool replay) {
  ProbeStep s;
  s.rank = rank;
  s.step = step;
  s.loss = loss;
  s.grad_norm = 2 * loss;
  s.grad_norm_clipped = replay ? 1.0 : 2 * loss;
  s.lr = 0.01;
  s.param_grad_norms = {0.5, 0.25};
  if (replay) {
    s.dh_norms = {{1, 2, 3}, {4, 5, 6}};
    s.dc_norms = s.dh_norms;
    s.hidden.assign(2, Eigen::MatrixXf::Constant(3, 3, 0.5f));
    s.spectral_radius = {0.9, 0.8};
    s.max_singular = {1.2, 1.1};
  }
  return s;
}

}  // namespace

class TestProbeFeed : public QObject {
  Q_OBJECT
 private slots:
  void report_and_histories();
  void spread_between_ranks();
  void too_many_ranks();
};

void TestProbeFeed::report_and_histories() {
  ProbeFeed f;
  f.add(run_of(0, 1));
  f.add(step_of(0, 1, 3.0, true));
  f.add(step_of(0, 2, 2.5, false));
  const auto* v = f.rank(0);
  QVERIFY(v && v->has_report);
  QCOMPARE(v->report.step, 2L);
  QCOMPARE(v->report.loss, 2.5);
  QVERIFY(!v->report.clipped);
  QVERIFY(v->report.param_names == (std::vector<std::string>{"a", "b"}));
  // Step 2 had no replay: the views keep step 1's profile, hidden states and probes.
  QCOMPARE(v->replay_step, 1L);
  QCOMPARE(v->report.timestep_grad_norms.size(), size_t(2));
  QCOMPARE(v->report.timestep_grad_norms[1][2], 6.0);
  QCOMPARE(v->report.hidden.size(), size_t(2));
  QCOMPARE(v->report.probes.size(), size_t(2));
  QVERIFY(!v->report.probed);
  QCOMPARE(v->history.buckets().size(), size_t(2));
  QCOMPARE(v->history.buckets()[0].s[kRadius0 + 1].mean(), 0.8);
  QCOMPARE(v->history.buckets()[0].s[kClipEvent].mean(), 1.0);  // 6 clipped to 1
  QCOMPARE(v->heat.columns().size(), size_t(1));
  QCOMPARE(v->steps, 2L);
  QVERIFY(!f.all_ended());
  f.add(ProbeEnd{0, "done"});
  QVERIFY(f.all_ended());
  QCOMPARE(f.rank(0)->end_reason, std::string("done"));
}

void TestProbeFeed::spread_between_ranks() {
  ProbeFeed f;
  f.add(run_of(0, 2));
  f.add(run_of(1, 2));
  for (long s = 1; s <= 5; ++s) f.add(step_of(0, s, 1.0 + s, false));
  for (long s = 1; s <= 4; ++s) f.add(step_of(1, s, 2.0 * s, false));
  QVERIFY(f.ranks() == (std::vector<int>{0, 1}));
  const auto sp = f.spread();
  QCOMPARE(sp.step, 4L);  // rank 1 is behind
  QCOMPARE(sp.ranks, 2);
  QCOMPARE(sp.loss_min, 5.0);
  QCOMPARE(sp.loss_max, 8.0);
  QCOMPARE(sp.grad_norm_max, 16.0);
}

void TestProbeFeed::too_many_ranks() {
  ProbeFeed f;
  for (int r = 0; r < ProbeFeed::kMaxRanks; ++r) f.add(step_of(r, 1, 1.0, false));
  QVERIFY_THROWS_EXCEPTION(Error, f.add(step_of(ProbeFeed::kMaxRanks, 1, 1.0, false)));
  f.add(step_of(3, 2, 1.0, false));  // known ranks still go on
  QCOMPARE(f.rank(3)->steps, 2L);
}

QTEST_GUILESS_MAIN(TestProbeFeed)
#include "tst_probe_feed.moc"
