// unroll-cli with image captioners, end to end: train --task shapes learns beyond chance, caption
// prints the model's own greedy caption of a PNG and saves one attention map per word, eval prints
// the validation metrics training ended with, a resumed run is bit-identical, and bad input (a
// missing, undecodable or wrongly sized image, bad options) is named in one line with exit 2.
#include <QDir>
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
  void imageFolder();
  void badFolder_data();
  void badFolder();

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
  QTest::newRow("a captioner given to sample")
      << QStringList{"sample", "--checkpoint", "shapes.unroll"}
      << "is an image captioner checkpoint: use it with unroll-cli caption, eval or export";
  QTest::newRow("missing captions file")
      << QStringList{"train", "--task", "images", "--data", ".", "--captions", "nope.csv"}
      << "cannot open captions file 'nope.csv'";
  QTest::newRow("shapes options on images")
      << QStringList{"train",      "--task", "images",    "--data", ".",
                     "--captions", "c.csv",  "--objects", "2"}
      << "--objects is for --task shapes";
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

namespace {

// FOLDER with n 64x64 PNGs of drawn shapes and captions.csv naming them, some twice, in the
// forms the reader accepts (a header, capitals and a full stop, a quoted caption with a comma).
void writeFolder(const QString& folder, int n) {
  QDir().mkpath(folder);
  ShapesSpec s;
  s.image = 64;
  s.objects = 1;
  s.validation = n;
  const ShapesTask task(s);
  QFile csv(folder + "/captions.csv");
  QVERIFY(csv.open(QIODevice::WriteOnly));
  csv.write("file,caption\n");
  for (int i = 0; i < n; ++i) {
    const float* p = task.validation_images().col(i).data();
    QImage img(64, 64, QImage::Format_RGB888);
    for (int y = 0; y < 64; ++y)
      for (int x = 0; x < 64; ++x)
        img.setPixel(x, y,
                     qRgb(qRound(p[y * 64 + x] * 255), qRound(p[4096 + y * 64 + x] * 255),
                          qRound(p[8192 + y * 64 + x] * 255)));
    QVERIFY(img.save(folder + QString("/img%1.png").arg(i)));
    const QString caption = QString::fromStdString(
        join_words(caption_words(task.validation_captions()[size_t(i)], task.words())));
    csv.write(QString("img%1.png,%2\n").arg(i).arg(caption).toUtf8());
    if (i % 4 == 0) csv.write(QString("img%1.png,A %2.\n").arg(i).arg(caption).toUtf8());
  }
  csv.write("img1.png,\"a shape, seen\"\n");
}

}  // namespace

// --task images: 40 PNGs at 64x64 resized to 32x32, several captions per image; train, eval and
// caption work on it, words are lower-cased without punctuation, and resume is bit-identical.
void TestCaptionCli::imageFolder() {
  const QString folder = m_dir.filePath("imgs");
  writeFolder(folder, 40);
  const QStringList base = {"train",
                            "--task",
                            "images",
                            "--data",
                            folder,
                            "--captions",
                            folder + "/captions.csv",
                            "--image",
                            "32",
                            "--conv",
                            "4p,8p",
                            "--hidden",
                            "16",
                            "--batch",
                            "8",
                            "--val-every",
                            "0",
                            "--quiet"};
  const QString a = m_dir.filePath("f10.unroll"), b = m_dir.filePath("f20.unroll"),
                s = m_dir.filePath("fs.unroll");
  auto r = run_cli(m_dir.path(), base + QStringList{"--steps", "10", "--save", a});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QVERIFY2(r.out.startsWith("final step=10"), qPrintable(r.out));
  const CaptionCheckpoint c = load_caption_checkpoint(a.toStdString());
  QCOMPARE(c.config.model.conv.height, 32);
  QVERIFY(std::find(c.words.begin(), c.words.end(), "seen") != c.words.end());
  QVERIFY(std::find(c.words.begin(), c.words.end(), "a") != c.words.end());
  for (const std::string& w : c.words)
    QVERIFY2(w.find_first_of("A.,\"") == std::string::npos, w.c_str());
  r = run_cli(m_dir.path(), {"train", "--resume", a, "--steps", "20", "--save", b, "--quiet"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QCOMPARE(run_cli(m_dir.path(), base + QStringList{"--steps", "20", "--save", s}).code, 0);
  QVERIFY2(load_caption_checkpoint(b.toStdString()).params ==
               load_caption_checkpoint(s.toStdString()).params,
           "a resumed folder run differs from a straight one");
  r = run_cli(m_dir.path(), {"eval", "--checkpoint", b});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QVERIFY2(r.out.contains("loss=") && r.out.contains("bleu="), qPrintable(r.out));
  QImage small(32, 32, QImage::Format_RGB888);
  small.fill(Qt::black);
  small.save(m_dir.filePath("small.png"));
  r = run_cli(m_dir.path(), {"caption", "--checkpoint", b, "--image", m_dir.filePath("small.png")});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QCOMPARE(r.out.count('\n'), 1);
}

void TestCaptionCli::badFolder_data() {
  QTest::addColumn<QByteArray>("csv");
  QTest::addColumn<QString>("message");
  QTest::newRow("missing file") << QByteArray("img0.png,a red circle\nnope.png,a cross\n")
                                << "captions.csv:2: cannot open image";
  QTest::newRow("undecodable") << QByteArray("img0.png,a\ntext.png,b\n")
                               << "captions.csv:2: cannot decode image";
  QTest::newRow("caption without a file") << QByteArray("file,caption\nimg0.png,a\n,a red circle\n")
                                          << "captions.csv:3: the file field is empty";
  QTest::newRow("no comma") << QByteArray("img0.png a red circle\n") << "captions.csv:1: no comma";
  QTest::newRow("empty caption") << QByteArray("img0.png, .\n")
                                 << "captions.csv:1: the caption is empty";
  QTest::newRow("one image") << QByteArray("img0.png,a\nimg0.png,b\n") << "names one image";
  QTest::newRow("no lines") << QByteArray("file,caption\n") << "has no file,caption lines";
}

// A bad captions file or image is named with its line, in one line, exit 2.
void TestCaptionCli::badFolder() {
  QFETCH(QByteArray, csv);
  QFETCH(QString, message);
  const QString folder = m_dir.filePath("bad");
  QDir().mkpath(folder);
  QImage(8, 8, QImage::Format_RGB888).save(folder + "/img0.png");
  {
    QFile t(folder + "/text.png");
    QVERIFY(t.open(QIODevice::WriteOnly));
    t.write("not an image");
    QFile f(folder + "/captions.csv");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(csv);
  }
  const auto r = run_cli(m_dir.path(), {"train", "--task", "images", "--data", folder, "--captions",
                                        folder + "/captions.csv", "--steps", "2"});
  QCOMPARE(r.code, 2);
  QVERIFY2(r.err.contains(message), qPrintable(r.err));
  QCOMPARE(r.err.trimmed().count('\n'), 0);
}

QTEST_APPLESS_MAIN(TestCaptionCli)
#include "tst_caption_cli.moc"
