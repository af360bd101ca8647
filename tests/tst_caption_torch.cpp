// The captioner's convolutional encoder in float against torch.nn.Conv2d / ReLU / MaxPool2d
// (Debian's torch, tests/py/conv_reference.py): same weights and images give the same output grid,
// weight, bias and pixel gradients within 1e-5, for strides 1 and 2, with and without pooling.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <limits>

#include "caption/conv_encoder.h"
#include "core/rng.h"

using namespace unroll;

namespace {

constexpr double kTol = 1e-5;  // on |a - b| / max(1, |b|)
constexpr int kB = 3;

struct Case {
  QString name;
  ConvEncoderConfig cfg;
  Seq2SeqLayout lay;
  std::vector<ConvTensors> t;
  Vec<float> p, grads;
  Mat<float> X, R, dX;
  ConvCache<float> cache;
};

std::vector<std::pair<QString, ConvEncoderConfig>> specs() {
  auto cfg = [](int C, int H, int W, std::vector<ConvBlock> b) {
    ConvEncoderConfig c;
    c.in_channels = C;
    c.height = H;
    c.width = W;
    c.blocks = std::move(b);
    return c;
  };
  return {{"one block stride 1", cfg(3, 8, 8, {{4, 1, false}})},
          {"one block stride 2 odd", cfg(3, 9, 7, {{4, 2, false}})},
          {"pool odd size", cfg(1, 7, 9, {{3, 1, true}})},
          {"the shapes encoder at 32x32",
           cfg(3, 32, 32, {{8, 1, true}, {16, 1, true}, {16, 1, false}})},
          {"four blocks, strides and pools",
           cfg(3, 20, 24, {{4, 2, false}, {6, 1, true}, {6, 1, false}, {8, 1, true}})}};
}

void fill(Mat<float>& m, Rng& rng, double lo, double hi) {
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = float(rng.uniform(lo, hi));
}

QJsonArray toJson(const float* v, Index n) {
  QJsonArray a;
  for (Index i = 0; i < n; ++i) a.append(double(v[i]));
  return a;
}

double worstDiff(const float* a, const QJsonArray& b, Index n) {
  if (b.size() != n) return std::numeric_limits<double>::infinity();
  double d = 0;
  for (Index i = 0; i < n; ++i) {
    const double ref = b[int(i)].toDouble();
    d = std::max(d, std::abs(double(a[i]) - ref) / std::max(1.0, std::abs(ref)));
  }
  return std::isnan(d) ? std::numeric_limits<double>::infinity() : d;
}

}  // namespace

class TestCaptionTorch : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase();
  void matchesTorch_data();
  void matchesTorch();

 private:
  std::vector<Case> m_cases;
  QJsonObject m_reference;
};

