// Reading an image folder and its captions CSV.
#include "caption/image_folder.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <numeric>

#include "caption/image_io.h"
#include "caption/shapes_task.h"
#include "core/error.h"
#include "seq2seq/translation_metrics.h"

namespace unroll {
namespace {

uint64_t mix(uint64_t x) {  // splitmix64's finaliser
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

struct Line {
  long number = 0;
  std::string file, caption;
};

std::vector<Line> read_csv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open captions file '" + path + "': check the path");
  std::vector<Line> lines;
  std::string text;
  long n = 0;
  while (std::getline(in, text)) {
    ++n;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    if (n == 1 && text == "file,caption") continue;
    const std::string at = path + ":" + std::to_string(n) + ": ";
    const auto comma = text.find(',');
    if (comma == std::string::npos) throw Error(at + "no comma: lines are file,caption");
    Line l;
    l.number = n;
    l.file = text.substr(0, comma);
    l.caption = text.substr(comma + 1);
    if (l.caption.size() >= 2 && l.caption.front() == '"' && l.caption.back() == '"') {
      std::string unquoted;
      for (size_t i = 1; i + 1 < l.caption.size(); ++i) {
        unquoted += l.caption[i];
        if (l.caption[i] == '"' && l.caption[i + 1] == '"') ++i;  // "" is one quote
      }
      l.caption = unquoted;
    }
    if (l.file.empty()) throw Error(at + "the file field is empty (a caption without a file)");
    if (caption_text_words(l.caption).empty()) throw Error(at + "the caption is empty");
    lines.push_back(std::move(l));
  }
  if (lines.empty()) throw Error("captions file '" + path + "' has no file,caption lines");
  return lines;
}

}  // namespace

std::vector<std::string> caption_text_words(const std::string& caption) {
  std::vector<std::string> out;
  for (std::string w : split_words(caption)) {
    for (char& ch : w) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    const std::string strip = ".,;:!?";
    while (!w.empty() && strip.find(w.back()) != std::string::npos) w.pop_back();
    while (!w.empty() && strip.find(w.front()) != std::string::npos) w.erase(w.begin());
    if (!w.empty()) out.push_back(w);
  }
  return out;
}

void ImageFolderSpec::validate() const {
  if (folder.empty()) throw Error("--task images needs --data FOLDER (the images)");
  if (captions.empty()) throw Error("--task images needs --captions FILE.csv (file,caption lines)");
  if (image != 32 && image != 64)
    throw Error("--image must be 32 or 64, got " + std::to_string(image));
  if (!(val_fraction > 0 && val_fraction < 1))
    throw Error("--val-fraction must be in (0, 1), got " + std::to_string(val_fraction));
}

ImageFolderTask::ImageFolderTask(const ImageFolderSpec& spec) : spec_(spec) {
  spec_.validate();
  const std::vector<Line> lines = read_csv(spec_.captions);
  words_ = {"<bos>", "<eos>", "<unk>"};
  std::map<std::string, int> index;
  std::vector<std::string> files;  // in first-appearance order
  std::map<std::string, std::vector<std::vector<int32_t>>> captions;
  std::map<std::string, long> first_line;
  for (const Line& l : lines) {
    std::vector<int32_t> ids;
    for (const std::string& w : caption_text_words(l.caption)) {
      auto it = index.find(w);
      if (it == index.end()) {
        it = index.emplace(w, int(words_.size())).first;
        words_.push_back(w);
      }
      ids.push_back(it->second);
    }
    longest_ = std::max(longest_, int(ids.size()));
    ids.push_back(kEos);
    if (!captions.count(l.file)) {
      files.push_back(l.file);
      first_line[l.file] = l.number;
    }
    captions[l.file].push_back(std::move(ids));
  }
  if (files.size() < 2)
    throw Error("captions file '" + spec_.captions +
                "' names one image: give at least two (one is held out for validation)");
  // The held-out images depend on the file list only.
  std::vector<size_t> order(files.size());
  std::iota(order.begin(), order.end(), 0);
  Rng pick(mix(files.size() * 0x9E37ull + 17));
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[pick.below(i)]);
  const size_t n_val = std::max<size_t>(
      1, std::min(files.size() - 1, size_t(double(files.size()) * spec_.val_fraction + 0.5)));
  std::vector<char> is_val(files.size(), 0);
  for (size_t i = 0; i < n_val; ++i) is_val[order[i]] = 1;
  const int side = spec_.image, rows = 3 * side * side;
  train_images_.resize(rows, Index(files.size() - n_val));
  val_images_.resize(rows, Index(n_val));
  Index tcol = 0, vcol = 0;
  for (size_t f = 0; f < files.size(); ++f) {
    const std::string path = (spec_.folder.empty() || spec_.folder.back() == '/')
                                 ? spec_.folder + files[f]
                                 : spec_.folder + "/" + files[f];
    std::vector<float> px;
    try {
      px = resize_image(load_image(path), side, side).chw;
    } catch (const Error& e) {
      throw Error(spec_.captions + ":" + std::to_string(first_line[files[f]]) + ": " + e.what());
    }
    const Eigen::Map<const Mat<float>> v(px.data(), rows, 1);
    if (is_val[f]) {
      val_images_.col(vcol++) = v;
      val_captions_.push_back(captions[files[f]].front());
    } else {
      train_images_.col(tcol) = v;
      for (auto& c : captions[files[f]]) {
        train_captions_.push_back(c);
        train_image_.push_back(int(tcol));
      }
      ++tcol;
    }
  }
}

CaptionBatch ImageFolderTask::batch(long index, int B) const {
  Rng rng(mix(mix(spec_.seed) ^ uint64_t(index)));
  std::vector<std::vector<int32_t>> caps;
  Mat<float> images(train_images_.rows(), B);
  std::vector<int> which;
  for (int b = 0; b < B; ++b) {
    const size_t pair = size_t(rng.below(train_captions_.size()));
    images.col(b) = train_images_.col(train_image_[pair]);
    caps.push_back(train_captions_[pair]);
    which.push_back(b);
  }
  return make_caption_batch(images, caps, which);
}

std::string ImageFolderTask::describe() const {
  return "images '" + spec_.folder + "' resized to " + std::to_string(spec_.image) + "x" +
         std::to_string(spec_.image) + ", " + std::to_string(train_images_.cols()) +
         " training images (" + std::to_string(train_captions_.size()) + " captions), " +
         std::to_string(val_images_.cols()) + " validation images, " +
         std::to_string(words_.size()) + " words";
}

}  // namespace unroll
