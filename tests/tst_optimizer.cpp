// Optimizers against torch.optim (Debian's torch, float64, via tests/py/optim_reference.py) and the
// learning-rate schedules against hand-computed values; also config, state and checkpoint handling.
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

#include "core/error.h"
#include "core/rng.h"
#include "train/optimizer.h"
#include "train/schedule.h"

using namespace unroll;

namespace {

constexpr int kParams = 50;  // n
constexpr int kSteps = 5;

// A fixed problem: parameters, one gradient per step and the learning rate for each step.
struct Case {
  std::vector<double> params;              // (n)
  std::vector<std::vector<double>> grads;  // (steps, n)
  std::vector<double> lrs;                 // (steps) as a schedule would give them
};

// Gradients mix ordinary, always-zero, tiny (where eps matters) and large entries.
Case makeCase(double lr) {
  Rng rng(20240611);
  Case c;
  for (int i = 0; i < kParams; ++i) c.params.push_back(rng.normal());
  for (int k = 0; k < kSteps; ++k) {
    std::vector<double> g(kParams);
    for (int i = 0; i < kParams; ++i) {
      const double x = rng.normal();
      g[i] = i % 10 == 0 ? 0.0 : i % 10 == 1 ? 1e-7 * x : i % 10 == 2 ? 10.0 * x : x;
    }
    c.grads.push_back(g);
    c.lrs.push_back(lr * (1.0 - 0.15 * k));
  }
  return c;
}

QJsonArray toJson(const double* x, Index n) {
  QJsonArray a;
  for (Index i = 0; i < n; ++i) a.append(x[i]);
  return a;
}

// Largest |a - b|; infinity when the sizes differ, so a shape error cannot pass.
double maxAbsDiff(const QJsonArray& a, const double* b, Index n) {
  if (a.size() != n) return std::numeric_limits<double>::infinity();
  double d = 0.0;
  for (Index i = 0; i < n; ++i) d = std::max(d, std::abs(a[int(i)].toDouble() - b[i]));
  return d;
}

// One case as the torch reference reads it.
QJsonObject caseJson(const OptimizerConfig& c, const Case& cs) {
  QJsonObject in{{"kind", QString::fromStdString(to_string(c.kind))},
                 {"lr", c.lr},
                 {"momentum", c.momentum},
                 {"beta1", c.beta1},
                 {"beta2", c.beta2},
                 {"eps", c.eps},
                 {"alpha", c.alpha},
                 {"weight_decay", c.weight_decay},
                 {"adagrad_eps", c.adagrad_eps},
                 {"params", toJson(cs.params.data(), kParams)},
                 {"lrs", toJson(cs.lrs.data(), kSteps)}};
  QJsonArray grads;
  for (const auto& g : cs.grads) grads.append(toJson(g.data(), kParams));
  in["grads"] = grads;
  return in;
}

// Runs the torch reference once over all cases (torch takes a second to import); returns an error
// message, empty on success.
QString runReference(const QJsonArray& in, QJsonArray* out) {
  QTemporaryDir dir;
  if (!dir.isValid()) return "cannot create a temporary directory";
  const QString inPath = dir.filePath("in.json"), outPath = dir.filePath("out.json");
  QFile inFile(inPath);
  if (!inFile.open(QIODevice::WriteOnly)) return "cannot write " + inPath;
  inFile.write(QJsonDocument(in).toJson());
  inFile.close();

  QProcess py;
  const QString script = QStringLiteral(UNROLL_SOURCE_DIR "/tests/py/optim_reference.py");
  py.start(QStringLiteral(UNROLL_PYTHON), {script, inPath, outPath});
  if (!py.waitForStarted()) return "cannot start " UNROLL_PYTHON ": " + py.errorString();
  if (!py.waitForFinished(180000)) return "the torch reference timed out";
  if (py.exitStatus() != QProcess::NormalExit || py.exitCode() != 0)
    return "the torch reference failed (exit " + QString::number(py.exitCode()) + "):\n" +
           QString::fromLocal8Bit(py.readAllStandardError());
  QFile outFile(outPath);
  if (!outFile.open(QIODevice::ReadOnly)) return "the torch reference wrote no " + outPath;
  *out = QJsonDocument::fromJson(outFile.readAll()).array();
  if (out->size() != in.size()) return "the torch reference returned the wrong number of cases";
  return {};
}

// Non-default hyper-parameters everywhere, large enough that eps placement and bias correction
// show in the results far above the tolerance.
OptimizerConfig tunedConfig(OptimizerKind kind, double weightDecay) {
  OptimizerConfig c;
  c.kind = kind;
  c.lr = 0.1;
  c.momentum = 0.8;
  c.beta1 = 0.8;
  c.beta2 = 0.95;
  c.eps = 1e-4;
  c.alpha = 0.9;
  c.weight_decay = weightDecay;
  c.adagrad_eps = 1e-6;
  return c;
}

// Buffers are Vec<S>, as the model's are: Eigen-aligned, so runs repeat bit for bit.
template <class S>
Vec<S> runSteps(Optimizer<S>& opt, const Case& cs, int steps) {
  Vec<S> p = CVecMap<double>(cs.params.data(), kParams).cast<S>();
  for (int k = 0; k < steps; ++k) {
    const Vec<S> g = CVecMap<double>(cs.grads[k].data(), kParams).cast<S>();
    opt.step(p.data(), g.data(), cs.lrs[k]);
  }
  return p;
}

const OptimizerKind kAllKinds[] = {OptimizerKind::Sgd,      OptimizerKind::Momentum,
                                   OptimizerKind::Nesterov, OptimizerKind::Adagrad,
                                   OptimizerKind::RmsProp,  OptimizerKind::Adam,
                                   OptimizerKind::AdamW};

}  // namespace

