// Tests for the data sources: TextCorpus (UTF-8, vocabulary, split, batches, errors), the built-in
// sample text, and AddingTask (markers, targets, determinism, baseline).
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/rng.h"
#include "data/adding_task.h"
#include "data/sample_text.h"
#include "data/text_corpus.h"
#include "test_util.h"

using namespace unroll;
using unroll::test::repeat;

namespace {

// Runs f, which must throw unroll::Error; returns its message ("" and a failure if it did not).
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "<no error thrown>";
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// The k-th sequence of an adding batch: its values, markers and scored target.
struct AddingSample {
  std::vector<double> values, markers;
  double target = 0.0;
};

AddingSample sample(const Batch& batch, int b) {
  AddingSample s;
  for (int t = 0; t < batch.steps; ++t) {
    s.values.push_back(batch.inputs(0, batch.col(t, b)));
    s.markers.push_back(batch.inputs(1, batch.col(t, b)));
  }
  s.target = batch.target_values(0, batch.col(batch.steps - 1, b));
  return s;
}

}  // namespace

class TestData : public QObject {
  Q_OBJECT

 private slots:
  // --- UTF-8 -------------------------------------------------------------------------------------
  void decodeUtf8_data();
  void decodeUtf8();
  void invalidUtf8_data();
  void invalidUtf8();
  void invalidUtf8File();

  // --- TextCorpus
  // ---------------------------------------------------------------------------------
  void vocabularyRoundTrip();
  void split_data();
  void split();
  void normalizesLineEnds();
  void unigramEntropy_data();
  void unigramEntropy();
  void corpusErrors_data();
  void corpusErrors();
  void fileErrors();
  void fileLoads();
  void trainBatch_data();
  void trainBatch();
  void trainBatchDeterminism();
  void validationBatches();
  void batchErrors();

  // --- built-in text
  // ------------------------------------------------------------------------------
  void builtinText();

  // --- AddingTask
  // ---------------------------------------------------------------------------------
  void addingShape();
  void addingBatch_data();
  void addingBatch();
  void addingDeterminism();
  void addingErrors();
  void addingBaseline();
};

// Decoding known strings gives their code points, and each encodes back to the same bytes.
void TestData::decodeUtf8_data() {
  QTest::addColumn<QByteArray>("bytes");
  QTest::addColumn<QList<uint>>("code_points");
  QTest::newRow("ascii") << QByteArray("ab\n ") << QList<uint>{'a', 'b', '\n', ' '};
  QTest::newRow("two-byte") << QByteArray("h\xC3\xA9") << QList<uint>{'h', 0xE9};
  QTest::newRow("three-byte") << QByteArray("\xE2\x98\x83") << QList<uint>{0x2603};
  QTest::newRow("four-byte") << QByteArray("\xF0\x9D\x84\x9E") << QList<uint>{0x1D11E};
  QTest::newRow("mixed") << QByteArray("h\xC3\xA9llo \xE2\x98\x83 \xF0\x9D\x84\x9E")
                         << QList<uint>{'h', 0xE9, 'l', 'l', 'o', ' ', 0x2603, ' ', 0x1D11E};
  QTest::newRow("limits") << QByteArray(
                                 "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF4\x8F\xBF\xBF")
                          << QList<uint>{0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10FFFF};
}

void TestData::decodeUtf8() {
  QFETCH(QByteArray, bytes);
  QFETCH(QList<uint>, code_points);
  const std::u32string text =
      TextCorpus::decode_utf8(std::string_view(bytes.constData(), bytes.size()), "test");
  QCOMPARE(QList<uint>(text.begin(), text.end()), code_points);
  std::string reencoded;
  for (char32_t c : text) reencoded += TextCorpus::encode_utf8(c);
  QCOMPARE(QByteArray::fromStdString(reencoded), bytes);
}

