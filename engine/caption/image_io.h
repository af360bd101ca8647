// Images in and out of the engine without Qt: PNG and JPEG decoded by Debian's stb_image (libstb),
// PNG written by stb_image_write through write_file_atomically. Pixels are float CHW in [0, 1].
#pragma once
#include <string>
#include <vector>

namespace unroll {

struct Image {
  int width = 0, height = 0, channels = 3;
  std::vector<float> chw;  // (channels * height * width), channel-major, in [0, 1]
};

// RGB (grey and alpha images are converted). Throws unroll::Error naming the path: a missing or
// unreadable file, or one stb_image cannot decode (with its reason).
Image load_image(const std::string& path);
// An 8-bit RGB PNG of img (3 channels), atomically. Throws unroll::Error naming the path.
void save_png(const std::string& path, const Image& img);
// width x height, each channel resampled on its own by stb_image_resize (the same size: a copy).
Image resize_image(const Image& img, int width, int height);
// Nearest-neighbour upscaling by an integer factor (for looking at 32x32 images).
Image upscale(const Image& img, int factor);

}  // namespace unroll
