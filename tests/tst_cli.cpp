// unroll-cli train end to end: the final line, the CSV files and the checkpoint; and every bad
// argument or data file gets one readable line on stderr, exit status 2, and no file written.
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "cli_run.h"

class TestCli : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase();
  void train_writes_outputs();
  void bad_input_data();
  void bad_input();

 private:
  using Run = unroll::test::CliRun;
  Run cli(const QStringList& args);
  QTemporaryDir dir_;
};

TestCli::Run TestCli::cli(const QStringList& args) {
  return unroll::test::run_cli(dir_.path(), args);
}

void TestCli::initTestCase() {
  QVERIFY(dir_.isValid());
  QFile bad(dir_.filePath("latin1.txt"));
  QVERIFY(bad.open(QIODevice::WriteOnly));
  bad.write("caf\xe9 au lait, encore un caf\xe9 s'il vous pla\xeet, merci beaucoup mon ami\n");
  bad.close();
  QFile empty(dir_.filePath("empty.txt"));
  QVERIFY(empty.open(QIODevice::WriteOnly));
  empty.close();
}

void TestCli::train_writes_outputs() {
  const Run r = cli({"train",        "--cell",           "gru",   "--hidden",
                     "16",           "--layers",         "2",     "--seq",
                     "16",           "--batch",          "4",     "--steps",
                     "30",           "--val-every",      "10",    "--tbptt",
                     "8,12",         "--clip",           "1",     "--metrics",
                     "m.csv",        "--timestep-grads", "g.csv", "--save",
                     "model.unroll", "--quiet"});
  QCOMPARE(r.code, 0);
  static const QRegularExpression final_line(
      "^final step=30 train_loss=[0-9.e+-]+ val_loss=[0-9.e+-]+ val_accuracy=([0-9.e+-]+) "
      "chance=([0-9.e+-]+) tokens_per_s=[0-9]+\n$");
  const auto final_match = final_line.match(r.out);
  QVERIFY2(final_match.hasMatch(), qPrintable(r.out));
  // A character model's accuracy, and always naming the text's most frequent character.
  const double acc = final_match.captured(1).toDouble(),
               chance = final_match.captured(2).toDouble();
  QVERIFY(acc >= 0 && acc <= 1);
  QVERIFY(chance > 0.05 && chance < 0.5);

  QFile m(dir_.filePath("m.csv"));
  QVERIFY(m.open(QIODevice::ReadOnly));
  const QStringList rows = QString::fromUtf8(m.readAll()).split('\n', Qt::SkipEmptyParts);
  QCOMPARE(
      rows.first(),
      "step,train_loss,val_loss,val_accuracy,grad_norm,grad_norm_clipped,clipped,lr,tokens_per_s");
  QCOMPARE(rows.size(), 31);
  QCOMPARE(rows[10].split(',').size(), 9);
  QVERIFY(!rows[10].split(',')[2].isEmpty());  // validated at step 10
  QVERIFY(rows[9].split(',')[2].isEmpty());    // not at step 9
  const double row_acc = rows[10].split(',')[3].toDouble();
  QVERIFY(!rows[10].split(',')[3].isEmpty() && row_acc >= 0 && row_acc <= 1);

  QFile g(dir_.filePath("g.csv"));
  QVERIFY(g.open(QIODevice::ReadOnly));
  const QStringList grows = QString::fromUtf8(g.readAll()).split('\n', Qt::SkipEmptyParts);
  QCOMPARE(grows.first(), "step,layer,t,grad_norm");
  // 30 steps x 2 layers; windows of 8 then 12 steps (k1=8, k2=12, sequences of 16).
  QVERIFY(grows.size() > 30 * 2 * 8);
  QVERIFY(grows.last().startsWith("30,1,"));

  QFile ck(dir_.filePath("model.unroll"));
  QVERIFY(ck.open(QIODevice::ReadOnly));
  QCOMPARE(ck.read(8), QByteArray("\x89UNROLL\n", 8));
  QVERIFY(QDir(dir_.path()).entryList({"*.partial"}, QDir::Files).isEmpty());
}

