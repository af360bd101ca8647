// The text corpus on any bytes: UTF-8 decoding, vocabulary, the validation split and one batch of
// each kind; refused with unroll::Error (bad UTF-8, too short) or usable, never a crash.
#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "core/rng.h"
#include "data/text_corpus.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const auto corpus = unroll::TextCorpus::from_text(
        "fuzz.txt", std::string_view(reinterpret_cast<const char*>(data), size), 0.1);
    unroll::Rng rng(1);
    corpus.train_batch(8, 2, rng);
    if (corpus.validation_batches() > 0) corpus.validation_batch(8, 2, 0);
  } catch (const unroll::Error&) {
  }
  return 0;
}
