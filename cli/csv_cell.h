// One character of a model's vocabulary as a CSV cell, for the commands that print characters
// (sample --activations, connectivity): quoted, with line ends and tabs written as \n and \t so
// that every row stays on one line.
#pragma once
#include <string>

namespace unroll::cli {

inline std::string csv_char_cell(const std::string& ch) {
  if (ch == "\n") return "\"\\n\"";
  if (ch == "\t") return "\"\\t\"";
  if (ch == "\"") return "\"\"\"\"";
  return "\"" + ch + "\"";
}

}  // namespace unroll::cli
