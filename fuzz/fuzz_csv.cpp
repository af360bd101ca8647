// The CSV series reader on any bytes, under each header mode and missing-value policy (chosen by
// the first byte): refused with unroll::Error or read, never a crash.
#include <cstdint>
#include <sstream>
#include <string>

#include "core/error.h"
#include "data/csv_series.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  unroll::CsvOptions o;
  const uint8_t mode = data[0];
  o.header = unroll::CsvOptions::Header(mode % 3);
  o.missing = unroll::CsvOptions::Missing((mode / 3) % 3);
  o.keep_dates = mode & 0x40;
  if (mode & 0x80) o.date_column = "date";
  o.max_rows = 100000;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  try {
    unroll::read_csv_series(in, "fuzz.csv", o);
  } catch (const unroll::Error&) {
  }
  return 0;
}
