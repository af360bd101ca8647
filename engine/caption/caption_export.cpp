// safetensors writer for captioners (the format as in io/safetensors.cpp).
#include "caption/caption_export.h"

#include <nlohmann/json.hpp>

#include "io/atomic_file.h"
#include "io/safetensors.h"

namespace unroll {

std::string caption_metadata_json(const CaptionCheckpoint& c) {
  const nlohmann::json j = {
      {"format", "unroll_caption"}, {"config", nlohmann::json::parse(to_json(c.config.model))},
      {"words", c.words},           {"max_output", c.max_output()},
      {"task", "shapes"},           {"step", c.progress.step}};
  return j.dump();
}

std::string caption_safetensors_bytes(const CaptionCheckpoint& c) {
  const Captioner<float> model = c.model();
  const Seq2SeqLayout& lay = model.layout();
  nlohmann::json h;
  std::string data;
  for (int i = 0; i < int(lay.tensors().size()); ++i) {
    const TensorInfo& t = lay.tensor(i);
    const Mat<float> row_major = lay.map(model.params().data(), i).transpose();
    const size_t begin = data.size();
    data.append(reinterpret_cast<const char*>(row_major.data()), size_t(t.size()) * sizeof(float));
    nlohmann::json shape =
        t.is_vector ? nlohmann::json::array({t.rows}) : nlohmann::json::array({t.rows, t.cols});
    if (t.name.rfind("encoder.conv.", 0) == 0 && !t.is_vector)  // [C', 9C] -> [C', C, 3, 3]
      shape = nlohmann::json::array({t.rows, t.cols / 9, 3, 3});
    h[t.name] = {{"dtype", "F32"}, {"shape", shape}, {"data_offsets", {begin, data.size()}}};
  }
  h["__metadata__"] = {{"format", "pt"}, {"unroll_caption", caption_metadata_json(c)}};
  return safetensors_file(h.dump(), data);
}

void write_caption_safetensors(const std::string& path, const CaptionCheckpoint& c) {
  write_file_atomically(path, caption_safetensors_bytes(c));
}

}  // namespace unroll