class TestOptimizer : public QObject {
  Q_OBJECT

 private slots:
  void matchesTorch_data();
  void matchesTorch();
  void schedule_data();
  void schedule();
  void scheduleRejects_data();
  void scheduleRejects();
  void names();
  void configRejects_data();
  void configRejects();
  void setConfigKeepsMoments();
  void stateRoundTrip_data();
  void stateRoundTrip();
  void loadStateRejectsMismatch();
  void floatFollowsDouble();
  void cleanupTestCase();

 private:
  double m_maxTorchDiff = 0.0;
  QJsonArray m_torch;  // torch.optim results, one per matchesTorch row
  double m_maxScheduleDiff = 0.0;
};

namespace {
struct TorchRow {
  QString name, kind;
  double weightDecay;
  bool tuned;  // tunedConfig() or OptimizerConfig's defaults
};

std::vector<TorchRow> torchRows() {
  std::vector<TorchRow> rows;
  for (OptimizerKind k : kAllKinds) {
    const QString name = QString::fromStdString(to_string(k));
    rows.push_back({name, name, 0.0, true});
    rows.push_back({name + " wd", name, 0.05, true});
  }
  rows.push_back({"adam defaults", "adam", 0.0, false});
  rows.push_back({"adamw defaults (wd 0.01)", "adamw", 0.01, false});
  rows.push_back({"rmsprop defaults", "rmsprop", 0.0, false});
  return rows;
}

OptimizerConfig rowConfig(const QString& kind, double weightDecay, bool tuned) {
  OptimizerConfig c;
  if (tuned) c = tunedConfig(parse_optimizer(kind.toStdString()), weightDecay);
  c.kind = parse_optimizer(kind.toStdString());
  c.weight_decay = weightDecay;
  return c;
}
}  // namespace

void TestOptimizer::matchesTorch_data() {
  QTest::addColumn<int>("index");
  QTest::addColumn<QString>("kind");
  QTest::addColumn<double>("weightDecay");
  QTest::addColumn<bool>("tuned");
  int i = 0;
  for (const TorchRow& r : torchRows())
    QTest::newRow(qPrintable(r.name)) << i++ << r.kind << r.weightDecay << r.tuned;
}

