// The encoder–decoder's data, metrics, decoding, training and resume: the generated tasks, the TSV
// reader's refusals, BLEU against a hand-computed example, CER, beam search against greedy, a
// model that learns a task, and a checkpoint that resumes bit-identically.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <cstring>
#include <fstream>
#include <regex>

#include "core/error.h"
#include "io/checkpoint.h"
#include "seq2seq/seq2seq_checkpoint.h"

using namespace unroll;

namespace {

Seq2SeqConfig smallModel(AttentionKind a = AttentionKind::Additive) {
  Seq2SeqConfig m;
  m.encoder_cell = CellType::Gru;
  m.decoder_cell = CellType::Gru;
  m.encoder_hidden = 32;
  m.decoder_hidden = 32;
  m.embed_dim = 16;
  m.attention = a;
  return m;
}

Seq2SeqTrainConfig reorderRun(int length, AttentionKind a, int count = 600) {
  Seq2SeqTrainConfig c;
  c.task.task = "reorder";
  c.task.length = length;
  c.task.count = count;
  c.model = smallModel(a);
  c.optimizer.lr = 5e-3;
  c.batch = 16;
  c.seed = 3;
  c.validation_pairs = 60;
  return c;
}

}  // namespace

class TestSeq2Seq : public QObject {
  Q_OBJECT
 private slots:
  void numberWords_data();
  void numberWords();
  void generatedTasks();
  void tsvRefusals_data();
  void tsvRefusals();
  void tsvSkipBad();
  void bleuHandComputed();
  void cer();
  void beamOneIsGreedy();
  void beamBeatsGreedy();
  void learnsReorder();
  void resumeIsBitIdentical();
  void rejectsNonFinite();
  void gradientReachesSource();
  void checkpointKinds();
};

void TestSeq2Seq::numberWords_data() {
  QTest::addColumn<int>("n");
  QTest::addColumn<QString>("english");
  QTest::addColumn<QString>("german");
  QTest::newRow("0") << 0 << "zero"
                     << "null";
  QTest::newRow("1") << 1 << "one"
                     << "eins";
  QTest::newRow("17") << 17 << "seventeen"
                      << "siebzehn";
  QTest::newRow("21") << 21 << "twenty-one"
                      << "einundzwanzig";
  QTest::newRow("42") << 42 << "forty-two"
                      << "zweiundvierzig";
  QTest::newRow("101") << 101 << "one hundred one"
                       << "einhunderteins";
  QTest::newRow("1305") << 1305 << "one thousand three hundred five"
                        << "eintausenddreihundertfünf";
  QTest::newRow("31000") << 31000 << "thirty-one thousand"
                         << "einunddreißigtausend";
  QTest::newRow("999999") << 999999 << "nine hundred ninety-nine thousand nine hundred ninety-nine"
                          << "neunhundertneunundneunzigtausendneunhundertneunundneunzig";
}

// English and German number words, German with units before tens.
void TestSeq2Seq::numberWords() {
  QFETCH(int, n);
  QFETCH(QString, english);
  QFETCH(QString, german);
  QCOMPARE(QString::fromStdString(english_number(n)), english);
  QCOMPARE(QString::fromStdString(german_number(n)), german);
}

// dates -> ISO 8601 in both languages, numbers -> digits, reorder SVO -> SOV with its length.
void TestSeq2Seq::generatedTasks() {
  Rng rng(5);
  const auto dates = generate_dates(200, 2, "both", rng);
  const std::regex iso("\\d{4}-\\d{2}-\\d{2} \\d{4}-\\d{2}-\\d{2}");
  bool german = false, english = false;
  for (const TextPair& p : dates) {
    QVERIFY2(std::regex_match(p.target, iso), p.target.c_str());
    german |=
        p.source.find(". ") != std::string::npos || p.source.find("März") != std::string::npos;
    english |= p.source.find(" of ") != std::string::npos;
  }
  QVERIFY(german && english);
  for (const TextPair& p : generate_numbers(200, 4, "de", rng)) {
    QCOMPARE(QString::fromStdString(german_number(std::stol(p.target))),
             QString::fromStdString(p.source));
    QVERIFY(p.target.size() <= 4);
  }
  for (int length : {3, 5, 12}) {
    for (const TextPair& p : generate_reorder(50, length, rng)) {
      const Words s = split_words(p.source), t = split_words(p.target);
      QCOMPARE(int(s.size()), length);
      QCOMPARE(int(t.size()), length);
      // The verb (the one word ending in s that is not in the object) moves to the end.
      Words moved = s;
      const auto verb = std::find_if(moved.begin(), moved.end(), [&](const std::string& w) {
        return std::count(t.begin(), t.end() - 1, w) < std::count(s.begin(), s.end(), w);
      });
      QVERIFY(verb != moved.end());
      const std::string v = *verb;
      moved.erase(verb);
      moved.push_back(v);
      QCOMPARE(moved, t);
    }
  }
  QVERIFY_THROWS_EXCEPTION(Error, generate_reorder(1, 2, rng));
  QVERIFY_THROWS_EXCEPTION(Error, generate_numbers(1, 7, "en", rng));
  QVERIFY_THROWS_EXCEPTION(Error, generate_numbers(1, 3, "fr", rng));
}

