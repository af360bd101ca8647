// The probe stream decoder on any bytes, fed in pieces whose size the first byte chooses (so
// records split across reads are covered): refused with unroll::Error or decoded, never a crash.
#include <cstdint>
#include <string>

#include "core/error.h"
#include "stream/probe_stream.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t piece = size_t(data[0] % 64) + 1;
  const char* p = reinterpret_cast<const char*>(data) + 1;
  size_t left = size - 1;
  unroll::ProbeStreamDecoder dec("fuzz.ups");
  try {
    while (left > 0) {
      const size_t n = left < piece ? left : piece;
      dec.feed(p, n);
      p += n;
      left -= n;
      while (auto r = dec.next()) {
        // Re-encoding what was decoded must not fail: decoded records are within the limits.
        (void)unroll::encode_probe_record(*r);
      }
    }
    dec.finish();
  } catch (const unroll::Error&) {
  }
  return 0;
}
