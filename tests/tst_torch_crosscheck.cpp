// The engine in float against torch.nn.RNN/LSTM/GRU + Linear (Debian's torch, tests/py/
// torch_reference.py): same weights and inputs give the same logits, loss, gradients, dL/dh_t and
// weights after one Adam step, for every cell, 1-2 layers, each input and head, h0 and 2 threads.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/rng.h"
#include "model/init.h"
#include "model/network.h"
#include "train/batch_runner.h"
#include "train/optimizer.h"

using namespace unroll;

namespace {

// T steps, B sequences, V vocabulary, H hidden, E embedding, D dense features, O regression
// outputs.
constexpr int kT = 9, kB = 4, kV = 11, kH = 16, kE = 8, kD = 3, kO = 2;
constexpr double kLr = 1e-2;
constexpr double kTol = 1e-5;  // on |a - b| / max(1, |b|)

// One row: what to build and how to run it.
struct Spec {
  QString name;
  CellType cell = CellType::Lstm;
  int layers = 1;
  QString io;       // onehot-lm | embedding-lm | dense-regression
  bool h0 = false;  // start from a random nonzero state (h and c)
  int threads = 1;  // > 1: through BatchRunner<float>
};

std::vector<Spec> specs() {
  std::vector<Spec> s;
  const CellType cells[] = {CellType::RnnTanh, CellType::RnnRelu, CellType::Lstm, CellType::Gru};
  for (CellType cell : cells)
    for (int layers : {1, 2})
      for (const char* io : {"onehot-lm", "embedding-lm", "dense-regression"})
        s.push_back({QString("%1 L%2 %3").arg(to_string(cell).c_str()).arg(layers).arg(io), cell,
                     layers, io});
  const char* h0io[] = {"onehot-lm", "dense-regression", "embedding-lm", "onehot-lm"};
  for (int i = 0; i < 4; ++i)
    s.push_back({QString("%1 L2 %2 h0").arg(to_string(cells[i]).c_str()).arg(h0io[i]), cells[i], 2,
                 h0io[i], true});
  s.push_back({"lstm L2 onehot-lm h0 2 threads", CellType::Lstm, 2, "onehot-lm", true, 2});
  s.push_back(
      {"gru L2 dense-regression 2 threads", CellType::Gru, 2, "dense-regression", false, 2});
  s.push_back(
      {"rnn-relu L1 embedding-lm 2 threads", CellType::RnnRelu, 1, "embedding-lm", false, 2});
  return s;
}

struct Case {
  Spec spec;
  Network<float> net;
  Batch batch;
  State<float> h0;  // empty unless spec.h0
  PassSpec pass;
};

ModelConfig configOf(const Spec& s) {
  ModelConfig cfg;
  cfg.cell = s.cell;
  cfg.hidden = kH;
  cfg.layers = s.layers;
  cfg.input = s.io.startsWith("onehot")      ? InputKind::OneHot
              : s.io.startsWith("embedding") ? InputKind::Embedding
                                             : InputKind::Dense;
  cfg.input_size = cfg.input == InputKind::Dense ? kD : kV;
  cfg.embed_dim = kE;
  cfg.head = s.io.endsWith("regression") ? HeadKind::Regression : HeadKind::Softmax;
  cfg.output_size = cfg.head == HeadKind::Regression ? kO : kV;
  cfg.init = InitKind::Torch;
  return cfg;
}

// Random values exactly representable in float, so both sides read the same inputs.
double floatNormal(Rng& rng, double stddev = 1.0) { return double(float(rng.normal(0, stddev))); }

Case makeCase(const Spec& s, uint64_t seed) {
  Case c{s, Network<float>(configOf(s)), {}, {}, {}};
  const ModelConfig& cfg = c.net.config();
  Rng rng(seed);
  initialize(c.net, rng);
  Batch& b = c.batch;
  b.steps = kT;
  b.batch = kB;
  b.tokens.resize(kT * kB);
  b.targets.resize(kT * kB);
  b.inputs.resize(kD, kT * kB);
  b.target_values.resize(kO, kT * kB);
  for (int j = 0; j < kT * kB; ++j) {
    b.tokens[j] = int(rng.below(kV));
    b.targets[j] = int(rng.below(kV));
    for (int i = 0; i < kD; ++i) b.inputs(i, j) = floatNormal(rng);
    for (int i = 0; i < kO; ++i) b.target_values(i, j) = floatNormal(rng);
  }
  const bool lm = cfg.head == HeadKind::Softmax;
  if (lm) b.targets[b.col(2, 1)] = -1;  // an unscored position
  b.loss_begin = lm ? 0 : kT - 1;       // every step, or the last only
  if (s.h0) {
    c.h0.zeros(cfg, kB);
    for (auto& m : c.h0.h) m = m.unaryExpr([&](float) { return float(floatNormal(rng, 0.5)); });
    for (auto& m : c.h0.c) m = m.unaryExpr([&](float) { return float(floatNormal(rng, 0.5)); });
  }
  c.pass.steps = kT;
  c.pass.loss_begin = b.loss_begin;
  c.pass.b1 = kB;
  long count = 0;
  for (int t = b.loss_begin; t < kT; ++t)
    for (int j = 0; j < kB; ++j) count += lm ? b.targets[b.col(t, j)] >= 0 : kO;
  c.pass.loss_scale = 1.0 / double(count);
  return c;
}

QJsonArray toJson(const auto& values) {
  QJsonArray a;
  for (const auto& v : values) a.append(double(v));
  return a;
}

// A column-major Eigen matrix is the row-major data of its transpose: (H, B) -> torch (B, H).
template <class M>
QJsonArray flatJson(const M& m) {
  QJsonArray a;
  for (Index i = 0; i < m.size(); ++i) a.append(double(m.data()[i]));
  return a;
}

// Each tensor under its state_dict name, in PyTorch's shape, row-major.
QJsonObject weightsJson(const Network<float>& net) {
  QJsonObject w;
  for (int i = 0; i < int(net.layout().tensors().size()); ++i) {
    const TensorInfo& t = net.layout().tensor(i);
    const auto m = net.layout().map(net.params().data(), i);
    QJsonArray data;
    for (Index r = 0; r < t.rows; ++r)
      for (Index col = 0; col < t.cols; ++col) data.append(double(m(r, col)));
    const QJsonArray shape =
        t.is_vector ? QJsonArray{int(t.rows)} : QJsonArray{int(t.rows), int(t.cols)};
    w[QString::fromStdString(t.name)] = QJsonObject{{"shape", shape}, {"data", data}};
  }
  return w;
}

QJsonObject caseJson(const Case& c) {
  const ModelConfig& cfg = c.net.config();
  QJsonObject o{{"name", c.spec.name},
                {"cell", QString::fromStdString(to_string(cfg.cell))},
                {"layers", cfg.layers},
                {"hidden", cfg.hidden},
                {"input", QString::fromStdString(to_string(cfg.input))},
                {"input_size", cfg.input_size},
                {"embed_dim", cfg.embed_dim},
                {"head", QString::fromStdString(to_string(cfg.head))},
                {"output_size", cfg.output_size},
                {"steps", c.batch.steps},
                {"batch", c.batch.batch},
                {"loss_begin", c.batch.loss_begin},
                {"lr", kLr},
                {"tokens", toJson(c.batch.tokens)},
                {"targets", toJson(c.batch.targets)},
                {"inputs", flatJson(c.batch.inputs)},
                {"target_values", flatJson(c.batch.target_values)},
                {"weights", weightsJson(c.net)}};
  if (c.h0.empty()) {
    o["h0"] = QJsonValue::Null;
  } else {
    QJsonArray h, cs;
    for (const auto& m : c.h0.h)
      for (const auto& v : flatJson(m)) h.append(v);
    for (const auto& m : c.h0.c)
      for (const auto& v : flatJson(m)) cs.append(v);
    o["h0"] = QJsonObject{{"h", h}, {"c", cs}};
  }
  return o;
}

// Runs the torch reference over all cases at once (one torch import); returns an error message,
// empty on success.
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
  const QString script = QStringLiteral(UNROLL_SOURCE_DIR "/tests/py/torch_reference.py");
  py.start(QStringLiteral(UNROLL_PYTHON), {script, dir.path()});
  if (!py.waitForStarted()) return "cannot start " UNROLL_PYTHON ": " + py.errorString();
  if (!py.waitForFinished(180000)) return "the torch reference timed out";
  if (py.exitStatus() != QProcess::NormalExit || py.exitCode() != 0)
    return "the torch reference failed (exit " + QString::number(py.exitCode()) + "):\n" +
           QString::fromLocal8Bit(py.readAllStandardError());
  QFile result(dir.filePath("out.json"));
  if (!result.open(QIODevice::ReadOnly)) return "the torch reference wrote no " + result.fileName();
  *out = QJsonDocument::fromJson(result.readAll()).object()["cases"].toObject();
  return {};
}