// Each kind of bad byte is rejected with the offset and line of the first bad byte.
void TestData::invalidUtf8_data() {
  QTest::addColumn<QByteArray>("bytes");
  QTest::addColumn<int>("offset");
  QTest::addColumn<int>("line");
  QTest::newRow("lone continuation") << QByteArray("ab\x80") << 2 << 1;
  QTest::newRow("latin1 e-acute") << QByteArray("caf\xE9 au lait") << 3 << 1;
  QTest::newRow("never in utf8") << QByteArray("one\ntwo\xFF") << 7 << 2;
  QTest::newRow("bad continuation") << QByteArray("a\nb\nc\xC3(") << 5 << 3;
  QTest::newRow("truncated at end") << QByteArray("abc\xE2\x98") << 3 << 1;
  QTest::newRow("overlong slash") << QByteArray("\xC0\xAF") << 0 << 1;
  QTest::newRow("overlong 3-byte") << QByteArray("x\xE0\x80\xAF") << 1 << 1;
  QTest::newRow("surrogate") << QByteArray("xy\xED\xA0\x80") << 2 << 1;
  QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << 0 << 1;
}

void TestData::invalidUtf8() {
  QFETCH(QByteArray, bytes);
  QFETCH(int, offset);
  QFETCH(int, line);
  const std::string text(bytes.constData(), bytes.size());
  const std::string msg =
      error_of([&] { TextCorpus::from_text("sample", text + repeat("ab", 40)); });
  qInfo("%s", msg.c_str());
  QVERIFY(contains(msg, "text 'sample'"));
  QVERIFY(contains(msg, "not valid UTF-8"));
  QVERIFY(contains(msg, "byte offset " + std::to_string(offset) + " "));
  QVERIFY(contains(msg, "(line " + std::to_string(line) + ")"));
  QVERIFY(contains(msg, "Save the text as UTF-8"));  // says what to do
}

// From a file, the message names the path as well as the offset.
void TestData::invalidUtf8File() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const std::string path = dir.filePath("latin1.txt").toStdString();
  write_file(path, repeat("plain ascii line\n", 5) + "caf\xE9\n" + repeat("more text\n", 5));
  const std::string msg = error_of([&] { TextCorpus::from_file(path); });
  QVERIFY2(contains(msg, path), msg.c_str());
  QVERIFY2(contains(msg, "byte offset 88 (line 6)"), msg.c_str());
}

// The vocabulary is sorted and distinct; encode/decode/token_text invert each other.
void TestData::vocabularyRoundTrip() {
  const std::string line = "h\xC3\xA9llo \xE2\x98\x83 \xF0\x9D\x84\x9E\n";
  const TextCorpus corpus = TextCorpus::from_text("snow", repeat(line, 20));
  const std::vector<char32_t> want = {U'\n', U' ', U'h', U'l', U'o', 0xE9, 0x2603, 0x1D11E};
  QCOMPARE(corpus.vocabulary(), want);
  QCOMPARE(corpus.vocab_size(), 8);
  QVERIFY(std::is_sorted(corpus.vocabulary().begin(), corpus.vocabulary().end()));
  for (int id = 0; id < corpus.vocab_size(); ++id) {
    QCOMPARE(corpus.encode(corpus.vocabulary()[id]), id);
    QCOMPARE(corpus.decode(id), TextCorpus::encode_utf8(corpus.vocabulary()[id]));
    QCOMPARE(corpus.token_text(id), corpus.decode(id));
  }
  QCOMPARE(corpus.decode(corpus.encode(0x1D11E)), std::string("\xF0\x9D\x84\x9E"));
  QCOMPARE(corpus.token_text(corpus.encode(U'\n')), std::string("\n"));  // raw, not escaped
  QCOMPARE(corpus.encode(U'z'), -1);
  QCOMPARE(corpus.token_text(-1), std::string());
  QCOMPARE(corpus.token_text(8), std::string());
  QVERIFY(contains(error_of([&] { corpus.decode(8); }), "out of range"));

  // Whole strings: the train and validation splits together decode to the text.
  std::string decoded;
  for (int32_t id : corpus.train_tokens()) decoded += corpus.decode(id);
  for (int32_t id : corpus.val_tokens()) decoded += corpus.decode(id);
  QCOMPARE(decoded, repeat(line, 20));
  const std::vector<int32_t> ids = corpus.encode_text("h\xC3\xA9llo");
  QCOMPARE(ids, (std::vector<int32_t>{2, 5, 3, 3, 4}));
  const std::string msg = error_of([&] { corpus.encode_text("hlo z"); });
  QVERIFY2(contains(msg, "'z'") && contains(msg, "U+007A"), msg.c_str());
}

