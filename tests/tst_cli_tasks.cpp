// unroll-cli sample, eval, forecast and sweep end to end on checkpoints trained by unroll-cli
// train; eval's loss=X equals the engine's own sequence cross-entropy of the same file and
// checkpoint.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "cli_run.h"
#include "io/checkpoint.h"
#include "train/evaluate.h"
#include "train/sampler.h"

using namespace unroll;

class TestCliTasks : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase();
  void evalMatchesEngine();
  void sampleIsDeterministic();
  void sampleErrors();
  void forecastBeatsNaive();
  void sweepPrintsTable();
  void taskOptionErrors_data();
  void taskOptionErrors();

 private:
  using Run = unroll::test::CliRun;
  Run cli(const QStringList& args);
  QString path(const char* name) const { return dir_.filePath(name); }
  QTemporaryDir dir_;
};

TestCliTasks::Run TestCliTasks::cli(const QStringList& args) {
  return unroll::test::run_cli(dir_.path(), args);
}

void TestCliTasks::initTestCase() {
  QVERIFY(dir_.isValid());
  QVERIFY2(QFile::exists(QStringLiteral(UNROLL_BIN_DIR "/unroll-cli")), "unroll-cli is not built");
  Run r = cli({"train", "--hidden", "32", "--seq", "32", "--batch", "8", "--steps", "60", "--lr",
               "0.01", "--save", "lm.unroll", "--quiet"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  r = cli({"train", "--task", "sine", "--points", "2000", "--hidden", "32", "--seq", "48",
           "--batch", "16", "--steps", "250", "--lr", "0.01", "--save", "sine.unroll", "--quiet"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QFile text(path("e.txt"));
  QVERIFY(text.open(QIODevice::WriteOnly));
  text.write("The river ran through the town, and the people walked beside it.\r\nIt was quiet.\n");
}

// loss=X is the mean cross-entropy of the whole file from a zero state, whatever the window.
void TestCliTasks::evalMatchesEngine() {
  const Run a = cli({"eval", "--checkpoint", "lm.unroll", "--data", "e.txt"});
  const Run b = cli({"eval", "--checkpoint", "lm.unroll", "--data", "e.txt", "--window", "3"});
  QVERIFY2(a.code == 0, qPrintable(a.err));
  QVERIFY(a.out.startsWith("loss="));
  QCOMPARE(a.out, b.out);
  const double cli_loss = a.out.trimmed().mid(5).toDouble();
  const Checkpoint c = load_checkpoint(path("lm.unroll").toStdString());
  Network<float> net(c.config.model);
  net.params() = c.params;
  const Vocabulary vocab(c.task.vocabulary);
  const auto ids = vocab.encode(
      "The river ran through the town, and the people walked beside it.\nIt was quiet.\n", "t");
  const double engine = sequence_cross_entropy(net, ids);
  qInfo("eval loss=%.6f, engine %.6f", cli_loss, engine);
  QVERIFY(std::abs(cli_loss - engine) < 1e-5);
}

void TestCliTasks::sampleIsDeterministic() {
  const QStringList base = {"sample", "--checkpoint", "lm.unroll", "--prime",
                            "The ",   "--length",     "50"};
  const Run cold1 = cli(base + QStringList{"--temperature", "0", "--seed", "1"});
  const Run cold2 = cli(base + QStringList{"--temperature", "0", "--seed", "2"});
  const Run warm1 = cli(base + QStringList{"--seed", "5"});
  const Run warm2 = cli(base + QStringList{"--seed", "5"});
  QVERIFY2(cold1.code == 0, qPrintable(cold1.err));
  QCOMPARE(cold1.out, cold2.out);
  QCOMPARE(warm1.out, warm2.out);
  QVERIFY(cold1.out.startsWith("The "));
  QCOMPARE(cold1.out.size(), 4 + 50 + 1);
  const Run act = cli(base + QStringList{"--unit", "1", "--activations", "a.csv"});
  QCOMPARE(act.code, 0);
  QFile f(path("a.csv"));
  QVERIFY(f.open(QIODevice::ReadOnly));
  QCOMPARE(QString::fromUtf8(f.readAll()).count('\n'), 1 + 54);
}

void TestCliTasks::sampleErrors() {
  Run r = cli({"sample", "--checkpoint", "lm.unroll", "--prime", "x\xE2\x98\x83"});
  QCOMPARE(r.code, 2);
  QVERIFY2(r.err.contains("character 2") && r.err.contains("U+2603"), qPrintable(r.err));
  r = cli({"sample", "--checkpoint", "sine.unroll"});
  QCOMPARE(r.code, 2);
  QVERIFY2(r.err.contains("forecast"), qPrintable(r.err));
  r = cli({"sample", "--checkpoint", "missing.unroll"});
  QCOMPARE(r.code, 2);
  QVERIFY2(r.err.contains("missing.unroll"), qPrintable(r.err));
  r = cli({"forecast", "--checkpoint", "lm.unroll"});
  QCOMPARE(r.code, 2);
  QVERIFY2(r.err.contains("series"), qPrintable(r.err));
}

void TestCliTasks::forecastBeatsNaive() {
  const Run r =
      cli({"forecast", "--checkpoint", "sine.unroll", "--horizon", "10", "--out", "f.csv"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  qInfo("%s", qPrintable(r.out.trimmed()));
  QMap<QString, double> v;
  for (const QString& kv : r.out.trimmed().split(' '))
    v[kv.section('=', 0, 0)] = kv.section('=', 1).toDouble();
  QVERIFY(v["one_step_rmse"] < 0.7 * v["naive_rmse"]);
  QVERIFY(v["multi_rmse"] < v["multi_naive_rmse"]);
  QFile f(path("f.csv"));
  QVERIFY(f.open(QIODevice::ReadOnly));
  QCOMPARE(QString::fromUtf8(f.readAll()).count('\n'), 1 + 400);
}

void TestCliTasks::sweepPrintsTable() {
  const Run r =
      cli({"sweep", "--task", "copy", "--lags", "2,4", "--symbols", "2", "--cells", "rnn,lstm",
           "--steps", "3", "--hidden", "8", "--batch", "4", "--quiet", "--csv", "s.csv"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QVERIFY2(r.out.contains("lstm") && r.out.contains("\n       4"), qPrintable(r.out));
  QFile f(path("s.csv"));
  QVERIFY(f.open(QIODevice::ReadOnly));
  QCOMPARE(QString::fromUtf8(f.readAll()).count('\n'), 1 + 4);
}

void TestCliTasks::taskOptionErrors_data() {
  QTest::addColumn<QStringList>("args");
  QTest::addColumn<QString>("expected");
  QTest::newRow("option of another task") << QStringList{"train", "--task", "sine", "--lag", "4"}
                                          << "--lag does not apply to --task sine";
  QTest::newRow("copy with a wrong length")
      << QStringList{"train", "--task", "copy", "--lag", "10", "--seq", "64"} << "--seq) to 20";
  QTest::newRow("csv without data") << QStringList{"train", "--task", "csv"} << "--data FILE.csv";
  QTest::newRow("csv missing file")
      << QStringList{"train", "--task", "csv", "--data", "no.csv"} << "does not exist";
  QTest::newRow("sweep on text") << QStringList{"sweep", "--task", "text", "--lags", "1"}
                                 << "language, copy or adding";
  QTest::newRow("sweep bad lags") << QStringList{"sweep", "--task", "copy", "--lags", "5,x"}
                                  << "'x' is not a lag";
  QTest::newRow("eval without data")
      << QStringList{"eval", "--checkpoint", "lm.unroll"} << "--data FILE.txt is required";
}

// Exit status 2 and one line on stderr that says what to fix.
void TestCliTasks::taskOptionErrors() {
  QFETCH(QStringList, args);
  QFETCH(QString, expected);
  const Run r = cli(args);
  QCOMPARE(r.code, 2);
  QVERIFY2(r.err.contains(expected), qPrintable(r.err));
  QCOMPARE(r.err.count('\n'), 1);
}

QTEST_APPLESS_MAIN(TestCliTasks)
#include "tst_cli_tasks.moc"
