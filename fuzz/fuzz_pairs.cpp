// The sentence-pair TSV reader on any bytes, strict or skipping bad lines (the first byte's low
// bit), then tokenized both ways into vocabularies and batches: refused with unroll::Error or
// read, never a crash.
#include <cstdint>
#include <string>

#include "core/error.h"
#include "seq2seq/pairs_data.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  unroll::TsvOptions o;
  o.skip_bad = data[0] & 1;
  o.max_line = 256;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    const unroll::TsvResult r = unroll::parse_pairs_tsv(text, "fuzz.tsv", o);
    for (unroll::TokenMode m : {unroll::TokenMode::Char, unroll::TokenMode::Word}) {
      try {
        const auto d = unroll::PairsData::build(r.pairs, m, 0.2, 1);
        for (const auto& g : unroll::group_by_length(d.train, 4)) unroll::make_batch(d.train, g);
      } catch (const unroll::Error&) {
      }
    }
  } catch (const unroll::Error&) {
  }
  return 0;
}
