// The encoder–decoder as the studio runs it: a TranslationRun trained on its own thread hands
// every step's loss to a watcher that takes concurrently (none lost, none twice), publishes its
// validations and stops within a step; the length sweep trains its cells in order, stops early
// and refuses bad specs; and the gradient reaching the first source word is orders of magnitude
// larger with attention than without.
#include <QtTest>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "core/error.h"
#include "seq2seq/length_sweep.h"
#include "seq2seq/translation_run.h"
#include "telemetry/probes.h"

using namespace unroll;

namespace {

Seq2SeqTrainConfig small(int length, AttentionKind attention) {
  Seq2SeqTrainConfig c;
  c.task.task = "reorder";
  c.task.length = length;
  c.task.count = 400;
  c.model.encoder_hidden = c.model.decoder_hidden = 16;
  c.model.embed_dim = 8;
  c.model.attention = attention;
  c.batch = 8;
  c.validation_pairs = 20;
  return c;
}

}  // namespace

class TestTranslationRun : public QObject {
  Q_OBJECT
 private slots:
  void watcherGetsEveryStepOnce();
  void spectraAreTheCandidateBlocks();
  void stopEndsWithinAStep();
  void goalEndsTheRun();
  void badOptionsAreRefused();
  void sweepRunsCellsInOrder();
  void sweepStopsAndRefusesBadSpecs();
  void attentionCarriesGradientToTheFirstWord();
};

// A watcher taking while the run trains sees steps 1..N exactly once, in order.
void TestTranslationRun::watcherGetsEveryStepOnce() {
  TranslationRun run(small(5, AttentionKind::Additive));
  TranslationRunOptions opt;
  opt.steps = 60;
  opt.validate_every = 20;
  std::thread worker([&] { run.run(opt); });
  std::vector<long> seen;
  std::vector<long> validated;  // a slow watcher gets the latest validation only
  TranslationUpdate u;
  do {
    u = run.take();
    for (size_t i = 0; i < u.points.size(); ++i) {
      seen.push_back(u.first_step + long(i));
      QVERIFY(std::isfinite(u.points[i].loss));
      QVERIFY(u.points[i].grad_norm > 0);
      const TranslationPoint& pt = u.points[i];
      QVERIFY(pt.grad_norm_after <= pt.grad_norm * (1 + 1e-6));
      QVERIFY(pt.encoder_grad_norm > 0 && pt.decoder_grad_norm > 0);
      const double sum = std::hypot(pt.encoder_grad_norm, pt.decoder_grad_norm);
      QVERIFY(std::abs(sum - pt.grad_norm) < 1e-6 * pt.grad_norm);
    }
    if (u.has_validation) {
      QCOMPARE(u.spectra.step, u.validation.step);
      QVERIFY(u.spectra.encoder_radius > 0 && u.spectra.decoder_radius > 0);
      QVERIFY(u.spectra.encoder_singular >= u.spectra.encoder_radius * (1 - 1e-6));
      validated.push_back(u.validation.step);
      QCOMPARE(u.validation.step % 20, 0L);
      QCOMPARE(int(u.validation.dh_enc.size()), int(u.validation.source_tokens.size()));
      QVERIFY(u.validation.attention.rows() > 0);
    }
    QCOMPARE(u.dropped, 0L);
    std::this_thread::yield();
  } while (!u.finished && u.error.empty() && (u.running || seen.size() < 60));
  worker.join();
  u = run.take();  // the tail after the last look
  for (size_t i = 0; i < u.points.size(); ++i) seen.push_back(u.first_step + long(i));
  if (u.has_validation) validated.push_back(u.validation.step);
  QVERIFY2(u.error.empty(), u.error.c_str());
  QVERIFY(u.finished);
  QCOMPARE(long(seen.size()), 60L);
  for (size_t i = 0; i < seen.size(); ++i) QCOMPARE(seen[i], long(i + 1));
  QVERIFY(!validated.empty() && validated.size() <= 3);  // of steps 20, 40, 60
  QVERIFY(std::is_sorted(validated.begin(), validated.end()));
  QCOMPARE(validated.back(), 60L);  // the last one is never lost
  QCOMPARE(run.trainer().steps(), 60L);
}