// Five double steps with changing lr must land where torch.optim lands, state included.
void TestOptimizer::matchesTorch() {
  QFETCH(int, index);
  QFETCH(QString, kind);
  QFETCH(double, weightDecay);
  QFETCH(bool, tuned);
  if (m_torch.isEmpty()) {  // first row: one torch run for every row
    QJsonArray in;
    for (const TorchRow& r : torchRows()) {
      const OptimizerConfig rc = rowConfig(r.kind, r.weightDecay, r.tuned);
      in.append(caseJson(rc, makeCase(rc.lr)));
    }
    const QString error = runReference(in, &m_torch);
    if (!error.isEmpty()) QFAIL(qPrintable(error));
  }
  const OptimizerConfig c = rowConfig(kind, weightDecay, tuned);
  const Case cs = makeCase(c.lr);
  Optimizer<double> opt(c, kParams);
  const Vec<double> p = runSteps(opt, cs, kSteps);
  const QJsonObject ref = m_torch[index].toObject();

  double diff = maxAbsDiff(ref["params"].toArray(), p.data(), kParams);
  QVERIFY2(diff < 1e-10, qPrintable(QString("params differ by %1").arg(diff)));
  const OptimizerState<double> st = opt.state();
  const QJsonObject refState = ref["state"].toObject();
  QCOMPARE(qsizetype(st.buffers.size()), refState.size());
  for (const auto& [name, v] : st.buffers) {
    const QString qname = QString::fromStdString(name);
    QVERIFY2(refState.contains(qname), qPrintable("torch has no state '" + qname + "'"));
    const double d = maxAbsDiff(refState[qname].toArray(), v.data(), v.size());
    QVERIFY2(d < 1e-10, qPrintable(QString("%1 differs by %2").arg(qname).arg(d)));
    diff = std::max(diff, d);
  }
  if (!ref["step"].isNull()) QCOMPARE(opt.steps(), long(ref["step"].toInt()));
  QCOMPARE(opt.steps(), long(kSteps));
  m_maxTorchDiff = std::max(m_maxTorchDiff, diff);
}

void TestOptimizer::schedule_data() {
  QTest::addColumn<QString>("kind");
  QTest::addColumn<int>("warmup");
  QTest::addColumn<int>("stepSize");
  QTest::addColumn<double>("gamma");
  QTest::addColumn<qlonglong>("total");
  QTest::addColumn<double>("minRatio");
  QTest::addColumn<qlonglong>("step");
  QTest::addColumn<double>("expected");  // for a base rate of 0.1
  QTest::newRow("constant 0") << "constant" << 0 << 1000 << 0.5 << 0LL << 0.0 << 0LL << 0.1;
  QTest::newRow("constant late") << "constant" << 0 << 1000 << 0.5 << 0LL << 0.0 << 99999LL << 0.1;
  QTest::newRow("warmup first") << "constant" << 4 << 1000 << 0.5 << 0LL << 0.0 << 0LL << 0.025;
  QTest::newRow("warmup second") << "constant" << 4 << 1000 << 0.5 << 0LL << 0.0 << 1LL << 0.05;
  QTest::newRow("warmup last") << "constant" << 4 << 1000 << 0.5 << 0LL << 0.0 << 3LL << 0.1;
  QTest::newRow("warmup done") << "constant" << 4 << 1000 << 0.5 << 0LL << 0.0 << 4LL << 0.1;
  QTest::newRow("step before decay") << "step" << 0 << 10 << 0.5 << 0LL << 0.0 << 9LL << 0.1;
  QTest::newRow("step first decay") << "step" << 0 << 10 << 0.5 << 0LL << 0.0 << 10LL << 0.05;
  QTest::newRow("step two decays") << "step" << 0 << 10 << 0.5 << 0LL << 0.0 << 25LL << 0.025;
  QTest::newRow("step warmup ramp") << "step" << 5 << 10 << 0.5 << 0LL << 0.0 << 2LL << 0.06;
  QTest::newRow("step after warmup") << "step" << 5 << 10 << 0.5 << 0LL << 0.0 << 14LL << 0.1;
  QTest::newRow("step decay after warmup")
      << "step" << 5 << 10 << 0.5 << 0LL << 0.0 << 15LL << 0.05;
  QTest::newRow("cosine start") << "cosine" << 0 << 1000 << 0.5 << 100LL << 0.1 << 0LL << 0.1;
  QTest::newRow("cosine middle") << "cosine" << 0 << 1000 << 0.5 << 100LL << 0.1 << 50LL << 0.055;
  QTest::newRow("cosine end") << "cosine" << 0 << 1000 << 0.5 << 100LL << 0.1 << 100LL << 0.01;
  QTest::newRow("cosine clamped") << "cosine" << 0 << 1000 << 0.5 << 100LL << 0.1 << 5000LL << 0.01;
  QTest::newRow("cosine to zero") << "cosine" << 0 << 1000 << 0.5 << 100LL << 0.0 << 100LL << 0.0;
  QTest::newRow("cosine warmup first")
      << "cosine" << 10 << 1000 << 0.5 << 110LL << 0.1 << 0LL << 0.01;
  QTest::newRow("cosine warmup end")
      << "cosine" << 10 << 1000 << 0.5 << 110LL << 0.1 << 10LL << 0.1;
  QTest::newRow("cosine warmup middle")
      << "cosine" << 10 << 1000 << 0.5 << 110LL << 0.1 << 60LL << 0.055;
  QTest::newRow("cosine warmup end point")
      << "cosine" << 10 << 1000 << 0.5 << 110LL << 0.1 << 110LL << 0.01;
}