// What the engine computed for one case, in the engine's layouts.
struct EngineResult {
  Mat<float> logits;           // (O, nl*B) scored steps
  double loss = 0;             // mean over scored terms
  long count = 0;              // scored terms
  Vec<float> grads;            // (n) layout-sized
  std::vector<Mat<float>> dh;  // L x (H, T*B) total dL/dh_t
};

// Copies part columns [t*Bp + b] into whole-batch columns [t*B + b0 + b].
void scatterColumns(const Mat<float>& part, int b0, int B, Mat<float>& whole) {
  const Index Bp = part.cols() / (whole.cols() / B);
  for (Index j = 0; j < part.cols(); ++j) whole.col(j / Bp * B + b0 + j % Bp) = part.col(j);
}

EngineResult runEngine(const Case& c) {
  const int L = c.net.config().layers;
  const State<float>* h0 = c.h0.empty() ? nullptr : &c.h0;
  EngineResult r;
  r.grads = Vec<float>::Zero(c.net.params().size());
  BatchRunner<float> runner(c.spec.threads);
  runner.run(c.net, c.batch, c.pass, h0, r.grads.data());
  r.count = runner.loss_count();
  r.loss = runner.loss_sum() * c.pass.loss_scale;
  const auto& ws0 = runner.workspace(0);
  r.logits.resize(ws0.head.y.rows(), Index(kT - c.pass.loss_begin) * kB);
  r.dh.assign(L, Mat<float>(kH, kT * kB));
  for (int p = 0; p < runner.parts(); ++p) {
    const auto& ws = runner.workspace(p);
    scatterColumns(ws.head.y, runner.first_column(p), kB, r.logits);
    for (int k = 0; k < L; ++k)
      scatterColumns(ws.layers[k].dh, runner.first_column(p), kB, r.dh[k]);
  }
  return r;
}

