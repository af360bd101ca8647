// The captioner's task, metrics, trainer and checkpoints: the shapes images say what their
// captions say, batches are a function of (seed, step), validation images are fixed, attribute
// scores count what they claim, a short run learns far beyond chance, beam width 1 is greedy, and
// a resumed run is bit-identical to an uninterrupted one; damaged and foreign checkpoints are
// named.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>
#include <tuple>

#include "caption/caption_checkpoint.h"
#include "caption/image_io.h"
#include "core/error.h"
#include "seq2seq/seq2seq_checkpoint.h"

using namespace unroll;

namespace {

CaptionTrainConfig smallRun(int objects) {
  CaptionTrainConfig c;
  c.task.objects = objects;
  c.task.validation = 64;
  c.model.conv.blocks = {{8, 1, true}, {16, 1, true}, {16, 1, false}};
  c.model.hidden = 32;
  c.model.embed_dim = 16;
  c.optimizer.lr = 0.003;
  c.batch = 16;
  c.seed = 5;
  return c;
}

Words words(const char* s) { return split_words(s); }

}  // namespace

class TestCaption : public QObject {
  Q_OBJECT
 private slots:
  void imagesShowTheirCaptions_data();
  void imagesShowTheirCaptions();
  void batchesAreDeterministic();
  void badOptionsAreNamed();
  void attributeScores();
  void learnsBeyondChance();
  void beamOfOneIsGreedy();
  void resumeIsBitIdentical();
  void badCheckpointsAreNamed();
  void resizeKeepsRegions();
};

void TestCaption::imagesShowTheirCaptions_data() {
  QTest::addColumn<int>("image");
  QTest::addColumn<int>("objects");
  QTest::addColumn<double>("noise");
  QTest::newRow("32, one shape") << 32 << 1 << 0.0;
  QTest::newRow("32, up to three, noisy") << 32 << 3 << 0.3;
  QTest::newRow("64, up to two") << 64 << 2 << 0.0;
}

// Each object's centre pixel has its colour; the objects come in the one caption order; each
// relation matches the centres; the caption parses back to the scene's attributes.
void TestCaption::imagesShowTheirCaptions() {
  QFETCH(int, image);
  QFETCH(int, objects);
  QFETCH(double, noise);
  ShapesSpec s;
  s.image = image;
  s.objects = objects;
  s.noise = noise;
  s.colours = 7;
  s.validation = 50;
  const ShapesTask task(s);
  const auto& vocab = shapes_vocabulary();
  int counts[4] = {0, 0, 0, 0};
  for (int i = 0; i < s.validation; ++i) {
    const ShapeScene& sc = task.validation_scenes()[size_t(i)];
    QVERIFY(!sc.objects.empty() && int(sc.objects.size()) <= objects);
    counts[sc.objects.size()]++;
    QCOMPARE(sc.relations.size() + 1, sc.objects.size());
    const Words w = caption_words(task.validation_captions()[size_t(i)], vocab);
    const CaptionParse p = parse_caption(w);
    QCOMPARE(p.objects.size(), sc.objects.size());
    QVERIFY(int(w.size()) <= shapes_longest_caption(s));
    const float* img = task.validation_images().col(i).data();
    for (size_t k = 0; k < sc.objects.size(); ++k) {
      const ShapeObject& o = sc.objects[k];
      const int px = int(o.x), py = int(o.y), plane = image * image;
      const float r = img[py * image + px], g = img[plane + py * image + px],
                  b = img[2 * plane + py * image + px];
      const char* names[] = {"red", "green", "blue", "yellow", "magenta", "cyan", "white"};
      QCOMPARE(p.objects[k].colour, std::string(names[o.colour]));
      QVERIFY2(r + g + b > 1.0f,
               qPrintable(QString("object %1 of image %2 is not drawn").arg(k).arg(i)));
      QCOMPARE(p.objects[k].size, std::string(o.large ? "large" : "small"));
    }
    for (size_t k = 0; k + 1 < sc.objects.size(); ++k) {  // one order: large, colour, shape
      const ShapeObject &o = sc.objects[k], &n = sc.objects[k + 1];
      QVERIFY(std::make_tuple(!o.large, o.colour, o.shape) <=
              std::make_tuple(!n.large, n.colour, n.shape));
    }
    for (size_t k = 0; k < sc.relations.size(); ++k) {
      const double dx = sc.objects[k].x - sc.objects[k + 1].x,
                   dy = sc.objects[k].y - sc.objects[k + 1].y;
      const char* expect =
          std::abs(dy) > std::abs(dx) ? (dy < 0 ? "above" : "below") : (dx < 0 ? "left" : "right");
      QCOMPARE(p.relations[k], std::string(expect));
    }
  }
  for (int n = 1; n <= objects; ++n) QVERIFY2(counts[n] > 0, "every object count occurs");
}

