// Exports against the tools users take them to: safetensors loaded strictly into torch modules by
// scripts/load_in_pytorch.py, ONNX checked by onnx.checker and run in ONNX Runtime; all must give
// the engine's outputs within 1e-5. Also `unroll-cli export` and the metrics CSVs.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "data/adding_task.h"
#include "data/text_corpus.h"
#include "io/checkpoint.h"
#include "io/metrics_csv.h"
#include "io/onnx_export.h"
#include "io/safetensors.h"
#include "test_util.h"
#include "train/trainer.h"

using namespace unroll;
using unroll::test::repeat;
using unroll::test::tiny_spec;

namespace {

constexpr double kTolerance = 1e-5;

struct Case {
  const char* name;
  const char* cell;
  int layers;
  const char* input;  // onehot | embedding | dense (the adding task)
};

const Case kCases[] = {
    {"rnn L1", "rnn", 1, "onehot"},
    {"rnn L2", "rnn", 2, "onehot"},
    {"rnn-relu L2", "rnn-relu", 2, "onehot"},
    {"lstm L1", "lstm", 1, "onehot"},
    {"lstm L2", "lstm", 2, "onehot"},
    {"gru L1", "gru", 1, "onehot"},
    {"gru L2", "gru", 2, "onehot"},
    {"lstm L2 embedding", "lstm", 2, "embedding"},
    {"gru L1 embedding", "gru", 1, "embedding"},
    {"rnn L2 dense", "rnn", 2, "dense"},
    {"lstm L1 dense", "lstm", 1, "dense"},
    {"gru L2 dense", "gru", 2, "dense"},
};

QJsonArray to_json(const float* v, Index n) {
  QJsonArray a;
  for (Index i = 0; i < n; ++i) a.append(double(v[i]));
  return a;
}

// [L, B, H] row-major from per-layer (H, B) column-major matrices: the matrices' data in order.
QJsonArray state_json(const std::vector<Mat<float>>& s) {
  QJsonArray a;
  for (const auto& m : s)
    for (Index i = 0; i < m.size(); ++i) a.append(double(m.data()[i]));
  return a;
}

std::string read_all(const QString& path) {
  std::ifstream in(path.toStdString(), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

class TestExport : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase();
  void torch_matches_data() { rows(); }
  void torch_matches();
  void onnx_runtime_matches_data() { rows(); }
  void onnx_runtime_matches();
  void safetensors_layout();
  void cli_export();
  void cli_export_errors_data();
  void cli_export_errors();

 private:
  void rows();
  QJsonObject make_case(const Case& c, int index);
  struct Run {
    int code = -1;
    QString out, err;
  };
  Run run(const QString& program, const QStringList& args, const QString& cwd);
  QTemporaryDir dir_;
  QJsonObject torch_, ort_;
};

void TestExport::rows() {
  QTest::addColumn<QString>("name");
  for (const Case& c : kCases) QTest::newRow(c.name) << QString(c.name);
}

TestExport::Run TestExport::run(const QString& program, const QStringList& args,
                                const QString& cwd) {
  QProcess p;
  p.setWorkingDirectory(cwd);
  p.start(program, args);
  if (!p.waitForFinished(240000)) {
    p.kill();
    return {-1, {}, program + " did not finish in time"};
  }
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
          QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

// Trains a small model a few steps, exports it, and records the engine's outputs for random
// inputs from a random initial state.
QJsonObject TestExport::make_case(const Case& c, int index) {
  const bool dense = std::string(c.input) == "dense";
  const int T = 7, B = 3;
  TrainConfig cfg;
  cfg.model.cell = parse_cell(c.cell);
  cfg.model.hidden = 6;
  cfg.model.layers = c.layers;
  cfg.model.input = dense ? InputKind::OneHot : parse_input(c.input);
  cfg.model.embed_dim = 5;
  cfg.seq = 10;
  cfg.batch = 2;
  cfg.seed = uint64_t(index + 3);
  cfg.optimizer.lr = 0.05;
  cfg.val_every = 0;
  cfg.probe_every = 0;
  std::shared_ptr<const Task> task;
  if (dense)
    task = std::make_shared<AddingTask>(cfg.seq);
  else
    task = std::make_shared<TextCorpus>(TextCorpus::from_text(
        "tiny", repeat("the cat sat on the mat; a bat ate the hat. ", 8), 0.1));
  Trainer trainer(cfg, task);
  for (int i = 0; i < 3; ++i) trainer.step();
  const Checkpoint ck = capture_checkpoint(trainer, tiny_spec());
  const QString base = dir_.filePath(QString("case%1").arg(index));
  write_safetensors((base + ".safetensors").toStdString(), ck);
  write_onnx((base + ".onnx").toStdString(), ck);

  const Network<float>& net = trainer.network();
  const ModelConfig& m = net.config();
  Rng rng(uint64_t(100 + index));
  Batch batch;
  batch.steps = T;
  batch.batch = B;
  QJsonObject o;
  if (dense) {
    batch.inputs = Eigen::MatrixXd(m.input_size, T * B);
    for (Index i = 0; i < batch.inputs.size(); ++i)
      batch.inputs.data()[i] = double(float(rng.uniform(-1, 1)));
    batch.target_values = Eigen::MatrixXd::Zero(m.output_size, T * B);
    const Mat<float> x = batch.inputs.cast<float>();
    o["inputs"] = to_json(x.data(), x.size());
    o["features"] = m.input_size;
  } else {
    batch.tokens.resize(size_t(T * B));
    QJsonArray tokens;
    for (auto& t : batch.tokens) {
      t = int32_t(rng.below(uint64_t(m.input_size)));
      tokens.append(t);
    }
    batch.targets.assign(size_t(T * B), -1);  // unscored: forward only
    o["tokens"] = tokens;
  }
  State<float> h0;
  h0.zeros(m, B);
  for (auto* v : {&h0.h, &h0.c})
    for (auto& x : *v)
      for (Index i = 0; i < x.size(); ++i) x.data()[i] = float(rng.uniform(-0.5, 0.5));
  PassSpec pass;
  pass.steps = T;
  pass.b1 = B;
  Workspace<float> ws;
  net.forward(batch, pass, &h0, ws);
  State<float> fin;
  fin.zeros(m, B);
  net.extract_state(ws, T - 1, 0, fin);

  o["name"] = c.name;
  o["safetensors"] = base + ".safetensors";
  o["onnx"] = base + ".onnx";
  o["T"] = T;
  o["B"] = B;
  o["layers"] = m.layers;
  o["hidden"] = m.hidden;
  o["head"] = QString::fromStdString(to_string(m.head));
  o["h0"] = state_json(h0.h);
  o["hn"] = state_json(fin.h);
  if (m.cell == CellType::Lstm) {
    o["c0"] = state_json(h0.c);
    o["cn"] = state_json(fin.c);
  }
  o["out"] = to_json(ws.head.y.data(), ws.head.y.size());  // (O, T*B) column-major = [T, B, O]
  if (m.head == HeadKind::Softmax) {
    Mat<float> p = ws.head.y;
    for (Index j = 0; j < p.cols(); ++j) {
      p.col(j) = (p.col(j).array() - p.col(j).maxCoeff()).exp().matrix();
      p.col(j) /= p.col(j).sum();
    }
    o["probabilities"] = to_json(p.data(), p.size());
  }
  return o;
}

// One Python and one node launch for all cases; the slots below read their answers.
void TestExport::initTestCase() {
  QVERIFY(dir_.isValid());
  QJsonArray cases;
  int i = 0;
  for (const Case& c : kCases) cases.append(make_case(c, i++));
  const QString cases_path = dir_.filePath("cases.json");
  {
    QFile f(cases_path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(cases).toJson(QJsonDocument::Compact));
  }
  const QString src = UNROLL_SOURCE_DIR;
  Run r = run(UNROLL_PYTHON,
              {src + "/tests/py/export_check.py", src, cases_path, dir_.filePath("torch.json")},
              dir_.path());
  if (r.code != 0) QFAIL(qPrintable("python reference failed:\n" + r.err));
  r = run("node",
          {src + "/tests/js/ort_run.js", src + "/tools/ort", cases_path, dir_.filePath("ort.json")},
          dir_.path());
  if (r.code != 0)
    QFAIL(qPrintable("ONNX Runtime (node) failed (run scripts/setup.sh for tools/ort):\n" + r.err));
  QFile t(dir_.filePath("torch.json")), o(dir_.filePath("ort.json"));
  QVERIFY(t.open(QIODevice::ReadOnly) && o.open(QIODevice::ReadOnly));
  torch_ = QJsonDocument::fromJson(t.readAll()).object();
  ort_ = QJsonDocument::fromJson(o.readAll()).object();
}

// torch modules built from the safetensors metadata, load_state_dict(strict=True).
void TestExport::torch_matches() {
  QFETCH(QString, name);
  const QJsonObject r = torch_[name].toObject();
  QVERIFY2(!r.isEmpty(), "no torch result");
  double worst = 0;
  for (const char* k : {"out", "hn", "cn"}) {
    if (!r.contains(k)) continue;
    worst = std::max(worst, r[k].toDouble());
    QVERIFY2(r[k].toDouble() < kTolerance,
             qPrintable(QString("%1: %2").arg(k).arg(r[k].toDouble())));
  }
  QVERIFY(r.contains("hn"));
  QCOMPARE(r["checker"].toString(), QString("ok"));  // onnx.checker on the ONNX export
  qInfo("torch vs engine, largest difference %.3g (onnx.checker ok)", worst);
}

void TestExport::onnx_runtime_matches() {
  QFETCH(QString, name);
  const QJsonObject r = ort_[name].toObject();
  QVERIFY2(!r.isEmpty(), "no ONNX Runtime result");
  double worst = 0;
  for (const char* k : {"out", "probabilities", "hn", "cn"}) {
    if (!r.contains(k)) continue;
    // JSON has no Infinity: a shape mismatch arrives as null.
    QVERIFY2(r[k].isDouble(), qPrintable(QString("%1: output shape differs").arg(k)));
    worst = std::max(worst, r[k].toDouble());
    QVERIFY2(r[k].toDouble() < kTolerance,
             qPrintable(QString("%1: %2").arg(k).arg(r[k].toDouble())));
  }
  qInfo("ONNX Runtime vs engine, largest difference %.3g (outputs %s)", worst,
        qPrintable(r["outputs"].toString()));
}

// PyTorch names, shapes and row-major bytes, and the config in __metadata__.
void TestExport::safetensors_layout() {
  TrainConfig cfg;
  cfg.model.cell = CellType::Gru;
  cfg.model.hidden = 3;
  cfg.model.input = InputKind::Embedding;
  cfg.model.embed_dim = 2;
  cfg.seq = 8;
  cfg.batch = 2;
  auto task = std::make_shared<TextCorpus>(
      TextCorpus::from_text("abc", repeat("abcabcabcacbabcabcabcbbca", 8)));
  Trainer t(cfg, task);
  const Checkpoint ck = capture_checkpoint(t, {});
  const std::string bytes = safetensors_bytes(ck);
  uint64_t n = 0;
  for (int i = 0; i < 8; ++i) n |= uint64_t(uint8_t(bytes[size_t(i)])) << (8 * i);
  QCOMPARE(n % 8, uint64_t(0));
  const QJsonObject h =
      QJsonDocument::fromJson(QByteArray::fromStdString(bytes.substr(8, size_t(n)))).object();
  const QStringList want = {"encoder.weight", "rnn.weight_ih_l0", "rnn.weight_hh_l0",
                            "rnn.bias_ih_l0", "rnn.bias_hh_l0",   "decoder.weight",
                            "decoder.bias",   "__metadata__"};
  const QStringList keys = h.keys();
  QCOMPARE(QSet<QString>(keys.begin(), keys.end()), QSet<QString>(want.begin(), want.end()));
  QCOMPARE(h["rnn.weight_ih_l0"].toObject()["shape"].toArray(), (QJsonArray{9, 2}));
  QCOMPARE(h["rnn.bias_hh_l0"].toObject()["shape"].toArray(), (QJsonArray{9}));
  QCOMPARE(h["encoder.weight"].toObject()["shape"].toArray(), (QJsonArray{3, 2}));
  // Row-major: element [r][c] of weight_hh at (r * 3 + c).
  const auto off = h["rnn.weight_hh_l0"].toObject()["data_offsets"].toArray()[0].toInt();
  const int k = t.network().layout().layer(0).weight_hh;
  const auto W = t.network().layout().map(t.network().params().data(), k);
  float v;
  std::memcpy(&v, bytes.data() + 8 + n + size_t(off) + (4 * 3 + 2) * sizeof(float), sizeof v);
  QCOMPARE(v, W(4, 2));
  const QJsonObject meta =
      QJsonDocument::fromJson(h["__metadata__"].toObject()["unroll"].toString().toUtf8()).object();
  QCOMPARE(meta["torch_module"].toString(), QString("GRU"));
  QCOMPARE(meta["hidden"].toInt(), 3);
  QCOMPARE(meta["vocabulary"].toArray(), (QJsonArray{"a", "b", "c"}));
  QCOMPARE(h["__metadata__"].toObject()["format"].toString(), QString("pt"));
}

// The command line: all three formats from a trained checkpoint; the script runs a sample.
void TestExport::cli_export() {
  const QString cli = UNROLL_BIN_DIR "/unroll-cli";
  Run r = run(
      cli, {"train", "--cell",  "gru",      "--hidden",  "8",         "--layers",    "2", "--seq",
            "12",    "--batch", "4",        "--steps",   "15",        "--val-every", "5", "--tbptt",
            "4,6",   "--save",  "m.unroll", "--metrics", "train.csv", "--quiet"},
      dir_.path());
  QVERIFY2(r.code == 0, qPrintable(r.err));
  for (const char* f : {"safetensors", "onnx"}) {
    r = run(cli, {"export", "--checkpoint", "m.unroll", "--format", f, "--out", QString("m.") + f},
            dir_.path());
    QVERIFY2(r.code == 0 && r.err.isEmpty(), qPrintable(r.err));
  }
  const Checkpoint ck = load_checkpoint(dir_.filePath("m.unroll").toStdString());
  QVERIFY(read_all(dir_.filePath("m.safetensors")) == safetensors_bytes(ck));
  QVERIFY(read_all(dir_.filePath("m.onnx")) == onnx_bytes(ck));
  r = run(cli,
          {"export", "--checkpoint", "m.unroll", "--format", "csv", "--out", "metrics.csv",
           "--timestep-grads", "ts.csv"},
          dir_.path());
  QVERIFY2(r.code == 0, qPrintable(r.err));
  const QStringList rows = QString::fromStdString(read_all(dir_.filePath("metrics.csv")))
                               .split('\n', Qt::SkipEmptyParts);
  QCOMPARE(rows.size(), 16);
  QVERIFY(rows[0].startsWith("step,train_loss,val_loss,"));
  QVERIFY(rows[15].startsWith("15,"));
  QVERIFY(!rows[5].split(',')[2].isEmpty());  // validated at step 5
  const QStringList train =
      QString::fromStdString(read_all(dir_.filePath("train.csv"))).split('\n', Qt::SkipEmptyParts);
  for (int i = 1; i <= 15; ++i)  // same loss as the training CSV (which prints 7 digits)
    QVERIFY(std::abs(train[i].split(',')[1].toDouble() - rows[i].split(',')[1].toDouble()) <
            1e-6 * std::max(1.0, rows[i].split(',')[1].toDouble()));
  const QStringList ts =
      QString::fromStdString(read_all(dir_.filePath("ts.csv"))).split('\n', Qt::SkipEmptyParts);
  QCOMPARE(ts[0], QString("step,layer,t,window_start,grad_norm"));
  QVERIFY(ts.size() > 15 * 2 * 4);
  QVERIFY(ts.last().startsWith("15,1,"));
  r = run(UNROLL_PYTHON,
          {UNROLL_SOURCE_DIR "/scripts/load_in_pytorch.py", "m.safetensors", "--sample", "40"},
          dir_.path());
  QVERIFY2(r.code == 0, qPrintable(r.err));
  QVERIFY2(r.err.contains("strict=True) ok") && r.out.size() >= 40, qPrintable(r.out));
  qInfo("sample: %s", qPrintable(r.out.trimmed().left(60)));
}

void TestExport::cli_export_errors_data() {
  QTest::addColumn<QStringList>("args");
  QTest::addColumn<QString>("mentions");
  QFile junk(dir_.filePath("junk.unroll"));
  QVERIFY(junk.open(QIODevice::WriteOnly));
  junk.write("not a checkpoint at all");
  junk.close();
  const QStringList ok = {"export", "--checkpoint", "m.unroll"};
  QTest::newRow("no format") << (ok + QStringList{"--out", "x"}) << "--format";
  QTest::newRow("bad format") << (ok + QStringList{"--format", "h5", "--out", "x"}) << "h5";
  QTest::newRow("no out") << (ok + QStringList{"--format", "onnx"}) << "--out";
  QTest::newRow("no checkpoint") << QStringList{"export", "--format", "onnx", "--out", "x"}
                                 << "--checkpoint";
  QTest::newRow("missing file") << QStringList{"export",   "--checkpoint", "nope.unroll",
                                               "--format", "onnx",         "--out",
                                               "x"}
                                << "nope.unroll";
  QTest::newRow("not a checkpoint")
      << QStringList{"export", "--checkpoint", "junk.unroll", "--format", "onnx", "--out", "x"}
      << "not an Unroll checkpoint";
  QTest::newRow("folder missing") << (ok + QStringList{"--format", "onnx", "--out", "no/dir/x"})
                                  << "no/dir";
  QTest::newRow("timesteps without csv")
      << (ok + QStringList{"--format", "onnx", "--out", "x", "--timestep-grads", "t.csv"})
      << "--timestep-grads";
}

void TestExport::cli_export_errors() {
  QFETCH(QStringList, args);
  QFETCH(QString, mentions);
  const Run r = run(UNROLL_BIN_DIR "/unroll-cli", args, dir_.path());
  QCOMPARE(r.code, 2);
  QVERIFY2(r.err.count('\n') == 1 && r.err.contains(mentions), qPrintable(r.err));
  QVERIFY(!QFile::exists(dir_.filePath("x")));
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
