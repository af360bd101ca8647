// The trainer's controls, as the studio and CLI use them: changes between steps take effect at the
// next step, reset replays the same run, schedules drive the rate, probes fill in, bad settings are
// refused with a reason and change nothing.
#include <QtTest>
#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/error.h"
#include "data/adding_task.h"
#include "data/sample_text.h"
#include "data/series_task.h"
#include "train/trainer.h"

using namespace unroll;

namespace {
TrainConfig small(CellType cell) {
  TrainConfig c;
  c.model.cell = cell;
  c.model.hidden = 12;
  c.seq = 12;
  c.batch = 4;
  c.val_every = 3;
  c.probe_every = 2;
  return c;
}
std::shared_ptr<Task> text() { return std::make_shared<TextCorpus>(builtin_corpus()); }
}  // namespace

class TestTrainer : public QObject {
  Q_OBJECT
 private slots:
  void reset_replays_run();
  void changes_apply_next_step();
  void schedule_drives_rate();
  void reports_are_complete_data();
  void reports_are_complete();
  void bad_settings_refused();
  void snapshot_rewinds();
  void recurrent_gain_scales_w_hh();
  void snapshot_rewinds_dense_series();
  void overflowing_update_refused();
  void probes_scheduled_by_step_count_data();
  void probes_scheduled_by_step_count();
  void tokens_per_s_is_the_runs_rate();
};

// Truncated BPTT on a dense regression series: the carried sequence has dense inputs and
// regression targets, and rewinding to it must work as for token tasks.
void TestTrainer::snapshot_rewinds_dense_series() {
  auto sine = std::make_shared<SeriesTask>("sine", make_sine_series(SineOptions{}),
                                           std::vector<std::string>{"x"});
  TrainConfig c = small(CellType::Gru);
  c.bptt = {true, 4, 6};
  Trainer tr(c, sine);
  for (int i = 0; i < 2; ++i) tr.step();
  const TrainerSnapshot snap = tr.snapshot();
  std::vector<double> first, again;
  for (int i = 0; i < 3; ++i) first.push_back(tr.step().loss);
  tr.restore(snap);
  for (int i = 0; i < 3; ++i) again.push_back(tr.step().loss);
  QCOMPARE(first, again);
}

// An update that would overflow the weights is refused before the optimizer takes it in.
void TestTrainer::overflowing_update_refused() {
  TrainConfig c = small(CellType::RnnTanh);
  c.optimizer.kind = OptimizerKind::Momentum;
  c.optimizer.lr = 1e32;
  Trainer tr(c, text());
  const Vec<float> before = tr.network().params();
  const StepReport& r = tr.step();
  QVERIFY(!r.accepted);
  QCOMPARE(QString::fromStdString(r.rejected_tensor), QString("update"));
  QCOMPARE(tr.optimizer().steps(), 0L);
  QVERIFY(tr.network().params() == before);
}

void TestTrainer::snapshot_rewinds() {
  TrainConfig c = small(CellType::Lstm);
  c.bptt = {true, 5, 7};  // the snapshot lands mid-sequence, with a carried state
  Trainer tr(c, text());
  for (int i = 0; i < 3; ++i) tr.step();
  const TrainerSnapshot snap = tr.snapshot();
  std::vector<double> first, again;
  for (int i = 0; i < 4; ++i) first.push_back(tr.step().loss);
  tr.restore(snap);
  QCOMPARE(tr.steps(), 3L);
  for (int i = 0; i < 4; ++i) again.push_back(tr.step().loss);
  QCOMPARE(first, again);
  Trainer other(small(CellType::Gru), text());
  const Vec<float> before = other.network().params();
  QVERIFY_THROWS_EXCEPTION(Error, other.restore(snap));
  QVERIFY(other.network().params() == before);
}

void TestTrainer::recurrent_gain_scales_w_hh() {
  TrainConfig c = small(CellType::RnnTanh);
  Trainer plain(c, text());
  c.model.recurrent_gain = 0.5;
  Trainer half(c, text());
  const auto& lay = plain.network().layout();
  const int w = lay.layer(0).weight_hh, u = lay.layer(0).weight_ih;
  QVERIFY(lay.map(half.network().params().data(), w)
              .isApprox(0.5f * lay.map(plain.network().params().data(), w)));
  QVERIFY(lay.map(half.network().params().data(), u) ==
          lay.map(plain.network().params().data(), u));
  c.model.recurrent_gain = 0;
  QVERIFY_THROWS_EXCEPTION(Error, Trainer(c, text()));
}