// The validation split is the last val_fraction of the text, at least kMinSplitTokens.
void TestData::split_data() {
  QTest::addColumn<int>("length");
  QTest::addColumn<double>("val_fraction");
  QTest::addColumn<int>("val_size");
  QTest::newRow("10% of 1000") << 1000 << 0.1 << 100;
  QTest::newRow("rounds up") << 1001 << 0.1 << 101;
  QTest::newRow("minimum") << 100 << 0.1 << TextCorpus::kMinSplitTokens;
  QTest::newRow("smallest allowed")
      << 2 * TextCorpus::kMinSplitTokens << 0.1 << TextCorpus::kMinSplitTokens;
  QTest::newRow("half") << 400 << 0.5 << 200;
  QTest::newRow("none") << 40 << 0.0 << 0;
}

void TestData::split() {
  QFETCH(int, length);
  QFETCH(double, val_fraction);
  QFETCH(int, val_size);
  std::string text;
  for (int i = 0; i < length; ++i) text += static_cast<char>('a' + (i * 7 + i / 26) % 26);
  const TextCorpus corpus = TextCorpus::from_text("abc", text, val_fraction);
  QCOMPARE(static_cast<int>(corpus.val_tokens().size()), val_size);
  QCOMPARE(static_cast<int>(corpus.train_tokens().size()), length - val_size);
  QCOMPARE(corpus.validation_batches() > 0, val_size > 0);
  // The split is the tail, in order.
  for (int i = 0; i < val_size; ++i)
    QCOMPARE(corpus.decode(corpus.val_tokens()[i]), std::string(1, text[length - val_size + i]));
}

// "\r\n" and a leading byte-order mark do not become tokens.
void TestData::normalizesLineEnds() {
  const TextCorpus corpus =
      TextCorpus::from_text("crlf", "\xEF\xBB\xBF" + repeat("one two\r\n", 12), 0.0);
  QCOMPARE(corpus.encode(U'\r'), -1);
  QCOMPARE(corpus.encode(0xFEFF), -1);
  QCOMPARE(static_cast<int>(corpus.train_tokens().size()), 12 * 8);
}

// Entropy of the training split's character frequencies, in nats.
void TestData::unigramEntropy_data() {
  QTest::addColumn<QString>("unit");
  QTest::addColumn<double>("entropy");
  QTest::newRow("two equal") << QString("ab") << std::log(2.0);
  QTest::newRow("three to one") << QString("aaab")
                                << -(0.75 * std::log(0.75) + 0.25 * std::log(0.25));
  QTest::newRow("four equal") << QString("abcd") << std::log(4.0);
}

void TestData::unigramEntropy() {
  QFETCH(QString, unit);
  QFETCH(double, entropy);
  const TextCorpus corpus = TextCorpus::from_text("u", repeat(unit.toStdString(), 40), 0.0);
  const double diff = std::abs(corpus.unigram_entropy() - entropy);
  qInfo("largest difference %.3g", diff);
  QVERIFY(diff < 1e-12);
}

