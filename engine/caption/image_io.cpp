// Decoding and encoding images with stb_image and stb_image_write (Debian's libstb).
#include "caption/image_io.h"

#include <stb_image.h>
#include <stb_image_resize.h>
#include <stb_image_write.h>

#include <cmath>
#include <fstream>

#include "core/error.h"
#include "io/atomic_file.h"

namespace unroll {

Image load_image(const std::string& path) {
  {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) throw Error("cannot open image '" + path + "': check the path");
  }
  int w = 0, h = 0, n = 0;
  unsigned char* data = stbi_load(path.c_str(), &w, &h, &n, 3);
  if (!data)
    throw Error("cannot decode image '" + path + "' (" + stbi_failure_reason() +
                "): give a PNG or JPEG file");
  Image img;
  img.width = w;
  img.height = h;
  img.channels = 3;
  img.chw.resize(size_t(3) * w * h);
  const size_t plane = size_t(w) * h;
  for (size_t p = 0; p < plane; ++p)
    for (int c = 0; c < 3; ++c) img.chw[c * plane + p] = float(data[p * 3 + c]) / 255.0f;
  stbi_image_free(data);
  return img;
}

void save_png(const std::string& path, const Image& img) {
  if (img.channels != 3 || img.chw.size() != size_t(3) * img.width * img.height)
    throw Error("cannot write '" + path + "': the image is not RGB of its size");
  const size_t plane = size_t(img.width) * img.height;
  std::vector<unsigned char> rgb(plane * 3);
  for (size_t p = 0; p < plane; ++p)
    for (int c = 0; c < 3; ++c) {
      const float v = std::min(1.0f, std::max(0.0f, img.chw[c * plane + p]));
      rgb[p * 3 + c] = static_cast<unsigned char>(std::lround(v * 255.0f));
    }
  std::string bytes;
  auto sink = [](void* ctx, void* data, int size) {
    static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), size_t(size));
  };
  if (!stbi_write_png_to_func(sink, &bytes, img.width, img.height, 3, rgb.data(), img.width * 3))
    throw Error("cannot encode '" + path + "' as PNG");
  write_file_atomically(path, bytes);
}

Image resize_image(const Image& img, int width, int height) {
  if (img.width == width && img.height == height) return img;
  Image out;
  out.width = width;
  out.height = height;
  out.channels = img.channels;
  out.chw.resize(size_t(img.channels) * width * height);
  for (int c = 0; c < img.channels; ++c)
    if (!stbir_resize_float(img.chw.data() + size_t(c) * img.width * img.height, img.width,
                            img.height, 0, out.chw.data() + size_t(c) * width * height, width,
                            height, 0, 1))
      throw Error("cannot resize an image of " + std::to_string(img.width) + "x" +
                  std::to_string(img.height) + " pixels");
  for (float& v : out.chw) v = std::min(1.0f, std::max(0.0f, v));  // the filter overshoots
  return out;
}

Image upscale(const Image& img, int f) {
  Image out;
  out.width = img.width * f;
  out.height = img.height * f;
  out.channels = img.channels;
  out.chw.resize(size_t(out.channels) * out.width * out.height);
  for (int c = 0; c < img.channels; ++c)
    for (int y = 0; y < out.height; ++y)
      for (int x = 0; x < out.width; ++x)
        out.chw[(size_t(c) * out.height + y) * out.width + x] =
            img.chw[(size_t(c) * img.height + y / f) * img.width + x / f];
  return out;
}

}  // namespace unroll
