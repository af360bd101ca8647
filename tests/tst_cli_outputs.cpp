// unroll-cli train's files on a full disk (simulated by a file-size limit in the child process), in
// a killed run, under --max-output-mb, and the periodic checkpoints of --save-every and --keep.
#include <sys/resource.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <cstring>

#include "cli_run.h"
#include "io/checkpoint.h"

using namespace unroll;

namespace {

// Runs in the child: writes past `bytes` fail as on a full disk. With SIGXFSZ ignored the write
// fails with EFBIG; left at its default, the signal ends the process as a kill would.
std::function<void()> file_size_limit(rlim_t bytes, bool killed) {
  return [bytes, killed] {
    rlimit r{};
    getrlimit(RLIMIT_FSIZE, &r);
    r.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &r);
    std::signal(SIGXFSZ, killed ? SIG_DFL : SIG_IGN);
  };
}

QStringList lines_of(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}

bool same_bits(const Vec<float>& a, const Vec<float>& b) {
  return a.size() == b.size() &&
         std::memcmp(a.data(), b.data(), size_t(a.size()) * sizeof(float)) == 0;
}

}  // namespace

class TestCliOutputs : public QObject {
  Q_OBJECT
 private slots:
  void full_disk_data();
  void full_disk();
  void periodic_checkpoints_resume();
  void killed_run_keeps_checkpoint_and_rows();
  void max_output_mb_stops_rows();

 private:
  using Run = unroll::test::CliRun;
  QString fresh(const QString& name);  // an empty folder for one run
  QTemporaryDir dir_;
};

QString TestCliOutputs::fresh(const QString& name) {
  QDir(dir_.path()).mkpath(name);
  return dir_.filePath(name);
}

void TestCliOutputs::full_disk_data() {
  QTest::addColumn<QStringList>("args");
  QTest::addColumn<int>("limit_kib");
  QTest::addColumn<QString>("failing");
  QTest::addColumn<QStringList>("absent");
  const QStringList adding = {"train", "--task",  "adding", "--hidden", "8",         "--seq",
                              "32",    "--batch", "2",      "--quiet",  "--metrics", "m.csv"};
  const QStringList text = {"train", "--hidden", "8",  "--seq",   "16",        "--batch",
                            "2",     "--steps",  "20", "--quiet", "--metrics", "m.csv"};
  // Timestep rows pass 64 KiB after about 100 steps, while the run is going.
  QTest::newRow("timestep CSV during the run")
      << (adding + QStringList{"--steps", "1000", "--timestep-grads", "g.csv"}) << 64 << "g.csv"
      << QStringList{"m.csv", "g.csv"};
  // 100 metrics rows pass 4 KiB in the flush at the end.
  QTest::newRow("metrics CSV at the end")
      << (adding + QStringList{"--steps", "100"}) << 4 << "m.csv" << QStringList{"m.csv"};
  // The text model's checkpoint is about 50 KiB.
  QTest::newRow("final checkpoint") << (text + QStringList{"--save", "model.unroll"}) << 40
                                    << "model.unroll" << QStringList{"m.csv", "model.unroll"};
  QTest::newRow("periodic checkpoint")
      << (text + QStringList{"--save", "model.unroll", "--save-every", "5"}) << 40
      << "model.step-5.unroll" << QStringList{"m.csv", "model.unroll", "model.step-5.unroll"};
}

// A failed write ends the run with status 2 and one line naming the file; no final file, no
// .partial, no "final step" line.
void TestCliOutputs::full_disk() {
  QFETCH(QStringList, args);
  QFETCH(int, limit_kib);
  QFETCH(QString, failing);
  QFETCH(QStringList, absent);
  const QString dir = fresh(QTest::currentDataTag());
  const Run r = unroll::test::run_cli(dir, args, file_size_limit(rlim_t(limit_kib) * 1024, false));
  QCOMPARE(r.code, 2);
  QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
  QVERIFY2(r.err.count('\n') == 1 && r.err.endsWith('\n'), qPrintable(r.err));
  QVERIFY2(r.err.contains("cannot write '" + failing + "'") && r.err.contains("size limit") &&
               r.err.contains("nothing was written"),
           qPrintable(r.err));
  for (const QString& name : absent) QVERIFY2(!QFile::exists(dir + '/' + name), qPrintable(name));
  const QStringList partial = QDir(dir).entryList({"*.partial"}, QDir::Files);
  QVERIFY2(partial.isEmpty(), qPrintable(partial.join(' ')));
  qInfo("%s", qPrintable(r.err.trimmed()));
}