// Texts a model cannot learn from are refused, with a message saying why.
void TestData::corpusErrors_data() {
  QTest::addColumn<QByteArray>("text");
  QTest::addColumn<double>("val_fraction");
  QTest::addColumn<QString>("expected");
  QTest::newRow("empty") << QByteArray() << 0.1 << QString("is empty");
  QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << 0.1 << QString("is empty");
  QTest::newRow("one character") << QByteArray(200, 'a') << 0.1
                                 << QString("only one distinct character");
  QTest::newRow("too short") << QByteArray("abcdefghij") << 0.1
                             << QString("is too short: 10 characters");
  QTest::newRow("too short for val")
      << QByteArray(50, 'x').append("y") << 0.1 << QString("held out for validation");
  QTest::newRow("too short no val") << QByteArray("abc") << 0.0 << QString("needs at least 33");
  QTest::newRow("fraction too big")
      << QByteArray(500, 'x').append("y") << 0.9 << QString("validation fraction");
  QTest::newRow("fraction negative")
      << QByteArray(500, 'x').append("y") << -0.1 << QString("validation fraction");
}

void TestData::corpusErrors() {
  QFETCH(QByteArray, text);
  QFETCH(double, val_fraction);
  QFETCH(QString, expected);
  const std::string msg = error_of([&] {
    TextCorpus::from_text("t", std::string(text.constData(), text.size()), val_fraction);
  });
  QVERIFY2(contains(msg, expected.toStdString()), msg.c_str());
  QVERIFY2(contains(msg, "'t'"), msg.c_str());
}

// Missing, empty and folder paths give errors naming the path.
void TestData::fileErrors() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const std::string missing = dir.filePath("no-such-file.txt").toStdString();
  std::string msg = error_of([&] { TextCorpus::from_file(missing); });
  QVERIFY2(contains(msg, missing) && contains(msg, "does not exist"), msg.c_str());

  const std::string empty = dir.filePath("empty.txt").toStdString();
  write_file(empty, "");
  msg = error_of([&] { TextCorpus::from_file(empty); });
  QVERIFY2(contains(msg, empty) && contains(msg, "is empty"), msg.c_str());

  const std::string folder = dir.path().toStdString();
  msg = error_of([&] { TextCorpus::from_file(folder); });
  QVERIFY2(contains(msg, folder) && contains(msg, "folder"), msg.c_str());
}

void TestData::fileLoads() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const std::string path = dir.filePath("poem.txt").toStdString();
  const std::string text = repeat("The river runs \xE2\x80\x94 and runs.\n", 10);
  write_file(path, text);
  const TextCorpus corpus = TextCorpus::from_file(path, 0.2);
  QCOMPARE(corpus.name(), std::string("poem.txt"));
  QVERIFY(corpus.encode(0x2014) >= 0);  // the em dash is one token
  QCOMPARE(corpus.train_tokens().size() + corpus.val_tokens().size(), size_t{10 * 27});
}

// Batches are time-major windows of the training split with next-character targets.
void TestData::trainBatch_data() {
  QTest::addColumn<int>("steps");
  QTest::addColumn<int>("batch");
  QTest::newRow("1x1") << 1 << 1;
  QTest::newRow("16x4") << 16 << 4;
  QTest::newRow("64x32") << 64 << 32;
  QTest::newRow("200x3") << 200 << 3;
}

void TestData::trainBatch() {
  QFETCH(int, steps);
  QFETCH(int, batch);
  const TextCorpus corpus = builtin_corpus();
  const TaskShape shape = corpus.shape();
  QVERIFY(shape.tokens);
  QCOMPARE(shape.input_size, corpus.vocab_size());
  QCOMPARE(shape.output_size, corpus.vocab_size());
  QVERIFY(shape.head == HeadKind::Softmax);
  QVERIFY(shape.loss_every_step);

  Rng rng(7);
  const Batch b = corpus.train_batch(steps, batch, rng);
  QCOMPARE(b.steps, steps);
  QCOMPARE(b.batch, batch);
  QCOMPARE(b.loss_begin, 0);
  QCOMPARE(static_cast<int>(b.tokens.size()), steps * batch);
  QCOMPARE(static_cast<int>(b.targets.size()), steps * batch);
  const std::vector<int32_t>& train = corpus.train_tokens();
  for (int s = 0; s < batch; ++s) {
    for (int t = 0; t + 1 < steps; ++t) QCOMPARE(b.targets[b.col(t, s)], b.tokens[b.col(t + 1, s)]);
    // x_0..x_{T-1} followed by the last target is a contiguous piece of the training split.
    std::vector<int32_t> window;
    for (int t = 0; t < steps; ++t) window.push_back(b.tokens[b.col(t, s)]);
    window.push_back(b.targets[b.col(steps - 1, s)]);
    QVERIFY(std::search(train.begin(), train.end(), window.begin(), window.end()) != train.end());
  }
}

