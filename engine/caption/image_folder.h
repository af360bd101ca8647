// The "images" captioning task: a folder of PNG or JPEG files and a captions CSV of `file,caption`
// lines (an optional `file,caption` header; a caption in double quotes may hold commas; several
// lines may name one file: several captions per image). Every image is decoded by stb_image and
// resized to side x side (stb_image_resize); captions are lower-cased words, with . , ; : ! ?
// stripped from their ends. A fixed share of the images (chosen by the file list, not the seed) is
// held out for validation, scored against its first caption; training batch i draws (image,
// caption) pairs with a generator seeded by (seed, i). A missing file, an undecodable image, a
// line without a file or without a caption is refused naming the CSV's line.
#pragma once
#include <string>
#include <vector>

#include "caption/caption_data.h"

namespace unroll {

struct ImageFolderSpec {
  std::string folder;         // --data FOLDER: the CSV's file names are relative to it
  std::string captions;       // --captions FILE.csv
  int image = 32;             // side the images are resized to: 32 or 64
  double val_fraction = 0.1;  // of the images, at least one
  uint64_t seed = 1;          // training batches
  void validate() const;      // throws unroll::Error naming the bad option
};

class ImageFolderTask : public CaptionData {
 public:
  explicit ImageFolderTask(const ImageFolderSpec& spec);  // reads everything; throws as above
  CaptionBatch batch(long index, int B) const override;
  const Mat<float>& validation_images() const override { return val_images_; }
  const std::vector<std::vector<int32_t>>& validation_captions() const override {
    return val_captions_;
  }
  const std::vector<std::string>& words() const override { return words_; }
  int longest_caption() const override { return longest_; }
  int image_side() const override { return spec_.image; }
  std::string describe() const override;
  long training_pairs() const { return long(train_captions_.size()); }

 private:
  ImageFolderSpec spec_;
  std::vector<std::string> words_;
  Mat<float> train_images_, val_images_;
  std::vector<std::vector<int32_t>> train_captions_, val_captions_;
  std::vector<int> train_image_;  // [pair] its column of train_images_
  int longest_ = 0;
};

// Lower-cased words of a caption, punctuation stripped from their ends.
std::vector<std::string> caption_text_words(const std::string& caption);

}  // namespace unroll