void TestSeq2Seq::tsvRefusals_data() {
  QTest::addColumn<QByteArray>("text");
  QTest::addColumn<QString>("expected");
  QTest::newRow("no tab") << QByteArray("a\tb\nno tab here\n") << "x.tsv:2: no tab";
  QTest::newRow("empty source") << QByteArray("a\tb\n\tb\n") << "x.tsv:2: the source field";
  QTest::newRow("empty target") << QByteArray("a\tb\nc\td\ne\t \n") << "x.tsv:3: the target field";
  QTest::newRow("bad utf-8") << QByteArray("a\tb\nc\t\xff\n") << "x.tsv:2: not valid UTF-8";
  QTest::newRow("too long") << QByteArray("a\t") + QByteArray(5000, 'x') << "x.tsv:1: the line has";
  QTest::newRow("empty file") << QByteArray("") << "x.tsv: no source<TAB>target lines";
  QTest::newRow("blank lines only") << QByteArray("\n\r\n\n") << "x.tsv: no source";
}

// A bad line is refused naming the file and line and what to do.
void TestSeq2Seq::tsvRefusals() {
  QFETCH(QByteArray, text);
  QFETCH(QString, expected);
  try {
    parse_pairs_tsv(text.toStdString(), "x.tsv", {});
    QFAIL("accepted");
  } catch (const Error& e) {
    const QString what = e.what();
    QVERIFY2(what.startsWith(expected), qPrintable(what));
    if (expected.contains(':' + QString("2")) || expected.contains(":3") || expected.contains(":1"))
      QVERIFY2(what.contains("--skip-bad"), qPrintable(what));
  }
}

// --skip-bad skips and counts; BOM, CRLF and a third (attribution) column are accepted.
void TestSeq2Seq::tsvSkipBad() {
  TsvOptions o;
  o.skip_bad = true;
  const TsvResult r = parse_pairs_tsv(
      "\xEF\xBB\xBFGo.\tGeh.\tCC-BY 2.0\r\nbad line\r\nHi.\tHallo.\r\n\t\n", "t", o);
  QCOMPARE(int(r.pairs.size()), 2);
  QCOMPARE(r.pairs[0].source, std::string("Go."));
  QCOMPARE(r.pairs[0].target, std::string("Geh."));
  QCOMPARE(r.pairs[1].target, std::string("Hallo."));
  QCOMPARE(r.skipped, 2L);
  QVERIFY(r.first_error.find("t:2: no tab") == 0);
}

// Corpus BLEU-4 of two pairs, worked by hand: clipped precisions 7/8, 3/6, 2/4, 1/3; candidate
// length 8 < reference length 9, so the brevity penalty is exp(1 - 9/8).
void TestSeq2Seq::bleuHandComputed() {
  const std::vector<Words> hyp = {split_words("the cat sat on the mat"),
                                  split_words("hello world")};
  const std::vector<Words> ref = {split_words("the cat sat on a mat"),
                                  split_words("hello big world")};
  const double expected =
      std::exp(1.0 - 9.0 / 8.0) * std::pow(7.0 / 8 * 3 / 6 * 2 / 4 * 1 / 3, 0.25);
  QVERIFY(std::abs(corpus_bleu(hyp, ref) - expected) < 1e-12);
  QCOMPARE(corpus_bleu(ref, ref), 1.0);
  QCOMPARE(corpus_bleu({split_words("a b c")}, {split_words("x y z w")}), 0.0);
}

void TestSeq2Seq::cer() {
  QCOMPARE(edit_distance(U"kitten", U"sitting"), 3L);
  QCOMPARE(character_error_rate({"kitten", "März"}, {"sitting", "Marz"}), 4.0 / 11.0);
  QCOMPARE(character_error_rate({"abc"}, {"abc"}), 0.0);
}

// Beam width 1 gives greedy decoding's output, on random untrained models of every attention.
void TestSeq2Seq::beamOneIsGreedy() {
  for (AttentionKind a :
       {AttentionKind::None, AttentionKind::Additive, AttentionKind::Dot, AttentionKind::General})
    for (uint64_t seed = 1; seed <= 5; ++seed) {
      Seq2SeqConfig cfg = smallModel(a);
      cfg.source_vocab = 9;
      cfg.target_vocab = 8;
      Seq2Seq<float> m(cfg);
      Rng rng(seed);
      m.initialize(rng);
      std::vector<int32_t> src;
      for (int s = 0; s < 6; ++s) src.push_back(int32_t(rng.below(9)));
      DecodeOptions o;
      o.beam = 1;
      o.max_len = 12;
      const auto g = greedy_decode(m, src, 6, 1, 12);
      QCOMPARE(beam_decode(m, src, o).tokens, g[0]);
    }
}

