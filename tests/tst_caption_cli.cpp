// unroll-cli with image captioners, end to end: train --task shapes learns beyond chance, caption
// prints the model's own greedy caption of a PNG and saves one attention map per word, eval prints
// the validation metrics training ended with, a resumed run is bit-identical, and bad input (a
// missing, undecodable or wrongly sized image, bad options) is named in one line with exit 2.
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "caption/caption_checkpoint.h"
#include "caption/image_io.h"
#include "cli_run.h"

using namespace unroll;
using unroll::test::run_cli;

namespace {

const QStringList kSmall = {"--task",    "shapes",   "--objects",    "1",       "--conv",
                            "8p,16p,16", "--hidden", "32",           "--embed", "16",
                            "--batch",   "16",       "--val-images", "64",      "--quiet"};

double field(const QString& line, const QString& name) {
  const QRegularExpressionMatch m = QRegularExpression(name + "=([-0-9.e+na/]+)").match(line);
  return m.hasMatch() ? m.captured(1).toDouble() : std::nan("");
}

// Validation image i of the checkpoint's task, as a PNG.
QString writeValidationPng(const QString& dir, const CaptionCheckpoint& c, int i) {
  const ShapesTask task(c.config.task);
  const int side = c.config.task.image, plane = side * side;
  QImage img(side, side, QImage::Format_RGB888);
  const float* p = task.validation_images().col(i).data();
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x)
      img.setPixel(x, y,
                   qRgb(qRound(p[y * side + x] * 255), qRound(p[plane + y * side + x] * 255),
                        qRound(p[2 * plane + y * side + x] * 255)));
  const QString path = dir + QString("/val%1.png").arg(i);
  img.save(path);
  return path;
}

}  // namespace

class TestCaptionCli : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase();
  void captionMatchesTheModel();
  void evalRepeatsTraining();
  void resumeIsBitIdentical();
  void exportMatchesPytorch();
  void badInput_data();
  void badInput();

 private:
  QTemporaryDir m_dir;
  QString m_model, m_final;
};

void TestCaptionCli::initTestCase() {
  QVERIFY(m_dir.isValid());
  m_model = m_dir.filePath("shapes.unroll");
  const auto r = run_cli(m_dir.path(), QStringList{"train"} + kSmall +
                                           QStringList{"--steps", "300", "--save", m_model});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  m_final = r.out.trimmed();
  qInfo("%s", qPrintable(m_final));
  QVERIFY(m_final.startsWith("final step=300"));
  // One shape: an exact caption by chance is 1 in 32 (2 sizes, 4 colours, 4 shapes).
  QVERIFY2(field(m_final, "exact") > 0.2, qPrintable(m_final));
  QVERIFY2(field(m_final, "colour") > 0.7, qPrintable(m_final));
  QVERIFY2(m_final.contains("relation=n/a"), "one shape: no relation to score");
}

void TestCaptionCli::captionMatchesTheModel() {
  const CaptionCheckpoint c = load_caption_checkpoint(m_model.toStdString());
  const Captioner<float> model = c.model();
  for (int i = 0; i < 3; ++i) {
    const QString png = writeValidationPng(m_dir.path(), c, i);
    const QString maps = m_dir.filePath(QString("att%1.png").arg(i));
    const auto r = run_cli(m_dir.path(), {"caption", "--checkpoint", m_model, "--image", png,
                                          "--attention-out", maps});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const Image img = load_image(png.toStdString());
    const Mat<float> x = Eigen::Map<const Mat<float>>(img.chw.data(), Index(img.chw.size()), 1);
    std::vector<Mat<double>> attn;
    const auto greedy = model.greedy(x, c.max_output(), &attn);
    const QString expect = QString::fromStdString(join_words(caption_words(greedy[0], c.words)));
    QCOMPARE(r.out.trimmed(), expect);
    // The image and one 128-pixel tile per attention row (words, then <eos>), 4 pixels apart.
    const QImage strip(maps);
    QVERIFY2(!strip.isNull(), "no attention PNG");
    const int tiles = 1 + int(attn[0].rows());
    QCOMPARE(strip.width(), tiles * 128 + (tiles - 1) * 4);
    QCOMPARE(strip.height(), 128);
  }
}

void TestCaptionCli::evalRepeatsTraining() {
  const auto r = run_cli(m_dir.path(), {"eval", "--checkpoint", m_model});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  for (const char* f : {"exact", "bleu", "colour", "shape", "size"})
    QCOMPARE(field(r.out, f), field(m_final, f));
  QCOMPARE(field(r.out, "loss"), field(m_final, "val_loss"));
}

