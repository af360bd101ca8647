// A built-in English text for character language-model demos, and the TextCorpus made from it.
#pragma once
#include <string_view>

#include "data/text_corpus.h"

namespace unroll {

// Original prose written for this project (about 45 KB of ASCII, under 100 distinct characters):
// varied but coherent enough that a small char-LSTM learns words and punctuation in minutes.
std::string_view builtin_sample_text();

// builtin_sample_text() as a task named "builtin".
TextCorpus builtin_corpus(double val_fraction = 0.1);

}  // namespace unroll