void TestOptimizer::schedule() {
  QFETCH(QString, kind);
  QFETCH(int, warmup);
  QFETCH(int, stepSize);
  QFETCH(double, gamma);
  QFETCH(qlonglong, total);
  QFETCH(double, minRatio);
  QFETCH(qlonglong, step);
  QFETCH(double, expected);
  ScheduleConfig s;
  s.kind = parse_schedule(kind.toStdString());
  s.warmup_steps = warmup;
  s.step_size = stepSize;
  s.gamma = gamma;
  s.total_steps = total;
  s.min_lr_ratio = minRatio;
  const double lr = scheduled_lr(0.1, s, step);
  const double diff = std::abs(lr - expected);
  QVERIFY2(diff < 1e-15, qPrintable(QString("lr %1, expected %2").arg(lr).arg(expected)));
  m_maxScheduleDiff = std::max(m_maxScheduleDiff, diff);
}

void TestOptimizer::scheduleRejects_data() {
  QTest::addColumn<QString>("field");
  QTest::addColumn<double>("value");
  QTest::addColumn<QString>("mention");  // the message must say this
  QTest::newRow("negative warmup") << "warmup" << -1.0 << "warm-up";
  QTest::newRow("step size 0") << "step_size" << 0.0 << "step size";
  QTest::newRow("gamma 0") << "gamma" << 0.0 << "gamma";
  QTest::newRow("gamma above 1") << "gamma" << 1.5 << "gamma";
  QTest::newRow("gamma nan") << "gamma" << std::nan("") << "gamma";
  QTest::newRow("cosine without horizon") << "total" << 0.0 << "total steps";
  QTest::newRow("min ratio above 1") << "min_ratio" << 2.0 << "minimum lr ratio";
  QTest::newRow("base lr 0") << "base" << 0.0 << "base learning rate";
  QTest::newRow("negative step") << "step" << -1.0 << "step";
}

void TestOptimizer::scheduleRejects() {
  QFETCH(QString, field);
  QFETCH(double, value);
  QFETCH(QString, mention);
  ScheduleConfig s;
  s.kind = field == "step_size" || field == "gamma" ? ScheduleKind::Step : ScheduleKind::Cosine;
  s.total_steps = 100;
  double base = 0.1;
  long step = 3;
  if (field == "warmup") s.warmup_steps = int(value);
  if (field == "step_size") s.step_size = int(value);
  if (field == "gamma") s.gamma = value;
  if (field == "total") s.total_steps = long(value);
  if (field == "min_ratio") s.min_lr_ratio = value;
  if (field == "base") base = value;
  if (field == "step") step = long(value);
  try {
    scheduled_lr(base, s, step);
    QFAIL("no error");
  } catch (const Error& e) {
    QVERIFY2(QString(e.what()).contains(mention), e.what());
  }
}

void TestOptimizer::names() {
  for (OptimizerKind k : kAllKinds) QCOMPARE(parse_optimizer(to_string(k)), k);
  for (ScheduleKind k : {ScheduleKind::Constant, ScheduleKind::Step, ScheduleKind::Cosine})
    QCOMPARE(parse_schedule(to_string(k)), k);
  try {
    parse_optimizer("adamax");
    QFAIL("no error");
  } catch (const Error& e) {
    QVERIFY2(QString(e.what()).contains("sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw"),
             e.what());
  }
  QVERIFY_THROWS_EXCEPTION(Error, parse_schedule("linear"));
}