// The same seed gives the same batch; another seed gives another.
void TestData::trainBatchDeterminism() {
  const TextCorpus corpus = builtin_corpus();
  Rng a(42), b(42), c(43);
  const Batch ba = corpus.train_batch(32, 8, a);
  const Batch bb = corpus.train_batch(32, 8, b);
  const Batch bc = corpus.train_batch(32, 8, c);
  QCOMPARE(ba.tokens, bb.tokens);
  QCOMPARE(ba.targets, bb.targets);
  QVERIFY(ba.tokens != bc.tokens);
  // The generator advances: the next batch from the same stream differs.
  QVERIFY(corpus.train_batch(32, 8, a).tokens != ba.tokens);
}

// Validation batches are fixed, spread over the whole split, and the same every call.
void TestData::validationBatches() {
  const TextCorpus corpus = builtin_corpus();
  const int n = corpus.validation_batches();
  QVERIFY(n >= 1 && n <= TextCorpus::kMaxValidationBatches);
  const std::vector<int32_t>& val = corpus.val_tokens();
  const int T = 50, B = 4;
  for (int i = 0; i < n; ++i) {
    const Batch b1 = corpus.validation_batch(T, B, i);
    const Batch b2 = corpus.validation_batch(T, B, i);
    QCOMPARE(b1.tokens, b2.tokens);
    QCOMPARE(b1.targets, b2.targets);
    QCOMPARE(b1.loss_begin, 0);
    for (int t = 0; t + 1 < T; ++t) QCOMPARE(b1.targets[b1.col(t, 0)], b1.tokens[b1.col(t + 1, 0)]);
  }
  // The first window starts the split and the last one ends it.
  const Batch first = corpus.validation_batch(T, B, 0);
  const Batch last = corpus.validation_batch(T, B, n - 1);
  for (int t = 0; t < T; ++t) QCOMPARE(first.tokens[first.col(t, 0)], val[t]);
  QCOMPARE(last.targets[last.col(T - 1, B - 1)], val.back());
  QCOMPARE(last.tokens[last.col(0, B - 1)], val[val.size() - T - 1]);
  QVERIFY(corpus.validation_batch(T, B, 0).tokens != corpus.validation_batch(T, B, n - 1).tokens);
}

void TestData::batchErrors() {
  const TextCorpus corpus = TextCorpus::from_text("short", repeat("abcdefghij", 10), 0.1);
  QCOMPARE(corpus.validation_batches(), 1);
  Rng rng(1);
  std::string msg = error_of([&] { corpus.validation_batch(40, 2, 0); });
  QVERIFY2(contains(msg, "validation split has 33 characters") && contains(msg, "40 steps"),
           msg.c_str());
  msg = error_of([&] { corpus.train_batch(67, 2, rng); });
  QVERIFY2(contains(msg, "training split has 67 characters"), msg.c_str());
  QCOMPARE(corpus.train_batch(66, 2, rng).steps, 66);  // the longest that fits
  msg = error_of([&] { corpus.validation_batch(10, 2, 1); });
  QVERIFY2(contains(msg, "validation batch 1 does not exist"), msg.c_str());
  msg = error_of([&] { corpus.train_batch(0, 2, rng); });
  QVERIFY2(contains(msg, "at least 1"), msg.c_str());

  const TextCorpus no_val = TextCorpus::from_text("noval", repeat("abcdefghij", 10), 0.0);
  QCOMPARE(no_val.validation_batches(), 0);
  msg = error_of([&] { no_val.validation_batch(10, 2, 0); });
  QVERIFY2(contains(msg, "validation fraction is 0"), msg.c_str());
}