// The spectra are those of the candidate block of each W_hh, as the dense reference computes them.
void TestTranslationRun::spectraAreTheCandidateBlocks() {
  Seq2SeqTrainConfig c = small(5, AttentionKind::Additive);
  c.model.encoder_cell = CellType::Gru;
  c.model.decoder_cell = CellType::Lstm;
  Seq2SeqTrainer t(c);
  const Seq2SeqSpectra s = seq2seq_spectra(t.model(), 7);
  QCOMPARE(s.step, 7L);
  const Seq2SeqLayout& lay = t.model().layout();
  auto dense = [&](int tensor) {  // block 2 (GRU n, LSTM g) of W_hh, H = 16
    const TensorInfo& ti = lay.tensor(tensor);
    const Eigen::Map<const Mat<float>> W(t.model().params().data() + ti.offset, ti.rows, ti.cols);
    return spectral_radius_dense(W.middleRows(32, 16).cast<double>());
  };
  const double enc = dense(lay.encoder[0][0].weight_hh), dec = dense(lay.decoder[0].weight_hh);
  qInfo("encoder rho %.6g (dense %.6g), decoder rho %.6g (dense %.6g)", s.encoder_radius, enc,
        s.decoder_radius, dec);
  QVERIFY(std::abs(s.encoder_radius - enc) < 1e-4 * enc);
  QVERIFY(std::abs(s.decoder_radius - dec) < 1e-4 * dec);
}

void TestTranslationRun::stopEndsWithinAStep() {
  TranslationRun run(small(5, AttentionKind::None));
  TranslationRunOptions opt;
  opt.steps = TranslationRunOptions::kMaxSteps;
  std::atomic<bool> stop{false};
  std::thread worker([&] { run.run(opt, &stop); });
  for (TranslationUpdate u = run.take(); u.steps < 5; u = run.take()) {  // trains
    QVERIFY2(u.error.empty(), u.error.c_str());
    std::this_thread::yield();
  }
  stop = true;
  worker.join();
  const TranslationUpdate u = run.take();
  QVERIFY(!u.running);
  QVERIFY(!u.finished);
  QVERIFY(u.error.empty());
  QVERIFY(run.trainer().steps() >= 5 && run.trainer().steps() < opt.steps);
  // A later run continues from there.
  const long before = run.trainer().steps();
  opt.steps = before + 3;
  stop = false;
  run.run(opt, &stop);
  QCOMPARE(run.trainer().steps(), before + 3);
  QVERIFY(run.take().finished);
}

// A lesson's goal ends the run at the first validation that reaches it.
void TestTranslationRun::goalEndsTheRun() {
  TranslationRun run(small(3, AttentionKind::Additive));
  TranslationRunOptions opt;
  opt.steps = 5000;
  opt.validate_every = 10;
  opt.goal_exact = 0.0;  // met by the first validation
  run.run(opt);
  TranslationUpdate u = run.take();
  QCOMPARE(u.goal_step, 10L);
  QCOMPARE(run.trainer().steps(), 10L);
  QVERIFY(!u.finished);
  QVERIFY(u.has_validation && u.validation.step == 10);
  opt.goal_exact = 1.1;  // never met: the budget ends it
  opt.steps = 30;
  run.run(opt);
  u = run.take();
  QCOMPARE(u.goal_step, 0L);
  QVERIFY(u.finished);
  QCOMPARE(run.trainer().steps(), 30L);
}

void TestTranslationRun::badOptionsAreRefused() {
  TranslationRun run(small(5, AttentionKind::None));
  TranslationRunOptions opt;
  opt.steps = 0;
  QVERIFY_THROWS_EXCEPTION(Error, run.run(opt));
  opt.steps = 10;
  opt.validate_every = 0;
  QVERIFY_THROWS_EXCEPTION(Error, run.run(opt));
  opt.validate_every = 5;
  opt.pace = -1;
  QVERIFY_THROWS_EXCEPTION(Error, run.run(opt));
  QCOMPARE(run.trainer().steps(), 0L);
}

