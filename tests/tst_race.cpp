// Races: every entrant gets the same data in the same order and the same seed, the result table
// exports as CSV with one row per entrant, and a fifth entrant is refused.
#include <QtTest>

#include "core/error.h"
#include "data/sample_text.h"
#include "teach/race.h"

using namespace unroll;

namespace {
// Hands out the wrapped task's batches and remembers each one's tokens, in call order.
class RecordingTask : public Task {
 public:
  explicit RecordingTask(std::shared_ptr<const Task> inner) : inner_(std::move(inner)) {}
  std::string name() const override { return inner_->name(); }
  TaskShape shape() const override { return inner_->shape(); }
  Batch train_batch(int steps, int batch, Rng& rng) const override {
    Batch b = inner_->train_batch(steps, batch, rng);
    handed_out.push_back(b.tokens);
    return b;
  }
  Batch validation_batch(int steps, int batch, int i) const override {
    return inner_->validation_batch(steps, batch, i);
  }
  int validation_batches() const override { return inner_->validation_batches(); }
  mutable std::vector<std::vector<int32_t>> handed_out;

 private:
  std::shared_ptr<const Task> inner_;
};

RaceEntrant entrant(CellType cell, uint64_t seed) {
  RaceEntrant e;
  e.name = to_string(cell);
  e.config.model.cell = cell;
  e.config.model.hidden = 8;
  e.config.seq = 10;
  e.config.batch = 4;
  e.config.seed = seed;  // the race overrides it
  e.config.val_every = 0;
  e.config.probe_every = 0;
  e.config.val_batches = 1;
  return e;
}
}  // namespace

class TestRace : public QObject {
  Q_OBJECT
 private slots:
  void same_data_and_seed();
  void csv_table();
  void bad_races_refused_data();
  void bad_races_refused();
};

// Interleaved steps ask the task in turn rnn, lstm, gru, rnn, ...: each round's three batches
// match.
void TestRace::same_data_and_seed() {
  auto task = std::make_shared<RecordingTask>(std::make_shared<TextCorpus>(builtin_corpus()));
  RaceSpec spec;
  spec.entrants = {entrant(CellType::RnnTanh, 3), entrant(CellType::Lstm, 4),
                   entrant(CellType::Gru, 5)};
  spec.task = task;
  spec.seed = 11;
  spec.steps = 6;
  Race race(spec);
  for (int i = 0; i < race.size(); ++i) QCOMPARE(race.trainer(i).config().seed, uint64_t(11));
  race.run();
  QVERIFY(race.done());
  QCOMPARE(int(task->handed_out.size()), 3 * 6);
  for (size_t round = 0; round < 6; ++round) {
    QCOMPARE(task->handed_out[3 * round + 1], task->handed_out[3 * round]);
    QCOMPARE(task->handed_out[3 * round + 2], task->handed_out[3 * round]);
  }
  QVERIFY(task->handed_out[0] != task->handed_out[3]);  // the order moves on between rounds
  for (const RaceResult& r : race.results()) {
    QCOMPARE(r.steps, 6L);
    QCOMPARE(int(r.losses.size()), 6);
    QVERIFY(std::isfinite(r.final_loss) && std::isfinite(r.val_loss));
  }
}

void TestRace::csv_table() {
  RaceSpec spec;
  spec.entrants = {entrant(CellType::Lstm, 1), entrant(CellType::Gru, 1)};
  spec.entrants[1].name = "gru, clipped";
  spec.entrants[1].config.clip = {ClipMode::Norm, 1.0};
  spec.task = std::make_shared<TextCorpus>(builtin_corpus());
  spec.steps = 3;
  Race race(spec);
  race.run();
  const QStringList lines = QString::fromStdString(race_csv(race.results())).trimmed().split('\n');
  QCOMPARE(lines.size(), 3);
  QCOMPARE(lines[0], QString("entrant,cell,final_train_loss,val_loss,steps,seconds"));
  QVERIFY2(lines[1].startsWith("lstm,lstm,"), qPrintable(lines[1]));
  QVERIFY2(lines[2].startsWith("\"gru, clipped\",gru,"), qPrintable(lines[2]));
  QVERIFY(lines[2].contains(",3,"));
}

void TestRace::bad_races_refused_data() {
  QTest::addColumn<int>("entrants");
  QTest::addColumn<bool>("mismatched_seq");
  QTest::addColumn<QString>("reason");
  QTest::newRow("five entrants") << 5 << false << "at most 4";
  QTest::newRow("none") << 0 << false << "no entrants";
  QTest::newRow("different seq") << 2 << true << "same seq and batch";
}

void TestRace::bad_races_refused() {
  QFETCH(int, entrants);
  QFETCH(bool, mismatched_seq);
  QFETCH(QString, reason);
  RaceSpec spec;
  for (int i = 0; i < entrants; ++i) spec.entrants.push_back(entrant(CellType::Lstm, 1));
  if (mismatched_seq) spec.entrants[1].config.seq = 20;
  spec.task = std::make_shared<TextCorpus>(builtin_corpus());
  try {
    Race race(spec);
    QFAIL("the race was accepted");
  } catch (const Error& e) {
    QVERIFY2(QString(e.what()).contains(reason), e.what());
  }
}

QTEST_APPLESS_MAIN(TestRace)
#include "tst_race.moc"
