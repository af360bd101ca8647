// The run's decimating histories: a million steps stay within the bucket bound with a spike kept,
// merging doubles the stride and keeps extremes and means, a rewind drops later steps; the
// checkpoint's recorder thins by the same policy; the gradient-profile fit reads a geometric rate.
#include <QtTest>
#include <cmath>

#include "telemetry/gradient_fit.h"
#include "telemetry/heat_history.h"
#include "telemetry/metrics_recorder.h"
#include "telemetry/scalar_history.h"

using namespace unroll;

class TstHistory : public QObject {
  Q_OBJECT
 private slots:
  void historyStaysBounded();
  void mergingKeepsExtremesAndMeans_data();
  void mergingKeepsExtremesAndMeans();
  void truncateDropsLaterSteps();
  void heatHistoryStaysBounded();
  void recorderStaysBounded();
  void recorderRoundTrips();
  void fitReadsTheRate_data();
  void fitReadsTheRate();
};

// A million steps through a 64-bucket history: at most 64 buckets, the spike and the last step
// kept.
void TstHistory::historyStaysBounded() {
  ScalarHistory h(64);
  size_t most = 0;
  for (long step = 1; step <= 1000000; ++step) {
    h.beginStep(step);
    h.add(kLoss, step == 777777 ? 1e6 : 1.0);
    most = std::max(most, h.buckets().size());
  }
  qInfo("buckets %zu (at most %zu), stride %ld, %zu bytes per bucket", h.buckets().size(), most,
        h.stride(), sizeof(Bucket));
  QVERIFY(int(h.buckets().size()) <= 64);
  QVERIFY(most <= 64);
  QVERIFY(h.buckets().capacity() <= 64);  // memory is flat: the buffer never grew
  double spike = 0;
  for (const Bucket& b : h.buckets()) spike = std::max(spike, b.s[kLoss].max);
  QCOMPARE(spike, 1e6);  // the spike survives decimation
  QCOMPARE(h.buckets().back().lastStep, 1000000L);
  QCOMPARE(h.buckets().front().firstStep, 1L);
}

void TstHistory::mergingKeepsExtremesAndMeans_data() {
  QTest::addColumn<int>("capacity");
  QTest::addColumn<int>("steps");
  QTest::newRow("no merge") << 8 << 8;
  QTest::newRow("one merge") << 8 << 9;
  QTest::newRow("three merges") << 8 << 40;
  QTest::newRow("odd capacity") << 7 << 100;
}

// Losses 1, 2, 3, ...: each bucket's min, max and mean are those of the steps it covers.
void TstHistory::mergingKeepsExtremesAndMeans() {
  QFETCH(int, capacity);
  QFETCH(int, steps);
  ScalarHistory h(capacity);
  for (long s = 1; s <= steps; ++s) {
    h.beginStep(s);
    h.add(kLoss, double(s));
    h.add(kValLoss, NAN);  // dropped
  }
  QVERIFY(int(h.buckets().size()) <= h.capacity());
  long next = 1;
  double worst = 0;
  for (const Bucket& b : h.buckets()) {
    QCOMPARE(b.firstStep, next);
    QVERIFY(b.lastStep - b.firstStep < h.stride());
    const Aggregate& a = b.s[kLoss];
    QCOMPARE(a.min, double(b.firstStep));
    QCOMPARE(a.max, double(b.lastStep));
    QCOMPARE(a.count, int(b.lastStep - b.firstStep + 1));
    worst = std::max(worst, std::abs(a.mean() - 0.5 * double(b.firstStep + b.lastStep)));
    QCOMPARE(b.s[kValLoss].count, 0);
    next = b.lastStep + 1;
  }
  qInfo("stride %ld, largest mean difference %g", h.stride(), worst);
  QCOMPARE(worst, 0.0);
  QCOMPARE(next, long(steps) + 1);
}

// Going back to step 10 of a stride-4 history: the straddling bucket is sealed at 10 and the
// next step starts a new bucket.
void TstHistory::truncateDropsLaterSteps() {
  ScalarHistory h(4);
  for (long s = 1; s <= 16; ++s) {
    h.beginStep(s);
    h.add(kLoss, double(s));
  }
  QCOMPARE(h.stride(), 4L);
  h.truncateAfter(10);
  QCOMPARE(h.buckets().back().lastStep, 10L);
  QCOMPARE(h.buckets().back().firstStep, 9L);
  h.beginStep(11);
  h.add(kLoss, 100.0);
  QCOMPARE(h.buckets().back().firstStep, 11L);
  QCOMPARE(h.buckets().back().s[kLoss].max, 100.0);
  h.clear();
  QVERIFY(h.empty());
  QCOMPARE(h.stride(), 1L);
}