void TestCli::bad_input_data() {
  QTest::addColumn<QStringList>("args");
  QTest::addColumn<QString>("mentions");
  const QStringList ok = {"train",     "--steps", "2",           "--hidden", "8",
                          "--seq",     "8",       "--batch",     "2",        "--metrics",
                          "never.csv", "--save",  "never.unroll"};
  QTest::newRow("unknown command") << QStringList{"fly"} << "unknown command";
  QTest::newRow("unknown option") << (ok + QStringList{"--hiden", "8"}) << "--hiden";
  QTest::newRow("missing value") << (ok + QStringList{"--lr"}) << "--lr needs a value";
  QTest::newRow("not a number") << (ok + QStringList{"--lr", "fast"}) << "--lr";
  QTest::newRow("hidden out of range") << (QStringList{"train", "--hidden", "0"}) << "--hidden";
  QTest::newRow("unknown cell") << (ok + QStringList{"--cell", "transformer"}) << "cell";
  QTest::newRow("unknown optimizer") << (ok + QStringList{"--optimizer", "lion"}) << "optimizer";
  QTest::newRow("unknown init") << (ok + QStringList{"--init", "zeros"}) << "init";
  QTest::newRow("unknown task") << (ok + QStringList{"--task", "chess"}) << "task";
  QTest::newRow("tbptt one number") << (ok + QStringList{"--tbptt", "8"}) << "K1,K2";
  QTest::newRow("tbptt k1 > k2") << (ok + QStringList{"--tbptt", "6,4"}) << "k1 <= k2";
  QTest::newRow("clip mode alone") << (ok + QStringList{"--clip-mode", "value"}) << "--clip";
  QTest::newRow("negative clip") << (ok + QStringList{"--clip", "-1"}) << "--clip";
  QTest::newRow("zero steps") << (QStringList{"train", "--steps", "0"}) << "--steps";
  QTest::newRow("repeated option") << (ok + QStringList{"--hidden", "9"}) << "twice";
  QTest::newRow("missing data file") << (ok + QStringList{"--data", "nope.txt"}) << "nope.txt";
  QTest::newRow("invalid UTF-8") << (ok + QStringList{"--data", "latin1.txt"}) << "UTF-8";
  QTest::newRow("empty data file") << (ok + QStringList{"--data", "empty.txt"}) << "empty";
  QTest::newRow("data for adding")
      << (ok + QStringList{"--task", "adding", "--data", "x.txt"}) << "--data";
  QTest::newRow("save-every without save")
      << (QStringList{"train", "--steps", "2", "--save-every", "1"}) << "--save FILE.unroll";
  QTest::newRow("save-every zero") << (ok + QStringList{"--save-every", "0"}) << "--save-every";
  QTest::newRow("keep without save-every") << (ok + QStringList{"--keep", "2"}) << "--save-every";
  QTest::newRow("keep zero") << (ok + QStringList{"--save-every", "1", "--keep", "0"}) << "--keep";
  QTest::newRow("max-output-mb zero")
      << (ok + QStringList{"--max-output-mb", "0"}) << "--max-output-mb";
  QTest::newRow("max-output-mb not a number")
      << (ok + QStringList{"--max-output-mb", "lots"}) << "--max-output-mb";
  QTest::newRow("metrics folder missing")
      << (QStringList{"train", "--steps", "2", "--metrics", "no/such/dir/m.csv"}) << "no/such/dir";
}

void TestCli::bad_input() {
  QFETCH(QStringList, args);
  QFETCH(QString, mentions);
  const Run r = cli(args);
  QCOMPARE(r.code, 2);
  QVERIFY(r.out.isEmpty());
  const QStringList lines = r.err.split('\n', Qt::SkipEmptyParts);
  QVERIFY2(lines.size() == 1, qPrintable(r.err));
  QVERIFY2(r.err.contains(mentions, Qt::CaseInsensitive), qPrintable(r.err));
  qInfo("%s", qPrintable(lines.first()));
  const QStringList left = QDir(dir_.path()).entryList({"never*", "*.partial"}, QDir::Files);
  QVERIFY2(left.isEmpty(), qPrintable(left.join(' ')));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