void TestTrainer::reset_replays_run() {
  Trainer tr(small(CellType::Lstm), text());
  std::vector<double> first, again;
  for (int i = 0; i < 6; ++i) first.push_back(tr.step().loss);
  tr.reset();
  QCOMPARE(tr.steps(), 0L);
  for (int i = 0; i < 6; ++i) again.push_back(tr.step().loss);
  QCOMPARE(first, again);
}

void TestTrainer::changes_apply_next_step() {
  Trainer tr(small(CellType::Gru), text());
  QCOMPARE(tr.step().lr, 1e-3);  // OptimizerConfig's default
  tr.set_learning_rate(0.05);
  QCOMPARE(tr.step().lr, 0.05);
  tr.set_clip({ClipMode::Norm, 1e-3});
  const StepReport& r = tr.step();
  QVERIFY(r.clipped);
  QVERIFY(std::abs(r.grad_norm_clipped - 1e-3) < 1e-6);
  tr.set_bptt({true, 4, 6});
  const StepReport& w1 = tr.step();
  QCOMPARE(int(w1.timestep_grad_norms[0].size()), 4);  // first window of a new sequence
  const StepReport& w2 = tr.step();
  QCOMPARE(int(w2.timestep_grad_norms[0].size()), 6);
  QCOMPARE(w2.window_start, 2);
}

void TestTrainer::schedule_drives_rate() {
  TrainConfig c = small(CellType::RnnTanh);
  c.optimizer.lr = 0.1;
  c.schedule.warmup_steps = 4;
  Trainer tr(c, text());
  std::vector<double> lrs;
  for (int i = 0; i < 6; ++i) lrs.push_back(tr.step().lr);
  const std::vector<double> expected{0.025, 0.05, 0.075, 0.1, 0.1, 0.1};
  for (size_t i = 0; i < lrs.size(); ++i) QVERIFY(std::abs(lrs[i] - expected[i]) < 1e-15);
}

void TestTrainer::reports_are_complete_data() {
  QTest::addColumn<QString>("cell");
  QTest::addColumn<int>("layers");
  for (const char* cell : {"rnn", "rnn-relu", "lstm", "gru"})
    for (int layers : {1, 2}) QTest::addRow("%s L%d", cell, layers) << QString(cell) << layers;
}

void TestTrainer::reports_are_complete() {
  QFETCH(QString, cell);
  QFETCH(int, layers);
  TrainConfig c = small(parse_cell(cell.toStdString()));
  c.model.layers = layers;
  Trainer tr(c, text());
  const int G = c.model.gates();
  for (int i = 0; i < 3; ++i) {
    const StepReport& r = tr.step();
    QVERIFY(r.accepted);
    QCOMPARE(r.step, long(i + 1));
    QVERIFY(r.loss > 0 && std::isfinite(r.loss));
    QVERIFY(r.accuracy >= 0 && r.accuracy <= 1);
    QCOMPARE(r.tokens, long(c.seq * c.batch));
    QVERIFY(r.tokens_per_s > 0);
    QCOMPARE(int(r.param_names.size()), int(tr.network().layout().tensors().size()));
    double sq = 0;
    for (double n : r.param_grad_norms) sq += n * n;
    QVERIFY(std::abs(std::sqrt(sq) - r.grad_norm) < 1e-6 * r.grad_norm);
    QCOMPARE(int(r.timestep_grad_norms.size()), layers);
    QCOMPARE(int(r.hidden.size()), layers);
    QCOMPARE(int(r.hidden[0].rows()), c.model.hidden);
    QCOMPARE(int(r.hidden[0].cols()), c.seq);
    QCOMPARE(int(r.input_tokens.size()), c.seq);
    // The first step is probed; later probes come every 2 steps or, when a probe costs more than
    // ~5% of training time, less often.
    if (i == 0) QVERIFY(r.probed);
    QCOMPARE(std::isnan(r.val_loss), i != 2);  // validated at step 3
    if (r.probed) {
      QCOMPARE(int(r.probes.size()), layers);
      for (const LayerProbe& p : r.probes) {
        QCOMPARE(int(p.gate_radius.size()), G);
        QVERIFY(p.spectral_radius > 0 && p.max_singular >= p.spectral_radius * (1 - 1e-6));
        QVERIFY(p.saturated_fraction >= 0 && p.saturated_fraction <= 1);
        QVERIFY(p.dead_fraction >= 0 && p.dead_fraction <= 1);
        if (G > 1) QCOMPARE(int(p.gate_mean.size()), G);
      }
    }
  }
}

