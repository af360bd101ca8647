// Finite-difference gradient checks in double for the encoder–decoder: every encoder and decoder
// cell, every attention kind, 1-2 layers, bidirectional, bridge, input feeding on and off,
// scheduled sampling; every parameter, and the total dL/dh^enc_s that reaches each source position.
#include <QtTest>
#include <cmath>

#include "core/rng.h"
#include "seq2seq/seq2seq_model.h"

using namespace unroll;

namespace {

// Ts source steps, Tt target steps, B pairs.
constexpr int kTs = 4, kTt = 5, kB = 3;

Seq2SeqBatch makeBatch(const Seq2SeqConfig& cfg, Rng& rng) {
  Seq2SeqBatch b;
  b.B = kB;
  b.Ts = kTs;
  b.Tt = kTt;
  for (int j = 0; j < kTs * kB; ++j) b.src.push_back(int32_t(rng.below(cfg.source_vocab)));
  for (int j = 0; j < kTt * kB; ++j)
    b.tgt.push_back(int32_t(kEos + 1 + rng.below(cfg.target_vocab - kEos - 1)));
  // Column 1 ends after 3 tokens: eos, then unscored steps.
  b.tgt[2 * kB + 1] = kEos;
  for (int t = 3; t < kTt; ++t) b.tgt[t * kB + 1] = -1;
  return b;
}

double lossOf(const Seq2Seq<double>& m, const Seq2SeqBatch& b, double tf, Perturb perturb = {},
              int dir = 0) {
  Seq2SeqWorkspace<double> ws;
  Rng rng(77);  // the same sampled tokens on every evaluation
  Seq2SeqForwardOptions opt;
  opt.teacher_forcing = tf;
  opt.rng = &rng;
  opt.perturb = perturb;
  opt.perturb_direction = dir;
  return m.forward(b, opt, ws);
}

template <class F>
double derivative(F&& f, double h) {
  return (-f(2 * h) + 8 * f(h) - 8 * f(-h) + f(-2 * h)) / (12 * h);
}

double relError(double a, double n) {
  const double scale = std::max(std::abs(a), std::abs(n));
  return scale < 1e-4 ? 0.0 : std::abs(a - n) / scale;  // below: the absolute check
}

}  // namespace

class TestSeq2SeqGradcheck : public QObject {
  Q_OBJECT
 private slots:
  void gradients_data();
  void gradients();
};

void TestSeq2SeqGradcheck::gradients_data() {
  QTest::addColumn<QString>("enc");
  QTest::addColumn<QString>("dec");
  QTest::addColumn<QString>("attention");
  QTest::addColumn<int>("layers");
  QTest::addColumn<bool>("bidirectional");
  QTest::addColumn<bool>("feeding");
  QTest::addColumn<int>("encHidden");  // decoder hidden is 4: 4 = no bridge (unidirectional)
  QTest::addColumn<double>("teacherForcing");
  for (const char* cell : {"rnn", "rnn-relu", "lstm", "gru"})
    for (const char* att : {"none", "additive", "dot", "general"})
      QTest::addRow("%s %s", cell, att)
          << QString(cell) << QString(cell) << QString(att) << 1 << false << true << 4 << 1.0;
  QTest::addRow("lstm->gru additive L2 bidirectional")
      << "lstm"
      << "gru"
      << "additive" << 2 << true << true << 3 << 1.0;
  QTest::addRow("gru->lstm general L2 bidirectional") << "gru"
                                                      << "lstm"
                                                      << "general" << 2 << true << true << 2 << 1.0;
  QTest::addRow("lstm->lstm dot L2 bidirectional") << "lstm"
                                                   << "lstm"
                                                   << "dot" << 2 << true << true << 2 << 1.0;
  QTest::addRow("rnn->lstm none bridge L2") << "rnn"
                                            << "lstm"
                                            << "none" << 2 << false << true << 3 << 1.0;
  QTest::addRow("lstm additive no input feeding") << "lstm"
                                                  << "lstm"
                                                  << "additive" << 1 << false << false << 3 << 1.0;
  QTest::addRow("gru general no input feeding L2") << "gru"
                                                   << "gru"
                                                   << "general" << 2 << false << false << 4 << 1.0;
  QTest::addRow("lstm additive scheduled sampling 0.5")
      << "lstm"
      << "lstm"
      << "additive" << 1 << true << true << 3 << 0.5;
}

