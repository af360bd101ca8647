// unroll-cli: train, evaluate, sample and export recurrent networks without the studio.
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "caption_commands.h"
#include "commands.h"
#include "core/error.h"
#include "seq2seq_commands.h"

namespace {

const char* kUsage = R"(usage: unroll-cli COMMAND [options]
commands:
  train     train a model (unroll-cli train --help); --task pairs|dates|numbers|reorder
            trains an encoder-decoder (unroll-cli train --task reorder --help), --task shapes
            an image captioner (unroll-cli train --task shapes --help)
  export    a checkpoint as safetensors, ONNX or metrics CSV (unroll-cli export --help)
  sample    text from a character model (unroll-cli sample --help)
  eval      loss=X of a text file under a character model (unroll-cli eval --help)
  forecast  a series model against the naive baseline (unroll-cli forecast --help)
  sweep     accuracy vs lag for RNN, LSTM and GRU (unroll-cli sweep --help); with
            --task reorder: an encoder-decoder's exact accuracy vs sentence length
  translate an encoder-decoder checkpoint's output for a text (unroll-cli translate --help)
  caption   an image captioner's caption of a PNG or JPEG (unroll-cli caption --help); train one
            with unroll-cli train --task shapes
  connectivity  what a prediction depends on, input by input (unroll-cli connectivity --help)
  attach    follow a PyTorch run's probe stream (unroll-cli attach --help)
)";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const std::string command = argv[1];
  const std::vector<std::string> rest(argv + 2, argv + argc);
  try {
    if (command == "train") return unroll::cli::train_command(rest);
    if (command == "export") return unroll::cli::export_command(rest);
    if (command == "sample") return unroll::cli::sample_command(rest);
    if (command == "eval") return unroll::cli::eval_command(rest);
    if (command == "forecast") return unroll::cli::forecast_command(rest);
    if (command == "sweep") return unroll::cli::sweep_command(rest);
    if (command == "connectivity") return unroll::cli::connectivity_command(rest);
    if (command == "translate") return unroll::cli::translate_command(rest);
    if (command == "caption") return unroll::cli::caption_command(rest);
    if (command == "attach") return unroll::cli::attach_command(rest);
    if (command == "--help" || command == "help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    std::cerr << "unroll-cli: unknown command '" << command
              << "' (expected: train, export, sample, eval, forecast, sweep, translate, "
                 "caption, connectivity, attach)\n";
    return 2;
  } catch (const unroll::Error& e) {
    std::cerr << "unroll-cli " << command << ": " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "unroll-cli " << command << ": " << e.what() << '\n';
    return 1;
  }
}
