// .unroll checkpoint writer. Layout (little-endian):
//   8 bytes magic "\x89UNROLL\n", u32 format version, u64 header length, header (UTF-8 JSON:
//   config, tensor table), u64 float count, float32 parameters in the layout's order.
#include "io/checkpoint.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/error.h"

namespace unroll {
namespace {

constexpr char kMagic[8] = {'\x89', 'U', 'N', 'R', 'O', 'L', 'L', '\n'};
constexpr uint32_t kVersion = 1;

template <class T>
void put(std::ostream& out, T v) {
  out.write(reinterpret_cast<const char*>(&v), sizeof v);
}

}  // namespace

void save_checkpoint(const std::string& path, const Trainer& trainer) {
  const auto& net = trainer.network();
  const ModelConfig& m = net.config();
  nlohmann::json h;
  h["model"] = {{"cell", to_string(m.cell)},      {"hidden", m.hidden},
                {"layers", m.layers},             {"input", to_string(m.input)},
                {"input_size", m.input_size},     {"embed_dim", m.embed_dim},
                {"head", to_string(m.head)},      {"output_size", m.output_size},
                {"init", to_string(m.init)},      {"forget_bias", m.forget_bias}};
  h["step"] = trainer.steps();
  h["task"] = trainer.task().name();
  nlohmann::json vocab = nlohmann::json::array();
  if (trainer.task().shape().tokens)
    for (int i = 0; i < m.input_size; ++i) vocab.push_back(trainer.task().token_text(i));
  h["vocabulary"] = vocab;
  nlohmann::json tensors = nlohmann::json::array();
  for (const auto& t : net.layout().tensors())
    tensors.push_back({{"name", t.name}, {"rows", t.rows}, {"cols", t.cols}, {"offset", t.offset}});
  h["tensors"] = tensors;
  const std::string header = h.dump();
  const std::string tmp = path + ".partial";
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out) throw Error("cannot write checkpoint '" + path + "': check the folder is writable");
    out.write(kMagic, sizeof kMagic);
    put<uint32_t>(out, kVersion);
    put<uint64_t>(out, header.size());
    out.write(header.data(), std::streamsize(header.size()));
    put<uint64_t>(out, uint64_t(net.params().size()));
    out.write(reinterpret_cast<const char*>(net.params().data()),
              std::streamsize(net.params().size() * sizeof(float)));
    if (!out) throw Error("writing checkpoint '" + path + "' failed (disk full?)");
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace unroll