// Largest |a - b| / max(1, |b|) of engine values a against torch's b; infinity on a size mismatch.
double worstDiff(const float* a, const QJsonArray& b, Index n) {
  if (b.size() != n) return std::numeric_limits<double>::infinity();
  double d = 0;
  for (Index i = 0; i < n; ++i) {
    const double ref = b[int(i)].toDouble();
    d = std::max(d, std::abs(double(a[i]) - ref) / std::max(1.0, std::abs(ref)));
  }
  return std::isnan(d) ? std::numeric_limits<double>::infinity() : d;
}

// Torch's per-tensor row-major arrays into one layout-sized buffer; false if a tensor is missing.
bool fromTorch(const ParamLayout& lay, const QJsonObject& tensors, Vec<float>& buf) {
  buf = Vec<float>::Zero(lay.size());
  if (tensors.size() != qsizetype(lay.tensors().size())) return false;
  for (int i = 0; i < int(lay.tensors().size()); ++i) {
    const TensorInfo& t = lay.tensor(i);
    const QJsonArray a = tensors[QString::fromStdString(t.name)].toArray();
    if (a.size() != t.size()) return false;
    auto m = lay.map(buf.data(), i);
    for (Index r = 0; r < t.rows; ++r)
      for (Index col = 0; col < t.cols; ++col)
        m(r, col) = float(a[int(r * t.cols + col)].toDouble());
  }
  return true;
}

// Largest |a - b| / max(1, |b|) over the tensors of two layout-sized buffers, less allow(offset)
// per entry, and which entry it was.
template <class Allow>
double worstTensorDiff(const ParamLayout& lay, const Vec<float>& a, const Vec<float>& b,
                       QString* where, Allow allow) {
  double d = 0;
  for (const TensorInfo& t : lay.tensors())
    for (Index i = 0; i < t.size(); ++i) {
      const double x = a[t.offset + i], y = b[t.offset + i];
      const double e =
          std::max(0.0, std::abs(x - y) / std::max(1.0, std::abs(y)) - allow(t.offset + i));
      if (!(e <= d)) {
        d = std::isnan(e) ? std::numeric_limits<double>::infinity() : e;
        *where = QString("%1[%2,%3]").arg(t.name.c_str()).arg(i % t.rows).arg(i / t.rows);
      }
    }
  return d;
}

double worstTensorDiff(const ParamLayout& lay, const Vec<float>& a, const Vec<float>& b,
                       QString* where) {
  return worstTensorDiff(lay, a, b, where, [](Index) { return 0.0; });
}

// Adam's first step moves p by lr g / (|g| + eps), whose slope is lr eps / (|g| + eps)^2: for a
// gradient near eps (1e-9 sums that cancel, known to a relative 1e-3 in float) rounding alone moves
// the update by up to lr/2. This is the part of a weight difference that two gradients g1, g2
// explain that way; the optimizer itself is checked separately on identical gradients.
double adamExplained(double g1, double g2) {
  const double eps = OptimizerConfig{}.eps;
  auto step = [eps](double g) { return kLr * g / (std::abs(g) + eps); };
  return std::abs(step(g1) - step(g2));
}

}  // namespace

class TestTorchCrosscheck : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void matchesTorch_data();
  void matchesTorch();
  void cleanupTestCase();

 private:
  std::vector<Case> m_cases;  // one per row of specs()
  QJsonObject m_reference;    // row name -> torch's results
  double m_worst = 0;
  int m_rows = 0;  // rows compared
};

