// Finite-difference gradient checks in double for the captioner's parts: the convolution (strides
// 1 and 2, padding at every border), the max-pool, the whole convolutional encoder down to the
// pixels, and the whole captioner (every attention kind, RNN, LSTM and GRU decoders, 1-2 layers);
// every parameter and every pixel.
#include <QtTest>
#include <cmath>

#include "caption/captioner.h"
#include "core/rng.h"

using namespace unroll;

namespace {

template <class F>
double derivative(F&& f, double h) {
  return (-f(2 * h) + 8 * f(h) - 8 * f(-h) + f(-2 * h)) / (12 * h);
}

double relError(double a, double n) {
  const double scale = std::max(std::abs(a), std::abs(n));
  return scale < 1e-4 ? std::abs(a - n) : std::abs(a - n) / scale;  // below: the absolute error
}

Mat<double> randomImages(int rows, int B, Rng& rng) {
  Mat<double> X(rows, B);
  for (Index j = 0; j < X.size(); ++j) X.data()[j] = rng.uniform(-1, 1);
  return X;
}

struct ConvRig {
  ConvEncoderConfig cfg;
  Seq2SeqLayout lay;
  std::vector<ConvTensors> t;
  Vec<double> p;
  explicit ConvRig(const ConvEncoderConfig& c) : cfg(c) {
    cfg.validate();
    t = append_conv_tensors(lay, cfg, "conv.");
    p = Vec<double>::Zero(lay.size());
  }
};

// L = sum(R .* y): dL/dy = R.
double convLoss(const ConvRig& r, const Mat<double>& X, const Mat<double>& R) {
  ConvEncoder<double> enc(r.cfg, r.lay, r.t);
  ConvCache<double> c;
  enc.forward(r.p.data(), X, c);
  return c.y.cwiseProduct(R).sum();
}

}  // namespace

class TestCaptionGradcheck : public QObject {
  Q_OBJECT
 private slots:
  void conv_data();
  void conv();
  void captioner_data();
  void captioner();
};

void TestCaptionGradcheck::conv_data() {
  QTest::addColumn<QString>("blocks");  // channels/stride/pool, ...
  QTest::addColumn<int>("height");
  QTest::addColumn<int>("width");
  QTest::newRow("conv stride 1") << "3/1/0" << 5 << 6;
  QTest::newRow("conv stride 2, odd size") << "3/2/0" << 7 << 5;
  QTest::newRow("pooling") << "2/1/1" << 6 << 7;
  QTest::newRow("conv stride 2 + pooling") << "3/2/1" << 9 << 8;
  QTest::newRow("three blocks") << "3/1/1,4/1/0,5/2/0" << 8 << 8;
  QTest::newRow("four blocks") << "2/1/0,3/1/1,3/1/0,4/1/1" << 8 << 9;
}

// Every weight, bias and pixel against central differences of L = sum(R .* y).
void TestCaptionGradcheck::conv() {
  QFETCH(QString, blocks);
  QFETCH(int, height);
  QFETCH(int, width);
  ConvEncoderConfig cfg;
  cfg.in_channels = 2;
  cfg.height = height;
  cfg.width = width;
  cfg.blocks.clear();
  for (const QString& b : blocks.split(',')) {
    const QStringList f = b.split('/');
    cfg.blocks.push_back({f[0].toInt(), f[1].toInt(), f[2].toInt() != 0});
  }
  ConvRig r(cfg);
  Rng rng(11 + height * 7 + width);
  for (Index i = 0; i < r.p.size(); ++i) r.p[i] = rng.uniform(-0.5, 0.5);
  const int B = 2;
  Mat<double> X = randomImages(cfg.input_size(), B, rng);
  ConvEncoder<double> enc(r.cfg, r.lay, r.t);
  ConvCache<double> c;
  enc.forward(r.p.data(), X, c);
  QCOMPARE(c.y.rows(), Index(cfg.out_channels()) * cfg.positions());
  const Mat<double> R = randomImages(int(c.y.rows()), B, rng);
  Vec<double> g = Vec<double>::Zero(r.p.size());
  Mat<double> dX;
  enc.backward(r.p.data(), R, c, g.data(), &dX);
  double worst = 0, worst_x = 0;
  for (Index i = 0; i < r.p.size(); ++i) {
    const double keep = r.p[i];
    const double n = derivative(
        [&](double h) {
          r.p[i] = keep + h;
          const double l = convLoss(r, X, R);
          r.p[i] = keep;
          return l;
        },
        1e-5);
    worst = std::max(worst, relError(g[i], n));
  }
  for (Index i = 0; i < X.size(); ++i) {
    const double keep = X.data()[i];
    const double n = derivative(
        [&](double h) {
          X.data()[i] = keep + h;
          const double l = convLoss(r, X, R);
          X.data()[i] = keep;
          return l;
        },
        1e-5);
    worst_x = std::max(worst_x, relError(dX.data()[i], n));
  }
  qInfo("largest relative error: weights %.3g, pixels %.3g over %d weights, %d pixels", worst,
        worst_x, int(r.p.size()), int(X.size()));
  QVERIFY(g.norm() > 1e-3);
  QVERIFY2(worst < 1e-6, "weights");
  QVERIFY2(worst_x < 1e-6, "pixels");
}

