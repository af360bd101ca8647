// CRC-32 with the reflected polynomial 0xEDB88320, one table lookup per byte.
#include "core/crc32.h"

#include <array>
#include <fstream>
#include <vector>

#include "core/error.h"

namespace unroll {

uint32_t crc32(const char* data, size_t n) { return crc32_update(0, data, n); }

uint32_t crc32_update(uint32_t crc, const char* data, size_t n) {
  static const auto table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  uint32_t c = crc ^ 0xFFFFFFFFu;
  for (size_t i = 0; i < n; ++i) c = table[(c ^ uint8_t(data[i])) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

uint32_t file_crc32(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read data file '" + path + "'");
  std::vector<char> chunk(1 << 20);
  uint32_t crc = crc32(nullptr, 0);
  while (in) {
    in.read(chunk.data(), std::streamsize(chunk.size()));
    crc = crc32_update(crc, chunk.data(), size_t(in.gcount()));
  }
  if (in.bad()) throw Error("cannot read data file '" + path + "' to the end");
  return crc;
}

}  // namespace unroll
