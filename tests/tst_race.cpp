// Races: every entrant gets the same data in the same order and the same seed, on its own thread
// or interleaved with the same numbers either way; a stopped race resumes exactly; the result
// table exports as CSV with one row per entrant, and a fifth entrant is refused.
#include <QtTest>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <mutex>
#include <thread>

#include "core/error.h"
#include "data/adding_task.h"
#include "data/sample_text.h"
#include "teach/race.h"

using namespace unroll;

Q_DECLARE_METATYPE(unroll::RaceSchedule)

namespace {
// Hands out the wrapped task's batches and remembers each one's tokens per data stream: a
// trainer passes its own generator, so the generator's address tells the entrants apart on any
// thread. Optionally raises a stop flag at the n-th batch handed out.
class RecordingTask : public Task {
 public:
  explicit RecordingTask(std::shared_ptr<const Task> inner) : inner_(std::move(inner)) {}
  std::string name() const override { return inner_->name(); }
  TaskShape shape() const override { return inner_->shape(); }
  Batch train_batch(int steps, int batch, Rng& rng) const override {
    Batch b = inner_->train_batch(steps, batch, rng);
    std::lock_guard lock(mutex_);
    handed_out[&rng].push_back(b.tokens);
    if (stop && ++calls_ == stop_at) *stop = true;
    return b;
  }
  Batch validation_batch(int steps, int batch, int i) const override {
    return inner_->validation_batch(steps, batch, i);
  }
  int validation_batches() const override { return inner_->validation_batches(); }

  mutable std::map<const Rng*, std::vector<std::vector<int32_t>>> handed_out;
  std::atomic<bool>* stop = nullptr;
  int stop_at = 0;