// Every parameter's gradient and every ||dL/dh^enc_s|| against five-point central differences.
void TestSeq2SeqGradcheck::gradients() {
  QFETCH(QString, enc);
  QFETCH(QString, dec);
  QFETCH(QString, attention);
  QFETCH(int, layers);
  QFETCH(bool, bidirectional);
  QFETCH(bool, feeding);
  QFETCH(int, encHidden);
  QFETCH(double, teacherForcing);
  Seq2SeqConfig cfg;
  cfg.encoder_cell = parse_cell(enc.toStdString());
  cfg.decoder_cell = parse_cell(dec.toStdString());
  cfg.attention = parse_attention(attention.toStdString());
  cfg.layers = layers;
  cfg.bidirectional = bidirectional;
  cfg.input_feeding = feeding;
  cfg.encoder_hidden = encHidden;
  cfg.decoder_hidden = 4;
  cfg.embed_dim = 3;
  cfg.attention_dim = 5;
  cfg.source_vocab = 6;
  cfg.target_vocab = 7;
  Seq2Seq<double> m(cfg);
  Rng rng(11);
  m.initialize(rng);
  const Seq2SeqBatch batch = makeBatch(cfg, rng);

  Seq2SeqWorkspace<double> ws;
  Rng srng(77);
  Seq2SeqForwardOptions opt;
  opt.teacher_forcing = teacherForcing;
  opt.rng = &srng;
  m.forward(batch, opt, ws);
  Vec<double> g = Vec<double>::Zero(m.params().size());
  m.backward(batch, ws, g.data());
  if (teacherForcing < 1.0) {
    int sampled = 0;
    for (uint8_t t : ws.teacher) sampled += t == 0;
    QVERIFY(sampled > 0);  // the row really samples
  }

  double worst = 0, worstAbs = 0;
  QString where;
  const Seq2SeqLayout& lay = m.layout();
  for (const TensorInfo& t : lay.tensors())
    for (Index i = 0; i < t.size(); ++i) {
      Seq2Seq<double> probe = m;
      const Index at = t.offset + i;
      const double n = derivative(
          [&](double h) {
            probe.params()[at] = m.params()[at] + h;
            return lossOf(probe, batch, teacherForcing);
          },
          1e-4);
      const double e = relError(g[at], n);
      worstAbs = std::max(worstAbs, std::abs(g[at] - n));
      if (e > worst) {
        worst = e;
        where = QString("%1[%2]").arg(t.name.c_str()).arg(i);
      }
    }
  // dL/dh^enc_s of the top layer: every component of each column, then its norm.
  double worstDh = 0;
  const int D = cfg.directions(), top = cfg.layers - 1;
  for (int s = 0; s < kTs; ++s)
    for (int b = 0; b < kB; ++b) {
      double sq = 0;
      for (int d = 0; d < D; ++d)
        for (int row = 0; row < cfg.encoder_hidden; ++row) {
          Perturb p;
          p.layer = top;
          p.t = d == 0 ? s : kTs - 1 - s;
          p.row = row;
          p.col = b;
          const double n = derivative(
              [&](double h) {
                p.eps = h;
                return lossOf(m, batch, teacherForcing, p, d);
              },
              1e-4);
          sq += n * n;
        }
      worstDh = std::max(worstDh, relError(ws.dh_enc(s, b), std::sqrt(sq)));
    }
  qInfo("largest relative difference: parameters %.3g (%s), absolute %.3g; ||dL/dh^enc_s|| %.3g",
        worst, qPrintable(where), worstAbs, worstDh);
  QVERIFY2(worst < 1e-6, qPrintable(where));
  QVERIFY(worstAbs < 1e-9);
  QVERIFY(worstDh < 1e-6);
  QVERIFY(g.norm() > 1e-3);
}

QTEST_APPLESS_MAIN(TestSeq2SeqGradcheck)
#include "tst_seq2seq_gradcheck.moc"