void TestTrainer::bad_settings_refused() {
  Trainer tr(small(CellType::Lstm), text());
  tr.step();
  const double lr = tr.config().optimizer.lr;
  QVERIFY_THROWS_EXCEPTION(Error, tr.set_learning_rate(-1));
  QVERIFY_THROWS_EXCEPTION(Error, tr.set_clip({ClipMode::Norm, 0}));
  QVERIFY_THROWS_EXCEPTION(Error, tr.set_bptt({true, 8, 4}));
  QVERIFY_THROWS_EXCEPTION(Error, tr.set_bptt({true, 40, 40}));  // longer than the sequence
  QCOMPARE(tr.config().optimizer.lr, lr);
  QCOMPARE(tr.config().clip.mode, ClipMode::None);
  QVERIFY(!tr.config().bptt.truncated);
  TrainConfig bad = small(CellType::Lstm);
  bad.batch = 0;
  QVERIFY_THROWS_EXCEPTION(Error, Trainer(bad, text()));
  // A task whose steps do not match: the adding task refuses other lengths.
  TrainConfig c = small(CellType::Lstm);
  Trainer adding(c, std::make_shared<AddingTask>(20));
  QVERIFY_THROWS_EXCEPTION(Error, adding.step());
}

// Probe steps follow the step count alone: two runs with the same seed probe on the same steps,
// every probe_every from the first, also when a probe costs far more than a step (a wide W_hh,
// one-sample steps of two time steps), and a resumed run keeps the schedule.
void TestTrainer::probes_scheduled_by_step_count_data() {
  QTest::addColumn<int>("hidden");
  QTest::addColumn<int>("every");
  QTest::newRow("cheap probes") << 12 << 3;
  QTest::newRow("costly probes") << 160 << 2;
}

void TestTrainer::probes_scheduled_by_step_count() {
  QFETCH(int, hidden);
  QFETCH(int, every);
  TrainConfig c = small(CellType::RnnTanh);
  c.model.hidden = hidden;
  c.seq = 2;
  c.batch = 1;
  c.val_every = 0;
  c.probe_every = every;
  auto probed = [&](Trainer& tr, int steps) {
    std::vector<long> at;
    for (int i = 0; i < steps; ++i)
      if (const StepReport& r = tr.step(); r.probed) at.push_back(r.step);
    return at;
  };
  Trainer a(c, text()), b(c, text());
  const std::vector<long> first = probed(a, 30), second = probed(b, 30);
  std::vector<long> expected;
  for (long s = 1; s <= 30; s += every) expected.push_back(s);
  qInfo("probed on %zu of 30 steps, first %ld, last %ld", first.size(), first.front(),
        first.back());
  QCOMPARE(first, expected);
  QCOMPARE(second, expected);
  // Resumed from a snapshot half-way: the same later steps as the uninterrupted run.
  Trainer r(c, text());
  probed(r, 15);
  Trainer resumed(c, text());
  resumed.restore(r.snapshot());
  std::vector<long> later;
  for (long s : expected)
    if (s > 15) later.push_back(s);
  QCOMPARE(probed(resumed, 15), later);
}

// N steps of the adding problem with a probe and a validation every step: the tokens are
// steps x batch x length; the seconds the reports carry add up to the run's whole time, probes
// and validations included; tokens_per_s is their tokens over their seconds (weighted by age over
// about a second, which the few milliseconds of this run barely move).
void TestTrainer::tokens_per_s_is_the_runs_rate() {
  TrainConfig c = small(CellType::RnnTanh);
  c.seq = 20;
  c.batch = 8;
  c.probe_every = 1;
  c.val_every = 1;
  c.val_batches = AddingTask::kValidationBatches;
  Trainer tr(c, std::make_shared<AddingTask>(c.seq));
  const int N = 30;
  long tokens = 0;
  double seconds = 0;
  const auto begin = std::chrono::steady_clock::now();
  double rate = 0;
  for (int i = 0; i < N; ++i) {
    const StepReport& r = tr.step();
    QVERIFY(r.accepted);
    tokens += r.tokens;
    seconds += r.seconds;
    rate = r.tokens_per_s;
  }
  const double outside =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  QCOMPARE(tokens, long(N) * c.batch * c.seq);
  const double expected = double(tokens) / seconds;
  const double tolerance = std::exp(seconds / 1.0) - 1 + 1e-9;  // weights in [exp(-seconds), 1]
  qInfo(
      "%ld tokens in %.4f s of reports (%.4f s measured around the loop): %.0f tokens/s, "
      "reported %.0f, difference %.2g (allowed %.2g)",
      tokens, seconds, outside, expected, rate, std::abs(rate / expected - 1), tolerance);
  QVERIFY(seconds <= outside);
  QVERIFY(seconds >= 0.99 * outside);  // the validations and probes are in the steps' time
  QVERIFY(std::abs(rate / expected - 1) <= tolerance);
}

QTEST_APPLESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