void TestOptimizer::configRejects_data() {
  QTest::addColumn<QString>("field");
  QTest::addColumn<double>("value");
  QTest::addColumn<QString>("mention");
  const double inf = std::numeric_limits<double>::infinity();
  QTest::newRow("lr 0") << "lr" << 0.0 << "learning rate";
  QTest::newRow("lr nan") << "lr" << std::nan("") << "learning rate";
  QTest::newRow("lr inf") << "lr" << inf << "learning rate";
  QTest::newRow("momentum 1") << "momentum" << 1.0 << "momentum";
  QTest::newRow("nesterov momentum 0") << "nesterov" << 0.0 << "nesterov";
  QTest::newRow("beta1 1") << "beta1" << 1.0 << "beta1";
  QTest::newRow("beta2 negative") << "beta2" << -0.1 << "beta2";
  QTest::newRow("eps 0") << "eps" << 0.0 << "eps";
  QTest::newRow("alpha 1") << "alpha" << 1.0 << "alpha";
  QTest::newRow("weight decay negative") << "weight_decay" << -1e-4 << "weight decay";
  QTest::newRow("weight decay nan") << "weight_decay" << std::nan("") << "weight decay";
  QTest::newRow("adagrad eps 0") << "adagrad_eps" << 0.0 << "adagrad eps";
}

void TestOptimizer::configRejects() {
  QFETCH(QString, field);
  QFETCH(double, value);
  QFETCH(QString, mention);
  OptimizerConfig c;
  if (field == "lr") c.lr = value;
  if (field == "momentum") c.momentum = value;
  if (field == "nesterov") c.kind = OptimizerKind::Nesterov, c.momentum = value;
  if (field == "beta1") c.beta1 = value;
  if (field == "beta2") c.beta2 = value;
  if (field == "eps") c.eps = value;
  if (field == "alpha") c.alpha = value;
  if (field == "weight_decay") c.weight_decay = value;
  if (field == "adagrad_eps") c.adagrad_eps = value;
  try {
    Optimizer<double> opt(c, 4);
    QFAIL("no error");
  } catch (const Error& e) {
    QVERIFY2(QString(e.what()).contains(mention), e.what());
  }
  Optimizer<double> good(OptimizerConfig{}, 4);
  QVERIFY_THROWS_EXCEPTION(Error, good.set_config(c));
  QCOMPARE(good.config().lr, OptimizerConfig{}.lr);  // a rejected config changes nothing
}

// New hyper-parameters keep Adam's moments and count; a new kind starts from zero state.
void TestOptimizer::setConfigKeepsMoments() {
  const Case cs = makeCase(0.1);
  const OptimizerConfig c1 = tunedConfig(OptimizerKind::Adam, 0.0);
  Optimizer<double> a(c1, kParams);
  Vec<double> p = runSteps(a, cs, 3);
  const OptimizerState<double> before = a.state();

  OptimizerConfig c2 = c1;
  c2.lr = 0.02;
  c2.beta1 = 0.7;
  a.set_config(c2);
  QCOMPARE(a.config().lr, 0.02);
  QCOMPARE(a.steps(), 3L);
  const OptimizerState<double> after = a.state();
  QCOMPARE(after.buffers.size(), size_t(2));
  for (size_t i = 0; i < 2; ++i) {
    QCOMPARE(after.buffers[i].first, before.buffers[i].first);
    QVERIFY(after.buffers[i].second == before.buffers[i].second);
  }
  QVERIFY(after.buffers[0].second.norm() > 0.0);

  // The next update continues from the kept moments, as one restored from a checkpoint does.
  Optimizer<double> b(c2, kParams);
  b.load_state(before);
  Vec<double> q = p;
  a.step(p.data(), cs.grads[3].data(), 0.02);
  b.step(q.data(), cs.grads[3].data(), 0.02);
  QVERIFY(p == q);
  QCOMPARE(a.steps(), 4L);

  OptimizerConfig c3 = c2;
  c3.kind = OptimizerKind::Momentum;
  a.set_config(c3);
  QCOMPARE(a.steps(), 0L);
  const OptimizerState<double> reset = a.state();
  QCOMPARE(reset.buffers.size(), size_t(1));
  QCOMPARE(reset.buffers[0].first, std::string("momentum_buffer"));
  QVERIFY(reset.buffers[0].second.isZero(0.0));
}

