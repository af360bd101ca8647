// unroll-cli sample: text from a trained character model, with a prime, temperature and seed.
#include <fstream>
#include <iostream>

#include "args.h"
#include "commands.h"
#include "core/error.h"
#include "csv_cell.h"
#include "model_checkpoint.h"
#include "train/sampler.h"

namespace unroll::cli {
namespace {

const char* kSampleHelp = R"(usage: unroll-cli sample --checkpoint FILE.unroll [options]
  --prime TEXT          text fed to the model first, printed before the sample ("")
  --temperature X       1 samples the model's distribution, lower is safer, 0 is argmax (1)
  --length N            characters to generate (200)
  --seed S              seed of the draws (1)
  --unit U --layer L    record hidden unit U of layer L (top) for every character...
  --activations FILE    ...into FILE.csv as index,char,activation
)";

}  // namespace

int sample_command(const std::vector<std::string>& argv) {
  const Args a(
      argv,
      {"checkpoint", "prime", "temperature", "length", "seed", "unit", "layer", "activations"},
      {"help"});
  if (a.has("help")) {
    std::cout << kSampleHelp;
    return 0;
  }
  if (!a.has("checkpoint")) throw Error("--checkpoint FILE.unroll is required (see --help)");
  if (a.has("activations") != a.has("unit"))
    throw Error("--activations FILE.csv and --unit U go together: the file holds that unit");
  SampleOptions o;
  o.prime = a.str("prime", "");
  o.temperature = a.real("temperature", 1.0, 0.0, 1e6);
  o.length = int(a.integer("length", 200, 0, 100000000));
  o.seed = uint64_t(a.integer("seed", 1, 0, 9223372036854775807L));
  o.unit = int(a.integer("unit", -1, 0, 1000000));
  o.layer = int(a.integer("layer", -1, 0, 1000));
  const LoadedModel m = load_model(a.str("checkpoint", ""));
  const SampleResult r = sample_text(*m.net, m.vocabulary("sample"), o);
  std::cout << o.prime << r.text << '\n';
  if (a.has("activations")) {
    const std::string path = a.str("activations", "");
    std::ofstream out(path);
    if (!out) throw Error("--activations: cannot write '" + path + "'; check the folder exists");
    out << "index,char,activation\n";
    for (size_t i = 0; i < r.chars.size(); ++i)
      out << i << ',' << csv_char_cell(r.chars[i]) << ',' << r.activation[i] << '\n';
  }
  return 0;
}

}  // namespace unroll::cli