void TestCaptionTorch::initTestCase() {
  uint64_t seed = 900;
  QJsonArray all;
  for (const auto& [name, cfg] : specs()) {
    Case c;
    c.name = name;
    c.cfg = cfg;
    c.t = append_conv_tensors(c.lay, c.cfg, "conv.");
    Rng rng(seed += 13);
    c.p = Vec<float>::Zero(c.lay.size());
    for (Index i = 0; i < c.p.size(); ++i) c.p[i] = float(rng.uniform(-0.4, 0.4));
    c.X.resize(cfg.input_size(), kB);
    fill(c.X, rng, 0, 1);
    ConvEncoder<float> enc(c.cfg, c.lay, c.t);
    enc.forward(c.p.data(), c.X, c.cache);
    c.R.resize(c.cache.y.rows(), kB);
    fill(c.R, rng, -1, 1);
    c.grads = Vec<float>::Zero(c.p.size());
    enc.backward(c.p.data(), c.R, c.cache, c.grads.data(), &c.dX);
    QJsonObject w;
    QJsonArray blocks;
    for (const ConvBlock& b : cfg.blocks)
      blocks.append(QJsonObject{{"channels", b.channels}, {"stride", b.stride}, {"pool", b.pool}});
    for (const TensorInfo& t : c.lay.tensors()) {
      const Mat<float> rowMajor = CMatMap<float>(c.p.data() + t.offset, t.rows, t.cols).transpose();
      w[QString::fromStdString(t.name)] = toJson(rowMajor.data(), t.size());
    }
    all.append(QJsonObject{{"name", name},
                           {"in_channels", cfg.in_channels},
                           {"height", cfg.height},
                           {"width", cfg.width},
                           {"B", kB},
                           {"blocks", blocks},
                           {"weights", w},
                           {"images", toJson(c.X.data(), c.X.size())},
                           {"R", toJson(c.R.data(), c.R.size())}});
    m_cases.push_back(std::move(c));
  }
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  QFile in(dir.filePath("in.json"));
  QVERIFY(in.open(QIODevice::WriteOnly));
  in.write(QJsonDocument(QJsonObject{{"cases", all}}).toJson(QJsonDocument::Compact));
  in.close();
  QProcess py;
  py.start(QStringLiteral(UNROLL_PYTHON),
           {QStringLiteral(UNROLL_SOURCE_DIR "/tests/py/conv_reference.py"), dir.path()});
  QVERIFY2(py.waitForStarted(), qPrintable("cannot start " UNROLL_PYTHON ": " + py.errorString()));
  QVERIFY2(py.waitForFinished(180000), "the torch reference timed out");
  QVERIFY2(py.exitStatus() == QProcess::NormalExit && py.exitCode() == 0,
           qPrintable("the torch reference failed:\n" + py.readAllStandardError()));
  QFile result(dir.filePath("out.json"));
  QVERIFY2(result.open(QIODevice::ReadOnly), "the torch reference wrote no out.json");
  m_reference = QJsonDocument::fromJson(result.readAll()).object()["cases"].toObject();
}

void TestCaptionTorch::matchesTorch_data() {
  QTest::addColumn<int>("index");
  const auto all = specs();
  for (int i = 0; i < int(all.size()); ++i) QTest::newRow(qPrintable(all[i].first)) << i;
}

// Output grid (torch's [B, C, h, w] is our CHW columns), pixel and parameter gradients.
void TestCaptionTorch::matchesTorch() {
  QFETCH(int, index);
  const Case& c = m_cases[size_t(index)];
  const QJsonObject ref = m_reference[c.name].toObject();
  if (ref.contains("error")) QFAIL(qPrintable("torch failed:\n" + ref["error"].toString()));
  QVERIFY2(!ref.isEmpty(), "torch returned nothing for this case");
  const double dY = worstDiff(c.cache.y.data(), ref["y"].toArray(), c.cache.y.size());
  const double dX = worstDiff(c.dX.data(), ref["dx"].toArray(), c.dX.size());
  double dG = 0;
  QString where;
  const QJsonObject grads = ref["grads"].toObject();
  QCOMPARE(grads.size(), qsizetype(c.lay.tensors().size()));
  for (const TensorInfo& t : c.lay.tensors()) {
    const Mat<float> rowMajor =
        CMatMap<float>(c.grads.data() + t.offset, t.rows, t.cols).transpose();
    const double d =
        worstDiff(rowMajor.data(), grads[QString::fromStdString(t.name)].toArray(), t.size());
    if (d > dG || std::isinf(d)) {
      dG = d;
      where = QString::fromStdString(t.name);
    }
  }
  qInfo("largest difference: output %.3g, pixel gradients %.3g, weight gradients %.3g (%s)", dY, dX,
        dG, qPrintable(where));
  QVERIFY2(dY < kTol, "output grid");
  QVERIFY2(dX < kTol, "pixel gradients");
  QVERIFY2(dG < kTol, qPrintable("gradient " + where));
  QVERIFY(c.grads.norm() > 1e-3);
}

QTEST_APPLESS_MAIN(TestCaptionTorch)
#include "tst_caption_torch.moc"
