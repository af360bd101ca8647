// Drawing and captioning the shapes task's images.
#include "caption/shapes_task.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "core/error.h"

namespace unroll {
namespace {

const char* kShapes[] = {"circle", "square", "triangle", "cross"};
const char* kColours[] = {"red", "green", "blue", "yellow", "magenta", "cyan", "white"};
const float kRgb[][3] = {{0.95f, 0.12f, 0.1f}, {0.1f, 0.85f, 0.15f}, {0.15f, 0.35f, 1.0f},
                         {0.95f, 0.9f, 0.1f},  {0.9f, 0.15f, 0.9f},  {0.1f, 0.9f, 0.9f},
                         {1.0f, 1.0f, 1.0f}};
const char* kRelations[] = {"above", "below", "left", "right"};

uint64_t mix(uint64_t x) {  // splitmix64's finaliser
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

bool inside(const ShapeObject& o, double px, double py) {
  const double dx = px - o.x, dy = py - o.y, r = o.r;
  switch (o.shape) {
    case 0:
      return dx * dx + dy * dy <= r * r;
    case 1:
      return std::abs(dx) <= 0.8 * r && std::abs(dy) <= 0.8 * r;
    case 2:  // apex up at y - r, base at y + 0.8 r
      return dy >= -r && dy <= 0.8 * r && std::abs(dx) <= (dy + r) / 1.8;
    default:
      return (std::abs(dx) <= 0.3 * r && std::abs(dy) <= r) ||
             (std::abs(dy) <= 0.3 * r && std::abs(dx) <= r);
  }
}

}  // namespace

void ShapesSpec::validate() const {
  if (image != 32 && image != 64)
    throw Error("--image must be 32 or 64, got " + std::to_string(image));
  if (objects < 1 || objects > 3)
    throw Error("--objects must be 1, 2 or 3, got " + std::to_string(objects));
  if (colours < 2 || colours > 7)
    throw Error("--colours must be in 2..7, got " + std::to_string(colours));
  if (!(noise >= 0 && noise <= 0.5))
    throw Error("--noise must be in [0, 0.5], got " + std::to_string(noise));
  if (validation < 1 || validation > 100000)
    throw Error("--val-images must be in 1..100000, got " + std::to_string(validation));
}

const std::vector<std::string>& shapes_vocabulary() {
  static const std::vector<std::string> v = [] {
    std::vector<std::string> w = {"<bos>", "<eos>", "<unk>", "a", "small", "large", "of"};
    for (const char* s : kColours) w.push_back(s);
    for (const char* s : kShapes) w.push_back(s);
    for (const char* s : kRelations) w.push_back(s);
    return w;
  }();
  return v;
}

int shapes_word(const std::string& w) {
  const auto& v = shapes_vocabulary();
  const auto it = std::find(v.begin(), v.end(), w);
  if (it == v.end()) throw Error("'" + w + "' is not a word of the shapes captions");
  return int(it - v.begin());
}

ShapesTask::ShapesTask(const ShapesSpec& spec) : spec_(spec) {
  spec_.validate();
  // Fixed by the options, not the seed: the same validation images for every run.
  Rng rng(mix(0x5A4E5ull + uint64_t(spec_.image) * 131 + uint64_t(spec_.objects) * 17 +
              uint64_t(spec_.colours) * 7 + (spec_.sizes ? 1 : 0)));
  const int side = spec_.image;
  val_images_.resize(3 * side * side, spec_.validation);
  for (int i = 0; i < spec_.validation; ++i) {
    val_scenes_.push_back(random_scene(rng));
    render(val_scenes_.back(), rng, val_images_.col(i).data());
    val_ids_.push_back(caption_ids(val_scenes_.back()));
  }
}

ShapeScene ShapesTask::random_scene(Rng& rng) const {
  const double side = spec_.image, unit = side / 32.0;
  const int n = 1 + int(rng.below(uint64_t(spec_.objects)));
  for (;;) {
    ShapeScene s;
    for (int i = 0; i < n; ++i) {
      ShapeObject o;
      o.shape = int(rng.below(4));
      o.colour = int(rng.below(uint64_t(spec_.colours)));
      o.large = spec_.sizes && rng.below(2) == 1;
      o.r = unit * (spec_.sizes ? (o.large ? 6.0 : 3.6) : 4.8);
      o.x = rng.uniform(o.r + 1, side - o.r - 1);
      o.y = rng.uniform(o.r + 1, side - o.r - 1);
      s.objects.push_back(o);
    }
    // One caption per scene: large before small, then by colour, then by shape (list order),
    // then top to bottom and left to right.
    std::sort(s.objects.begin(), s.objects.end(), [](const ShapeObject& a, const ShapeObject& b) {
      return std::make_tuple(!a.large, a.colour, a.shape, a.y, a.x) <
             std::make_tuple(!b.large, b.colour, b.shape, b.y, b.x);
    });
    bool ok = true;
    for (int i = 0; i < n && ok; ++i)
      for (int j = i + 1; j < n && ok; ++j) {
        const auto &a = s.objects[i], &b = s.objects[j];
        ok = std::hypot(a.x - b.x, a.y - b.y) > a.r + b.r + 1.5 * unit;
      }
    for (int i = 0; i + 1 < n && ok; ++i) {
      const double dx = s.objects[i].x - s.objects[i + 1].x,
                   dy = s.objects[i].y - s.objects[i + 1].y;
      if (std::abs(dy) >= 1.5 * std::abs(dx))
        s.relations.push_back(dy < 0 ? 0 : 1);  // image y grows downwards
      else if (std::abs(dx) >= 1.5 * std::abs(dy))
        s.relations.push_back(dx < 0 ? 2 : 3);
      else
        ok = false;
    }
    if (ok) return s;
  }
}

void ShapesTask::render(const ShapeScene& s, Rng& rng, float* chw) const {
  const int side = spec_.image, plane = side * side;
  for (int i = 0; i < 3 * plane; ++i)
    chw[i] = spec_.noise > 0 ? float(rng.uniform(0, spec_.noise)) : 0.0f;
  for (const ShapeObject& o : s.objects)
    for (int y = 0; y < side; ++y)
      for (int x = 0; x < side; ++x)
        if (inside(o, x + 0.5, y + 0.5))
          for (int c = 0; c < 3; ++c) chw[c * plane + y * side + x] = kRgb[o.colour][c];
}

std::vector<std::string> ShapesTask::caption_words(const ShapeScene& s) const {
  std::vector<std::string> w;
  for (size_t i = 0; i < s.objects.size(); ++i) {
    const ShapeObject& o = s.objects[i];
    w.push_back("a");
    if (spec_.sizes) w.push_back(o.large ? "large" : "small");
    w.push_back(kColours[o.colour]);
    w.push_back(kShapes[o.shape]);
    if (i < s.relations.size()) {
      w.push_back(kRelations[s.relations[i]]);
      if (s.relations[i] >= 2) w.push_back("of");
    }
  }
  return w;
}

std::vector<int32_t> ShapesTask::caption_ids(const ShapeScene& s) const {
  std::vector<int32_t> ids;
  for (const std::string& w : caption_words(s)) ids.push_back(shapes_word(w));
  ids.push_back(kEos);
  return ids;
}

int shapes_longest_caption(const ShapesSpec& spec) {
  const int per = spec.sizes ? 4 : 3;                  // a [size] colour shape
  return spec.objects * per + (spec.objects - 1) * 2;  // relations: "left of" is two words
}

const std::vector<std::string>& ShapesTask::words() const { return shapes_vocabulary(); }

int ShapesTask::longest_caption() const { return shapes_longest_caption(spec_); }

std::string ShapesTask::describe() const {
  return "shapes " + std::to_string(spec_.image) + "x" + std::to_string(spec_.image) + ", 1-" +
         std::to_string(spec_.objects) + " objects, " + std::to_string(val_images_.cols()) +
         " validation images";
}

CaptionBatch make_caption_batch(const Mat<float>& images,
                                const std::vector<std::vector<int32_t>>& captions,
                                const std::vector<int>& which) {
  CaptionBatch b;
  b.B = int(which.size());
  b.images.resize(images.rows(), b.B);
  for (int j = 0; j < b.B; ++j) {
    b.images.col(j) = images.col(which[size_t(j)]);
    b.Tt = std::max(b.Tt, int(captions[size_t(which[size_t(j)])].size()));
  }
  b.tgt.assign(size_t(b.Tt) * b.B, -1);
  for (int j = 0; j < b.B; ++j) {
    const auto& c = captions[size_t(which[size_t(j)])];
    for (size_t t = 0; t < c.size(); ++t) b.tgt[t * size_t(b.B) + size_t(j)] = c[t];
  }
  return b;
}

CaptionBatch ShapesTask::batch(long index, int B) const {
  Rng rng(mix(mix(spec_.seed) ^ uint64_t(index)));
  const int side = spec_.image;
  Mat<float> images(3 * side * side, B);
  std::vector<std::vector<int32_t>> captions;
  std::vector<int> which;
  for (int b = 0; b < B; ++b) {
    const ShapeScene s = random_scene(rng);
    render(s, rng, images.col(b).data());
    captions.push_back(caption_ids(s));
    which.push_back(b);
  }
  return make_caption_batch(images, captions, which);
}

}  // namespace unroll
