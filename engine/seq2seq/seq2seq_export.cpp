// safetensors writer for encoder–decoders (the format as in io/safetensors.cpp).
#include "seq2seq/seq2seq_export.h"

#include <nlohmann/json.hpp>

#include "io/atomic_file.h"
#include "io/safetensors.h"

namespace unroll {

std::string seq2seq_metadata_json(const Seq2SeqCheckpoint& c) {
  const nlohmann::json j = {{"format", "unroll_seq2seq"},
                            {"config", nlohmann::json::parse(to_json(c.config.model))},
                            {"tokens", to_string(c.tokens)},
                            {"source_tokens", c.source_tokens},
                            {"target_tokens", c.target_tokens},
                            {"max_output", c.max_output()},
                            {"task", c.config.task.task},
                            {"step", c.progress.step}};
  return j.dump();
}

std::string seq2seq_safetensors_bytes(const Seq2SeqCheckpoint& c) {
  const Seq2SeqLayout lay(c.config.model);
  nlohmann::json h;
  std::string data;
  for (const TensorInfo& t : lay.tensors()) {
    const Mat<float> row_major =
        lay.map(c.params.data(), int(&t - lay.tensors().data())).transpose();
    const size_t begin = data.size();
    data.append(reinterpret_cast<const char*>(row_major.data()), size_t(t.size()) * sizeof(float));
    const auto shape =
        t.is_vector ? nlohmann::json::array({t.rows}) : nlohmann::json::array({t.rows, t.cols});
    h[t.name] = {{"dtype", "F32"}, {"shape", shape}, {"data_offsets", {begin, data.size()}}};
  }
  h["__metadata__"] = {{"format", "pt"}, {"unroll_seq2seq", seq2seq_metadata_json(c)}};
  return safetensors_file(h.dump(), data);
}

void write_seq2seq_safetensors(const std::string& path, const Seq2SeqCheckpoint& c) {
  write_file_atomically(path, seq2seq_safetensors_bytes(c));
}

}  // namespace unroll
