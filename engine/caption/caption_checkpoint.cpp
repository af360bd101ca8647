// Captioner checkpoints in the .unroll container.
#include "caption/caption_checkpoint.h"

#include <cstring>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "io/atomic_file.h"
#include "seq2seq/seq2seq_checkpoint.h"

namespace unroll {
namespace {

using json = nlohmann::json;

json config_json(const CaptionTrainConfig& c) {
  const ShapesSpec& t = c.task;
  const ImageFolderSpec& f = c.images;
  return {{"task",
           {{"task", c.kind},
            {"image", t.image},
            {"objects", t.objects},
            {"colours", t.colours},
            {"sizes", t.sizes},
            {"noise", t.noise},
            {"validation", t.validation},
            {"folder", f.folder},
            {"captions", f.captions},
            {"folder_image", f.image},
            {"val_fraction", f.val_fraction}}},
          {"model", json::parse(to_json(c.model))},
          {"optimizer", json::parse(optimizer_config_json(c.optimizer))},
          {"clip", {{"mode", to_string(c.clip.mode)}, {"threshold", c.clip.threshold}}},
          {"batch", c.batch},
          {"seed", c.seed},
          {"max_output", c.max_output},
          {"validation_images", c.validation_images}};
}

CaptionTrainConfig config_from(const json& j) {
  CaptionTrainConfig c;
  const json& t = j.at("task");
  c.kind = t.at("task").get<std::string>();
  if (c.kind != "shapes" && c.kind != "images")
    throw Error("its task '" + c.kind + "' is not one this build knows");
  c.images.folder = t.at("folder").get<std::string>();
  c.images.captions = t.at("captions").get<std::string>();
  c.images.image = t.at("folder_image").get<int>();
  c.images.val_fraction = t.at("val_fraction").get<double>();
  c.task.image = t.at("image").get<int>();
  c.task.objects = t.at("objects").get<int>();
  c.task.colours = t.at("colours").get<int>();
  c.task.sizes = t.at("sizes").get<bool>();
  c.task.noise = t.at("noise").get<double>();
  c.task.validation = t.at("validation").get<int>();
  c.model = caption_config_from_json(j.at("model").dump());
  c.optimizer = optimizer_config_from_json(j.at("optimizer").dump());
  c.clip.mode = parse_clip_mode(j.at("clip").at("mode").get<std::string>());
  c.clip.threshold = j.at("clip").at("threshold").get<double>();
  c.batch = j.at("batch").get<int>();
  c.seed = j.at("seed").get<uint64_t>();
  c.max_output = j.at("max_output").get<int>();
  c.validation_images = j.at("validation_images").get<int>();
  c.task.seed = c.images.seed = c.seed;
  c.validate();
  return c;
}

}  // namespace

Captioner<float> CaptionCheckpoint::model() const {
  Captioner<float> m(config.model);
  if (m.params().size() != params.size())
    throw Error("the checkpoint holds " + std::to_string(params.size()) +
                " weights but its model needs " + std::to_string(m.params().size()));
  m.params() = params;
  return m;
}

CaptionCheckpoint capture_caption(const CaptionTrainer& t) {
  CaptionCheckpoint c;
  c.config = t.config();
  c.words = t.task().words();
  c.longest_caption = t.task().longest_caption();
  c.params = t.model().params();
  c.optimizer = t.optimizer().state();
  c.progress = t.progress();
  return c;
}

void save_caption_checkpoint(const std::string& path, const CaptionCheckpoint& c) {
  std::string payload;
  json blobs = json::array();
  auto add = [&](const std::string& name, const Vec<float>& v) {
    blobs.push_back({{"name", name}, {"offset", payload.size()}, {"count", v.size()}});
    payload.append(reinterpret_cast<const char*>(v.data()), size_t(v.size()) * sizeof(float));
  };
  add("params", c.params);
  std::vector<std::string> names;
  for (const auto& [name, v] : c.optimizer.buffers) {
    add("optimizer." + name, v);
    names.push_back(name);
  }
  const json h = {{"version", 2},
                  {"model_kind", "caption"},
                  {"config", config_json(c.config)},
                  {"words", c.words},
                  {"longest_caption", c.longest_caption},
                  {"optimizer_state", {{"step", c.optimizer.step}, {"buffers", names}}},
                  {"progress", {{"step", c.progress.step}}},
                  {"blobs", blobs}};
  write_file_atomically(path, pack_checkpoint_container(h.dump(), payload));
}

CaptionCheckpoint parse_caption_checkpoint(const std::string& bytes, const std::string& name) {
  const std::string where = "checkpoint '" + name + "' ";
  size_t at = 0;
  uint64_t pl = 0;
  const json h = json::parse(unpack_checkpoint_container(bytes, where, &at, &pl));
  const std::string kind = h.value("model_kind", std::string("rnn"));
  if (kind != "caption")
    throw Error(where + "holds " +
                (kind == "seq2seq" ? std::string("an encoder-decoder") : "a recurrent network") +
                ", not an image captioner");
  try {
    CaptionCheckpoint c;
    c.config = config_from(h.at("config"));
    c.words = h.at("words").get<std::vector<std::string>>();
    c.longest_caption = h.at("longest_caption").get<int>();
    if (int(c.words.size()) != c.config.model.vocab)
      throw Error("its vocabulary does not match its model's size");
    const Index n = Captioner<float>(c.config.model).params().size();
    auto blob = [&](const std::string& bname) {
      for (const json& b : h.at("blobs"))
        if (b.at("name").get<std::string>() == bname) {
          const uint64_t off = b.at("offset").get<uint64_t>(), cnt = b.at("count").get<uint64_t>();
          if (cnt != uint64_t(n) || off > pl || cnt * sizeof(float) > pl - off)
            throw Error("blob '" + bname + "' does not fit the model or the file");
          Vec<float> v(n);
          std::memcpy(v.data(), bytes.data() + at + off, size_t(cnt) * sizeof(float));
          return v;
        }
      throw Error("it has no blob '" + bname + "'");
    };
    c.params = blob("params");
    const json& o = h.at("optimizer_state");
    c.optimizer.step = o.at("step").get<long>();
    const auto names = o.at("buffers").get<std::vector<std::string>>();
    if (names.size() > 4) throw Error("it lists too many optimizer buffers");
    for (const std::string& b : names) c.optimizer.buffers.emplace_back(b, blob("optimizer." + b));
    c.progress.step = h.at("progress").at("step").get<long>();
    return c;
  } catch (const json::exception& e) {
    throw Error(where + "has a damaged header (" + e.what() + ")");
  } catch (const Error& e) {
    throw Error(where + "is not valid: " + e.what());
  }
}

CaptionCheckpoint load_caption_checkpoint(const std::string& path) {
  return parse_caption_checkpoint(read_checkpoint_bytes(path), path);
}

std::unique_ptr<CaptionTrainer> resume_caption(const CaptionCheckpoint& c) {
  auto t = std::make_unique<CaptionTrainer>(c.config);
  if (c.words != t->task().words())
    throw Error("the task '" + c.config.kind +
                "' no longer gives the checkpoint's caption words (did its captions file "
                "change?): train again or restore the file");
  t->restore(c.params, c.optimizer, c.progress);
  return t;
}

}  // namespace unroll
