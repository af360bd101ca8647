// The encoder–decoder in float against the PyTorch module of scripts/load_seq2seq_in_pytorch.py
// (Debian's torch, tests/py/seq2seq_reference.py): same weights and inputs give the same logits,
// attention weights, loss and every gradient within 1e-5, for every cell and attention kind.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <limits>

#include "core/rng.h"
#include "seq2seq/seq2seq_model.h"

using namespace unroll;

namespace {

constexpr int kTs = 6, kTt = 7, kB = 4;
constexpr double kTol = 1e-5;  // on |a - b| / max(1, |b|)

struct Spec {
  QString name;
  CellType enc, dec;
  AttentionKind attention;
  int layers = 1;
  bool bidirectional = false;
  bool feeding = true;
  int encHidden = 16;  // decoder hidden is 16
  double teacherForcing = 1.0;
};

std::vector<Spec> specs() {
  std::vector<Spec> s;
  const CellType cells[] = {CellType::RnnTanh, CellType::RnnRelu, CellType::Lstm, CellType::Gru};
  const AttentionKind kinds[] = {AttentionKind::None, AttentionKind::Additive, AttentionKind::Dot,
                                 AttentionKind::General};
  for (CellType c : cells)
    for (AttentionKind a : kinds)
      s.push_back({QString("%1 %2").arg(to_string(c).c_str(), to_string(a).c_str()), c, c, a});
  s.push_back({"lstm->gru additive L2 bidirectional", CellType::Lstm, CellType::Gru,
               AttentionKind::Additive, 2, true, true, 12});
  s.push_back({"gru->lstm dot L2 bidirectional", CellType::Gru, CellType::Lstm, AttentionKind::Dot,
               2, true, true, 8});
  s.push_back({"rnn->lstm none bridge L2", CellType::RnnTanh, CellType::Lstm, AttentionKind::None,
               2, false, true, 10});
  s.push_back({"lstm general no input feeding", CellType::Lstm, CellType::Lstm,
               AttentionKind::General, 1, false, false, 16});
  s.push_back({"lstm additive scheduled sampling", CellType::Lstm, CellType::Lstm,
               AttentionKind::Additive, 1, true, true, 8, 0.5});
  return s;
}

struct Case {
  Spec spec;
  Seq2Seq<float> model;
  Seq2SeqBatch batch;
  Seq2SeqWorkspace<float> ws;
  Vec<float> grads;
};

Case makeCase(const Spec& s, uint64_t seed) {
  Seq2SeqConfig cfg;
  cfg.encoder_cell = s.enc;
  cfg.decoder_cell = s.dec;
  cfg.attention = s.attention;
  cfg.layers = s.layers;
  cfg.bidirectional = s.bidirectional;
  cfg.input_feeding = s.feeding;
  cfg.encoder_hidden = s.encHidden;
  cfg.decoder_hidden = 16;
  cfg.embed_dim = 8;
  cfg.attention_dim = 12;
  cfg.source_vocab = 10;
  cfg.target_vocab = 12;
  Case c{s, Seq2Seq<float>(cfg), {}, {}, {}};
  Rng rng(seed);
  c.model.initialize(rng);
  Seq2SeqBatch& b = c.batch;
  b.B = kB;
  b.Ts = kTs;
  b.Tt = kTt;
  for (int j = 0; j < kTs * kB; ++j) b.src.push_back(int32_t(rng.below(cfg.source_vocab)));
  for (int j = 0; j < kTt * kB; ++j)
    b.tgt.push_back(int32_t(kEos + 1 + rng.below(cfg.target_vocab - kEos - 1)));
  b.tgt[3 * kB + 2] = kEos;
  for (int t = 4; t < kTt; ++t) b.tgt[t * kB + 2] = -1;
  Rng sampling(seed + 1);
  Seq2SeqForwardOptions opt;
  opt.teacher_forcing = s.teacherForcing;
  opt.rng = &sampling;
  c.model.forward(b, opt, c.ws);
  c.grads = Vec<float>::Zero(c.model.params().size());
  c.model.backward(b, c.ws, c.grads.data());
  return c;
}

QJsonArray toJson(const std::vector<int32_t>& v) {
  QJsonArray a;
  for (int32_t x : v) a.append(x);
  return a;
}

QJsonObject caseJson(const Case& c) {
  const auto& lay = c.model.layout();
  QJsonObject w;
  for (int i = 0; i < int(lay.tensors().size()); ++i) {
    const TensorInfo& t = lay.tensor(i);
    const auto m = lay.map(c.model.params().data(), i);
    QJsonArray data;
    for (Index r = 0; r < t.rows; ++r)
      for (Index col = 0; col < t.cols; ++col) data.append(double(m(r, col)));
    const QJsonArray shape =
        t.is_vector ? QJsonArray{int(t.rows)} : QJsonArray{int(t.rows), int(t.cols)};
    w[QString::fromStdString(t.name)] = QJsonObject{{"shape", shape}, {"data", data}};
  }
  std::vector<int32_t> y_in;
  for (const auto& st : c.ws.steps) y_in.insert(y_in.end(), st.y_in.begin(), st.y_in.end());
  return {{"name", c.spec.name},
          {"config", QJsonDocument::fromJson(to_json(c.model.config()).c_str()).object()},
          {"Ts", kTs},
          {"Tt", kTt},
          {"B", kB},
          {"src", toJson(c.batch.src)},
          {"y_in", toJson(y_in)},
          {"tgt", toJson(c.batch.tgt)},
          {"weights", w}};
}

QString runReference(const std::vector<Case>& cases, QJsonObject* out) {
  QTemporaryDir dir;
  if (!dir.isValid()) return "cannot create a temporary directory";
  QJsonArray all;
  for (const Case& c : cases) all.append(caseJson(c));
  QFile in(dir.filePath("in.json"));
  if (!in.open(QIODevice::WriteOnly)) return "cannot write " + in.fileName();
  in.write(QJsonDocument(QJsonObject{{"cases", all}}).toJson(QJsonDocument::Compact));
  in.close();
  QProcess py;
  py.start(QStringLiteral(UNROLL_PYTHON),
           {QStringLiteral(UNROLL_SOURCE_DIR "/tests/py/seq2seq_reference.py"), dir.path()});
  if (!py.waitForStarted()) return "cannot start " UNROLL_PYTHON ": " + py.errorString();
  if (!py.waitForFinished(180000)) return "the torch reference timed out";
  if (py.exitStatus() != QProcess::NormalExit || py.exitCode() != 0)
    return "the torch reference failed:\n" + QString::fromLocal8Bit(py.readAllStandardError());
  QFile result(dir.filePath("out.json"));
  if (!result.open(QIODevice::ReadOnly)) return "the torch reference wrote no " + result.fileName();
  *out = QJsonDocument::fromJson(result.readAll()).object()["cases"].toObject();
  return {};
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

class TestSeq2SeqTorch : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase();
  void matchesTorch_data();
  void matchesTorch();

 private:
  std::vector<Case> m_cases;
  QJsonObject m_reference;
};

void TestSeq2SeqTorch::initTestCase() {
  uint64_t seed = 500;
  for (const Spec& s : specs()) m_cases.push_back(makeCase(s, seed += 7));
  const QString error = runReference(m_cases, &m_reference);
  if (!error.isEmpty()) QFAIL(qPrintable(error));
}

void TestSeq2SeqTorch::matchesTorch_data() {
  QTest::addColumn<int>("index");
  const auto all = specs();
  for (int i = 0; i < int(all.size()); ++i) QTest::newRow(qPrintable(all[i].name)) << i;
}

// Logits, attention weights, loss and every gradient match torch within kTol.
void TestSeq2SeqTorch::matchesTorch() {
  QFETCH(int, index);
  const Case& c = m_cases[index];
  const QJsonObject ref = m_reference[c.spec.name].toObject();
  if (ref.contains("error")) QFAIL(qPrintable("torch failed:\n" + ref["error"].toString()));
  QVERIFY2(!ref.isEmpty(), "torch returned nothing for this case");
  const double dLogits = worstDiff(c.ws.head.y.data(), ref["logits"].toArray(), c.ws.head.y.size());
  const double dLoss = std::abs(c.ws.loss - ref["loss"].toDouble());
  double dAttn = 0;
  if (c.spec.attention != AttentionKind::None) {
    Mat<float> all(kTs, kTt * kB);
    for (int t = 0; t < kTt; ++t) all.middleCols(t * kB, kB) = c.ws.steps[t].attn.a;
    dAttn = worstDiff(all.data(), ref["attention"].toArray(), all.size());
  }
  double dGrads = 0;
  QString where;
  const auto& lay = c.model.layout();
  const QJsonObject grads = ref["grads"].toObject();
  QCOMPARE(grads.size(), qsizetype(lay.tensors().size()));
  for (int i = 0; i < int(lay.tensors().size()); ++i) {
    const TensorInfo& t = lay.tensor(i);
    const Mat<float> rowMajor = lay.map(c.grads.data(), i).transpose();  // (cols, rows)
    const double d =
        worstDiff(rowMajor.data(), grads[QString::fromStdString(t.name)].toArray(), t.size());
    if (d > dGrads || std::isinf(d)) {
      dGrads = d;
      where = QString::fromStdString(t.name);
    }
  }
  qInfo("largest difference: logits %.3g, attention %.3g, loss %.3g, gradients %.3g (%s)", dLogits,
        dAttn, dLoss, dGrads, qPrintable(where));
  QVERIFY2(dLogits < kTol, "logits");
  QVERIFY2(dAttn < kTol, "attention");
  QVERIFY2(dLoss < kTol, "loss");
  QVERIFY2(dGrads < kTol, qPrintable("gradient " + where));
  QVERIFY(c.grads.norm() > 1e-3);
}

QTEST_APPLESS_MAIN(TestSeq2SeqTorch)
#include "tst_seq2seq_torch.moc"
