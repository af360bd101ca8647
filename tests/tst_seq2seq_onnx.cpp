// The encoder–decoder's ONNX export: an encoder graph and a decoder-step graph that ONNX Runtime
// (node, tools/ort) runs greedily to the engine's own greedy outputs, for every cell and
// attention kind, 1-2 layers, bidirectional, bridge; first-step logits within 1e-4.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "seq2seq/decode.h"
#include "seq2seq/onnx_seq2seq.h"

using namespace unroll;

namespace {

struct Spec {
  const char* name;
  CellType enc, dec;
  AttentionKind att;
  int layers;
  bool bidirectional, feeding;
  int encHidden;
};

const Spec kSpecs[] = {
    {"lstm additive", CellType::Lstm, CellType::Lstm, AttentionKind::Additive, 1, false, true, 16},
    {"gru dot L2", CellType::Gru, CellType::Gru, AttentionKind::Dot, 2, false, true, 16},
    {"rnn general bidirectional", CellType::RnnTanh, CellType::RnnTanh, AttentionKind::General, 1,
     true, true, 8},
    {"rnn-relu->lstm none bridge", CellType::RnnRelu, CellType::Lstm, AttentionKind::None, 1, false,
     true, 12},
    {"lstm->gru additive L2 bidirectional no feeding", CellType::Lstm, CellType::Gru,
     AttentionKind::Additive, 2, true, false, 8},
};
constexpr int kMaxLen = 12;

}  // namespace

class TestSeq2SeqOnnx : public QObject {
  Q_OBJECT
 private slots:
  void greedyMatches();
};

void TestSeq2SeqOnnx::greedyMatches() {
  QTemporaryDir dir;
  QJsonArray cases;
  std::vector<std::vector<std::vector<int32_t>>> engine;
  std::vector<std::vector<Mat<float>>> firstLogits;
  uint64_t seed = 40;
  for (const Spec& s : kSpecs) {
    Seq2SeqCheckpoint c;
    Seq2SeqConfig& m = c.config.model;
    m.encoder_cell = s.enc;
    m.decoder_cell = s.dec;
    m.attention = s.att;
    m.layers = s.layers;
    m.bidirectional = s.bidirectional;
    m.input_feeding = s.feeding;
    m.encoder_hidden = s.encHidden;
    m.decoder_hidden = 16;
    m.embed_dim = 8;
    m.source_vocab = 11;
    m.target_vocab = 9;
    Seq2Seq<float> model(m);
    Rng rng(++seed);
    model.initialize(rng);
    model.params() *= 2.0f;  // sharper outputs: fewer near-ties between runtimes
    c.params = model.params();
    c.source_tokens.assign(11, "s");
    c.target_tokens.assign(9, "t");
    const QString prefix = dir.filePath(QString("case%1").arg(cases.size()));
    write_seq2seq_onnx(prefix.toStdString(), c);
    QJsonArray sources;
    engine.emplace_back();
    firstLogits.emplace_back();
    for (int k = 0; k < 4; ++k) {
      std::vector<int32_t> src;
      QJsonArray js;
      for (int t = 0; t < 3 + 2 * k; ++t) {
        src.push_back(int32_t(rng.below(11)));
        js.append(src.back());
      }
      sources.append(js);
      engine.back().push_back(greedy_decode(model, src, int(src.size()), 1, kMaxLen)[0]);
      EncoderCache<float> enc;
      model.encode(src, int(src.size()), 1, enc);
      DecoderState<float> st;
      model.initial_state(enc, st);
      DecoderStep<float> step;
      step.y_in = {kBos};
      model.step(enc, st, step, true);
      firstLogits.back().push_back(step.logits);
    }
    cases.append(QJsonObject{{"name", s.name},
                             {"encoder", prefix + ".encoder.onnx"},
                             {"decoder", prefix + ".decoder-step.onnx"},
                             {"layers", s.layers},
                             {"hidden", 16},
                             {"lstm", s.dec == CellType::Lstm},
                             {"max_len", kMaxLen},
                             {"sources", sources}});
  }
  QFile f(dir.filePath("cases.json"));
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(QJsonDocument(cases).toJson());
  f.close();
  QProcess node;
  // tools/ort as scripts/setup.sh installs it; UNROLL_ORT_DIR may name another copy.
  const QString ortDir = qEnvironmentVariableIsSet("UNROLL_ORT_DIR")
                             ? qEnvironmentVariable("UNROLL_ORT_DIR")
                             : QStringLiteral(UNROLL_SOURCE_DIR "/tools/ort");
  node.start("node", {UNROLL_SOURCE_DIR "/tests/js/ort_seq2seq.js", ortDir, f.fileName(),
                      dir.filePath("out.json")});
  QVERIFY(node.waitForFinished(120000));
  QVERIFY2(node.exitCode() == 0, qPrintable("ONNX Runtime (node) failed (scripts/setup.sh sets up "
                                            "tools/ort):\n" +
                                            QString::fromUtf8(node.readAllStandardError())));
  QFile o(dir.filePath("out.json"));
  QVERIFY(o.open(QIODevice::ReadOnly));
  const QJsonObject res = QJsonDocument::fromJson(o.readAll()).object();
  for (size_t i = 0; i < std::size(kSpecs); ++i) {
    const QJsonObject r = res[kSpecs[i].name].toObject();
    const QJsonArray outs = r["outputs"].toArray(), logits = r["first_logits"].toArray();
    QCOMPARE(outs.size(), qsizetype(engine[i].size()));
    double worst = 0;
    for (size_t k = 0; k < engine[i].size(); ++k) {
      std::vector<int32_t> got;
      for (const auto& v : outs[int(k)].toArray()) got.push_back(v.toInt());
      QCOMPARE(got, engine[i][k]);
      const QJsonArray z = logits[int(k)].toArray();
      QCOMPARE(z.size(), qsizetype(firstLogits[i][k].size()));
      for (int v = 0; v < z.size(); ++v)
        worst = std::max(worst, std::abs(z[v].toDouble() - double(firstLogits[i][k](v))));
    }
    size_t tokens = 0;
    for (const auto& e : engine[i]) tokens += e.size();
    QVERIFY(tokens > 0);  // not only empty outputs
    qInfo("%s: greedy outputs equal (%zu tokens); first-step logits differ by %.3g", kSpecs[i].name,
          tokens, worst);
    QVERIFY(worst < 1e-4);
  }
}

QTEST_APPLESS_MAIN(TestSeq2SeqOnnx)
#include "tst_seq2seq_onnx.moc"