// A constructed case: a decoder whose W_hh is 0 and whose input weights are a large identity
// sees only its previous token, so its generator's columns are a designed Markov chain. From <bos>
// A is likelier (0.6) than B (0.4), but after A the output stops with 0.4 and after B with 0.99:
// greedy says "A" (0.24), a beam of 2 finds "B" (0.396), and its score is the model's log p.
void TestSeq2Seq::beamBeatsGreedy() {
  Seq2SeqConfig cfg;
  cfg.encoder_cell = CellType::RnnTanh;
  cfg.decoder_cell = CellType::RnnTanh;
  cfg.attention = AttentionKind::None;
  cfg.encoder_hidden = cfg.decoder_hidden = cfg.embed_dim = 5;
  cfg.source_vocab = 3;
  cfg.target_vocab = 5;  // <bos> <eos> <unk> A B
  Seq2Seq<double> m(cfg);
  const Seq2SeqLayout& lay = m.layout();
  double* p = m.params().data();
  lay.map(p, lay.target_embedding).setIdentity();
  lay.map(p, lay.decoder[0].weight_ih).setIdentity();
  lay.map(p, lay.decoder[0].weight_ih) *= 40.0;  // tanh(40) == 1 in double
  const int A = 3, B = 4;
  auto W = lay.map(p, lay.generator_weight);  // column j: log p(next | previous token j)
  W.setConstant(std::log(1e-6));
  W(A, kBos) = std::log(0.6);
  W(B, kBos) = std::log(0.4);
  W(kEos, A) = std::log(0.4);
  W(A, A) = std::log(0.3);
  W(B, A) = std::log(0.3);
  W(kEos, B) = std::log(0.99);
  const std::vector<int32_t> src = {1, 2};
  DecodeOptions o;
  o.beam = 2;
  o.length_norm = 0;
  o.max_len = 6;
  const auto greedy = greedy_decode(m, src, 2, 1, o.max_len)[0];
  const Hypothesis h = beam_decode(m, src, o);
  qInfo("greedy log p %.4f, beam log p %.4f", sequence_logprob(m, src, greedy), h.logp);
  QCOMPARE(greedy, std::vector<int32_t>({A}));
  QCOMPARE(h.tokens, std::vector<int32_t>({B}));
  QVERIFY(h.finished);
  QVERIFY(std::abs(h.logp - sequence_logprob(m, src, h.tokens)) < 1e-9);
  QVERIFY(h.logp > sequence_logprob(m, src, greedy) + 0.4);
  o.beam = 1;
  QCOMPARE(beam_decode(m, src, o).tokens, greedy);
}

// A small GRU with attention learns reorder (length 5) to high exact accuracy in a few hundred
// steps; loss per token falls far below its start.
void TestSeq2Seq::learnsReorder() {
  Seq2SeqTrainer t(reorderRun(5, AttentionKind::Additive));
  const double first = t.step().loss;
  for (int i = 0; i < 399; ++i) QVERIFY(!t.step().rejected);
  const Seq2SeqValidation v = t.validate();
  qInfo(
      "reorder 5: loss %.3f -> %.3f, token acc %.3f, exact %.3f, BLEU %.3f, CER %.3f; example "
      "'%s' -> '%s'",
      first, v.metrics.loss, v.metrics.token_accuracy, v.metrics.exact, v.metrics.bleu,
      v.metrics.cer, v.source.c_str(), v.output.c_str());
  QVERIFY(v.metrics.loss < 0.2 * first);
  QVERIFY(v.metrics.exact > 0.8);
  QVERIFY(v.metrics.bleu > 0.8);
  QCOMPARE(int(v.dh_enc.size()), 5);
  QCOMPARE(int(v.attention.cols()), 5);
  QCOMPARE(int(v.attention.rows()), int(v.output_tokens.size()) + 1);  // + <eos>
  for (Index r = 0; r < v.attention.rows(); ++r)
    QVERIFY(std::abs(v.attention.row(r).sum() - 1.0) < 1e-5);
}