// The built-in text is long, ASCII prose with an English-like alphabet and letter entropy.
void TestData::builtinText() {
  const std::string_view text = builtin_sample_text();
  QVERIFY2(text.size() >= 40 * 1024, std::to_string(text.size()).c_str());
  QVERIFY(std::none_of(text.begin(), text.end(), [](char c) { return c == '\r' || c == '\0'; }));
  const TextCorpus corpus = builtin_corpus();
  QCOMPARE(corpus.name(), std::string("builtin"));
  qInfo("builtin: %zu bytes, vocabulary %d, unigram entropy %.3f nats, %d validation batches",
        text.size(), corpus.vocab_size(), corpus.unigram_entropy(), corpus.validation_batches());
  QVERIFY(corpus.vocab_size() >= 40 && corpus.vocab_size() <= 100);
  for (char32_t c : U"aeiou .,\n\"'?") QVERIFY(c == 0 || corpus.encode(c) >= 0);
  // English letters alone are ~2.9-3.1 nats; below ln(V) since some characters are rare.
  QVERIFY(corpus.unigram_entropy() > 2.5 && corpus.unigram_entropy() < 3.5);
  QVERIFY(corpus.unigram_entropy() < std::log(corpus.vocab_size()));
  // It is prose, not a repeated block: a long window from the start does not recur.
  const std::string_view head = text.substr(0, 200);
  QCOMPARE(text.find(head, 1), std::string_view::npos);
}

void TestData::addingShape() {
  const AddingTask task(100);
  const TaskShape shape = task.shape();
  QVERIFY(!shape.tokens);
  QCOMPARE(shape.input_size, 2);
  QVERIFY(shape.head == HeadKind::Regression);
  QCOMPARE(shape.output_size, 1);
  QVERIFY(!shape.loss_every_step);
  QCOMPARE(task.length(), 100);
  QCOMPARE(task.validation_batches(), AddingTask::kValidationBatches);
  QCOMPARE(task.name(), std::string("adding-100"));
  QCOMPARE(task.token_text(0), std::string());
}

// Every sequence: values in [0, 1), exactly one marker per half, target = exact sum at T-1.
void TestData::addingBatch_data() {
  QTest::addColumn<int>("steps");
  QTest::addColumn<int>("batch");
  QTest::addColumn<bool>("validation");
  for (bool validation : {false, true}) {
    const char* kind = validation ? "validation" : "train";
    QTest::addRow("%s T=2 B=1", kind) << 2 << 1 << validation;
    QTest::addRow("%s T=3 B=5", kind) << 3 << 5 << validation;
    QTest::addRow("%s T=50 B=16", kind) << 50 << 16 << validation;
    QTest::addRow("%s T=101 B=8", kind) << 101 << 8 << validation;
  }
}

void TestData::addingBatch() {
  QFETCH(int, steps);
  QFETCH(int, batch);
  QFETCH(bool, validation);
  const AddingTask task(steps);
  Rng rng(3);
  const Batch b =
      validation ? task.validation_batch(steps, batch, 1) : task.train_batch(steps, batch, rng);
  QCOMPARE(b.steps, steps);
  QCOMPARE(b.batch, batch);
  QCOMPARE(b.loss_begin, steps - 1);
  QCOMPARE(b.inputs.rows(), Eigen::Index{2});
  QCOMPARE(b.inputs.cols(), Eigen::Index{steps * batch});
  QCOMPARE(b.target_values.rows(), Eigen::Index{1});
  QCOMPARE(b.target_values.cols(), Eigen::Index{steps * batch});
  QVERIFY(b.tokens.empty() && b.targets.empty());
  const int half = steps / 2;
  for (int s = 0; s < batch; ++s) {
    const AddingSample x = sample(b, s);
    int first_half = 0, second_half = 0;
    double sum = 0.0;
    for (int t = 0; t < steps; ++t) {
      QVERIFY(x.values[t] >= 0.0 && x.values[t] < 1.0);
      QVERIFY(x.markers[t] == 0.0 || x.markers[t] == 1.0);
      if (x.markers[t] == 1.0) {
        (t < half ? first_half : second_half) += 1;
        sum += x.values[t];
      }
      if (t < steps - 1) QCOMPARE(b.target_values(0, b.col(t, s)), 0.0);
    }
    QCOMPARE(first_half, 1);
    QCOMPARE(second_half, 1);
    QVERIFY2(x.target == sum, qPrintable(QString("target %1, sum %2").arg(x.target).arg(sum)));
  }
}

