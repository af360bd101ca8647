// .unroll checkpoints: a resumed run is bit-identical to one that never stopped (engine and
// `unroll-cli train --resume`), and every truncated, corrupted, foreign or newer file fails with a
// clear unroll::Error that changes nothing.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>

#include "cli_run.h"
#include "core/error.h"
#include "data/sample_text.h"
#include "io/checkpoint.h"
#include "telemetry/metrics_recorder.h"
#include "test_util.h"
#include "train/trainer.h"

using namespace unroll;
using unroll::test::repeat;
using unroll::test::tiny_spec;

namespace {

std::shared_ptr<const Task> corpus() {
  static const auto task = std::make_shared<TextCorpus>(builtin_corpus());
  return task;
}

TrainConfig small_config(const QString& cell, bool tbptt, const QString& optimizer, int threads) {
  TrainConfig c;
  c.model.cell = parse_cell(cell.toStdString());
  c.model.hidden = 8;
  c.model.layers = 2;
  c.optimizer.kind = parse_optimizer(optimizer.toStdString());
  c.optimizer.lr = 0.01;
  c.seq = 16;
  c.batch = 4;
  c.seed = 7;
  c.threads = threads;
  c.val_every = 3;
  c.probe_every = 2;
  c.clip = {ClipMode::Norm, 0.5};
  if (tbptt) c.bptt = {true, 3, 5};  // 16 / 3: the save lands mid-sequence
  return c;
}

std::string read_all(const QString& path) {
  std::ifstream in(path.toStdString(), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_all(const QString& path, const std::string& bytes) {
  std::ofstream out(path.toStdString(), std::ios::binary);
  out.write(bytes.data(), std::streamsize(bytes.size()));
}

bool same_bits(const Vec<float>& a, const Vec<float>& b) {
  return a.size() == b.size() &&
         std::memcmp(a.data(), b.data(), size_t(a.size()) * sizeof(float)) == 0;
}

// The message must be one sentence naming the file, and the parse must not escape as another type.
QString expect_error(const std::string& bytes, const std::string& name) {
  try {
    parse_checkpoint(bytes, name);
  } catch (const Error& e) {
    const QString what = QString::fromStdString(e.what());
    if (!what.contains(QString::fromStdString(name)) || what.contains('\n')) return "BAD:" + what;
    return what;
  } catch (const std::exception& e) {
    return QString("BAD: escaped as std::exception: ") + e.what();
  }
  return "BAD: loaded without error";
}

// A version-2 file rebuilt with its header edited and blobs appended, lengths and checksum made
// to match: what anyone can craft by hand. `edit` changes the header; `extra` is appended to the
// payload (its offset is the old payload size, passed to edit).
std::string forge(const std::string& bytes, const std::function<void(QJsonObject&, qint64)>& edit,
                  const std::string& extra = {}) {
  uint64_t hl = 0, pl = 0;
  std::memcpy(&hl, bytes.data() + 12, 8);
  std::memcpy(&pl, bytes.data() + 20 + hl, 8);
  QJsonObject h = QJsonDocument::fromJson(QByteArray::fromStdString(bytes.substr(20, hl))).object();
  std::string payload = bytes.substr(28 + hl, pl) + extra;
  edit(h, qint64(pl));
  const std::string header = QJsonDocument(h).toJson(QJsonDocument::Compact).toStdString();
  std::string out = bytes.substr(0, 12);
  const uint64_t nhl = header.size(), npl = payload.size();
  out.append(reinterpret_cast<const char*>(&nhl), 8);
  out += header;
  out.append(reinterpret_cast<const char*>(&npl), 8);
  out += payload;
  const uint32_t crc = crc32(out.data(), out.size());
  out.append(reinterpret_cast<const char*>(&crc), 4);
  return out;
}

// Points the blob table's entry `name` at [offset, offset + bytes) with the given shape.
void repoint(QJsonObject& h, const QString& name, qint64 offset, qint64 bytes, QJsonArray shape) {
  QJsonArray blobs = h["blobs"].toArray();
  for (int i = 0; i < blobs.size(); ++i) {
    QJsonObject b = blobs[i].toObject();
    if (b["name"].toString() != name) continue;
    b["offset"] = offset;
    b["bytes"] = bytes;
    b["shape"] = shape;
    blobs[i] = b;
  }
  h["blobs"] = blobs;
}

}  // namespace

class TestCheckpoint : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase();
  void resume_bit_identical_data();
  void resume_bit_identical();
  void cli_resume_bit_identical();
  void round_trip_fields();
  void corrupt_matrix();
  void crafted_counts_are_bounded();
  void restore_changes_nothing_on_mismatch();
  void loads_version_1();
  void cli_rejects_bad_checkpoints();

 private:
  using Run = unroll::test::CliRun;
  Run cli(const QStringList& args);
  QTemporaryDir dir_;
  std::string small_;  // bytes of a small checkpoint with every section filled
};

TestCheckpoint::Run TestCheckpoint::cli(const QStringList& args) {
  return unroll::test::run_cli(dir_.path(), args);
}

void TestCheckpoint::initTestCase() {
  QVERIFY(dir_.isValid());
  // A tiny model over a tiny vocabulary, mid-sequence in truncated BPTT, with a history.
  auto task = std::make_shared<TextCorpus>(TextCorpus::from_text(
      "tiny", repeat("abcabd abcabd cabbad dab cab abba dabbad cabcab ", 4), 0.2));
  TrainConfig c = small_config("lstm", true, "adam", 1);
  c.model.hidden = 2;
  c.model.layers = 1;
  c.seq = 8;
  c.batch = 2;
  Trainer t(c, task);
  MetricsRecorder h;
  for (int i = 0; i < 4; ++i) h.record(t.step());
  const QString path = dir_.filePath("small.unroll");
  save_checkpoint(path.toStdString(), capture_checkpoint(t, tiny_spec(), h.history()));
  small_ = read_all(path);
  qInfo("small checkpoint: %zu bytes", small_.size());
  QVERIFY(small_.size() > 100);
}

void TestCheckpoint::resume_bit_identical_data() {
  QTest::addColumn<QString>("cell");
  QTest::addColumn<bool>("tbptt");
  QTest::addColumn<QString>("optimizer");
  QTest::addColumn<int>("threads");
  QTest::newRow("lstm full adam") << "lstm" << false << "adam" << 1;
  QTest::newRow("lstm tbptt adam") << "lstm" << true << "adam" << 1;
  QTest::newRow("gru tbptt momentum 2 threads") << "gru" << true << "momentum" << 2;
  QTest::newRow("rnn full rmsprop") << "rnn" << false << "rmsprop" << 1;
  QTest::newRow("rnn-relu tbptt adagrad") << "rnn-relu" << true << "adagrad" << 2;
  QTest::newRow("gru full adamw") << "gru" << false << "adamw" << 1;
}

// Train 2N steps straight; train N, save, load into a new trainer, train N more: same losses and
// weights, bit for bit.
void TestCheckpoint::resume_bit_identical() {
  QFETCH(QString, cell);
  QFETCH(bool, tbptt);
  QFETCH(QString, optimizer);
  QFETCH(int, threads);
  const int N = 7;
  const TrainConfig cfg = small_config(cell, tbptt, optimizer, threads);
  Trainer straight(cfg, corpus());
  std::vector<double> want;
  for (int i = 0; i < 2 * N; ++i) want.push_back(straight.step().loss);

  Trainer first(cfg, corpus());
  for (int i = 0; i < N; ++i) first.step();
  const QString path = dir_.filePath("resume.unroll");
  save_checkpoint(path.toStdString(), capture_checkpoint(first, {}));
  const Checkpoint ck = load_checkpoint(path.toStdString());
  Trainer resumed(ck.config, corpus());
  restore_checkpoint(ck, resumed);
  QCOMPARE(resumed.steps(), long(N));
  double max_diff = 0;
  for (int i = N; i < 2 * N; ++i) {
    const double loss = resumed.step().loss;
    max_diff = std::max(max_diff, std::abs(loss - want[size_t(i)]));
    QVERIFY2(std::memcmp(&loss, &want[size_t(i)], sizeof loss) == 0,
             qPrintable(QString("step %1: %2 vs %3")
                            .arg(i + 1)
                            .arg(loss, 0, 'g', 17)
                            .arg(want[size_t(i)], 0, 'g', 17)));
  }
  QVERIFY(same_bits(resumed.network().params(), straight.network().params()));
  const auto a = resumed.optimizer().state(), b = straight.optimizer().state();
  QCOMPARE(a.step, b.step);
  for (size_t i = 0; i < a.buffers.size(); ++i)
    QVERIFY(same_bits(a.buffers[i].second, b.buffers[i].second));
  qInfo("largest loss difference after resume: %g", max_diff);
}

// The same through the command line, with a data file, truncated BPTT and a cut mid-sequence.
void TestCheckpoint::cli_resume_bit_identical() {
  write_all(dir_.filePath("corpus.txt"), std::string(builtin_sample_text().substr(0, 4000)));
  const QStringList common = {"train", "--data",      "corpus.txt", "--cell",  "lstm", "--hidden",
                              "12",    "--seq",       "16",         "--batch", "4",    "--tbptt",
                              "5,7",   "--val-every", "4",          "--clip",  "1",    "--quiet"};
  Run r =
      cli(common + QStringList{"--steps", "18", "--metrics", "full.csv", "--save", "full.unroll"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  r = cli(common + QStringList{"--steps", "9", "--save", "half.unroll"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  r = cli({"train", "--resume", "half.unroll", "--steps", "18", "--metrics", "rest.csv", "--save",
           "resumed.unroll", "--quiet"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  const Checkpoint full = load_checkpoint(dir_.filePath("full.unroll").toStdString());
  const Checkpoint resumed = load_checkpoint(dir_.filePath("resumed.unroll").toStdString());
  QCOMPARE(resumed.progress.step, 18L);
  QVERIFY(same_bits(full.params, resumed.params));
  QCOMPARE(resumed.history.rows(), size_t(18));  // the first run's 9 rows carried over
  for (size_t i = 0; i < 18; ++i) {
    const double x = full.history.at(i, "train_loss"), y = resumed.history.at(i, "train_loss");
    QVERIFY2(std::memcmp(&x, &y, sizeof x) == 0, qPrintable(QString("row %1").arg(i)));
  }
  // The CSV of the resumed part is the straight run's tail.
  const QStringList a = QString::fromStdString(read_all(dir_.filePath("full.csv"))).split('\n');
  const QStringList b = QString::fromStdString(read_all(dir_.filePath("rest.csv"))).split('\n');
  QCOMPARE(b.size(), a.size() - 9);
  for (int i = 1; i < b.size() - 1; ++i)
    QCOMPARE(b[i].split(',').mid(0, 3), a[i + 9].split(',').mid(0, 3));

  // Changing the data file, or re-giving a fixed option, is refused with one line.
  write_all(dir_.filePath("corpus.txt"), std::string(builtin_sample_text().substr(0, 3000)));
  r = cli({"train", "--resume", "half.unroll", "--steps", "18", "--quiet"});
  QCOMPARE(r.code, 2);
  QVERIFY2(r.err.contains("changed") && r.err.count('\n') == 1, qPrintable(r.err));
  // --data gives the same data's new place.
  write_all(dir_.filePath("moved.txt"), std::string(builtin_sample_text().substr(0, 4000)));
  r = cli({"train", "--resume", "half.unroll", "--steps", "18", "--data", "moved.txt", "--save",
           "moved.unroll", "--quiet"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  const Checkpoint moved = load_checkpoint(dir_.filePath("moved.unroll").toStdString());
  QVERIFY(same_bits(full.params, moved.params));
  QVERIFY(QString::fromStdString(moved.task.options.at("data")).endsWith("/moved.txt"));
  r = cli({"train", "--resume", "full.unroll", "--steps", "20", "--hidden", "9"});
  QCOMPARE(r.code, 2);
  QVERIFY2(r.err.contains("--hidden"), qPrintable(r.err));
  r = cli({"train", "--resume", "full.unroll", "--steps", "18"});
  QCOMPARE(r.code, 2);
  QVERIFY2(r.err.contains("already at step 18"), qPrintable(r.err));
}

// Everything saved comes back: configs (doubles exactly), task, progress, history.
void TestCheckpoint::round_trip_fields() {
  const Checkpoint c = parse_checkpoint(small_, "small");
  QCOMPARE(c.version, 2);
  QVERIFY(c.resumable);
  QCOMPARE(c.config.model.hidden, 2);
  QCOMPARE(c.config.optimizer.lr, 0.01);
  QCOMPARE(c.config.clip.threshold, 0.5);
  QCOMPARE(c.config.bptt.k1, 3);
  QCOMPARE(c.config.seed, uint64_t(7));
  QCOMPARE(c.task.name, std::string("tiny"));
  QCOMPARE(c.task.options.at("task"), std::string("text"));
  QCOMPARE(int(c.task.vocabulary.size()), c.config.model.input_size);
  QCOMPARE(c.progress.step, 4L);
  QVERIFY(c.progress.seq_pos >= 0);
  QCOMPARE(int(c.progress.carried.h.size()), 1);
  QCOMPARE(int(c.progress.carried.c.size()), 1);
  QCOMPARE(c.optimizer.step, 4L);
  QCOMPARE(int(c.optimizer.buffers.size()), 2);
  QCOMPARE(c.history.rows(), size_t(4));
  QCOMPARE(c.history.timestep.size(), size_t(4));
  QCOMPARE(c.history.at(3, "step"), 4.0);
}

// Every truncation point, every flipped byte, wrong magic, newer version: a clear Error each time.
void TestCheckpoint::corrupt_matrix() {
  QVERIFY(small_.size() > 100);
  int truncated = 0;
  for (size_t n = 0; n < small_.size(); ++n) {
    const QString e = expect_error(small_.substr(0, n), "cut");
    QVERIFY2(!e.startsWith("BAD"), qPrintable(QString("cut at %1: %2").arg(n).arg(e)));
    truncated += e.contains("truncated") || e.contains("empty");
  }
  QCOMPARE(truncated, int(small_.size()));  // every cut is called what it is
  int flips = 0;
  for (size_t i = 0; i < small_.size(); ++i) {
    std::string bad = small_;
    bad[i] = char(bad[i] ^ (1 << (i % 8)));
    const QString e = expect_error(bad, "flip");
    QVERIFY2(!e.startsWith("BAD"), qPrintable(QString("flip at %1: %2").arg(i).arg(e)));
    ++flips;
  }
  // The same flips with the checksum made to match again: the header and blob checks must still
  // catch whatever does not fit (a flipped weight may load: that is a valid file).
  int loaded = 0;
  for (size_t i = 20; i + 4 < small_.size(); ++i) {
    std::string bad = small_;
    bad[i] = char(bad[i] ^ (1 << (i % 8)));
    const uint32_t crc = crc32(bad.data(), bad.size() - 4);
    std::memcpy(bad.data() + bad.size() - 4, &crc, 4);
    const QString e = expect_error(bad, "forged");
    loaded += e == "BAD: loaded without error";
    QVERIFY2(!e.startsWith("BAD") || e == "BAD: loaded without error",
             qPrintable(QString("forged flip at %1: %2").arg(i).arg(e)));
  }
  qInfo("forged flips: %d of %d still loaded (data bytes)", loaded, int(small_.size()) - 24);
  std::string newer = small_;
  newer[8] = 3;
  QString e = expect_error(newer, "newer");
  QVERIFY2(e.contains("newer Unroll") && e.contains("version 3"), qPrintable(e));
  e = expect_error("\x89PNG\r\n\x1a\n0000000000000000", "picture.png");
  QVERIFY2(e.contains("not an Unroll checkpoint"), qPrintable(e));
  e = expect_error("hello, world", "notes.txt");
  QVERIFY2(e.contains("not an Unroll checkpoint"), qPrintable(e));
  e = expect_error(small_ + "extra", "appended");
  QVERIFY2(e.contains("damaged"), qPrintable(e));
  try {
    load_checkpoint(dir_.filePath("does-not-exist.unroll").toStdString());
    QFAIL("loaded a missing file");
  } catch (const Error& x) {
    QVERIFY(QString(x.what()).contains("does-not-exist.unroll"));
  }
  qInfo("%d truncations and %d flipped bytes rejected", int(small_.size()), flips);
}

// Counts read from a file are bounded by the model before anything is allocated: a small crafted
// file must not make the loader allocate thousands of times its size.
void TestCheckpoint::crafted_counts_are_bounded() {
  QVERIFY(small_.size() > 100);
  // The control: a forged file without changes still loads.
  QCOMPARE(expect_error(forge(small_, [](QJsonObject&, qint64) {}), "same"),
           QString("BAD: loaded without error"));
  // A timestep record of 4096 layers of 0 steps (L * T = 0 passed the old check).
  std::string index(32, '\0');
  const int64_t record[4] = {1, 0, 4096, 0};
  std::memcpy(index.data(), record, 32);
  QString e = expect_error(forge(
                               small_,
                               [](QJsonObject& h, qint64 at) {
                                 repoint(h, "history.timestep_index", at, 32, {1, 4});
                                 repoint(h, "history.timestep_norms", at, 0, {0});
                               },
                               index),
                           "layers.unroll");
  QVERIFY2(e.contains("timestep gradient record 0 has 4096 layers"), qPrintable(e));
  // Optimizer buffers, each as large as the weights, named a thousand times.
  e = expect_error(forge(small_,
                         [](QJsonObject& h, qint64) {
                           QJsonObject o = h["optimizer_state"].toObject();
                           QJsonArray names;
                           const QJsonArray real = o["buffers"].toArray();
                           for (int i = 0; i < 1000; ++i) names.append(real[i % real.size()]);
                           o["buffers"] = names;
                           h["optimizer_state"] = o;
                         }),
                   "buffers.unroll");
  QVERIFY2(e.contains("optimizer state names 1000 buffers"), qPrintable(e));
  // A carried state of more layers than the model has.
  e = expect_error(forge(small_,
                         [](QJsonObject& h, qint64) {
                           QJsonObject p = h["progress"].toObject();
                           p["layers"] = 4096;
                           h["progress"] = p;
                         }),
                   "state.unroll");
  QVERIFY2(e.contains("carried state has 4096 layers"), qPrintable(e));
  qInfo("crafted timestep index, optimizer buffer list and carried state refused: %s",
        qPrintable(e));
}

// A checkpoint that does not fit the trainer leaves its weights, optimizer and progress alone.
void TestCheckpoint::restore_changes_nothing_on_mismatch() {
  TrainConfig cfg = small_config("lstm", true, "adam", 1);
  Trainer t(cfg, corpus());
  for (int i = 0; i < 3; ++i) t.step();
  Checkpoint other = capture_checkpoint(t, {});
  other.progress.seq_batch.batch += 1;  // no longer fits this batch size
  other.params.setConstant(42.0f);
  const Vec<float> before = t.network().params();
  const auto opt_before = t.optimizer().state();
  const long step_before = t.steps();
  QVERIFY_THROWS_EXCEPTION(Error, restore_checkpoint(other, t));
  QVERIFY(same_bits(before, t.network().params()));
  QCOMPARE(t.steps(), step_before);
  QVERIFY(same_bits(opt_before.buffers[0].second, t.optimizer().state().buffers[0].second));
}

// Files from the first format (weights only) still load, for export, but refuse to resume.
void TestCheckpoint::loads_version_1() {
  const Checkpoint c = parse_checkpoint(small_, "small");
  const ParamLayout layout(c.config.model);
  QJsonObject model{{"cell", "lstm"},
                    {"hidden", 2},
                    {"layers", 1},
                    {"input", "onehot"},
                    {"input_size", c.config.model.input_size},
                    {"embed_dim", 32},
                    {"head", "softmax"},
                    {"output_size", c.config.model.output_size},
                    {"init", "torch"},
                    {"forget_bias", 0.0}};
  QJsonArray tensors;
  for (const auto& t : layout.tensors())
    tensors.append(QJsonObject{{"name", QString::fromStdString(t.name)},
                               {"rows", int(t.rows)},
                               {"cols", int(t.cols)},
                               {"offset", int(t.offset)}});
  QJsonArray vocab;
  for (const auto& v : c.task.vocabulary) vocab.append(QString::fromStdString(v));
  const QByteArray header = QJsonDocument(QJsonObject{{"model", model},
                                                      {"step", 4},
                                                      {"task", "tiny"},
                                                      {"vocabulary", vocab},
                                                      {"tensors", tensors}})
                                .toJson(QJsonDocument::Compact);
  std::string bytes("\x89UNROLL\n", 8);
  auto put = [&](auto v) { bytes.append(reinterpret_cast<const char*>(&v), sizeof v); };
  put(uint32_t(1));
  put(uint64_t(header.size()));
  bytes += header.toStdString();
  put(uint64_t(c.params.size()));
  bytes.append(reinterpret_cast<const char*>(c.params.data()), size_t(c.params.size()) * 4);
  const Checkpoint v1 = parse_checkpoint(bytes, "old");
  QCOMPARE(v1.version, 1);
  QVERIFY(!v1.resumable);
  QVERIFY(same_bits(v1.params, c.params));
  QCOMPARE(v1.task.vocabulary, c.task.vocabulary);
  TrainConfig cfg = c.config;
  Trainer t(cfg, std::make_shared<TextCorpus>(TextCorpus::from_text(
                     "tiny", repeat("abcabd abcabd cabbad dab cab abba dabbad cabcab ", 4), 0.2)));
  QVERIFY_THROWS_EXCEPTION(Error, restore_checkpoint(v1, t));
  for (size_t n = 0; n < bytes.size(); ++n)
    QVERIFY(!expect_error(bytes.substr(0, n), "old").startsWith("BAD"));
}

void TestCheckpoint::cli_rejects_bad_checkpoints() {
  write_all(dir_.filePath("cut.unroll"), small_.substr(0, small_.size() / 2));
  write_all(dir_.filePath("text.unroll"), "just some text\n");
  for (const char* f : {"cut.unroll", "text.unroll", "missing.unroll"}) {
    const Run r = cli({"train", "--resume", f, "--steps", "10", "--save", "never.unroll"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.count('\n') == 1 && r.err.contains(f), qPrintable(r.err));
    qInfo("%s", qPrintable(r.err.trimmed()));
  }
  QVERIFY(!QFile::exists(dir_.filePath("never.unroll")));
}

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