// Train, save, train on; load, train on: the same weights bit for bit (scheduled sampling on).
void TestSeq2Seq::resumeIsBitIdentical() {
  QTemporaryDir dir;
  const std::string path = dir.filePath("run.unroll").toStdString();
  Seq2SeqTrainConfig c = reorderRun(6, AttentionKind::Dot, 200);
  c.teacher_forcing = 0.7;
  c.model.bidirectional = true;
  c.model.encoder_hidden = 16;
  Seq2SeqTrainer a(c);
  for (int i = 0; i < 17; ++i) a.step();  // 180 training pairs / 16: mid-epoch, then past it
  save_seq2seq_checkpoint(path, capture_seq2seq(a));
  for (int i = 0; i < 9; ++i) a.step();
  auto b = resume_seq2seq(load_seq2seq_checkpoint(path));
  QCOMPARE(b->steps(), 17L);
  for (int i = 0; i < 9; ++i) b->step();
  QVERIFY(a.model().params() == b->model().params());
  QCOMPARE(a.progress().rng, b->progress().rng);
}

// A non-finite loss rejects the step: weights, optimizer state and step count are kept.
void TestSeq2Seq::rejectsNonFinite() {
  Seq2SeqTrainer t(reorderRun(4, AttentionKind::General, 60));
  t.step();
  const Seq2SeqLayout& lay = t.model().layout();
  t.model().params()[lay.tensor(lay.generator_bias).offset] = std::nanf("");
  const Vec<float> before = t.model().params();
  const long optimizerSteps = t.optimizer().steps();
  const Seq2SeqStepReport r = t.step();
  QVERIFY(r.rejected);
  QVERIFY2(r.rejected_reason.find("loss") != std::string::npos, r.rejected_reason.c_str());
  QCOMPARE(t.steps(), 1L);
  QCOMPARE(t.optimizer().steps(), optimizerSteps);
  QVERIFY(std::memcmp(before.data(), t.model().params().data(), sizeof(float) * before.size()) ==
          0);
}

// What the studio's source-gradient view shows: without attention ||dL/dh^enc_s|| fades towards
// the first source words (only the final state carries the loss back); with attention every
// position gets a direct share, so the first word's gradient is a far larger part of the last's.
void TestSeq2Seq::gradientReachesSource() {
  double ratio[2] = {};
  for (int att = 0; att < 2; ++att) {
    Seq2SeqConfig cfg = smallModel(att ? AttentionKind::Dot : AttentionKind::None);
    cfg.encoder_cell = cfg.decoder_cell = CellType::RnnTanh;
    cfg.source_vocab = 12;
    cfg.target_vocab = 10;
    Seq2Seq<double> m(cfg);
    Rng rng(9);
    m.initialize(rng);
    Seq2SeqBatch b;
    b.B = 4;
    b.Ts = 30;
    b.Tt = 6;
    for (int j = 0; j < b.Ts * b.B; ++j) b.src.push_back(int32_t(rng.below(12)));
    for (int j = 0; j < b.Tt * b.B; ++j) b.tgt.push_back(int32_t(3 + rng.below(7)));
    Seq2SeqWorkspace<double> ws;
    m.forward(b, {}, ws);
    Vec<double> g = Vec<double>::Zero(m.params().size());
    m.backward(b, ws, g.data());
    ratio[att] = ws.dh_enc.row(0).mean() / ws.dh_enc.row(b.Ts - 1).mean();
  }
  qInfo("||dL/dh_0|| / ||dL/dh_29||: %.3g without attention, %.3g with", ratio[0], ratio[1]);
  QVERIFY(ratio[0] < 0.05);
  QVERIFY(ratio[1] > 20 * ratio[0]);
}

// A recurrent-network loader refuses an encoder–decoder file by name, and the reverse.
void TestSeq2Seq::checkpointKinds() {
  QTemporaryDir dir;
  const std::string path = dir.filePath("s.unroll").toStdString();
  Seq2SeqTrainer t(reorderRun(4, AttentionKind::None, 40));
  save_seq2seq_checkpoint(path, capture_seq2seq(t));
  QCOMPARE(checkpoint_model_kind(path), std::string("seq2seq"));
  // Checkpoints from before the model_kind field are recurrent networks, and still load.
  const std::string old = UNROLL_SOURCE_DIR "/fuzz/corpus/checkpoint/lstm_tbptt.unroll";
  QCOMPARE(checkpoint_model_kind(old), std::string("rnn"));
  QVERIFY(load_checkpoint(old).resumable);
  try {
    load_seq2seq_checkpoint(old);
    QFAIL("loaded");
  } catch (const Error& e) {
    QVERIFY2(std::string(e.what()).find("recurrent network") != std::string::npos, e.what());
  }
  try {
    load_checkpoint(path);
    QFAIL("loaded");
  } catch (const Error& e) {
    QVERIFY2(std::string(e.what()).find("encoder-decoder") != std::string::npos, e.what());
  }
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  bytes[bytes.size() / 2] ^= 1;
  QVERIFY_THROWS_EXCEPTION(Error, parse_seq2seq_checkpoint(bytes, "x"));
}

QTEST_APPLESS_MAIN(TestSeq2Seq)
#include "tst_seq2seq.moc"