void TestOptimizer::stateRoundTrip_data() {
  QTest::addColumn<QString>("kind");
  for (OptimizerKind k : kAllKinds) {
    const QString name = QString::fromStdString(to_string(k));
    QTest::newRow(qPrintable(name)) << name;
  }
}

// A fresh optimizer given another's state makes bit-identical updates from then on.
void TestOptimizer::stateRoundTrip() {
  QFETCH(QString, kind);
  const OptimizerConfig c = tunedConfig(parse_optimizer(kind.toStdString()), 0.05);
  const Case cs = makeCase(c.lr);
  Optimizer<double> a(c, kParams);
  Vec<double> p = runSteps(a, cs, 2);
  Optimizer<double> b(c, kParams);
  b.load_state(a.state());
  QCOMPARE(b.steps(), 2L);
  Vec<double> q = p;
  for (int k = 2; k < kSteps; ++k) {
    a.step(p.data(), cs.grads[k].data(), cs.lrs[k]);
    b.step(q.data(), cs.grads[k].data(), cs.lrs[k]);
  }
  QVERIFY(p == q);
  a.reset();
  QCOMPARE(a.steps(), 0L);
  for (const auto& [name, v] : a.state().buffers) QVERIFY(v.isZero(0.0));
}

void TestOptimizer::loadStateRejectsMismatch() {
  const Case cs = makeCase(0.1);
  Optimizer<double> a(tunedConfig(OptimizerKind::Adam, 0.0), kParams);
  runSteps(a, cs, 2);
  const OptimizerState<double> good = a.state();

  OptimizerState<double> shortBuffer = good;
  shortBuffer.buffers[1].second.resize(kParams - 1);
  OptimizerState<double> wrongName = good;
  wrongName.buffers[0].first = "momentum_buffer";
  OptimizerState<double> missing = good;
  missing.buffers.pop_back();
  OptimizerState<double> negative = good;
  negative.step = -1;
  for (const auto* bad : {&shortBuffer, &wrongName, &missing, &negative}) {
    Optimizer<double> b(tunedConfig(OptimizerKind::Adam, 0.0), kParams);
    QVERIFY_THROWS_EXCEPTION(Error, b.load_state(*bad));
    QCOMPARE(b.steps(), 0L);  // a rejected state changes nothing
    QVERIFY(b.state().buffers[0].second.isZero(0.0));
  }
  try {
    Optimizer<double> b(tunedConfig(OptimizerKind::Adam, 0.0), kParams);
    b.load_state(shortBuffer);
  } catch (const Error& e) {
    QVERIFY2(QString(e.what()).contains("exp_avg_sq"), e.what());
  }
  Optimizer<double> sgd(tunedConfig(OptimizerKind::Sgd, 0.0), kParams);
  QVERIFY_THROWS_EXCEPTION(Error, sgd.load_state(good));  // sgd keeps no buffers
}

// The float instantiation follows the double one to float accuracy.
void TestOptimizer::floatFollowsDouble() {
  const Case cs = makeCase(0.1);
  for (OptimizerKind k : kAllKinds) {
    const OptimizerConfig c = tunedConfig(k, 0.05);
    Optimizer<float> f(c, kParams);
    Optimizer<double> d(c, kParams);
    const Vec<double> pf = runSteps(f, cs, kSteps).cast<double>();
    const double diff = (pf - runSteps(d, cs, kSteps)).cwiseAbs().maxCoeff();
    QVERIFY2(diff < 1e-4, qPrintable(QString("%1: float differs by %2")
                                         .arg(QString::fromStdString(to_string(k)))
                                         .arg(diff)));
  }
  Optimizer<float> empty(OptimizerConfig{}, 0);
  empty.step(nullptr, nullptr, 1e-3);
  QCOMPARE(empty.steps(), 1L);
  QVERIFY_THROWS_EXCEPTION(Error, empty.step(nullptr, nullptr, std::nan("")));
}

void TestOptimizer::cleanupTestCase() {
  qInfo("largest difference from torch.optim: %.3g (tolerance 1e-10)", m_maxTorchDiff);
  qInfo("largest schedule difference: %.3g (tolerance 1e-15)", m_maxScheduleDiff);
}

QTEST_APPLESS_MAIN(TestOptimizer)
#include "tst_optimizer.moc"
