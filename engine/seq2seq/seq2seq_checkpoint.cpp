// Encoder–decoder checkpoints in the .unroll container.
#include "seq2seq/seq2seq_checkpoint.h"

#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/crc32.h"
#include "core/error.h"
#include "io/atomic_file.h"

namespace unroll {
namespace {

using json = nlohmann::json;
constexpr char kMagic[8] = {'\x89', 'U', 'N', 'R', 'O', 'L', 'L', '\n'};
constexpr uint32_t kVersion = 2;

template <class T>
void put(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

uint64_t read_u64(const std::string& b, size_t at) {
  uint64_t v;
  std::memcpy(&v, b.data() + at, 8);
  return v;
}

json config_json(const Seq2SeqTrainConfig& c) {
  const PairTaskSpec& t = c.task;
  const OptimizerConfig& o = c.optimizer;
  return {{"task",
           {{"task", t.task},
            {"path", t.path},
            {"tokens", to_string(t.tokens)},
            {"length", t.length},
            {"count", t.count},
            {"language", t.language},
            {"val_fraction", t.val_fraction},
            {"skip_bad", t.skip_bad}}},
          {"model", json::parse(to_json(c.model))},
          {"optimizer", json::parse(optimizer_config_json(o))},
          {"clip", {{"mode", to_string(c.clip.mode)}, {"threshold", c.clip.threshold}}},
          {"teacher_forcing", c.teacher_forcing},
          {"batch", c.batch},
          {"seed", c.seed},
          {"max_output", c.max_output},
          {"validation_pairs", c.validation_pairs}};
}

Seq2SeqTrainConfig config_from(const json& j) {
  Seq2SeqTrainConfig c;
  const json& t = j.at("task");
  c.task.task = t.at("task").get<std::string>();
  c.task.path = t.at("path").get<std::string>();
  c.task.tokens = parse_token_mode(t.at("tokens").get<std::string>());
  c.task.length = t.at("length").get<int>();
  c.task.count = t.at("count").get<int>();
  c.task.language = t.at("language").get<std::string>();
  c.task.val_fraction = t.at("val_fraction").get<double>();
  c.task.skip_bad = t.at("skip_bad").get<bool>();
  c.model = seq2seq_config_from_json(j.at("model").dump());
  c.optimizer = optimizer_config_from_json(j.at("optimizer").dump());
  c.clip.mode = parse_clip_mode(j.at("clip").at("mode").get<std::string>());
  c.clip.threshold = j.at("clip").at("threshold").get<double>();
  c.teacher_forcing = j.at("teacher_forcing").get<double>();
  c.batch = j.at("batch").get<int>();
  c.seed = j.at("seed").get<uint64_t>();
  c.max_output = j.at("max_output").get<int>();
  c.validation_pairs = j.at("validation_pairs").get<int>();
  c.task.seed = c.seed;
  c.validate();
  return c;
}

// The container's header, after checking magic, version, lengths and checksum.
json read_header(const std::string& bytes, const std::string& where, size_t* payload_at,
                 uint64_t* payload_len) {
  const size_t n = bytes.size();
  if (n == 0) throw Error(where + "is empty");
  if (std::memcmp(bytes.data(), kMagic, std::min(n, sizeof kMagic)) != 0)
    throw Error(where + "is not an Unroll checkpoint (wrong magic bytes)");
  if (n < 20) throw Error(where + "is truncated (it ends inside the file header)");
  uint32_t version;
  std::memcpy(&version, bytes.data() + 8, 4);
  if (version != kVersion)
    throw Error(where + "has format version " + std::to_string(version) +
                (version > kVersion ? ", newer than this build reads: update Unroll"
                                    : ", which holds no encoder-decoder"));
  const uint64_t hl = read_u64(bytes, 12);
  if (hl > n - 20 || n - 20 - hl < 12)
    throw Error(where + "is truncated or damaged (its header does not fit the file)");
  const uint64_t pl = read_u64(bytes, 20 + hl);
  if (pl > n || 20 + hl + 8 + pl + 4 != n)
    throw Error(where + "is truncated or damaged (its length does not match its header)");
  uint32_t stored;
  std::memcpy(&stored, bytes.data() + n - 4, 4);
  if (crc32(bytes.data(), n - 4) != stored)
    throw Error(where + "is damaged (checksum mismatch): restore it from a backup");
  *payload_at = 28 + hl;
  *payload_len = pl;
  const json h = json::parse(bytes.begin() + 20, bytes.begin() + 20 + long(hl), nullptr, false);
  if (!h.is_object()) throw Error(where + "has a damaged header (not a JSON object)");
  return h;
}

}  // namespace

std::string optimizer_config_json(const OptimizerConfig& o) {
  return json{{"kind", to_string(o.kind)},
              {"lr", o.lr},
              {"momentum", o.momentum},
              {"beta1", o.beta1},
              {"beta2", o.beta2},
              {"eps", o.eps},
              {"alpha", o.alpha},
              {"weight_decay", o.weight_decay},
              {"adagrad_eps", o.adagrad_eps}}
      .dump();
}

OptimizerConfig optimizer_config_from_json(const std::string& text) {
  const json o = json::parse(text);
  OptimizerConfig c;
  c.kind = parse_optimizer(o.at("kind").get<std::string>());
  c.lr = o.at("lr").get<double>();
  c.momentum = o.at("momentum").get<double>();
  c.beta1 = o.at("beta1").get<double>();
  c.beta2 = o.at("beta2").get<double>();
  c.eps = o.at("eps").get<double>();
  c.alpha = o.at("alpha").get<double>();
  c.weight_decay = o.at("weight_decay").get<double>();
  c.adagrad_eps = o.at("adagrad_eps").get<double>();
  return c;
}

std::string read_checkpoint_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open checkpoint '" + path + "': check the path");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string pack_checkpoint_container(const std::string& header, const std::string& payload) {
  std::string bytes(kMagic, sizeof kMagic);
  put<uint32_t>(bytes, kVersion);
  put<uint64_t>(bytes, header.size());
  bytes += header;
  put<uint64_t>(bytes, payload.size());
  bytes += payload;
  put<uint32_t>(bytes, crc32(bytes.data(), bytes.size()));
  return bytes;
}

std::string unpack_checkpoint_container(const std::string& bytes, const std::string& where,
                                        size_t* payload_at, uint64_t* payload_len) {
  return read_header(bytes, where, payload_at, payload_len).dump();
}

Seq2Seq<float> Seq2SeqCheckpoint::model() const {
  Seq2Seq<float> m(config.model);
  if (m.params().size() != params.size())
    throw Error("the checkpoint holds " + std::to_string(params.size()) +
                " weights but its model needs " + std::to_string(m.params().size()));
  m.params() = params;
  return m;
}

PairsData Seq2SeqCheckpoint::vocabularies() const {
  return PairsData::encode_with(TokenVocabulary(source_tokens), TokenVocabulary(target_tokens),
                                tokens, {});
}

int Seq2SeqCheckpoint::max_output() const {
  return config.max_output > 0 ? config.max_output : longest_target + 10;
}

Seq2SeqCheckpoint capture_seq2seq(const Seq2SeqTrainer& t) {
  Seq2SeqCheckpoint c;
  c.config = t.config();
  c.tokens = t.data().mode;
  c.source_tokens = t.data().source.tokens();
  c.target_tokens = t.data().target.tokens();
  c.longest_target = t.data().longest_target;
  c.params = t.model().params();
  c.optimizer = t.optimizer().state();
  c.progress = t.progress();
  return c;
}

void save_seq2seq_checkpoint(const std::string& path, const Seq2SeqCheckpoint& c) {
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
  json h = {{"version", kVersion},
            {"model_kind", "seq2seq"},
            {"config", config_json(c.config)},
            {"tokens", to_string(c.tokens)},
            {"source_tokens", c.source_tokens},
            {"target_tokens", c.target_tokens},
            {"longest_target", c.longest_target},
            {"optimizer_state", {{"step", c.optimizer.step}, {"buffers", names}}},
            {"progress",
             {{"step", c.progress.step},
              {"epoch", c.progress.epoch},
              {"position", c.progress.position},
              {"rng", c.progress.rng}}},
            {"blobs", blobs}};
  write_file_atomically(path, pack_checkpoint_container(h.dump(), payload));
}

Seq2SeqCheckpoint parse_seq2seq_checkpoint(const std::string& bytes, const std::string& name) {
  const std::string where = "checkpoint '" + name + "' ";
  size_t at = 0;
  uint64_t pl = 0;
  const json h = read_header(bytes, where, &at, &pl);
  if (h.value("model_kind", std::string("rnn")) == "caption")
    throw Error(where + "holds an image captioner, not an encoder-decoder: use it with caption");
  if (h.value("model_kind", std::string("rnn")) != "seq2seq")
    throw Error(where +
                "holds a recurrent network, not an encoder-decoder: use it with sample, "
                "eval --text or forecast");
  try {
    Seq2SeqCheckpoint c;
    c.config = config_from(h.at("config"));
    c.tokens = parse_token_mode(h.at("tokens").get<std::string>());
    c.source_tokens = h.at("source_tokens").get<std::vector<std::string>>();
    c.target_tokens = h.at("target_tokens").get<std::vector<std::string>>();
    c.longest_target = h.at("longest_target").get<int>();
    if (int(c.source_tokens.size()) != c.config.model.source_vocab ||
        int(c.target_tokens.size()) != c.config.model.target_vocab)
      throw Error("its vocabularies do not match its model's sizes");
    const Index n = Seq2SeqLayout(c.config.model).size();
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
    const json& p = h.at("progress");
    c.progress.step = p.at("step").get<long>();
    c.progress.epoch = p.at("epoch").get<long>();
    c.progress.position = p.at("position").get<long>();
    c.progress.rng = p.at("rng").get<std::string>();
    return c;
  } catch (const json::exception& e) {
    throw Error(where + "has a damaged header (" + e.what() + ")");
  } catch (const Error& e) {
    throw Error(where + "is not valid: " + e.what());
  }
}

Seq2SeqCheckpoint load_seq2seq_checkpoint(const std::string& path) {
  return parse_seq2seq_checkpoint(read_checkpoint_bytes(path), path);
}

std::string checkpoint_model_kind(const std::string& path) {
  // Only the header is read: a front end asks this of every checkpoint before loading it.
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open checkpoint '" + path + "': check the path");
  const std::string where = "checkpoint '" + path + "' ";
  std::string head(20, '\0');
  in.read(head.data(), 20);
  head.resize(size_t(in.gcount()));
  if (head.size() < 12 || std::memcmp(head.data(), kMagic, 8) != 0)
    throw Error(where + "is not an Unroll checkpoint (wrong magic bytes)");
  uint32_t version;
  std::memcpy(&version, head.data() + 8, 4);
  if (version != kVersion || head.size() < 20) return "rnn";  // version 1 holds networks only
  const uint64_t hl = read_u64(head, 12);
  if (hl > (uint64_t(1) << 32)) throw Error(where + "is damaged (its header length is absurd)");
  std::string header(size_t(hl), '\0');
  in.read(header.data(), std::streamsize(hl));
  if (uint64_t(in.gcount()) != hl) throw Error(where + "is truncated (it ends inside its header)");
  const json h = json::parse(header, nullptr, false);
  if (!h.is_object()) throw Error(where + "has a damaged header (not a JSON object)");
  const json kind = h.value("model_kind", json("rnn"));
  return kind.is_string() ? kind.get<std::string>() : std::string("rnn");
}

std::unique_ptr<Seq2SeqTrainer> resume_seq2seq(const Seq2SeqCheckpoint& c) {
  auto t = std::make_unique<Seq2SeqTrainer>(c.config);
  if (t->data().source.tokens() != c.source_tokens || t->data().target.tokens() != c.target_tokens)
    throw Error("the task '" + c.config.task.task +
                "' no longer gives the checkpoint's vocabularies (did its file change?): train "
                "again or restore the file");
  t->restore(c.params, c.optimizer, c.progress);
  return t;
}

}  // namespace unroll