void TestCaption::batchesAreDeterministic() {
  ShapesSpec s;
  s.seed = 3;
  s.noise = 0.2;
  const ShapesTask a(s), b(s);
  ShapesSpec s2 = s;
  s2.seed = 4;
  const ShapesTask c(s2);
  const CaptionBatch a7 = a.batch(7, 8), b7 = b.batch(7, 8), a8 = a.batch(8, 8), c7 = c.batch(7, 8);
  QVERIFY(a7.images == b7.images);
  QVERIFY(a7.tgt == b7.tgt);
  QVERIFY(a7.images != a8.images);
  QVERIFY(a7.images != c7.images);
  QVERIFY2(a.validation_images() == c.validation_images(),
           "validation does not depend on the seed");
  QCOMPARE(a7.Tt * a7.B, int(a7.tgt.size()));
}

void TestCaption::badOptionsAreNamed() {
  ShapesSpec s;
  s.image = 48;
  QVERIFY_THROWS_EXCEPTION(Error, ShapesTask{s});
  try {
    ShapesTask t(s);
  } catch (const Error& e) {
    QVERIFY(QString(e.what()).contains("--image must be 32 or 64"));
  }
  CaptionConfig m;
  m.vocab = 20;
  m.attention = AttentionKind::Dot;
  m.hidden = 64;
  m.conv.blocks = {{16, 1, true}, {32, 1, false}};
  try {
    Captioner<float> x(m);
    QFAIL("dot attention with 32 channels and hidden 64 was accepted");
  } catch (const Error& e) {
    QVERIFY(QString(e.what()).contains("dot attention needs the last conv block's channels (32)"));
  }
  m.attention = AttentionKind::Additive;
  m.conv.blocks = {{4, 2, true}, {4, 2, true}, {4, 2, true}, {4, 2, true}};
  QVERIFY_THROWS_EXCEPTION(Error, Captioner<float>{m});
}

// Scores of hand-made captions: each attribute counted per reference object, in order.
void TestCaption::attributeScores() {
  const std::vector<Words> refs = {words("a small red circle above a large blue square"),
                                   words("a large green cross"),
                                   words("a small red circle left of a small blue triangle")};
  const std::vector<Words> outs = {words("a small red circle above a large blue square"),
                                   words("a small green square"),
                                   words("a small blue circle right of a small blue triangle")};
  const CaptionMetrics m = score_captions(outs, refs);
  QCOMPARE(m.objects, 5L);
  QCOMPARE(m.relations, 2L);
  QCOMPARE(m.exact, 1.0 / 3);
  QCOMPARE(m.colour, 4.0 / 5);  // the third's red circle was called blue
  QCOMPARE(m.shape, 4.0 / 5);   // the cross was called a square
  QCOMPARE(m.size, 4.0 / 5);    // the large cross was called small
  QCOMPARE(m.relation, 1.0 / 2);
  QVERIFY(m.bleu > 0.3 && m.bleu < 1.0);
  QCOMPARE(score_captions(refs, refs).bleu, 1.0);
  QVERIFY(std::isnan(score_captions({words("a red cross")}, {words("a red cross")}).relation));
}

// One shape per image: chance of an exact caption is 1/32 (2 sizes, 4 colours, 4 shapes).
void TestCaption::learnsBeyondChance() {
  CaptionTrainConfig c = smallRun(1);
  CaptionTrainer t(c);
  const CaptionValidation before = t.validate();
  for (int i = 0; i < 400; ++i) QVERIFY(!t.step().rejected);
  const CaptionValidation v = t.validate();
  qInfo(
      "after 400 steps: loss %.3f -> %.3f, exact %.3f -> %.3f, colour %.3f, shape %.3f, size %.3f",
      before.metrics.loss, v.metrics.loss, before.metrics.exact, v.metrics.exact, v.metrics.colour,
      v.metrics.shape, v.metrics.size);
  QVERIFY(v.metrics.loss < before.metrics.loss * 0.5);
  QVERIFY(v.metrics.exact > 0.3);
  QVERIFY(v.metrics.colour > 0.8);
  QVERIFY(v.metrics.size > 0.8);
  QCOMPARE(v.attention.cols(), Index(t.model().grid_height() * t.model().grid_width()));
  QCOMPARE(v.attention.rows(), Index(v.output_words.size() + 1));
  for (Index r = 0; r < v.attention.rows(); ++r)
    QVERIFY(std::abs(v.attention.row(r).sum() - 1.0) < 1e-5);
  QCOMPARE(v.dregion.rows(), Index(t.model().grid_height()));
  QVERIFY(v.dregion.sum() > 0);
}

