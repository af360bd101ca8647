// Where a captioner's images and captions come from: the shapes task (shapes_task.h) draws them,
// an image folder (image_folder.h) reads them. Training batch i is a function of the data and i
// alone (so a resumed run sees the same batches); the validation images are fixed.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "caption/captioner.h"

namespace unroll {

class CaptionData {
 public:
  virtual ~CaptionData() = default;
  virtual CaptionBatch batch(long index, int B) const = 0;
  virtual const Mat<float>& validation_images() const = 0;  // (3 side^2, N), CHW in [0, 1]
  // Each validation image's caption: word ids, then kEos.
  virtual const std::vector<std::vector<int32_t>>& validation_captions() const = 0;
  virtual const std::vector<std::string>& words() const = 0;  // id order; <bos>, <eos>, <unk>
  virtual int longest_caption() const = 0;                    // words, <eos> not counted
  virtual int image_side() const = 0;
  virtual std::string describe() const = 0;  // one line for the CLI
};

}  // namespace unroll
