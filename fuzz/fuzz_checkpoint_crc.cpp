// The checkpoint reader past its checksum: the last four bytes are replaced by the CRC of the
// rest, as anyone crafting a file would do, so the header, blob table and sections are reached.
#include <cstdint>
#include <cstring>
#include <string>

#include "core/error.h"
#include "io/checkpoint.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.size() >= 4) {
    const uint32_t crc = unroll::crc32(bytes.data(), bytes.size() - 4);
    std::memcpy(bytes.data() + bytes.size() - 4, &crc, 4);
  }
  try {
    unroll::parse_checkpoint(bytes, "fuzz");
  } catch (const unroll::Error&) {
  }
  return 0;
}
