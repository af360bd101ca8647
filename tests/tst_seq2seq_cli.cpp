// unroll-cli with encoder–decoders, end to end: train on the translation tasks, translate (text,
// standard input, beam), eval's metrics line, bad TSV files refused by line, bit-identical resume,
// the length sweep, and the safetensors export reproduced by scripts/load_seq2seq_in_pytorch.py.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "cli_run.h"
#include "seq2seq/seq2seq_checkpoint.h"

using namespace unroll;
using unroll::test::run_cli;

namespace {

const QStringList kSmall = {"--hidden", "24",   "--embed",     "12", "--batch", "16",
                            "--lr",     "0.01", "--val-every", "0",  "--quiet"};

void writeFile(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(bytes);
}

// "loss=X token_acc=Y ..." -> X.
double field(const QString& line, const QString& name) {
  const QRegularExpressionMatch m = QRegularExpression(name + "=([-0-9.e+naif]+)").match(line);
  return m.hasMatch() ? m.captured(1).toDouble() : std::nan("");
}

}  // namespace

class TestSeq2SeqCli : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase();
  void translateAndEval();
  void badFiles_data();
  void badFiles();
  void skipBad();
  void resumeIsBitIdentical();
  void sweep();
  void exportMatchesPytorch();
  void refusals_data();
  void refusals();

 private:
  QTemporaryDir m_dir;
  QString m_model;  // numbers, German and English, trained briefly
  QString m_pairs;  // a TSV of pairs in its vocabulary
};

void TestSeq2SeqCli::initTestCase() {
  QVERIFY(m_dir.isValid());
  m_model = m_dir.filePath("numbers.unroll");
  const auto r =
      run_cli(m_dir.path(), QStringList{"train", "--task", "numbers", "--length", "2", "--pairs",
                                        "400", "--steps", "120", "--attention", "general",
                                        "--bidirectional", "--cell", "gru", "--save", m_model} +
                                kSmall);
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QVERIFY2(QRegularExpression("^final step=120 train_loss=\\S+ val_loss=\\S+ token_acc=\\S+ "
                              "exact=\\S+ bleu=\\S+ cer=\\S+\n$")
               .match(r.out)
               .hasMatch(),
           qPrintable(r.out));
  m_pairs = m_dir.filePath("numbers.tsv");
  writeFile(m_pairs, "zweiundvierzig\t42\nforty-two\t42\nsieben\t7\nninety-one\t91\nelf\t11\n");
}

// translate prints one line per input; eval prints the five metrics.
void TestSeq2SeqCli::translateAndEval() {
  auto r = run_cli(m_dir.path(), {"translate", "--checkpoint", m_model, "--text", "dreizehn"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QCOMPARE(r.out.count('\n'), 1);
  QProcess p;
  p.setWorkingDirectory(m_dir.path());
  p.start(UNROLL_BIN_DIR "/unroll-cli",
          {"translate", "--checkpoint", m_model, "--text", "-", "--beam", "3"});
  p.write("zweiundvierzig\nforty-two\r\nneun\n");
  p.closeWriteChannel();
  QVERIFY(p.waitForFinished(60000));
  QCOMPARE(p.exitCode(), 0);
  QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).count('\n'), 3);
  r = run_cli(m_dir.path(), {"eval", "--checkpoint", m_model, "--data", m_pairs});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QVERIFY2(QRegularExpression("^loss=\\S+ token_acc=\\S+ exact=\\S+ bleu=\\S+ cer=\\S+\n$")
               .match(r.out)
               .hasMatch(),
           qPrintable(r.out));
  QVERIFY(field(r.out, "loss") > 0 && field(r.out, "loss") < 3);
}

void TestSeq2SeqCli::badFiles_data() {
  QTest::addColumn<QByteArray>("text");
  QTest::addColumn<QString>("expected");
  QTest::newRow("no tab") << QByteArray("elf\t11\nzwölf 12\n") << ":2: no tab";
  QTest::newRow("empty target") << QByteArray("elf\t\n") << ":1: the target field is empty";
  QTest::newRow("bad utf-8") << QByteArray("elf\t11\n\xc3\x28\t1\n") << ":2: not valid UTF-8";
  QTest::newRow("empty") << QByteArray() << "no source<TAB>target lines";
}

// eval and train refuse a bad file with one line naming it, exit 2.
void TestSeq2SeqCli::badFiles() {
  QFETCH(QByteArray, text);
  QFETCH(QString, expected);
  const QString bad = m_dir.filePath("bad.tsv");
  writeFile(bad, text);
  for (const QStringList& args :
       {QStringList{"eval", "--checkpoint", m_model, "--data", bad},
        QStringList{"train", "--task", "pairs", "--data", bad, "--steps", "1"}}) {
    const auto r = run_cli(m_dir.path(), args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(expected) && r.err.count('\n') == 1, qPrintable(r.err));
  }
}