// --save-every 5 --keep 2 over 23 steps: step-15 and step-20 beside the final file (step-5 and
// step-10 deleted, and an older run's step-2 too); resuming step-20 to 23 gives the same weights.
void TestCliOutputs::periodic_checkpoints_resume() {
  const QString dir = fresh("periodic");
  QFile stale(dir + "/model.step-2.unroll");
  QVERIFY(stale.open(QIODevice::WriteOnly));
  stale.close();
  const QStringList common = {"train",   "--hidden", "8",       "--seq",  "16",
                              "--batch", "2",        "--tbptt", "5,7",    "--val-every",
                              "4",       "--clip",   "1",       "--quiet"};
  Run r = unroll::test::run_cli(dir, common + QStringList{"--steps", "23", "--save", "model.unroll",
                                                          "--save-every", "5", "--keep", "2"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QCOMPARE(QDir(dir).entryList(QDir::Files, QDir::Name),
           (QStringList{"model.step-15.unroll", "model.step-20.unroll", "model.unroll"}));
  const Checkpoint periodic = load_checkpoint((dir + "/model.step-20.unroll").toStdString());
  QCOMPARE(periodic.progress.step, 20L);

  r = unroll::test::run_cli(dir, {"train", "--resume", "model.step-20.unroll", "--steps", "23",
                                  "--save", "resumed.unroll", "--quiet"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  const Checkpoint full = load_checkpoint((dir + "/model.unroll").toStdString());
  const Checkpoint resumed = load_checkpoint((dir + "/resumed.unroll").toStdString());
  QCOMPARE(resumed.progress.step, 23L);
  QVERIFY(same_bits(full.params, resumed.params));
  QCOMPARE(resumed.optimizer.buffers.size(), full.optimizer.buffers.size());
  for (size_t i = 0; i < full.optimizer.buffers.size(); ++i)
    QVERIFY(same_bits(full.optimizer.buffers[i].second, resumed.optimizer.buffers[i].second));
}

// A run ended by a signal while writing (SIGXFSZ as the kill) leaves its newest periodic
// checkpoint, which resumes, and CSV .partial files flushed at least up to that checkpoint.
void TestCliOutputs::killed_run_keeps_checkpoint_and_rows() {
  const QString dir = fresh("killed");
  const Run r = unroll::test::run_cli(
      dir,
      {"train",   "--task", "adding",   "--hidden",     "8",         "--seq",  "32",
       "--batch", "2",      "--steps",  "1000",         "--metrics", "m.csv",  "--timestep-grads",
       "g.csv",   "--save", "k.unroll", "--save-every", "10",        "--quiet"},
      file_size_limit(64 * 1024, true));
  QCOMPARE(r.code, -1);  // ended by the signal
  QVERIFY(!QFile::exists(dir + "/m.csv") && !QFile::exists(dir + "/k.unroll"));
  const QStringList kept = QDir(dir).entryList({"k.step-*.unroll"}, QDir::Files);
  QCOMPARE(kept.size(), 1);  // --keep 1
  const long step = kept.first().section('.', 1, 1).mid(5).toLong();
  QVERIFY2(step >= 10, qPrintable(kept.first()));

  const QStringList rows = lines_of(dir + "/m.csv.partial");
  QVERIFY(!rows.isEmpty());
  const long last_row = rows.last().section(',', 0, 0).toLong();
  qInfo("killed after step %ld; newest checkpoint %s", last_row, qPrintable(kept.first()));
  QVERIFY2(last_row >= step, qPrintable(rows.last()));

  const Run resumed = unroll::test::run_cli(
      dir, {"train", "--resume", kept.first(), "--steps", QString::number(step + 5), "--quiet"});
  QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
  QVERIFY2(resumed.out.startsWith(QString("final step=%1 ").arg(step + 5)),
           qPrintable(resumed.out));
}

// --max-output-mb 0.05: the timestep CSV keeps whole steps up to the one that would pass 0.05 MiB,
// one warning says so, and the run and the metrics CSV go on to the end.
void TestCliOutputs::max_output_mb_stops_rows() {
  const QString dir = fresh("capped");
  const Run r = unroll::test::run_cli(
      dir, {"train", "--task", "adding", "--hidden", "8", "--seq", "32", "--batch", "2", "--steps",
            "200", "--metrics", "m.csv", "--timestep-grads", "g.csv", "--max-output-mb", "0.05",
            "--quiet"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QVERIFY2(r.out.startsWith("final step=200 "), qPrintable(r.out));
  QVERIFY2(r.err.count('\n') == 1 && r.err.startsWith("warning: 'g.csv'") &&
               r.err.contains("--max-output-mb") && r.err.contains("--timestep-every"),
           qPrintable(r.err));
  qInfo("%s", qPrintable(r.err.trimmed()));

  const qint64 cap = qRound64(0.05 * 1024 * 1024);
  const qint64 size = QFileInfo(dir + "/g.csv").size();
  const QStringList rows = lines_of(dir + "/g.csv");
  QCOMPARE(rows.first(), "step,layer,t,grad_norm");
  QCOMPARE((rows.size() - 1) % 32, 0);  // whole steps: 1 layer x 32 time steps
  const long last = rows.last().section(',', 0, 0).toLong();
  QVERIFY2(last > 1 && last < 200, qPrintable(rows.last()));
  qint64 last_step_bytes = 0;
  for (const QString& row : rows.mid(rows.size() - 32)) last_step_bytes += row.size() + 1;
  QVERIFY2(size <= cap && size + 2 * last_step_bytes > cap,  // stopped at the cap, not before
           qPrintable(QString("g.csv: %1 bytes, cap %2").arg(size).arg(cap)));
  QCOMPARE(lines_of(dir + "/m.csv").size(), 201);
  QVERIFY(QDir(dir).entryList({"*.partial"}, QDir::Files).isEmpty());
}

QTEST_GUILESS_MAIN(TestCliOutputs)
#include "tst_cli_outputs.moc"