void TestCaptionGradcheck::captioner_data() {
  QTest::addColumn<int>("cell");
  QTest::addColumn<int>("attention");
  QTest::addColumn<int>("layers");
  QTest::addColumn<bool>("feeding");
  const CellType cells[] = {CellType::RnnTanh, CellType::Lstm, CellType::Gru};
  const AttentionKind kinds[] = {AttentionKind::None, AttentionKind::Additive, AttentionKind::Dot,
                                 AttentionKind::General};
  for (CellType c : cells)
    for (AttentionKind a : kinds)
      QTest::newRow(qPrintable(QString("%1 %2").arg(to_string(c).c_str(), to_string(a).c_str())))
          << int(c) << int(a) << 1 << true;
  QTest::newRow("lstm additive L2")
      << int(CellType::Lstm) << int(AttentionKind::Additive) << 2 << true;
  QTest::newRow("gru general L2 no input feeding")
      << int(CellType::Gru) << int(AttentionKind::General) << 2 << false;
}

// Every parameter of a small captioner against central differences of its mean token loss.
void TestCaptionGradcheck::captioner() {
  QFETCH(int, cell);
  QFETCH(int, attention);
  QFETCH(int, layers);
  QFETCH(bool, feeding);
  CaptionConfig cfg;
  cfg.conv.in_channels = 3;
  cfg.conv.height = 8;
  cfg.conv.width = 7;
  cfg.conv.blocks = {{3, 1, true}, {6, 1, false}};  // a 4 x 3 grid of 6 channels
  cfg.decoder_cell = CellType(cell);
  cfg.attention = AttentionKind(attention);
  cfg.layers = layers;
  cfg.input_feeding = feeding;
  cfg.hidden = 6;
  cfg.embed_dim = 4;
  cfg.attention_dim = 5;
  cfg.vocab = 9;
  Captioner<double> m(cfg);
  Rng rng(400 + cell * 10 + attention);
  m.initialize(rng);
  CaptionBatch b;
  b.B = 3;
  b.Tt = 4;
  b.images = randomImages(cfg.conv.input_size(), b.B, rng).cast<float>().cwiseAbs();
  for (int j = 0; j < b.Tt * b.B; ++j) b.tgt.push_back(int32_t(3 + rng.below(cfg.vocab - 3)));
  b.tgt[1 * b.B + 2] = kEos;  // image 2's caption ends after one word
  b.tgt[2 * b.B + 2] = -1;
  b.tgt[3 * b.B + 2] = -1;
  CaptionWorkspace<double> ws;
  m.forward(b, 1.0, nullptr, ws);
  Vec<double> g = Vec<double>::Zero(m.params().size());
  m.backward(ws, g.data());
  double worst = 0;
  std::string where;
  for (Index i = 0; i < m.params().size(); ++i) {
    const double keep = m.params()[i];
    const double n = derivative(
        [&](double h) {
          m.params()[i] = keep + h;
          CaptionWorkspace<double> w;
          const double l = m.forward(b, 1.0, nullptr, w);
          m.params()[i] = keep;
          return l;
        },
        1e-5);
    const double e = relError(g[i], n);
    if (e > worst) {
      worst = e;
      for (const TensorInfo& t : m.layout().tensors())
        if (i >= t.offset && i < t.offset + t.size()) where = t.name;
    }
  }
  qInfo("largest relative error %.3g (%s) over %d parameters", worst, where.c_str(),
        int(m.params().size()));
  QVERIFY(g.norm() > 1e-3);
  QVERIFY2(worst < 1e-5, where.c_str());  // rounding in the differences is ~1e-7 here
}

QTEST_APPLESS_MAIN(TestCaptionGradcheck)
#include "tst_caption_gradcheck.moc"