void TestCaption::beamOfOneIsGreedy() {
  CaptionTrainer t(smallRun(2));
  for (int i = 0; i < 30; ++i) t.step();
  const Mat<float> images = t.task().validation_images().leftCols(6);
  const auto greedy = t.model().greedy(images, t.max_output());
  for (int i = 0; i < 6; ++i) {
    DecodeOptions o;
    o.beam = 1;
    o.max_len = t.max_output();
    QCOMPARE(t.model().beam(images.col(i), o).tokens, greedy[size_t(i)]);
  }
}

void TestCaption::resumeIsBitIdentical() {
  QTemporaryDir dir;
  const std::string path = dir.filePath("run.unroll").toStdString();
  CaptionTrainer straight(smallRun(2));
  for (int i = 0; i < 24; ++i) straight.step();
  CaptionTrainer first(smallRun(2));
  for (int i = 0; i < 10; ++i) first.step();
  save_caption_checkpoint(path, capture_caption(first));
  QCOMPARE(checkpoint_model_kind(path), std::string("caption"));
  auto resumed = resume_caption(load_caption_checkpoint(path));
  QCOMPARE(resumed->steps(), 10L);
  for (int i = 0; i < 14; ++i) resumed->step();
  QVERIFY2(resumed->model().params() == straight.model().params(), "weights differ after resume");
  QCOMPARE(resumed->validate().metrics.loss, straight.validate().metrics.loss);
}

void TestCaption::badCheckpointsAreNamed() {
  QTemporaryDir dir;
  const std::string path = dir.filePath("run.unroll").toStdString();
  CaptionTrainer t(smallRun(1));
  save_caption_checkpoint(path, capture_caption(t));
  auto message = [](auto&& f) {
    try {
      f();
    } catch (const Error& e) {
      return QString(e.what());
    }
    return QString("no error");
  };
  QVERIFY(message([&] { load_seq2seq_checkpoint(path); }).contains("holds an image captioner"));
  std::string bytes = read_checkpoint_bytes(path);
  bytes[bytes.size() / 2] ^= 0x5a;
  const QString damaged = message([&] { parse_caption_checkpoint(bytes, "x.unroll"); });
  QVERIFY2(damaged.contains("checkpoint 'x.unroll'") && damaged.contains("checksum"),
           qPrintable(damaged));
  QVERIFY(message([&] { load_caption_checkpoint(path + ".missing"); }).contains("cannot open"));
}

// stb_image_resize halves a 64x64 image, left half red and right half blue, to 32x32 with the
// halves' colours away from the edge between them.
void TestCaption::resizeKeepsRegions() {
  Image img;
  img.width = img.height = 64;
  img.chw.assign(3 * 64 * 64, 0.0f);
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x) img.chw[size_t(x < 32 ? 0 : 2) * 4096 + y * 64 + x] = 1.0f;
  const Image s = resize_image(img, 32, 32);
  QCOMPARE(s.width, 32);
  QCOMPARE(int(s.chw.size()), 3 * 32 * 32);
  auto px = [&](int c, int x, int y) { return s.chw[size_t(c) * 1024 + y * 32 + x]; };
  QVERIFY(std::abs(px(0, 4, 10) - 1.0f) < 1e-4f && std::abs(px(2, 4, 10)) < 1e-4f);
  QVERIFY(std::abs(px(2, 28, 20) - 1.0f) < 1e-4f && std::abs(px(0, 28, 20)) < 1e-4f);
  for (float v : s.chw) QVERIFY(v >= 0.0f && v <= 1.0f);
}

QTEST_APPLESS_MAIN(TestCaption)
#include "tst_caption.moc"
