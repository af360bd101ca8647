// The PyTorch probe (python/unroll_probe) end to end: its replay's per-timestep gradients against
// the engine's on the same weights; its stream read by unroll-cli attach (from a file, over TCP
// with the token enforced, from a real two-process DDP run on gloo, rank 0 and every rank); and
// every bad stream the command can be handed exits 2 with one line.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/rng.h"
#include "data/text_corpus.h"
#include "io/checkpoint.h"
#include "io/safetensors.h"
#include "model/network.h"
#include "stream/probe_stream.h"
#include "telemetry/probes.h"
#include "test_util.h"
#include "train/trainer.h"

using namespace unroll;
using unroll::test::repeat;
using unroll::test::tiny_spec;

namespace {

constexpr double kTolerance = 1e-5;
const QString kCli = UNROLL_BIN_DIR "/unroll-cli";
const QString kSrc = UNROLL_SOURCE_DIR;

struct Case {
  const char* name;
  const char* cell;
  int layers;
  bool h0;         // start from a random state (captured from the call) rather than zeros
  double clip;     // 0: no clipping
  bool last_only;  // the loss at the last step only: every earlier dL/dh_t is recurrent
};

const Case kCases[] = {
    {"rnn L1", "rnn", 1, false, 0, false},          {"rnn-relu L2", "rnn-relu", 2, true, 0, false},
    {"lstm L1", "lstm", 1, true, 0.05, false},      {"lstm L2", "lstm", 2, false, 0, false},
    {"lstm L3 h0", "lstm", 3, true, 0, false},      {"gru L1", "gru", 1, false, 0.05, false},
    {"gru L2 h0", "gru", 2, true, 0, false},        {"lstm L2 last step", "lstm", 2, true, 0, true},
    {"rnn L1 last step", "rnn", 1, false, 0, true}, {"gru L2 last step", "gru", 2, false, 0, true},
};

// What the engine says about the same step, in double.
struct EngineStep {
  double loss = 0, grad_norm = 0;
  std::vector<std::vector<double>> dh, dc;  // [layer][t]
  std::vector<double> radius, singular;     // [layer]
  std::vector<Eigen::MatrixXd> hidden;      // [layer] (H, T) of sequence 0
};

std::string read_all(const QString& path) {
  std::ifstream in(path.toStdString(), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<ProbeRecord> decode_file(const QString& path) {
  const std::string bytes = read_all(path);
  ProbeStreamDecoder dec(path.toStdString());
  dec.feed(bytes.data(), bytes.size());
  std::vector<ProbeRecord> out;
  while (auto r = dec.next()) out.push_back(std::move(*r));
  dec.finish();
  return out;
}

double rel(double a, double b) { return std::abs(a - b) / std::max(1e-300, std::abs(b)); }

// ||dL/dc_t|| from the engine's LSTM caches after backward: the recursion of lstm_backward,
// dc_t = dh_t * o_t * (1 - tanh(c_t)^2) + f_{t+1} * dc_{t+1}.
std::vector<double> engine_dc(const CellCache<double>& c, int H, int T, int B) {
  std::vector<double> out(static_cast<size_t>(T));
  Eigen::MatrixXd dc = Eigen::MatrixXd::Zero(H, B), f_next = Eigen::MatrixXd::Zero(H, B);
  for (int t = T - 1; t >= 0; --t) {
    const auto g = c.gates.middleCols(t * B, B);
    const auto tc = c.aux.middleCols(t * B, B).array();
    dc = (dc.array() * f_next.array() +
          c.dh.middleCols(t * B, B).array() * g.bottomRows(H).array() * (1 - tc * tc))
             .matrix();
    out[size_t(t)] = dc.colwise().norm().sum();
    f_next = g.middleRows(H, H);
  }
  return out;
}

}  // namespace

class TestProbe : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase();
  void replay_matches_engine_data();
  void replay_matches_engine();
  void cli_reads_and_records_a_file();
  void cli_bad_streams_data();
  void cli_bad_streams();
  void token_is_enforced_data();
  void token_is_enforced();
  void continue_from_an_export();
  void probe_never_blocks_training();
  void ddp_data();
  void ddp();

 private:
  struct Run {
    int code = -1;
    QString out, err;
  };
  Run run(const QString& program, const QStringList& args, int ms = 240000);
  // Starts a training script with --probe and returns its address and token once printed.
  bool start_probed(QProcess& p, const QStringList& args, QString* address, QString* token);
  EngineStep make_case(const Case& c, int index, QJsonObject* json);

  QTemporaryDir dir_;
  std::vector<EngineStep> engine_;
};

TestProbe::Run TestProbe::run(const QString& program, const QStringList& args, int ms) {
  QProcess p;
  p.setWorkingDirectory(dir_.path());
  p.start(program, args);
  if (!p.waitForFinished(ms)) {
    p.kill();
    p.waitForFinished();
    return {-1, {}, program + " did not finish in time"};
  }
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
          QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

// A trained model's weights exported to safetensors; the same weights in a double network run
// forward and backward on random tokens from a random (or zero) state.
EngineStep TestProbe::make_case(const Case& c, int index, QJsonObject* json) {
  const int T = 9, B = 3;
  TrainConfig cfg;
  cfg.model.cell = parse_cell(c.cell);
  cfg.model.hidden = 5;
  cfg.model.layers = c.layers;
  cfg.seq = 10;
  cfg.batch = 2;
  cfg.seed = uint64_t(index + 11);
  cfg.optimizer.lr = 0.05;
  cfg.val_every = 0;
  cfg.probe_every = 0;
  auto task = std::make_shared<TextCorpus>(
      TextCorpus::from_text("tiny", repeat("the cat sat on the mat; a bat ate the hat. ", 8), 0.1));
  Trainer trainer(cfg, task);
  for (int i = 0; i < 3; ++i) trainer.step();
  const QString base = dir_.filePath(QString("case%1").arg(index));
  write_safetensors((base + ".safetensors").toStdString(),
                    capture_checkpoint(trainer, tiny_spec()));

  const ModelConfig& m = trainer.network().config();
  Network<double> net(m);
  net.params() = trainer.network().params().cast<double>();
  Rng rng(uint64_t(200 + index));
  Batch batch;
  batch.steps = T;
  batch.batch = B;
  QJsonArray tokens, targets;
  for (int i = 0; i < T * B; ++i) {
    batch.tokens.push_back(int32_t(rng.below(uint64_t(m.input_size))));
    const bool scored = !c.last_only || i >= (T - 1) * B;
    batch.targets.push_back(scored ? int32_t(rng.below(uint64_t(m.output_size))) : -1);
    tokens.append(batch.tokens.back());
    targets.append(batch.targets.back());
  }
  State<double> h0;
  h0.zeros(m, B);
  QJsonArray jh, jc;
  if (c.h0)
    for (auto* v : {&h0.h, &h0.c})
      for (auto& x : *v)
        for (Index i = 0; i < x.size(); ++i) {
          x.data()[i] = double(float(rng.uniform(-0.8, 0.8)));
          (v == &h0.h ? jh : jc).append(x.data()[i]);  // (H, B) column-major = [B, H]
        }
  PassSpec pass;
  pass.steps = T;
  pass.b1 = B;
  pass.loss_scale = 1.0 / (c.last_only ? B : T * B);
  Workspace<double> ws;
  net.forward(batch, pass, &h0, ws);
  Eigen::VectorXd grads = Eigen::VectorXd::Zero(net.layout().size());
  net.backward(batch, pass, ws, grads.data());
  EngineStep e;
  e.loss = ws.head.loss_sum * pass.loss_scale;
  e.grad_norm = grads.norm();
  e.dh = ws.dh_norm;
  const int H = m.hidden;
  for (int k = 0; k < m.layers; ++k) {
    if (m.cell == CellType::Lstm) e.dc.push_back(engine_dc(ws.layers[size_t(k)], H, T, B));
    const auto W = net.layout().map(net.params().data(), net.layout().layer(k).weight_hh);
    const Eigen::MatrixXd block = m.gates() == 1 ? Eigen::MatrixXd(W) : W.middleRows(2 * H, H);
    e.radius.push_back(spectral_radius(block));
    e.singular.push_back(largest_singular_value(block));
    Eigen::MatrixXd h(H, T);
    for (int t = 0; t < T; ++t) h.col(t) = ws.layers[size_t(k)].h.col(Index(t + 1) * B);
    e.hidden.push_back(h);
  }
  (*json)["name"] = c.name;
  (*json)["safetensors"] = base + ".safetensors";
  (*json)["stream"] = base + ".ups";
  (*json)["T"] = T;
  (*json)["B"] = B;
  (*json)["tokens"] = tokens;
  (*json)["targets"] = targets;
  // The engine's per-layer (H, B) column-major blocks are torch's [L, B, H] row-major.
  (*json)["h0"] = c.h0 ? QJsonValue(jh) : QJsonValue();
  (*json)["c0"] = c.h0 && m.cell == CellType::Lstm ? QJsonValue(jc) : QJsonValue();
  (*json)["clip"] = c.clip;
  return e;
}

// One Python launch replays every case.
void TestProbe::initTestCase() {
  QVERIFY(dir_.isValid());
  QJsonArray cases;
  int i = 0;
  for (const Case& c : kCases) {
    QJsonObject o;
    engine_.push_back(make_case(c, i++, &o));
    cases.append(o);
  }
  QFile f(dir_.filePath("cases.json"));
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(QJsonDocument(cases).toJson(QJsonDocument::Compact));
  f.close();
  const Run r = run(UNROLL_PYTHON, {kSrc + "/tests/py/probe_replay.py", kSrc, f.fileName()});
  QVERIFY2(r.code == 0, qPrintable("the PyTorch replay failed:\n" + r.err));
}

void TestProbe::replay_matches_engine_data() {
  QTest::addColumn<int>("index");
  for (int i = 0; i < int(std::size(kCases)); ++i) QTest::newRow(kCases[i].name) << i;
}

// nn.RNN/LSTM/GRU with the probe attached (the fused module, its output gradient hooked, the
// replay through torch's cell functions) against the engine's BPTT on the same weights and data.
void TestProbe::replay_matches_engine() {
  QFETCH(int, index);
  const Case& c = kCases[index];
  const EngineStep& e = engine_[size_t(index)];
  const auto recs = decode_file(dir_.filePath(QString("case%1.ups").arg(index)));
  QCOMPARE(recs.size(), size_t(3));  // RUN, STEP, END
  const auto& run = std::get<ProbeRun>(recs[0]);
  QCOMPARE(run.cell, std::string(c.cell));
  QCOMPARE(run.layers, c.layers);
  QCOMPARE(run.param_names.front(), std::string("rnn.weight_ih_l0"));
  const auto& s = std::get<ProbeStep>(recs[1]);
  QCOMPARE(s.step, 1L);
  QCOMPARE(s.lr, 0.125);
  QVERIFY2(rel(s.loss, e.loss) < 1e-9,
           qPrintable(QString("loss %1 vs %2").arg(s.loss).arg(e.loss)));
  QVERIFY(rel(s.grad_norm, e.grad_norm) < 1e-9);
  if (c.clip > 0) {
    QVERIFY(s.grad_norm > c.clip);
    QVERIFY(std::abs(s.grad_norm_clipped - c.clip) < 1e-5);
  } else {
    QCOMPARE(s.grad_norm_clipped, s.grad_norm);
  }
  double sq = 0;
  for (double v : s.param_grad_norms) sq += v * v;
  QVERIFY(rel(std::sqrt(sq), e.grad_norm) < 1e-9);
  QCOMPARE(int(s.dh_norms.size()), c.layers);
  QCOMPARE(s.timesteps(), 9);
  double worst = 0, smallest = 1e300, hidden = 0;
  for (int k = 0; k < c.layers; ++k)
    for (int t = 0; t < 9; ++t) {
      worst = std::max(worst, rel(s.dh_norms[k][t], e.dh[k][t]));
      smallest = std::min(smallest, e.dh[k][t]);
      if (!e.dc.empty()) worst = std::max(worst, rel(s.dc_norms[k][t], e.dc[k][t]));
      for (int u = 0; u < 5; ++u)
        hidden = std::max(hidden, std::abs(double(s.hidden[k](u, t)) - e.hidden[k](u, t)));
    }
  QCOMPARE(s.dc_norms.empty(), e.dc.empty());
  QVERIFY2(worst < kTolerance, qPrintable(QString("largest relative difference %1").arg(worst)));
  QVERIFY2(hidden < 1e-6, qPrintable(QString("hidden states differ by %1").arg(hidden)));  // f32
  // With the loss at the last step only, the direct part of dL/dh_t is 0 before it (all that a
  // hook on nn.LSTM's output sees); the replay has the recurrent part: every step is non-zero.
  QVERIFY(smallest > 0);
  double dyn = 0;
  for (int k = 0; k < c.layers; ++k) {
    dyn = std::max(dyn, rel(s.spectral_radius[k], e.radius[k]));
    dyn = std::max(dyn, rel(s.max_singular[k], e.singular[k]));
  }
  QVERIFY2(dyn < kTolerance, qPrintable(QString("dynamics differ by %1").arg(dyn)));
  QVERIFY(std::holds_alternative<ProbeEnd>(recs[2]));
  qInfo("replay vs engine: largest relative difference %.3g (dynamics %.3g, hidden states %.3g)",
        worst, dyn, hidden);
}

// A stream the Python probe wrote: one line per step; --record rewrites exactly its bytes.
void TestProbe::cli_reads_and_records_a_file() {
  const QString stream = dir_.filePath("case3.ups");  // lstm L2
  Run r = run(kCli, {"attach", "--file", stream, "--record", "copy.ups"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QCOMPARE(r.out, QString("rank=0 step=1 loss=%1 grad_norm=%2 timesteps=9\n")
                      .arg(engine_[3].loss, 0, 'g', 6)
                      .arg(engine_[3].grad_norm, 0, 'g', 6));
  QVERIFY(read_all(dir_.filePath("copy.ups")) == read_all(stream));
  QVERIFY(!QFile::exists(dir_.filePath("copy.ups.partial")));
}

void TestProbe::cli_bad_streams_data() {
  QTest::addColumn<QStringList>("args");
  QTest::addColumn<QString>("mentions");
  const std::string good = read_all(dir_.filePath("case4.ups"));
  auto file = [&](const char* name, const std::string& bytes) {
    std::ofstream(dir_.filePath(name).toStdString(), std::ios::binary) << bytes;
    return QStringList{"attach", "--file", dir_.filePath(name)};
  };
  std::string v9 = good;
  v9[8] = 9;
  std::string big = good.substr(0, 12) + std::string("\xff\xff\xff\x7f\0\0\0\0", 8);
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x10;
  QTest::newRow("garbage") << file("g.ups", "hello, world\n") << "not an Unroll probe stream";
  QTest::newRow("wrong version") << file("v.ups", v9) << "stream version 9";
  QTest::newRow("truncated") << file("t.ups", good.substr(0, good.size() - 3))
                             << "ended inside a record";
  QTest::newRow("oversize") << file("o.ups", big) << "more than the limit";
  QTest::newRow("damaged") << file("d.ups", flipped) << "CRC-32";
  QTest::newRow("empty") << file("e.ups", "") << "nothing was received";
  QTest::newRow("missing file") << QStringList{"attach", "--file", "nope.ups"} << "nope.ups";
  QTest::newRow("record folder missing")
      << QStringList{"attach", "--file", dir_.filePath("case4.ups"), "--record", "no/dir/r.ups"}
      << "no/dir";
  QTest::newRow("bad until") << QStringList{"attach", "--file", "x", "--until-steps", "0"}
                             << "--until-steps";
  QTest::newRow("no source") << QStringList{"attach"} << "ADDRESS";
  QTest::newRow("no token") << QStringList{"attach", "127.0.0.1:1"} << "--token";
  QTest::newRow("both") << QStringList{"attach", "127.0.0.1:1", "--token", "x", "--file", "f"}
                        << "not both";
  QTest::newRow("bad address") << QStringList{"attach", "nowhere", "--token", "x"}
                               << "not an address";
  QTest::newRow("nobody listening")
      << QStringList{"attach", "unix:" + dir_.filePath("none.sock"), "--token", "x"}
      << "cannot connect";
}

void TestProbe::cli_bad_streams() {
  QFETCH(QStringList, args);
  QFETCH(QString, mentions);
  const Run r = run(kCli, args);
  QCOMPARE(r.code, 2);
  QVERIFY2(r.err.count('\n') == 1 && r.err.contains(mentions), qPrintable(r.err));
}

bool TestProbe::start_probed(QProcess& p, const QStringList& args, QString* address,
                             QString* token) {
  p.setWorkingDirectory(dir_.path());
  p.setProcessChannelMode(QProcess::SeparateChannels);
  p.start(UNROLL_PYTHON, args);
  p.setReadChannel(QProcess::StandardError);  // the probe prints its address on stderr
  const QRegularExpression line("streaming on (\\S+) token ([0-9a-zA-Z]+);");
  QByteArray err;
  // Waits on the process's output, not on time: the line comes before training starts.
  while (p.waitForReadyRead(120000) || p.state() == QProcess::Running) {
    err += p.readAllStandardError();
    const auto m = line.match(QString::fromUtf8(err));
    if (m.hasMatch()) {
      *address = m.captured(1);
      *token = m.captured(2);
      return true;
    }
    if (p.state() != QProcess::Running) break;
  }
  qWarning("%s", err.constData());
  return false;
}

// A wrong token is refused with one line (and does not count as the awaited viewer); the right
// one receives every step.
void TestProbe::token_is_enforced_data() {
  QTest::addColumn<QString>("listen");
  QTest::newRow("tcp") << "127.0.0.1:0";
  QTest::newRow("unix socket") << "unix:" + dir_.filePath("probe.sock");
}

void TestProbe::token_is_enforced() {
  QFETCH(QString, listen);
  QProcess py;
  QString address, token;
  QVERIFY(start_probed(py,
                       {kSrc + "/examples/pytorch/continue_in_pytorch.py", "--steps", "3",
                        "--every", "2", "--hidden", "16", "--seq", "12", "--batch", "4", "--probe",
                        listen, "--token", "right0token", "--wait-viewer", "120"},
                       &address, &token));
  if (listen.startsWith("unix:")) QCOMPARE(address, listen);
  QCOMPARE(token, QString("right0token"));
  Run r = run(kCli, {"attach", address, "--token", "wrong0token"});
  QCOMPARE(r.code, 2);
  QVERIFY2(r.err.count('\n') == 1 && r.err.contains("wrong token"), qPrintable(r.err));
  r = run(kCli, {"attach", address, "--token", token});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
  QCOMPARE(lines.size(), 3);
  QVERIFY2(lines[0].startsWith("rank=0 step=1 loss=") && lines[0].endsWith("timesteps=12"),
           qPrintable(lines[0]));
  QVERIFY(lines[1].endsWith("timesteps=12"));  // step 2: every 2
  QVERIFY(lines[2].startsWith("rank=0 step=3") && lines[2].endsWith("timesteps=0"));
  QVERIFY(py.waitForFinished(120000));
  QCOMPARE(py.exitCode(), 0);
}

// examples/pytorch/continue_in_pytorch.py --init: an Unroll export continues in PyTorch where it
// stopped (its first loss near the engine's last), recorded to a file; text outside its
// vocabulary is refused with one line.
void TestProbe::continue_from_an_export() {
  Run r = run(kCli, {"train", "--cell", "lstm", "--hidden", "16", "--layers", "2", "--seq", "16",
                     "--batch", "4", "--steps", "30", "--lr", "0.01", "--save", "c.unroll"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  const double trained =
      QRegularExpression("train_loss=(\\S+)").match(r.out).captured(1).toDouble();
  r = run(kCli, {"export", "--checkpoint", "c.unroll", "--format", "safetensors", "--out",
                 "c.safetensors"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  const QString example = kSrc + "/examples/pytorch/continue_in_pytorch.py";
  r = run(UNROLL_PYTHON, {example, "--init", "c.safetensors", "--steps", "3", "--seq", "16",
                          "--batch", "4", "--lr", "0.001", "--probe-file", "c.ups"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  r = run(kCli, {"attach", "--file", "c.ups"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
  QCOMPARE(lines.size(), 3);
  QVERIFY(lines[0].endsWith("timesteps=16"));
  const double first = QRegularExpression("loss=(\\S+)").match(lines[0]).captured(1).toDouble();
  QVERIFY2(std::abs(first - trained) < 0.3,
           qPrintable(QString("%1 vs %2").arg(first).arg(trained)));
  QFile text(dir_.filePath("other.txt"));
  QVERIFY(text.open(QIODevice::WriteOnly));
  text.write("\xe2\x82\xac\xe2\x82\xac euros everywhere \xe2\x82\xac\n");
  text.close();
  r = run(UNROLL_PYTHON, {example, "--init", "c.safetensors", "--data", text.fileName()});
  QCOMPARE(r.code, 2);
  QVERIFY2(r.err.count('\n') == 1 && r.err.contains("never seen"), qPrintable(r.err));
}

// tests/py/probe_behaviour.py: the bounded drop-oldest queue, a viewer that never reads, hostile
// clients, clip_grad_norm_ observed and restored.
void TestProbe::probe_never_blocks_training() {
  const Run r = run(UNROLL_PYTHON, {kSrc + "/tests/py/probe_behaviour.py", kSrc});
  QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
  QCOMPARE(r.out.count("ok: "), 11);
  qInfo("%s", qPrintable(r.out.trimmed()));
}

void TestProbe::ddp_data() {
  QTest::addColumn<QString>("ranks");
  QTest::addColumn<int>("ranks_seen");
  QTest::newRow("rank 0") << "0" << 1;
  QTest::newRow("all ranks") << "all" << 2;
}

// examples/pytorch/ddp.py: two processes, gloo on loopback, DistributedDataParallel; the headless
// viewer receives rank 0's steps, or both ranks' with --ranks all.
void TestProbe::ddp() {
  QFETCH(QString, ranks);
  QFETCH(int, ranks_seen);
  QProcess py;
  QString address, token;
  QVERIFY(start_probed(py,
                       {kSrc + "/examples/pytorch/ddp.py", "--steps", "3", "--every", "2",
                        "--hidden", "8", "--layers", "2", "--seq", "6", "--batch", "2", "--probe",
                        "127.0.0.1:0", "--ranks", ranks, "--wait-viewer", "120"},
                       &address, &token));
  const Run r = run(kCli, {"attach", address, "--token", token, "--record", "ddp.ups"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
  QCOMPARE(lines.size(), 3 * ranks_seen);
  for (int rank = 0; rank < ranks_seen; ++rank)
    for (int step = 1; step <= 3; ++step) {
      const QString want = QString("rank=%1 step=%2 ").arg(rank).arg(step);
      QVERIFY2(std::any_of(lines.begin(), lines.end(),
                           [&](const QString& l) { return l.startsWith(want); }),
               qPrintable(r.out));
    }
  const auto recs = decode_file(dir_.filePath("ddp.ups"));
  int runs = 0;
  for (const auto& rec : recs)
    if (const auto* run = std::get_if<ProbeRun>(&rec)) {
      ++runs;
      QCOMPARE(run->world_size, 2);
      QCOMPARE(run->param_names.front(), std::string("rnn.weight_ih_l0"));  // no "module."
      QCOMPARE(run->layers, 2);
    }
  QCOMPARE(runs, ranks_seen);
  QVERIFY(py.waitForFinished(120000));
  QCOMPARE(py.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestProbe)
#include "tst_probe.moc"
