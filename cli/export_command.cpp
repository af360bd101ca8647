// unroll-cli export: a checkpoint as PyTorch safetensors, ONNX, or metrics CSVs.
#include <filesystem>
#include <iostream>

#include "args.h"
#include "caption_commands.h"
#include "commands.h"
#include "core/error.h"
#include "io/checkpoint.h"
#include "io/metrics_csv.h"
#include "io/onnx_export.h"
#include "io/safetensors.h"
#include "seq2seq_commands.h"

namespace unroll::cli {
namespace {

const char* kExportHelp = R"(usage: unroll-cli export --checkpoint FILE.unroll --format F --out PATH
  --format safetensors   weights under PyTorch state_dict names, config in __metadata__
                         (scripts/load_in_pytorch.py builds the torch model from it)
  --format onnx          opset 14 graph: tokens/inputs, h0[, c0] -> logits, probabilities, hn[, cn]
  --format csv           the checkpoint's metrics history, one row per step
  --timestep-grads FILE  with csv: also the per-timestep gradient norms (step,layer,t,...)
)";

void check_folder(const std::string& path, const char* option) {
  const auto dir = std::filesystem::path(path).parent_path();
  if (!dir.empty() && !std::filesystem::is_directory(dir))
    throw Error(std::string(option) + ": folder '" + dir.string() + "' does not exist");
}

}  // namespace

int export_command(const std::vector<std::string>& argv) {
  if (wants_caption(argv)) return caption_export_command(argv);  // an image captioner
  if (wants_seq2seq(argv)) return seq2seq_export_command(argv);  // an encoder-decoder
  const Args a(argv, {"checkpoint", "format", "out", "timestep-grads"}, {"help"});
  if (a.has("help")) {
    std::cout << kExportHelp;
    return 0;
  }
  if (!a.has("checkpoint")) throw Error("--checkpoint FILE.unroll is required");
  if (!a.has("out")) throw Error("--out PATH is required");
  const std::string format = a.str("format", "");
  if (format != "safetensors" && format != "onnx" && format != "csv")
    throw Error("--format must be one of: safetensors, onnx, csv" +
                (format.empty() ? std::string() : ", got '" + format + "'"));
  if (a.has("timestep-grads") && format != "csv")
    throw Error("--timestep-grads goes with --format csv");
  const std::string out = a.str("out", "");
  check_folder(out, "--out");
  if (a.has("timestep-grads")) check_folder(a.str("timestep-grads", ""), "--timestep-grads");
  const Checkpoint c = load_checkpoint(a.str("checkpoint", ""));
  if (format == "safetensors") {
    write_safetensors(out, c);
  } else if (format == "onnx") {
    write_onnx(out, c);
  } else {
    if (c.history.rows() == 0)
      throw Error("checkpoint '" + a.str("checkpoint", "") + "' has no metrics history");
    write_file_atomically(out, metrics_csv(c.history));
    if (a.has("timestep-grads"))
      write_file_atomically(a.str("timestep-grads", ""), timestep_grads_csv(c.history));
  }
  return 0;
}

}  // namespace unroll::cli