void TestCaptionCli::resumeIsBitIdentical() {
  const QString a = m_dir.filePath("a.unroll"), b = m_dir.filePath("b.unroll"),
                s = m_dir.filePath("s.unroll");
  const QStringList base =
      QStringList{"train", "--task",  "shapes", "--hidden",    "16", "--conv",
                  "4p,8p", "--batch", "8",      "--val-every", "0",  "--quiet"};
  QCOMPARE(run_cli(m_dir.path(), base + QStringList{"--steps", "12", "--save", a}).code, 0);
  const auto r = run_cli(m_dir.path(), {"train", "--resume", a, "--steps", "25", "--save", b,
                                        "--val-every", "0", "--quiet"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QCOMPARE(run_cli(m_dir.path(), base + QStringList{"--steps", "25", "--save", s}).code, 0);
  const CaptionCheckpoint cb = load_caption_checkpoint(b.toStdString()),
                          cs = load_caption_checkpoint(s.toStdString());
  QCOMPARE(cb.progress.step, 25L);
  QVERIFY2(cb.params == cs.params, "a resumed run's weights differ from a straight run's");
  QCOMPARE(cb.optimizer.step, cs.optimizer.step);
}

// export writes safetensors and ONNX (the graphs are checked in tst_caption_onnx);
// scripts/load_caption_in_pytorch.py on the safetensors export gives the same greedy captions as
// the caption command and the same loss (within 1e-5) as the engine on the same PNGs.
void TestCaptionCli::exportMatchesPytorch() {
  const QString st = m_dir.filePath("shapes.safetensors");
  auto r = run_cli(m_dir.path(),
                   {"export", "--checkpoint", m_model, "--format", "safetensors", "--out", st});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  const QString onnx = m_dir.filePath("shapes");
  r = run_cli(m_dir.path(), {"export", "--checkpoint", m_model, "--format", "onnx", "--out", onnx});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QVERIFY(QFile::exists(onnx + ".encoder.onnx") && QFile::exists(onnx + ".decoder-step.onnx"));
  r = run_cli(m_dir.path(), {"export", "--checkpoint", m_model, "--format", "csv", "--out", onnx});
  QCOMPARE(r.code, 2);
  QVERIFY(r.err.contains("exports as --format safetensors or onnx, not 'csv'"));
  const CaptionCheckpoint c = load_caption_checkpoint(m_model.toStdString());
  const Captioner<float> model = c.model();
  QFile csv(m_dir.filePath("captions.csv"));
  QVERIFY(csv.open(QIODevice::WriteOnly));
  csv.write("file,caption\n");
  QStringList greedy;
  Mat<float> images(c.config.model.conv.input_size(), 6);
  std::vector<std::vector<int32_t>> refs;
  const ShapesTask task(c.config.task);
  for (int i = 0; i < 6; ++i) {
    const QString png = writeValidationPng(m_dir.path(), c, i);
    r = run_cli(m_dir.path(), {"caption", "--checkpoint", m_model, "--image", png});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    greedy << r.out.trimmed();
    const Image img = load_image(png.toStdString());
    images.col(i) = Eigen::Map<const Mat<float>>(img.chw.data(), Index(img.chw.size()), 1);
    refs.push_back(task.validation_captions()[size_t(i)]);
    csv.write(QString("val%1.png,%2\n")
                  .arg(i)
                  .arg(QString::fromStdString(join_words(caption_words(refs.back(), c.words))))
                  .toUtf8());
  }
  csv.close();
  CaptionWorkspace<float> ws;
  const double loss =
      model.forward(make_caption_batch(images, refs, {0, 1, 2, 3, 4, 5}), 1.0, nullptr, ws);
  QProcess py;
  py.start(UNROLL_PYTHON, {UNROLL_SOURCE_DIR "/scripts/load_caption_in_pytorch.py", st,
                           "--captions", csv.fileName()});
  QVERIFY(py.waitForFinished(120000));
  const QString out = QString::fromUtf8(py.readAllStandardOutput());
  QVERIFY2(py.exitCode() == 0, qPrintable(QString::fromUtf8(py.readAllStandardError())));
  QStringList lines = out.trimmed().split('\n');
  QCOMPARE(lines.size(), 7);
  const double torchLoss = field(lines.takeLast(), "loss");
  qInfo("loss: engine %.8f, torch %.8f, difference %.3g", loss, torchLoss,
        std::abs(loss - torchLoss));
  QCOMPARE(lines, greedy);
  QVERIFY(std::abs(loss - torchLoss) < 1e-5);
}

void TestCaptionCli::badInput_data() {
  QTest::addColumn<QStringList>("args");
  QTest::addColumn<QString>("message");
  QTest::newRow("missing image") << QStringList{"caption", "--image", "nope.png"}
                                 << "cannot open image 'nope.png': check the path";
  QTest::newRow("undecodable image")
      << QStringList{"caption", "--image", "text.png"} << "cannot decode image 'text.png'";
  QTest::newRow("wrong size") << QStringList{"caption", "--image", "big.png"}
                              << "image 'big.png' is 40x30 but the captioner takes 32x32 images";
  QTest::newRow("no image") << QStringList{"caption"} << "--image FILE.png is required";
  QTest::newRow("bad image side") << QStringList{"train", "--task", "shapes", "--image", "48"}
                                  << "--image must be 32 or 64";
  QTest::newRow("bad conv") << QStringList{"train", "--task", "shapes", "--conv", "16,x"}
                            << "--conv: 'x' is not a block";
  QTest::newRow("dot attention sizes")
      << QStringList{"train", "--task", "shapes", "--attention", "dot", "--hidden", "48"}
      << "dot attention needs the last conv block's channels (32)";
  QTest::newRow("too many pools") << QStringList{"train", "--task", "shapes", "--conv",
                                                 "4/2p,4/2p,4/2p"}
                                  << "leaves no grid after conv block 3";
}

void TestCaptionCli::badInput() {
  QFETCH(QStringList, args);
  QFETCH(QString, message);
  {
    QFile f(m_dir.filePath("text.png"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not an image\n");
  }
  QImage(40, 30, QImage::Format_RGB888).save(m_dir.filePath("big.png"));
  if (args.first() == "caption") args += QStringList{"--checkpoint", m_model};
  const auto r = run_cli(m_dir.path(), args);
  QCOMPARE(r.code, 2);
  QVERIFY2(r.err.contains(message), qPrintable(r.err));
  QCOMPARE(r.err.trimmed().count('\n'), 0);  // one line
  QVERIFY(r.out.isEmpty());
}

QTEST_APPLESS_MAIN(TestCaptionCli)
#include "tst_caption_cli.moc"