// A million profiles into 512 columns: bounded, and a column's value is the mean log10 norm.
void TstHistory::heatHistoryStaysBounded() {
  HeatHistory h;
  const std::vector<std::vector<double>> norms{{1e-3, 1e-2, 0.0, 1.0}};
  const std::vector<std::vector<double>> spike{{1e9, 1e9, 1e9, 1e9}};
  for (long step = 1; step <= 1000000; ++step) h.add(step, step == 500000 ? spike : norms);
  qInfo("columns %zu, stride %ld", h.columns().size(), h.stride());
  QVERIFY(int(h.columns().size()) <= h.capacity());
  QVERIFY(h.columns().capacity() <= size_t(h.capacity()));
  QCOMPARE(h.columns().back().lastStep, 1000000L);
  const HeatHistory::Column& c = h.columns().front();
  QCOMPARE(HeatHistory::value(c, 0, 0), -3.f);
  QCOMPARE(HeatHistory::value(c, 0, 3), 0.f);
  QVERIFY(std::isnan(HeatHistory::value(c, 0, 2)));  // no gradient there
  QVERIFY(std::isnan(HeatHistory::value(c, 1, 0)));  // no such layer
  float most = -INFINITY;
  for (const auto& col : h.columns()) most = std::max(most, HeatHistory::value(col, 0, 2));
  QVERIFY(most > 0);  // the spike's column holds the only gradient at t = 2
}

// A million steps through the checkpoint's recorder: within its bounds, the first step kept,
// every kept row on its own step, profiles thinned the same way.
void TstHistory::recorderStaysBounded() {
  MetricsRecorder rec(1000, 50);
  StepReport r;
  r.timestep_grad_norms = {{1.0, 2.0}};
  size_t most = 0;
  for (long step = 1; step <= 1000000; ++step) {
    r.step = step;
    r.loss = double(step);
    rec.record(r);
    if (step % 1000 == 0) most = std::max(most, rec.history().rows());
  }
  const MetricsHistory& h = rec.history();
  qInfo("rows %zu (at most %zu), stride %ld, profiles %zu", h.rows(), most, rec.stride(),
        h.timestep.size());
  QVERIFY(most <= 1000);
  QVERIFY(h.rows() > 1000 / 2);
  QVERIFY(h.timestep.size() <= 50);
  QCOMPARE(h.at(0, "step"), 1.0);  // the start is kept
  QVERIFY(h.at(h.rows() - 1, "step") > 1000000.0 - double(rec.stride()));
  for (size_t i = 0; i < h.rows(); ++i) QCOMPARE(h.at(i, "train_loss"), h.at(i, "step"));
  QCOMPARE(h.timestep.front().step, 1L);
}

// assign() takes an opened history as it is; a rewind drops the later rows and profiles.
void TstHistory::recorderRoundTrips() {
  MetricsRecorder rec;
  StepReport r;
  r.timestep_grad_norms = {{1.0}};
  for (long step = 1; step <= 20; ++step) {
    r.step = step;
    r.loss = 0.5 * double(step);
    rec.record(r);
  }
  r.accepted = false;
  r.step = 21;
  rec.record(r);  // rejected steps are not recorded
  const MetricsHistory saved = rec.history();
  QCOMPARE(saved.rows(), size_t(20));
  MetricsRecorder opened;
  opened.assign(saved);
  const std::vector<double>& back = opened.history().values;
  QCOMPARE(back.size(), saved.values.size());
  for (size_t i = 0; i < back.size(); ++i)  // NaN marks the same unmeasured values
    QVERIFY(back[i] == saved.values[i] || (std::isnan(back[i]) && std::isnan(saved.values[i])));
  QCOMPARE(opened.history().timestep.size(), size_t(20));
  opened.truncateAfter(12);
  QCOMPARE(opened.history().rows(), size_t(12));
  QCOMPARE(opened.history().timestep.back().step, 12L);
  ScalarHistory scalars;
  HeatHistory heat;
  replayHistory(opened.history(), scalars, heat);
  QCOMPARE(scalars.buckets().size(), size_t(12));
  QCOMPARE(scalars.buckets().back().s[kLoss].mean(), 6.0);
  QCOMPARE(heat.columns().size(), size_t(12));
}

void TstHistory::fitReadsTheRate_data() {
  QTest::addColumn<double>("q");
  QTest::addColumn<int>("from");
  QTest::newRow("vanishing") << 0.5 << 0;
  QTest::newRow("exploding") << 1.7 << 0;
  QTest::newRow("after the cut") << 0.9 << 4;
}

// ||dL/dh_t|| = q^(T-1-t) with one underflowed entry before `from`: the fit recovers q.
void TstHistory::fitReadsTheRate() {
  QFETCH(double, q);
  QFETCH(int, from);
  const int T = 12;
  std::vector<double> norms(T);
  for (int t = 0; t < T; ++t) norms[t] = std::pow(q, T - 1 - t);
  norms[0] = 0.0;  // float underflow: excluded, not fitted
  const GradientFit f = fitGradientProfile(norms, from);
  qInfo("q %g, fitted %g, difference %g", q, f.factor, std::abs(f.factor - q));
  QVERIFY(f.valid);
  QVERIFY(std::abs(f.factor - q) < 1e-9);
  QCOMPARE(f.first, std::max(1, from));
  QCOMPARE(f.last, T - 1);
  QVERIFY(!fitGradientProfile({1.0, 0.5}).valid);  // fewer than 3 points
}

QTEST_GUILESS_MAIN(TstHistory)
#include "tst_history.moc"
