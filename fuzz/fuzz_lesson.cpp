// The lesson reader on any bytes: a lesson or an unroll::Error naming the file and the problem,
// never another exception (a JSON library error escaping is a finding) or a crash.
#include <cstdint>
#include <string>

#include "core/error.h"
#include "teach/lesson.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    unroll::parse_lesson(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
  } catch (const unroll::Error&) {
  }
  return 0;
}
