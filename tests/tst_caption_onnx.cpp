// The captioner's ONNX export: an encoder graph (conv blocks, grid, bridged mean) and the decoder
// step that ONNX Runtime (node, tools/ort) runs greedily to the engine's own greedy captions, for
// every attention kind, RNN/LSTM/GRU decoders, strides and pools; first-step logits within 1e-4.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "caption/onnx_caption.h"

using namespace unroll;

namespace {

struct Spec {
  const char* name;
  CellType cell;
  AttentionKind att;
  int layers;
  const char* conv;  // as --conv
};

const Spec kSpecs[] = {
    {"lstm additive", CellType::Lstm, AttentionKind::Additive, 1, "8p,16p,16"},
    {"gru dot L2", CellType::Gru, AttentionKind::Dot, 2, "8/2,16p"},
    {"rnn general", CellType::RnnTanh, AttentionKind::General, 1, "6p,12/2"},
    {"lstm none (show and tell)", CellType::Lstm, AttentionKind::None, 1, "8p,8p,12,12p"},
};
constexpr int kMaxLen = 10, kImages = 3;

std::vector<ConvBlock> blocks(const QString& spec) {
  std::vector<ConvBlock> out;
  for (QString b : spec.split(',')) {
    ConvBlock c;
    c.pool = b.endsWith('p');
    if (c.pool) b.chop(1);
    c.stride = b.endsWith("/2") ? 2 : 1;
    if (c.stride == 2) b.chop(2);
    c.channels = b.toInt();
    out.push_back(c);
  }
  return out;
}

}  // namespace

class TestCaptionOnnx : public QObject {
  Q_OBJECT
 private slots:
  void greedyMatches();
};

void TestCaptionOnnx::greedyMatches() {
  QTemporaryDir dir;
  QJsonArray cases;
  std::vector<std::vector<std::vector<int32_t>>> engine;
  std::vector<std::vector<Mat<float>>> firstLogits;
  uint64_t seed = 70;
  for (const Spec& s : kSpecs) {
    CaptionCheckpoint c;
    c.config.task.image = 32;
    c.config.task.objects = 2;
    c.config.model.conv.blocks = blocks(s.conv);
    c.config.model.decoder_cell = s.cell;
    c.config.model.attention = s.att;
    c.config.model.layers = s.layers;
    c.config.model.hidden = 16;
    c.config.model.embed_dim = 8;
    c.config.model = fit_to_task(c.config.model, ShapesTask(c.config.task));
    c.words = shapes_vocabulary();
    Captioner<float> model(c.config.model);
    Rng rng(++seed);
    model.initialize(rng);
    model.params() *= 1.5f;  // sharper outputs: fewer near-ties between runtimes
    c.params = model.params();
    const QString prefix = dir.filePath(QString("case%1").arg(cases.size()));
    write_caption_onnx(prefix.toStdString(), c);
    const ShapesTask task(c.config.task);
    const Mat<float> images = task.batch(3, kImages).images;
    QJsonArray js;
    for (int i = 0; i < kImages; ++i) {
      QJsonArray px;
      for (Index r = 0; r < images.rows(); ++r) px.append(double(images(r, i)));
      js.append(px);
    }
    engine.push_back(model.greedy(images, kMaxLen));
    firstLogits.emplace_back();
    for (int i = 0; i < kImages; ++i) {
      DecoderMemory<float> mem;
      std::vector<Mat<float>> s0;
      model.encode(images.col(i), mem, s0);
      DecoderState<float> st;
      model.decoder().start(s0, st);
      DecoderStep<float> step;
      step.y_in = {kBos};
      model.decoder().step(mem, st, step, true);
      firstLogits.back().push_back(step.logits);
    }
    cases.append(QJsonObject{{"name", s.name},
                             {"encoder", prefix + ".encoder.onnx"},
                             {"decoder", prefix + ".decoder-step.onnx"},
                             {"layers", s.layers},
                             {"hidden", 16},
                             {"lstm", s.cell == CellType::Lstm},
                             {"max_len", kMaxLen},
                             {"image_shape", QJsonArray{3, 32, 32}},
                             {"images", js}});
  }
  QFile f(dir.filePath("cases.json"));
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(QJsonDocument(cases).toJson(QJsonDocument::Compact));
  f.close();
  QProcess node;
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
    QCOMPARE(outs.size(), qsizetype(kImages));
    double worst = 0;
    size_t tokens = 0;
    for (int k = 0; k < kImages; ++k) {
      std::vector<int32_t> got;
      for (const auto& v : outs[k].toArray()) got.push_back(v.toInt());
      QCOMPARE(got, engine[i][size_t(k)]);
      tokens += got.size();
      const QJsonArray z = logits[k].toArray();
      QCOMPARE(z.size(), qsizetype(firstLogits[i][size_t(k)].size()));
      for (int v = 0; v < z.size(); ++v)
        worst = std::max(worst, std::abs(z[v].toDouble() - double(firstLogits[i][size_t(k)](v))));
    }
    QVERIFY(tokens > 0);  // not only empty captions
    qInfo("%s: greedy captions equal (%zu words); first-step logits differ by %.3g", kSpecs[i].name,
          tokens, worst);
    QVERIFY(worst < 1e-4);
  }
}

QTEST_APPLESS_MAIN(TestCaptionOnnx)
#include "tst_caption_onnx.moc"