void TestTranslationRun::sweepRunsCellsInOrder() {
  LengthSweepSpec s;
  s.base = small(3, AttentionKind::General);
  s.lengths = {3, 4};
  s.attention = {AttentionKind::None, AttentionKind::Dot};
  s.steps = 15;
  std::vector<std::pair<AttentionKind, int>> order;
  const auto cells = run_length_sweep(s, [&](const LengthSweepCell& c) {
    order.emplace_back(c.attention, c.length);
    QCOMPARE(c.steps, 15L);
    QVERIFY(c.metrics.pairs > 0);
    QVERIFY(c.metrics.exact >= 0 && c.metrics.exact <= 1);
  });
  QCOMPARE(int(cells.size()), 4);
  const std::vector<std::pair<AttentionKind, int>> want{{AttentionKind::None, 3},
                                                        {AttentionKind::None, 4},
                                                        {AttentionKind::Dot, 3},
                                                        {AttentionKind::Dot, 4}};
  QVERIFY(order == want);
  // Each cell is the same run as training it alone: the sweep adds nothing of its own.
  Seq2SeqTrainConfig alone = s.base;
  alone.task.length = 4;
  alone.model.attention = AttentionKind::Dot;
  Seq2SeqTrainer t(alone);
  while (t.steps() < 15) t.step();
  QCOMPARE(cells[3].metrics.loss, t.validate().metrics.loss);
}

void TestTranslationRun::sweepStopsAndRefusesBadSpecs() {
  LengthSweepSpec s;
  s.base = small(3, AttentionKind::None);
  s.lengths = {3, 4, 5};
  s.attention = {AttentionKind::None};
  s.steps = 10;
  std::atomic<bool> stop{false};
  const auto cells = run_length_sweep(
      s, [&](const LengthSweepCell&) { stop = true; }, &stop);
  QCOMPARE(int(cells.size()), 1);  // stopped after the first cell

  auto refused = [&](LengthSweepSpec bad, const char* needle) {
    try {
      run_length_sweep(bad);
    } catch (const Error& e) {
      if (!QString(e.what()).contains(needle)) qWarning() << e.what();
      return QString(e.what()).contains(needle);
    }
    return false;
  };
  LengthSweepSpec b = s;
  b.lengths = {};
  QVERIFY(refused(b, "at least one length"));
  b = s;
  b.lengths = {0};
  QVERIFY(refused(b, "not in 1..200"));
  b = s;
  b.attention = {};
  QVERIFY(refused(b, "attention"));
  b = s;
  b.base.task.task = "pairs";
  QVERIFY(refused(b, "generated task"));
  b = s;
  b.lengths.assign(65, 3);
  QVERIFY(refused(b, "at most 64"));
}

// Without attention the gradient reaches the first source word only through the whole encoder
// recurrence; with attention every word has a direct path. Measured on the validation sentence
// after a short training run at length 20.
void TestTranslationRun::attentionCarriesGradientToTheFirstWord() {
  double ratio[2] = {0, 0};
  for (int k = 0; k < 2; ++k) {
    Seq2SeqTrainConfig c = small(20, k == 0 ? AttentionKind::None : AttentionKind::Additive);
    c.model.encoder_cell = c.model.decoder_cell = CellType::RnnTanh;
    Seq2SeqTrainer t(c);
    while (t.steps() < 50) t.step();
    const Seq2SeqValidation v = t.validate();
    QCOMPARE(int(v.dh_enc.size()), int(v.source_tokens.size()));
    ratio[k] = v.dh_enc.front() / v.dh_enc.back();
  }
  qInfo("first/last source gradient at length 20: no attention %.3g, additive %.3g", ratio[0],
        ratio[1]);
  QVERIFY(ratio[1] > 100 * ratio[0]);
  QVERIFY(ratio[1] > 0.01);
}

QTEST_GUILESS_MAIN(TestTranslationRun)
#include "tst_translation_run.moc"