// Training batches follow the seed; validation batches are fixed by validation_seed alone.
void TestData::addingDeterminism() {
  const AddingTask task(30);
  Rng a(5), b(5), c(6);
  const Batch ba = task.train_batch(30, 8, a);
  QVERIFY(ba.inputs == task.train_batch(30, 8, b).inputs);
  QVERIFY(ba.inputs != task.train_batch(30, 8, c).inputs);

  for (int i = 0; i < task.validation_batches(); ++i) {
    const Batch v1 = task.validation_batch(30, 8, i);
    const Batch v2 = AddingTask(30).validation_batch(30, 8, i);
    QVERIFY(v1.inputs == v2.inputs);
    QVERIFY(v1.target_values == v2.target_values);
  }
  QVERIFY(task.validation_batch(30, 8, 0).inputs != task.validation_batch(30, 8, 1).inputs);
  QVERIFY(task.validation_batch(30, 8, 0).inputs !=
          AddingTask(30, 999).validation_batch(30, 8, 0).inputs);
  // Sample k = i*B + b is the same whatever B is: batch 1 of B=4 is the second half of batch 0
  // of 8.
  const Batch small = task.validation_batch(30, 4, 1);
  const Batch big = task.validation_batch(30, 8, 0);
  for (int s = 0; s < 4; ++s) {
    QCOMPARE(sample(small, s).values, sample(big, 4 + s).values);
    QCOMPARE(sample(small, s).markers, sample(big, 4 + s).markers);
  }
}

void TestData::addingErrors() {
  const AddingTask task(100);
  Rng rng(1);
  std::string msg = error_of([&] { task.train_batch(50, 4, rng); });
  QVERIFY2(contains(msg, "100 steps") && contains(msg, "50 steps"), msg.c_str());
  msg = error_of([&] { task.validation_batch(64, 4, 0); });
  QVERIFY2(contains(msg, "set the sequence length to 100"), msg.c_str());
  msg = error_of([&] { task.validation_batch(100, 4, AddingTask::kValidationBatches); });
  QVERIFY2(contains(msg, "does not exist"), msg.c_str());
  msg = error_of([&] { task.train_batch(100, 0, rng); });
  QVERIFY2(contains(msg, "at least 1"), msg.c_str());
  msg = error_of([&] { AddingTask(1); });
  QVERIFY2(contains(msg, "at least 2 steps"), msg.c_str());
}

// Predicting 1.0 on the validation set scores about Var(y) = 1/6.
void TestData::addingBaseline() {
  QCOMPARE(AddingTask::baseline_mse(), 1.0 / 6.0);
  const int T = 50, B = 512;
  const AddingTask task(T);
  double sum = 0.0;
  int count = 0;
  for (int i = 0; i < task.validation_batches(); ++i) {
    const Batch b = task.validation_batch(T, B, i);
    for (int s = 0; s < B; ++s) {
      const double err = 1.0 - b.target_values(0, b.col(T - 1, s));
      sum += err * err;
      ++count;
    }
  }
  const double mse = sum / count;
  const double diff = std::abs(mse - AddingTask::baseline_mse());
  qInfo("MSE of predicting 1.0 on %d samples: %.4f, largest difference from 1/6 %.4f", count, mse,
        diff);
  QVERIFY(diff < 0.02);
}

QTEST_APPLESS_MAIN(TestData)
#include "tst_data.moc"
