// Tests for the long-lag sweep: with the same budget, an LSTM recalls a symbol across a long lag
// that a tanh RNN cannot bridge (the headline result), and the table reports every run.
#include <QtTest>

#include "core/error.h"
#include "data/adding_task.h"
#include "data/language_task.h"
#include "train/sweep.h"

using namespace unroll;

class TestSweep : public QObject {
  Q_OBJECT
 private slots:
  void lstmAheadOfRnnAtLongLag();
  void tableAndErrors();
};

// The adding problem at T = 60 (two marked values to carry across up to 59 steps): predicting the
// mean scores an MSE of 1/6. The LSTM gets the usual forget-gate bias of 1; the budget is equal.
void TestSweep::lstmAheadOfRnnAtLongLag() {
  SweepSpec s;
  s.cells = {CellType::RnnTanh, CellType::Lstm};
  s.lags = {60};
  s.base.model.hidden = 32;
  s.base.model.forget_bias = 1.0;
  s.base.batch = 32;
  s.base.optimizer.lr = 0.01;
  s.base.clip = {ClipMode::Norm, 1.0};
  s.base.threads = 2;
  s.steps = 800;
  s.task = TaskSpec::of("adding");
  const auto rows = run_sweep(s, [](const SweepRow& r) {
    qInfo("%s T=%d: validation MSE %.5f in %.1f s", to_string(r.cell).c_str(), r.lag, r.score.loss,
          r.seconds);
  });
  qInfo("\n%s", format_sweep_table(rows).c_str());
  QCOMPARE(int(rows.size()), 2);
  const double rnn = rows[0].score.loss, lstm = rows[1].score.loss;
  QVERIFY(lstm < 0.03);
  QVERIFY(rnn > 0.1);
}

void TestSweep::tableAndErrors() {
  SweepSpec s;
  s.cells = {CellType::Gru, CellType::RnnTanh};
  s.lags = {2, 5};
  s.base.model.hidden = 8;
  s.base.batch = 4;
  s.steps = 3;
  s.task = TaskSpec::of("language");
  int calls = 0;
  const auto rows = run_sweep(s, [&](const SweepRow&) { ++calls; });
  QCOMPARE(calls, 4);
  const std::string table = format_sweep_table(rows);
  qInfo("\n%s", table.c_str());
  QVERIFY(table.find("gru") != std::string::npos);
  QVERIFY(table.find("\n       5") != std::string::npos);
  // The language task counts the whole word: that leads, per character in brackets.
  QVERIFY(table.find("whole-answer accuracy %") != std::string::npos);
  for (const auto& r : rows) {
    QVERIFY(r.score.unit == AccuracyUnit::Sequences);
    QCOMPARE(r.score.task_accuracy, r.score.sequence_accuracy);
    QCOMPARE(r.score.chance, LanguageTask::majority_share());
    QVERIFY(r.score.accuracy >= 0 && r.score.accuracy <= 1);
    QVERIFY(r.score.sequence_accuracy <= r.score.accuracy + 1e-12);
  }
  // A cell's own learning rate changes that cell's run only.
  SweepSpec own = s;
  own.cell_lr[CellType::Gru] = 0.05;
  const auto rows2 = run_sweep(own);
  QVERIFY(rows2[0].score.loss != rows[0].score.loss);  // the GRU at lag 2
  QCOMPARE(rows2[1].score.loss, rows[1].score.loss);   // the tanh RNN, unchanged
  own.cell_lr[CellType::Gru] = -1;
  QVERIFY_THROWS_EXCEPTION(unroll::Error, run_sweep(own));
  s.lags.clear();
  QVERIFY_THROWS_EXCEPTION(unroll::Error, run_sweep(s));
}

QTEST_APPLESS_MAIN(TestSweep)
#include "tst_sweep.moc"
