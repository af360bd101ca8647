// unroll-cli connectivity: how much the prediction after a text depends on each of its characters,
// ||dL_t/dx_k|| for every earlier input k (exact, one backward pass), as CSV.
#include <cstdio>
#include <iostream>

#include "args.h"
#include "commands.h"
#include "core/error.h"
#include "csv_cell.h"
#include "model_checkpoint.h"
#include "telemetry/connectivity.h"

namespace unroll::cli {
namespace {

const char* kConnectivityHelp =
    R"(usage: unroll-cli connectivity --checkpoint FILE.unroll --text TEXT [--position N]
  Prints k,char,grad_norm: for the prediction made after the last character of TEXT (or after
  character N, counted from 0), the norm of the gradient of its loss with respect to each input
  character k <= N. The loss is taken against the character the model predicts there.
  --text TEXT           the characters fed to the model, from a zero state
  --position N          the input after which the prediction is explained (the last)
)";

}  // namespace

int connectivity_command(const std::vector<std::string>& argv) {
  const Args a(argv, {"checkpoint", "text", "position"}, {"help"});
  if (a.has("help")) {
    std::cout << kConnectivityHelp;
    return 0;
  }
  if (!a.has("checkpoint")) throw Error("--checkpoint FILE.unroll is required (see --help)");
  if (!a.has("text")) throw Error("--text TEXT is required: the characters to explain");
  const LoadedModel m = load_model(a.str("checkpoint", ""));
  if (m.net->config().head != HeadKind::Softmax || m.net->config().input == InputKind::Dense)
    throw Error("'" + m.path + "' is a series model; connectivity explains a character model");
  const Vocabulary vocabulary = m.vocabulary("connectivity");
  const std::vector<int32_t> ids = vocabulary.encode(a.str("text", ""), "--text");
  if (ids.empty()) throw Error("--text is empty; give at least one character");
  const int last = int(ids.size()) - 1;
  const int position = int(a.integer("position", last, 0, 100000000));
  if (position > last)
    throw Error("--position " + std::to_string(position) + " is past the text's last character (" +
                std::to_string(last) + "); give 0 to " + std::to_string(last));
  Batch b;
  b.steps = position + 1;
  b.batch = 1;
  b.tokens.assign(ids.begin(), ids.begin() + position + 1);
  b.targets.assign(size_t(b.steps), -1);  // explain the model's own prediction
  b.loss_begin = position;
  const ConnectivityMap map = connectivity(*m.net, b, 0, {position});
  std::printf("k,char,grad_norm\n");
  for (int k = 0; k <= position; ++k)
    std::printf("%d,%s,%.6g\n", k, csv_char_cell(vocabulary.text(b.tokens[size_t(k)])).c_str(),
                map.grad(k, 0));
  std::fprintf(stderr, "predicted after position %d: %s\n", position,
               vocabulary.text(map.targets[0]).c_str());
  return 0;
}

}  // namespace unroll::cli