// Builds every case and runs torch over all of them once.
void TestTorchCrosscheck::initTestCase() {
  uint64_t seed = 1000;
  for (const Spec& s : specs()) m_cases.push_back(makeCase(s, seed++));
  const QString error = runReference(m_cases, &m_reference);
  if (!error.isEmpty()) QFAIL(qPrintable(error));
}

void TestTorchCrosscheck::matchesTorch_data() {
  QTest::addColumn<int>("index");
  const auto all = specs();
  for (int i = 0; i < int(all.size()); ++i) QTest::newRow(qPrintable(all[i].name)) << i;
}

// Forward, backward and one Adam step in float match torch within kTol everywhere.
void TestTorchCrosscheck::matchesTorch() {
  QFETCH(int, index);
  const Case& c = m_cases[index];
  const QJsonObject ref = m_reference[c.spec.name].toObject();
  if (ref.contains("error"))
    QFAIL(qPrintable("torch failed on this case:\n" + ref["error"].toString()));
  QVERIFY2(!ref.isEmpty(), "torch returned nothing for this case");
  const ParamLayout& lay = c.net.layout();
  const EngineResult r = runEngine(c);
  QCOMPARE(r.count, long(std::lround(1.0 / c.pass.loss_scale)));

  const double dLogits = worstDiff(r.logits.data(), ref["logits"].toArray(), r.logits.size());
  const double dLoss = std::abs(r.loss - ref["loss"].toDouble());
  double dDh = 0;
  const QJsonArray refDh = ref["dh"].toArray();
  QCOMPARE(refDh.size(), qsizetype(r.dh.size()));
  for (size_t k = 0; k < r.dh.size(); ++k)
    dDh = std::max(dDh, worstDiff(r.dh[k].data(), refDh[int(k)].toArray(), r.dh[k].size()));

  Vec<float> torchGrads, torchAdam;
  QVERIFY2(fromTorch(lay, ref["grads"].toObject(), torchGrads),
           "torch's gradients do not match the layout");
  QVERIFY2(fromTorch(lay, ref["adam"].toObject(), torchAdam),
           "torch's weights do not match the layout");
  QString gradAt, adamAt, optAt;
  const double dGrads = worstTensorDiff(lay, r.grads, torchGrads, &gradAt);

  // One Adam step from the engine's gradients, and (the optimizer alone) from torch's.
  OptimizerConfig oc;
  oc.kind = OptimizerKind::Adam;
  oc.lr = kLr;
  Vec<float> updated = c.net.params(), fromTorchGrads = c.net.params();
  Optimizer<float>(oc, updated.size()).step(updated.data(), r.grads.data(), kLr);
  Optimizer<float>(oc, updated.size()).step(fromTorchGrads.data(), torchGrads.data(), kLr);
  // Entries whose difference exceeds kTol, all of them by way of gradients near Adam's eps.
  int nearEps = 0;
  for (Index i = 0; i < updated.size(); ++i) nearEps += std::abs(updated[i] - torchAdam[i]) > kTol;
  const double dAdamRaw = worstTensorDiff(lay, updated, torchAdam, &adamAt);
  const double dAdam = worstTensorDiff(lay, updated, torchAdam, &adamAt, [&](Index i) {
    return adamExplained(r.grads[i], torchGrads[i]);
  });
  const double dOpt = worstTensorDiff(lay, fromTorchGrads, torchAdam, &optAt);

  qInfo(
      "largest difference: logits %.3g, loss %.3g, gradients %.3g (%s), dL/dh_t %.3g; "
      "after Adam %.3g, %.3g beyond the gradients' rounding through eps (%s; %d entries over "
      "tolerance before that); Adam on torch's gradients %.3g",
      dLogits, dLoss, dGrads, qPrintable(gradAt), dDh, dAdamRaw, dAdam, qPrintable(adamAt), nearEps,
      dOpt);
  ++m_rows;
  m_worst = std::max({m_worst, dLogits, dLoss, dGrads, dDh, dAdam, dOpt});
  QVERIFY2(dLogits < kTol, "logits");
  QVERIFY2(dLoss < kTol, "loss");
  QVERIFY2(dGrads < kTol, qPrintable("gradient " + gradAt));
  QVERIFY2(dDh < kTol, "dL/dh_t");
  QVERIFY2(dOpt < kTol, qPrintable("Adam on torch's gradients " + optAt));
  QVERIFY2(dAdam < kTol, qPrintable("weights after Adam " + adamAt));
  QVERIFY(r.grads.norm() > 1e-3 && refDh.size() > 0);  // not vacuous
}

void TestTorchCrosscheck::cleanupTestCase() {
  qInfo("largest difference over %d rows: %.3g (tolerance %.g)", m_rows, m_worst, kTol);
}

QTEST_APPLESS_MAIN(TestTorchCrosscheck)
#include "tst_torch_crosscheck.moc"
