// The checkpoint reader on any bytes: it must refuse with unroll::Error, never crash, hang or
// allocate without bound. Most mutations break the CRC, so this explores the framing checks;
// fuzz_checkpoint_crc fixes the CRC up to reach the header and blobs.
#include <cstdint>
#include <string>

#include "core/error.h"
#include "io/checkpoint.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    unroll::parse_checkpoint(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
  } catch (const unroll::Error&) {
  }
  return 0;
}
