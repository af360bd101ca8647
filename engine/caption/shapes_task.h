// The "shapes" captioning task: images the engine draws (no downloads) of 1 to 3 shapes (circle,
// square, triangle, cross) in a few colours and two sizes, on a plain or noisy background, with
// template captions such as "a large blue square below a small red circle". The objects are named
// in one fixed order, so a scene has one caption: large before small, then by colour, then by shape
// (the lists' order: red, green, blue, ...; circle, square, triangle, cross). Each relation says
// where an object is relative to the next one (above, below, left of, right of), and the objects
// are placed so that it is clear (one offset at least 1.5 times the other). Training batch i is a
// function of (seed, i) alone, so a resumed run sees the same images; the validation images are
// fixed by the task's options (not the seed), so runs with different seeds compare.
#pragma once
#include <string>
#include <vector>

#include "caption/caption_data.h"

namespace unroll {

struct ShapesSpec {
  int image = 32;         // side in pixels: 32 or 64
  int objects = 2;        // each image has 1 .. objects shapes (1-3)
  int colours = 4;        // the first K of red, green, blue, yellow, magenta, cyan, white (2-7)
  bool sizes = true;      // small and large shapes, named in the caption
  double noise = 0.0;     // background: uniform noise in [0, noise] per pixel (0: plain black)
  int validation = 256;   // fixed validation images
  uint64_t seed = 1;      // training images
  void validate() const;  // throws unroll::Error naming the bad option
};

struct ShapeObject {
  int shape = 0;   // circle, square, triangle, cross
  int colour = 0;  // index into the colour words
  bool large = false;
  double x = 0, y = 0, r = 0;  // centre and radius in pixels
};

struct ShapeScene {
  std::vector<ShapeObject> objects;
  std::vector<int> relations;  // [i] object i relative to object i+1: above, below, left, right
};

// The caption words: <bos>, <eos>, <unk> (kBos, kEos, kTgtUnk), then the template's words.
const std::vector<std::string>& shapes_vocabulary();
int shapes_word(const std::string& w);  // its id; throws for a word outside the vocabulary

class ShapesTask : public CaptionData {
 public:
  explicit ShapesTask(const ShapesSpec& spec);  // validates; draws the validation images
  const ShapesSpec& spec() const { return spec_; }

  ShapeScene random_scene(Rng& rng) const;
  // Image (3 * side * side, CHW, values in [0, 1]); the noise comes from rng.
  void render(const ShapeScene& s, Rng& rng, float* chw) const;
  std::vector<std::string> caption_words(const ShapeScene& s) const;
  std::vector<int32_t> caption_ids(const ShapeScene& s) const;  // words, then kEos

  // Training batch number index of B images.
  CaptionBatch batch(long index, int B) const override;
  const Mat<float>& validation_images() const override { return val_images_; }
  const std::vector<std::vector<int32_t>>& validation_captions() const override { return val_ids_; }
  const std::vector<std::string>& words() const override;  // shapes_vocabulary()
  int longest_caption() const override;                    // shapes_longest_caption(spec)
  int image_side() const override { return spec_.image; }
  std::string describe() const override;
  const std::vector<ShapeScene>& validation_scenes() const { return val_scenes_; }

 private:
  ShapesSpec spec_;
  Mat<float> val_images_;
  std::vector<std::vector<int32_t>> val_ids_;
  std::vector<ShapeScene> val_scenes_;
};

// Words (without <eos>) of the longest caption the task writes: all its objects, sized.
int shapes_longest_caption(const ShapesSpec& spec);

// A batch of the given images and captions (ids ending in kEos), padded with -1.
CaptionBatch make_caption_batch(const Mat<float>& images,
                                const std::vector<std::vector<int32_t>>& captions,
                                const std::vector<int>& which);

}  // namespace unroll