void TestSeq2SeqCli::skipBad() {
  const QString bad = m_dir.filePath("some_bad.tsv");
  writeFile(bad, "elf\t11\nzwölf 12\nsieben\t7\n\t3\n");
  const auto r =
      run_cli(m_dir.path(), {"eval", "--checkpoint", m_model, "--data", bad, "--skip-bad"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QVERIFY2(r.err.contains("skipped 2 bad lines") && r.err.contains(":2: no tab"),
           qPrintable(r.err));
}

// 30 steps, save, resume to 60 == 60 steps straight, weights bit for bit (scheduled sampling).
void TestSeq2SeqCli::resumeIsBitIdentical() {
  const QStringList base =
      QStringList{"train", "--task", "reorder", "--length",          "5",  "--pairs",
                  "300",   "--cell", "lstm",    "--teacher-forcing", "0.8"} +
      kSmall;
  const QString a = m_dir.filePath("a.unroll"), b = m_dir.filePath("b.unroll"),
                c = m_dir.filePath("c.unroll");
  QCOMPARE(run_cli(m_dir.path(), base + QStringList{"--steps", "30", "--save", a}).code, 0);
  auto r = run_cli(m_dir.path(), {"train", "--resume", a, "--steps", "60", "--save", b, "--quiet"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QCOMPARE(run_cli(m_dir.path(), base + QStringList{"--steps", "60", "--save", c}).code, 0);
  const Seq2SeqCheckpoint cb = load_seq2seq_checkpoint(b.toStdString());
  const Seq2SeqCheckpoint cc = load_seq2seq_checkpoint(c.toStdString());
  QCOMPARE(cb.progress.step, 60L);
  QVERIFY(cb.params == cc.params);
  QCOMPARE(cb.progress.rng, cc.progress.rng);
}

void TestSeq2SeqCli::sweep() {
  const auto r =
      run_cli(m_dir.path(), QStringList{"sweep", "--task", "reorder", "--lengths", "3,4",
                                        "--attention", "none,dot", "--steps", "20", "--pairs",
                                        "100", "--csv", m_dir.filePath("sweep.csv")} +
                                kSmall);
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QVERIFY2(r.out.contains("\nnone ") && r.out.contains("\ndot "), qPrintable(r.out));
  QFile f(m_dir.filePath("sweep.csv"));
  QVERIFY(f.open(QIODevice::ReadOnly));
  QCOMPARE(f.readAll().count('\n'), 5);  // header + 2 x 2
}

// The exported safetensors in PyTorch (strict=True) give eval's loss within 1e-5 and translate's
// greedy outputs.
void TestSeq2SeqCli::exportMatchesPytorch() {
  const QString st = m_dir.filePath("numbers.safetensors");
  auto r = run_cli(m_dir.path(),
                   {"export", "--checkpoint", m_model, "--format", "safetensors", "--out", st});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  const auto ev = run_cli(m_dir.path(), {"eval", "--checkpoint", m_model, "--data", m_pairs});
  QCOMPARE(ev.code, 0);
  QStringList greedy;
  for (const char* text : {"zweiundvierzig", "forty-two", "sieben", "ninety-one", "elf"}) {
    r = run_cli(m_dir.path(), {"translate", "--checkpoint", m_model, "--text", text});
    greedy << r.out.trimmed();
  }
  QProcess py;
  py.start(UNROLL_PYTHON,
           {UNROLL_SOURCE_DIR "/scripts/load_seq2seq_in_pytorch.py", st, "--data", m_pairs});
  QVERIFY(py.waitForFinished(120000));
  const QString out = QString::fromUtf8(py.readAllStandardOutput());
  QVERIFY2(py.exitCode() == 0, qPrintable(QString::fromUtf8(py.readAllStandardError())));
  QStringList lines = out.split('\n', Qt::SkipEmptyParts);
  QCOMPARE(lines.size(), 6);
  const double torchLoss = field(lines.takeLast(), "loss");
  qInfo("loss: engine %.7f, torch %.7f; greedy outputs %s", field(ev.out, "loss"), torchLoss,
        qPrintable(greedy.join(" | ")));
  QVERIFY(std::abs(torchLoss - field(ev.out, "loss")) < 1e-5);
  QCOMPARE(lines, greedy);
  const QString prefix = m_dir.filePath("numbers");
  r = run_cli(m_dir.path(),
              {"export", "--checkpoint", m_model, "--format", "onnx", "--out", prefix});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QVERIFY(QFile::exists(prefix + ".encoder.onnx") && QFile::exists(prefix + ".decoder-step.onnx"));
  r = run_cli(m_dir.path(), {"export", "--checkpoint", m_model, "--format", "csv", "--out", "x"});
  QCOMPARE(r.code, 2);
}

void TestSeq2SeqCli::refusals_data() {
  QTest::addColumn<QStringList>("args");
  QTest::addColumn<QString>("expected");
  QTest::newRow("pairs without data") << QStringList{"train", "--task", "pairs"} << "--data";
  QTest::newRow("bad attention") << QStringList{"train", "--task", "dates", "--attention", "x"}
                                 << "unknown attention 'x'";
  QTest::newRow("dot sizes") << QStringList{"train",       "--task", "dates",
                                            "--attention", "dot",    "--bidirectional"}
                             << "dot attention needs";
  QTest::newRow("bad teacher forcing")
      << QStringList{"train", "--task", "reorder", "--teacher-forcing", "2"} << "--teacher-forcing";
  QTest::newRow("translate without text")
      << QStringList{"translate", "--checkpoint", "x"} << "--text";
  QTest::newRow("missing checkpoint")
      << QStringList{"translate", "--checkpoint", "none.unroll", "--text", "a"}
      << "cannot open checkpoint";
}

// A bad option or file: exit 2 and one line saying what to do.
void TestSeq2SeqCli::refusals() {
  QFETCH(QStringList, args);
  QFETCH(QString, expected);
  const auto r = run_cli(m_dir.path(), args);
  QCOMPARE(r.code, 2);
  QVERIFY2(r.err.contains(expected) && r.err.count('\n') == 1, qPrintable(r.err));
}

QTEST_APPLESS_MAIN(TestSeq2SeqCli)
#include "tst_seq2seq_cli.moc"
