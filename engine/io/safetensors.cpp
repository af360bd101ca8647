// safetensors writer: u64 header length, JSON header (name -> dtype, shape, data_offsets; and
// __metadata__, string values only), then the tensors' bytes, each row-major.
#include "io/safetensors.h"

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace unroll {

std::string export_metadata_json(const Checkpoint& c) {
  const ModelConfig& m = c.config.model;
  const char* module = m.cell == CellType::Lstm ? "LSTM" : m.cell == CellType::Gru ? "GRU" : "RNN";
  nlohmann::json j = {{"format", "unroll"},
                      {"cell", to_string(m.cell)},
                      {"torch_module", module},
                      {"nonlinearity", m.cell == CellType::RnnRelu ? "relu" : "tanh"},
                      {"hidden", m.hidden},
                      {"layers", m.layers},
                      {"input", to_string(m.input)},
                      {"input_size", m.input_size},
                      {"embed_dim", m.embed_dim},
                      {"head", to_string(m.head)},
                      {"output_size", m.output_size},
                      {"vocabulary", c.task.vocabulary},
                      {"task", c.task.name},
                      {"step", c.progress.step}};
  return j.dump();
}

std::string safetensors_bytes(const Checkpoint& c) {
  nlohmann::json h;
  std::string data;
  for (const TensorInfo& t : c.tensors) {
    if (t.offset + t.size() > c.params.size()) throw Error("tensor '" + t.name + "' out of range");
    // Column-major [rows, cols] in the engine; row-major in the file: write the transpose's bytes.
    const Mat<float> row_major =
        CMatMap<float>(c.params.data() + t.offset, t.rows, t.cols).transpose();
    const size_t begin = data.size();
    data.append(reinterpret_cast<const char*>(row_major.data()), size_t(t.size()) * sizeof(float));
    const auto shape =
        t.is_vector ? nlohmann::json::array({t.rows}) : nlohmann::json::array({t.rows, t.cols});
    h[t.name] = {{"dtype", "F32"}, {"shape", shape}, {"data_offsets", {begin, data.size()}}};
  }
  h["__metadata__"] = {{"format", "pt"}, {"unroll", export_metadata_json(c)}};
  return safetensors_file(h.dump(), data);
}

std::string safetensors_file(std::string header, const std::string& data) {
  header.append((8 - header.size() % 8) % 8, ' ');  // the data starts 8-byte aligned
  std::string out(8, '\0');
  const uint64_t n = header.size();
  for (int i = 0; i < 8; ++i) out[i] = char((n >> (8 * i)) & 0xFF);
  return out + header + data;
}

void write_safetensors(const std::string& path, const Checkpoint& c) {
  write_file_atomically(path, safetensors_bytes(c));
}

}  // namespace unroll