 private:
  std::shared_ptr<const Task> inner_;
  mutable std::mutex mutex_;
  mutable int calls_ = 0;
};

// The adding problem with every input replaced by NaN: every training step is rejected.
class PoisonedTask : public AddingTask {
 public:
  PoisonedTask() : AddingTask(8) {}
  Batch train_batch(int steps, int batch, Rng& rng) const override {
    Batch b = AddingTask::train_batch(steps, batch, rng);
    b.inputs.setConstant(std::nan(""));
    return b;
  }
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

// RNN, LSTM and GRU, each asking for its own seed (which the race must override).
RaceSpec three_cells(std::shared_ptr<const Task> task, long steps) {
  RaceSpec spec;
  spec.entrants = {entrant(CellType::RnnTanh, 3), entrant(CellType::Lstm, 4),
                   entrant(CellType::Gru, 5)};
  spec.entrants[1].config.threads = 3;  // the race trains everybody with one compute thread
  spec.task = std::move(task);
  spec.seed = 11;
  spec.steps = steps;
  return spec;
}

std::shared_ptr<const Task> corpus() { return std::make_shared<TextCorpus>(builtin_corpus()); }

// Largest |a - b| over two loss lists of the same length (inf when the lengths differ).
double largest_difference(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return INFINITY;
  double d = 0;
  for (size_t i = 0; i < a.size(); ++i) d = std::max(d, std::abs(a[i] - b[i]));
  return d;
}

void schedule_rows() {
  QTest::addColumn<RaceSchedule>("schedule");
  QTest::newRow("threads") << RaceSchedule::Threads;
  QTest::newRow("interleaved") << RaceSchedule::Interleaved;
}
}  // namespace

class TestRace : public QObject {
  Q_OBJECT
 private slots:
  void same_data_and_seed_data() { schedule_rows(); }
  void same_data_and_seed();
  void same_initial_weights();
  void schedules_agree();
  void stop_and_resume_data() { schedule_rows(); }
  void stop_and_resume();
  void progress_while_running();
  void rejected_steps_use_the_budget_data() { schedule_rows(); }
  void rejected_steps_use_the_budget();
  void csv_table();
  void bad_races_refused_data();
  void bad_races_refused();
};

// Each entrant's data stream hands out the same batches in the same order as the others'.
void TestRace::same_data_and_seed() {
  QFETCH(RaceSchedule, schedule);
  auto task = std::make_shared<RecordingTask>(corpus());
  Race race(three_cells(task, 6));
  for (int i = 0; i < race.size(); ++i) {
    QCOMPARE(race.trainer(i).config().seed, uint64_t(11));
    QCOMPARE(race.trainer(i).config().threads, 1);
  }
  QVERIFY(race.run(schedule));
  QVERIFY(race.done());
  QCOMPARE(int(task->handed_out.size()), 3);  // three streams, one per entrant
  const auto& first = task->handed_out.begin()->second;
  QCOMPARE(int(first.size()), 6);
  for (const auto& [rng, batches] : task->handed_out) QVERIFY(batches == first);
  QVERIFY(first[0] != first[1]);  // the order moves on between steps
  // The same seed leaves the same data stream behind: nobody drew more or less.
  for (int i = 1; i < race.size(); ++i)
    QCOMPARE(race.trainer(i).progress().data_rng, race.trainer(0).progress().data_rng);
  for (const RaceResult& r : race.results()) {
    QCOMPARE(r.steps, 6L);
    QCOMPARE(int(r.losses.size()), 6);
    QVERIFY(std::isfinite(r.final_loss) && std::isfinite(r.val_loss));
  }
}

// Entrants that differ only in learning rate start from the very same weights (same init seed).
void TestRace::same_initial_weights() {
  RaceSpec spec;
  spec.entrants = {entrant(CellType::Lstm, 1), entrant(CellType::Lstm, 2)};
  spec.entrants[1].config.optimizer.lr = 0.1;
  spec.task = corpus();
  spec.steps = 1;
  Race race(spec);
  const Vec<float>& a = race.trainer(0).network().params();
  const Vec<float>& b = race.trainer(1).network().params();
  qInfo("largest weight difference: %g", double((a - b).cwiseAbs().maxCoeff()));
  QVERIFY(a == b);
}

// One thread per entrant or all interleaved on one: bit-identical losses and weights.
void TestRace::schedules_agree() {
  Race threaded(three_cells(corpus(), 15)), interleaved(three_cells(corpus(), 15));
  QVERIFY(threaded.run(RaceSchedule::Threads));
  QVERIFY(interleaved.run(RaceSchedule::Interleaved));
  for (int i = 0; i < threaded.size(); ++i) {
    const RaceResult &a = threaded.results()[size_t(i)], &b = interleaved.results()[size_t(i)];
    qInfo("%s: largest loss difference %g", a.name.c_str(), largest_difference(a.losses, b.losses));
    QVERIFY(a.losses == b.losses);
    QCOMPARE(int(a.losses.size()), 15);
    QVERIFY(a.val_loss == b.val_loss);
    QVERIFY(threaded.trainer(i).network().params() == interleaved.trainer(i).network().params());
  }
  // The entrants did learn different things: the comparison above is not vacuous.
  QVERIFY(threaded.results()[0].losses != threaded.results()[1].losses);
}

// A stop flag raised mid-race (by the task, at its 7th batch) ends run() before the budget;
// a second run() finishes with exactly the numbers of a race that never stopped.
void TestRace::stop_and_resume() {
  QFETCH(RaceSchedule, schedule);
  Race reference(three_cells(corpus(), 40));
  QVERIFY(reference.run(RaceSchedule::Interleaved));

  std::atomic<bool> stop{false};
  auto task = std::make_shared<RecordingTask>(corpus());
  task->stop = &stop;
  task->stop_at = 7;
  Race race(three_cells(task, 40));
  QVERIFY(!race.run(schedule, &stop));
  QVERIFY(!race.done());
  for (int i = 0; i < race.size(); ++i) {
    const RaceProgress p = race.progress(i);
    QVERIFY2(p.steps < 40, qPrintable(QString::number(p.steps)));
    QVERIFY(!p.finished);
    QVERIFY(std::isnan(p.val_loss));
  }
  task->stop = nullptr;
  stop = false;
  QVERIFY(race.run(schedule, &stop));
  QVERIFY(race.done());
  for (int i = 0; i < race.size(); ++i) {
    const RaceResult &a = race.results()[size_t(i)], &b = reference.results()[size_t(i)];
    qInfo("%s: largest loss difference %g", a.name.c_str(), largest_difference(a.losses, b.losses));
    QVERIFY(a.losses == b.losses);
    QVERIFY(a.val_loss == b.val_loss);
  }
}

// Another thread polls while the entrants train on theirs: the losses it gathers bit by bit are
// the whole list, and the latest gradient profile has one value per timestep.
void TestRace::progress_while_running() {
  Race race(three_cells(corpus(), 60));
  std::atomic<bool> ended{false};
  std::thread runner([&] {
    try {
      race.run(RaceSchedule::Threads);
    } catch (...) {
    }
    ended = true;
  });
  std::vector<std::vector<double>> seen(3);
  std::vector<RaceProgress> last(3);
  bool consistent = true;  // checked after the join, so a failure cannot leave the thread behind
  for (bool all = false, last_poll = false; !all && !last_poll;) {
    last_poll = ended;  // one more poll after the run has ended, then stop either way
    all = true;
    for (size_t i = 0; i < 3; ++i) {
      last[i] = race.progress(int(i), long(seen[i].size()));
      const RaceProgress& p = last[i];
      consistent = consistent && p.losses_from == long(seen[i].size());
      seen[i].insert(seen[i].end(), p.losses.begin(), p.losses.end());
      consistent = consistent && long(seen[i].size()) == p.steps;
      all = all && p.finished;
    }
    std::this_thread::yield();
  }
  runner.join();
  QVERIFY(race.done());
  QVERIFY(consistent);
  for (int i = 0; i < 3; ++i) {
    QVERIFY(seen[size_t(i)] == race.results()[size_t(i)].losses);
    QCOMPARE(race.steps_done(i), 60L);
    QCOMPARE(int(last[size_t(i)].timestep_grad_norms.size()), 1);
    QCOMPARE(int(last[size_t(i)].timestep_grad_norms[0].size()), 10);
    QVERIFY(std::isfinite(last[size_t(i)].val_loss));
  }
}

// A step the trainer refuses still counts: an entrant that never makes an update finishes too.
void TestRace::rejected_steps_use_the_budget() {
  QFETCH(RaceSchedule, schedule);
  RaceSpec spec;
  spec.entrants = {entrant(CellType::RnnTanh, 1), entrant(CellType::Gru, 1)};
  for (RaceEntrant& e : spec.entrants) e.config.seq = 8;
  spec.task = std::make_shared<PoisonedTask>();
  spec.steps = 5;
  Race race(spec);
  QVERIFY(race.run(schedule));
  for (int i = 0; i < race.size(); ++i) {
    const RaceResult& r = race.results()[size_t(i)];
    QCOMPARE(r.steps, 5L);
    QCOMPARE(r.rejected, 5L);
    QCOMPARE(race.trainer(i).steps(), 0L);  // no update was made
    QVERIFY(!race.progress(i).accepted);
  }
}

void TestRace::csv_table() {
  RaceSpec spec;
  spec.entrants = {entrant(CellType::Lstm, 1), entrant(CellType::Gru, 1)};
  spec.entrants[1].name = "gru, clipped";
  spec.entrants[1].config.clip = {ClipMode::Norm, 1.0};
  spec.task = corpus();
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
  QTest::addColumn<long>("steps");
  QTest::addColumn<QString>("reason");
  QTest::newRow("five entrants") << 5 << false << 10L << "at most 4";
  QTest::newRow("none") << 0 << false << 10L << "no entrants";
  QTest::newRow("different seq") << 2 << true << 10L << "same seq and batch";
  QTest::newRow("no budget") << 2 << false << 0L << "between 1 and 200000";
  QTest::newRow("budget too large")
      << 2 << false << RaceSpec::kMaxSteps + 1 << "between 1 and 200000 (got 200001)";
}

void TestRace::bad_races_refused() {
  QFETCH(int, entrants);
  QFETCH(bool, mismatched_seq);
  QFETCH(long, steps);
  QFETCH(QString, reason);
  RaceSpec spec;
  spec.steps = steps;
  for (int i = 0; i < entrants; ++i) spec.entrants.push_back(entrant(CellType::Lstm, 1));
  if (mismatched_seq) spec.entrants[1].config.seq = 20;
  spec.task = corpus();
  try {
    Race race(spec);
    QFAIL("the race was accepted");
  } catch (const Error& e) {
    QVERIFY2(QString(e.what()).contains(reason), e.what());
  }
}

QTEST_APPLESS_MAIN(TestRace)
#include "tst_race.moc"
