// .unroll checkpoint, format version 2. Layout (little-endian):
//   8 bytes magic "\x89UNROLL\n" | u32 version | u64 header length | header (UTF-8 JSON: configs,
//   task, tensor table, optimizer/progress/history fields, blob table) | u64 payload length |
//   payload (the blobs: raw arrays at the offsets the table gives) | u32 CRC-32 of all bytes
//   before.
// Version 1 (magic, version, header, u64 float count, floats) still loads, for export only.
#include "io/checkpoint.h"

#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/error.h"
#include "io/atomic_file.h"

namespace unroll {
namespace {

static_assert(std::endian::native == std::endian::little, "checkpoints are little-endian");

using json = nlohmann::json;
constexpr char kMagic[8] = {'\x89', 'U', 'N', 'R', 'O', 'L', 'L', '\n'};
constexpr uint32_t kVersion = 2;
constexpr size_t kMaxOptimizerBuffers = 4;  // Adam's m and v are the most any optimizer keeps

template <class T>
void put(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

// ---- configs <-> JSON ----------------------------------------------------------------------

json to_json(const ModelConfig& m) {
  return {{"cell", to_string(m.cell)},
          {"hidden", m.hidden},
          {"layers", m.layers},
          {"input", to_string(m.input)},
          {"input_size", m.input_size},
          {"embed_dim", m.embed_dim},
          {"head", to_string(m.head)},
          {"output_size", m.output_size},
          {"init", to_string(m.init)},
          {"forget_bias", m.forget_bias},
          {"recurrent_gain", m.recurrent_gain}};
}

ModelConfig model_from_json(const json& j) {
  ModelConfig m;
  m.cell = parse_cell(j.at("cell").get<std::string>());
  m.hidden = j.at("hidden").get<int>();
  m.layers = j.at("layers").get<int>();
  m.input = parse_input(j.at("input").get<std::string>());
  m.input_size = j.at("input_size").get<int>();
  m.embed_dim = j.at("embed_dim").get<int>();
  m.head = parse_head(j.at("head").get<std::string>());
  m.output_size = j.at("output_size").get<int>();
  m.init = parse_init(j.at("init").get<std::string>());
  m.forget_bias = j.at("forget_bias").get<double>();
  m.recurrent_gain = j.value("recurrent_gain", 1.0);  // absent in files from before it existed
  m.validate();
  return m;
}

json to_json(const TrainConfig& c) {
  const OptimizerConfig& o = c.optimizer;
  const ScheduleConfig& s = c.schedule;
  return {{"model", to_json(c.model)},
          {"optimizer",
           {{"kind", to_string(o.kind)},
            {"lr", o.lr},
            {"momentum", o.momentum},
            {"beta1", o.beta1},
            {"beta2", o.beta2},
            {"eps", o.eps},
            {"alpha", o.alpha},
            {"weight_decay", o.weight_decay},
            {"adagrad_eps", o.adagrad_eps}}},
          {"schedule",
           {{"kind", to_string(s.kind)},
            {"warmup_steps", s.warmup_steps},
            {"step_size", s.step_size},
            {"gamma", s.gamma},
            {"total_steps", s.total_steps},
            {"min_lr_ratio", s.min_lr_ratio}}},
          {"clip", {{"mode", to_string(c.clip.mode)}, {"threshold", c.clip.threshold}}},
          {"bptt", {{"truncated", c.bptt.truncated}, {"k1", c.bptt.k1}, {"k2", c.bptt.k2}}},
          {"seq", c.seq},
          {"batch", c.batch},
          {"seed", c.seed},
          {"threads", c.threads},
          {"val_every", c.val_every},
          {"val_batches", c.val_batches},
          {"probe_every", c.probe_every},
          {"connectivity_every", c.connectivity_every},
          {"hidden_states", c.hidden_states}};
}

TrainConfig train_from_json(const json& j) {
  TrainConfig c;
  c.model = model_from_json(j.at("model"));
  const json& o = j.at("optimizer");
  c.optimizer.kind = parse_optimizer(o.at("kind").get<std::string>());
  c.optimizer.lr = o.at("lr").get<double>();
  c.optimizer.momentum = o.at("momentum").get<double>();
  c.optimizer.beta1 = o.at("beta1").get<double>();
  c.optimizer.beta2 = o.at("beta2").get<double>();
  c.optimizer.eps = o.at("eps").get<double>();
  c.optimizer.alpha = o.at("alpha").get<double>();
  c.optimizer.weight_decay = o.at("weight_decay").get<double>();
  c.optimizer.adagrad_eps = o.at("adagrad_eps").get<double>();
  const json& s = j.at("schedule");
  c.schedule.kind = parse_schedule(s.at("kind").get<std::string>());
  c.schedule.warmup_steps = s.at("warmup_steps").get<int>();
  c.schedule.step_size = s.at("step_size").get<int>();
  c.schedule.gamma = s.at("gamma").get<double>();
  c.schedule.total_steps = s.at("total_steps").get<long>();
  c.schedule.min_lr_ratio = s.at("min_lr_ratio").get<double>();
  c.clip.mode = parse_clip_mode(j.at("clip").at("mode").get<std::string>());
  c.clip.threshold = j.at("clip").at("threshold").get<double>();
  c.bptt.truncated = j.at("bptt").at("truncated").get<bool>();
  c.bptt.k1 = j.at("bptt").at("k1").get<int>();
  c.bptt.k2 = j.at("bptt").at("k2").get<int>();
  c.seq = j.at("seq").get<int>();
  c.batch = j.at("batch").get<int>();
  c.seed = j.at("seed").get<uint64_t>();
  c.threads = j.at("threads").get<int>();
  c.val_every = j.at("val_every").get<int>();
  c.val_batches = j.at("val_batches").get<int>();
  c.probe_every = j.at("probe_every").get<int>();
  c.connectivity_every = j.value("connectivity_every", 0);  // older files have none
  c.hidden_states = j.at("hidden_states").get<bool>();
  c.validate();
  c.schedule.validate();
  return c;
}

json to_json(const TaskSpec& t) {
  return {{"name", t.name},
          {"options", t.options},
          {"vocabulary", t.vocabulary},
          {"shape",
           {{"tokens", t.shape.tokens},
            {"input_size", t.shape.input_size},
            {"head", to_string(t.shape.head)},
            {"output_size", t.shape.output_size},
            {"loss_every_step", t.shape.loss_every_step}}}};
}

TaskSpec task_from_json(const json& j) {
  TaskSpec t;
  t.name = j.at("name").get<std::string>();
  t.options = j.at("options").get<std::map<std::string, std::string>>();
  t.vocabulary = j.at("vocabulary").get<std::vector<std::string>>();
  const json& s = j.at("shape");
  t.shape.tokens = s.at("tokens").get<bool>();
  t.shape.input_size = s.at("input_size").get<int>();
  t.shape.head = parse_head(s.at("head").get<std::string>());
  t.shape.output_size = s.at("output_size").get<int>();
  t.shape.loss_every_step = s.at("loss_every_step").get<bool>();
  return t;
}

// ---- blobs: raw arrays in the payload, described by the header -----------------------------

template <class T>
constexpr const char* dtype_name() {
  if constexpr (std::is_same_v<T, float>) return "f32";
  if constexpr (std::is_same_v<T, double>) return "f64";
  if constexpr (std::is_same_v<T, int32_t>) return "i32";
  if constexpr (std::is_same_v<T, int64_t>) return "i64";
}

class BlobWriter {
 public:
  template <class T>
  void add(const std::string& name, const T* data, std::vector<int64_t> shape) {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;
    table_.push_back({{"name", name},
                      {"dtype", dtype_name<T>()},
                      {"shape", shape},
                      {"offset", payload_.size()},
                      {"bytes", n * int64_t(sizeof(T))}});
    payload_.append(reinterpret_cast<const char*>(data), size_t(n) * sizeof(T));
  }
  const json& table() const { return table_; }
  const std::string& payload() const { return payload_; }

 private:
  json table_ = json::array();
  std::string payload_;
};

class BlobReader {
 public:
  BlobReader(const json& table, const char* payload, size_t size) : payload_(payload) {
    for (const json& b : table) {
      Entry e{b.at("dtype").get<std::string>(), b.at("shape").get<std::vector<int64_t>>(),
              b.at("offset").get<uint64_t>(), b.at("bytes").get<uint64_t>()};
      if (e.offset > size || e.bytes > size - e.offset)
        throw Error("blob '" + b.at("name").get<std::string>() + "' lies outside the payload");
      entries_[b.at("name").get<std::string>()] = e;
    }
  }
  bool has(const std::string& name) const { return entries_.count(name) > 0; }
  // Checks dtype and element count (and rows x cols when given), returns the values.
  template <class T>
  std::vector<T> get(const std::string& name, int64_t expect = -1) const {
    const auto it = entries_.find(name);
    if (it == entries_.end()) throw Error("the array '" + name + "' is missing");
    const Entry& e = it->second;
    int64_t n = 1;
    for (int64_t d : e.shape) {
      if (d < 0 || (d > 0 && n > std::numeric_limits<int64_t>::max() / d))
        throw Error("the array '" + name + "' has a bad shape");
      n *= d;
    }
    if (e.dtype != dtype_name<T>() || uint64_t(n) * sizeof(T) != e.bytes ||
        (expect >= 0 && n != expect))
      throw Error("the array '" + name + "' has the wrong type or size");
    std::vector<T> v(static_cast<size_t>(n));
    if (n) std::memcpy(v.data(), payload_ + e.offset, e.bytes);
    return v;
  }
  template <class S>
  Mat<S> matrix(const std::string& name, Index rows, Index cols) const {
    if (rows < 0 || cols < 0 || rows > (1 << 24) || cols > (1 << 24))
      throw Error("the array '" + name + "' has a bad shape");
    const auto v = get<S>(name, int64_t(rows) * cols);
    return Eigen::Map<const Mat<S>>(v.data(), rows, cols);
  }

 private:
  struct Entry {
    std::string dtype;
    std::vector<int64_t> shape;
    uint64_t offset = 0, bytes = 0;
  };
  std::map<std::string, Entry> entries_;
  const char* payload_;
};

// ---- sections ---------------------------------------------------------------------------

json write_progress(const TrainerProgress& p, BlobWriter& blobs) {
  json j = {{"step", p.step},
            {"data_rng", p.data_rng},
            {"seq_pos", p.seq_pos},
            {"carried_pos", p.carried_pos},
            {"next_probe", p.next_probe},
            {"layers", p.carried.h.size()},
            {"lstm_cells", p.carried.c.size()}};
  if (p.seq_pos < 0) return j;
  const Batch& b = p.seq_batch;
  j["seq_batch"] = {{"steps", b.steps},
                    {"batch", b.batch},
                    {"loss_begin", b.loss_begin},
                    {"inputs", {b.inputs.rows(), b.inputs.cols()}},
                    {"target_values", {b.target_values.rows(), b.target_values.cols()}}};
  blobs.add("progress.tokens", b.tokens.data(), {int64_t(b.tokens.size())});
  blobs.add("progress.targets", b.targets.data(), {int64_t(b.targets.size())});
  blobs.add("progress.inputs", b.inputs.data(), {b.inputs.cols(), b.inputs.rows()});
  blobs.add("progress.target_values", b.target_values.data(),
            {b.target_values.cols(), b.target_values.rows()});
  auto add_state = [&](const char* what, const std::vector<Mat<float>>& v) {
    for (size_t k = 0; k < v.size(); ++k)
      blobs.add("progress." + std::string(what) + std::to_string(k), v[k].data(),
                {v[k].cols(), v[k].rows()});
  };
  add_state("h", p.carried.h);
  add_state("c", p.carried.c);
  j["state_rows"] = p.carried.h.empty() ? 0 : p.carried.h[0].rows();
  j["state_cols"] = p.carried.h.empty() ? 0 : p.carried.h[0].cols();
  return j;
}

// Every count read from the header is checked against the model before anything is allocated:
// a crafted file must not make the loader allocate more than the model and the file itself.
TrainerProgress read_progress(const json& j, const BlobReader& blobs, const TrainConfig& config) {
  TrainerProgress p;
  p.step = j.at("step").get<long>();
  p.data_rng = j.at("data_rng").get<std::string>();
  p.seq_pos = j.at("seq_pos").get<int>();
  p.carried_pos = j.at("carried_pos").get<int>();
  p.next_probe = j.at("next_probe").get<long>();
  if (p.step < 0) throw Error("the step count is negative");
  if (p.seq_pos < 0) return p;
  const json& b = j.at("seq_batch");
  Batch& s = p.seq_batch;
  s.steps = b.at("steps").get<int>();
  s.batch = b.at("batch").get<int>();
  s.loss_begin = b.at("loss_begin").get<int>();
  s.tokens = blobs.get<int32_t>("progress.tokens");
  s.targets = blobs.get<int32_t>("progress.targets");
  const auto in = b.at("inputs").get<std::array<Index, 2>>();
  const auto tv = b.at("target_values").get<std::array<Index, 2>>();
  s.inputs = blobs.matrix<double>("progress.inputs", in[0], in[1]);
  s.target_values = blobs.matrix<double>("progress.target_values", tv[0], tv[1]);
  const Index rows = j.at("state_rows").get<Index>(), cols = j.at("state_cols").get<Index>();
  const size_t layers = j.at("layers").get<size_t>(), cells = j.at("lstm_cells").get<size_t>();
  const ModelConfig& m = config.model;
  const size_t want_cells = m.cell == CellType::Lstm ? size_t(m.layers) : 0;
  // Either no carried state yet, or one per layer (and a cell state per LSTM layer).
  if (layers == 0 && cells == 0) return p;
  if (layers != size_t(m.layers) || cells != want_cells)
    throw Error("the carried state has " + std::to_string(layers) + " layers and " +
                std::to_string(cells) + " cell states; the model has " + std::to_string(m.layers) +
                " and " + std::to_string(want_cells));
  if (rows != m.hidden || cols < 1 || cols > config.batch)
    throw Error("the carried state is " + std::to_string(rows) + " x " + std::to_string(cols) +
                "; the model needs " + std::to_string(m.hidden) + " rows and at most " +
                std::to_string(config.batch) + " columns");
  for (size_t k = 0; k < layers; ++k)
    p.carried.h.push_back(blobs.matrix<float>("progress.h" + std::to_string(k), rows, cols));
  for (size_t k = 0; k < cells; ++k)
    p.carried.c.push_back(blobs.matrix<float>("progress.c" + std::to_string(k), rows, cols));
  return p;
}

json write_history(const MetricsHistory& h, BlobWriter& blobs) {
  const int64_t cols = int64_t(h.columns.size());
  if (cols == 0 && !h.values.empty()) throw Error("metrics history has values but no columns");
  if (cols) blobs.add("history.values", h.values.data(), {int64_t(h.rows()), cols});
  std::vector<int64_t> index;  // per record: step, window_start, layers, window steps
  std::vector<double> norms;
  for (const auto& r : h.timestep) {
    const size_t T = r.norms.empty() ? 0 : r.norms[0].size();
    index.insert(index.end(), {r.step, r.window_start, int64_t(r.norms.size()), int64_t(T)});
    for (const auto& layer : r.norms) {
      if (layer.size() != T) throw Error("timestep gradient record with ragged layers");
      norms.insert(norms.end(), layer.begin(), layer.end());
    }
  }
  blobs.add("history.timestep_index", index.data(), {int64_t(h.timestep.size()), 4});
  blobs.add("history.timestep_norms", norms.data(), {int64_t(norms.size())});
  return {{"columns", h.columns}};
}

MetricsHistory read_history(const json& j, const BlobReader& blobs, const TrainConfig& config) {
  MetricsHistory h;
  h.columns = j.at("columns").get<std::vector<std::string>>();
  if (!h.columns.empty()) {
    h.values = blobs.get<double>("history.values");
    if (h.values.size() % h.columns.size()) throw Error("the metrics history is ragged");
  }
  const auto index = blobs.get<int64_t>("history.timestep_index");
  const auto norms = blobs.get<double>("history.timestep_norms");
  if (index.size() % 4) throw Error("the timestep gradient index is ragged");
  size_t at = 0;
  for (size_t r = 0; r < index.size(); r += 4) {
    MetricsHistory::Timestep t;
    t.step = long(index[r]);
    t.window_start = int(index[r + 1]);
    const int64_t L = index[r + 2], T = index[r + 3];
    // A record holds one profile per layer, each of at most seq steps, and takes at least one
    // value per layer from the file.
    if (L < 1 || L > config.model.layers || T < 1 || T > config.seq)
      throw Error("timestep gradient record " + std::to_string(r / 4) + " has " +
                  std::to_string(L) + " layers of " + std::to_string(T) + " steps; the model has " +
                  std::to_string(config.model.layers) + " layers and sequences of " +
                  std::to_string(config.seq));
    if (uint64_t(L * T) > norms.size() - at)
      throw Error("the timestep gradient index points outside its values");
    for (int64_t k = 0; k < L; ++k, at += size_t(T))
      t.norms.emplace_back(norms.begin() + at, norms.begin() + at + T);
    h.timestep.push_back(std::move(t));
  }
  if (at != norms.size()) throw Error("the timestep gradient values do not match their index");
  return h;
}

json tensor_table(const std::vector<TensorInfo>& tensors) {
  json t = json::array();
  for (const auto& x : tensors)
    t.push_back({{"name", x.name},
                 {"rows", x.rows},
                 {"cols", x.cols},
                 {"offset", x.offset},
                 {"is_vector", x.is_vector}});
  return t;
}

// The header's tensor table must be exactly the layout this engine builds for the config.
std::vector<TensorInfo> check_tensors(const json& table, const ModelConfig& model) {
  const ParamLayout layout(model);
  if (table.size() != layout.tensors().size())
    throw Error("its tensor table does not match the model config");
  for (size_t i = 0; i < table.size(); ++i) {
    const TensorInfo& t = layout.tensors()[i];
    if (table[i].at("name").get<std::string>() != t.name ||
        table[i].at("rows").get<Index>() != t.rows || table[i].at("cols").get<Index>() != t.cols ||
        table[i].at("offset").get<Index>() != t.offset)
      throw Error("tensor '" + t.name + "' does not match the model config");
  }
  return layout.tensors();
}

uint64_t read_u64(const std::string& b, size_t at) {
  uint64_t v;
  std::memcpy(&v, b.data() + at, sizeof v);
  return v;
}

Checkpoint parse_v1(const std::string& bytes) {
  const size_t n = bytes.size();
  if (n < 20) throw Error("is truncated (it ends inside the file header)");
  const uint64_t hl = read_u64(bytes, 12);
  if (hl > n - 20 || n - 20 - hl < 8) throw Error("is truncated or damaged (header length)");
  const json h = json::parse(bytes.begin() + 20, bytes.begin() + 20 + long(hl));
  Checkpoint c;
  c.version = 1;
  c.resumable = false;
  c.config.model = model_from_json(h.at("model"));
  c.tensors = check_tensors(h.at("tensors"), c.config.model);
  const uint64_t count = read_u64(bytes, 20 + hl);
  const ParamLayout layout(c.config.model);
  if (count != uint64_t(layout.size()) || n != 28 + hl + count * sizeof(float))
    throw Error("is truncated or damaged (the weights do not fill the file)");
  c.params.resize(layout.size());
  std::memcpy(c.params.data(), bytes.data() + 28 + hl, count * sizeof(float));
  c.task.name = h.at("task").get<std::string>();
  c.task.vocabulary = h.at("vocabulary").get<std::vector<std::string>>();
  c.progress.step = h.at("step").get<long>();
  return c;
}

Checkpoint parse_v2(const std::string& bytes) {
  const size_t n = bytes.size();
  if (n < 20) throw Error("is truncated (it ends inside the file header)");
  const uint64_t hl = read_u64(bytes, 12);
  if (hl > n - 20 || n - 20 - hl < 12)
    throw Error("is truncated or damaged (the header needs " + std::to_string(hl) +
                " bytes; the file holds " + std::to_string(n) + ")");
  const uint64_t pl = read_u64(bytes, 20 + hl);
  const uint64_t expect = 20 + hl + 8 + pl + 4;
  if (pl > n || expect != n)
    throw Error("is truncated or damaged (it should be " + std::to_string(expect) +
                " bytes long but is " + std::to_string(n) + ")");
  uint32_t stored;
  std::memcpy(&stored, bytes.data() + n - 4, 4);
  if (crc32(bytes.data(), n - 4) != stored)
    throw Error("is damaged (checksum mismatch): restore it from a backup");
  const json h = json::parse(bytes.begin() + 20, bytes.begin() + 20 + long(hl));
  if (const std::string kind = h.value("model_kind", std::string("rnn")); kind == "caption")
    throw Error("is an image captioner checkpoint: use it with unroll-cli caption, eval or export");
  else if (kind != "rnn")
    throw Error("is an encoder-decoder checkpoint (model kind '" + kind +
                "'): use it with unroll-cli translate, eval --data FILE.tsv or export");
  const BlobReader blobs(h.at("blobs"), bytes.data() + 28 + hl, pl);

  Checkpoint c;
  c.version = 2;
  c.config = train_from_json(h.at("train"));
  c.task = task_from_json(h.at("task"));
  c.tensors = check_tensors(h.at("tensors"), c.config.model);
  const auto params = blobs.get<float>("params", ParamLayout(c.config.model).size());
  c.params = Eigen::Map<const Vec<float>>(params.data(), Index(params.size()));
  const json& o = h.at("optimizer_state");
  c.optimizer.step = o.at("step").get<long>();
  const auto names = o.at("buffers").get<std::vector<std::string>>();
  // Each buffer is as large as the parameters: bound their count before reading any.
  if (names.size() > kMaxOptimizerBuffers ||
      std::set<std::string>(names.begin(), names.end()).size() != names.size())
    throw Error("the optimizer state names " + std::to_string(names.size()) + " buffers (at most " +
                std::to_string(kMaxOptimizerBuffers) + ", each once)");
  for (const auto& name : names) {
    const auto v = blobs.get<float>("optimizer." + name, c.params.size());
    c.optimizer.buffers.emplace_back(name, Eigen::Map<const Vec<float>>(v.data(), Index(v.size())));
  }
  // The optimizer checks its buffers against its kind; do it now so a bad file fails here.
  Optimizer<float>(c.config.optimizer, c.params.size()).load_state(c.optimizer);
  c.progress = read_progress(h.at("progress"), blobs, c.config);
  c.history = read_history(h.at("history"), blobs, c.config);
  return c;
}

}  // namespace

Checkpoint capture_checkpoint(const Trainer& trainer, const TaskSpec& spec,
                              const MetricsHistory& history) {
  Checkpoint c;
  c.version = int(kVersion);
  c.config = trainer.config();
  c.task = spec;
  c.task.shape = trainer.task().shape();
  c.task.vocabulary = task_vocabulary(trainer.task());
  if (c.task.name.empty()) c.task.name = trainer.task().name();
  c.tensors = trainer.network().layout().tensors();
  c.params = trainer.network().params();
  c.optimizer = trainer.optimizer().state();
  c.progress = trainer.progress();
  c.history = history;
  return c;
}

void save_checkpoint(const std::string& path, const Checkpoint& c) {
  BlobWriter blobs;
  blobs.add("params", c.params.data(), {c.params.size()});
  json buffers = json::array();
  for (const auto& [name, v] : c.optimizer.buffers) {
    blobs.add("optimizer." + name, v.data(), {v.size()});
    buffers.push_back(name);
  }
  json h;
  h["format"] = "unroll-checkpoint";
  h["version"] = kVersion;
  h["train"] = to_json(c.config);
  h["task"] = to_json(c.task);
  h["tensors"] = tensor_table(c.tensors);
  h["step"] = c.progress.step;
  h["optimizer_state"] = {{"step", c.optimizer.step}, {"buffers", buffers}};
  h["progress"] = write_progress(c.progress, blobs);
  h["history"] = write_history(c.history, blobs);
  h["blobs"] = blobs.table();
  const std::string header = h.dump();

  std::string bytes(kMagic, sizeof kMagic);
  put<uint32_t>(bytes, kVersion);
  put<uint64_t>(bytes, header.size());
  bytes += header;
  put<uint64_t>(bytes, blobs.payload().size());
  bytes += blobs.payload();
  put<uint32_t>(bytes, crc32(bytes.data(), bytes.size()));

  write_file_atomically(path, bytes);
}

void save_checkpoint(const std::string& path, const Trainer& trainer) {
  save_checkpoint(path, capture_checkpoint(trainer, TaskSpec{}));
}

Checkpoint parse_checkpoint(const std::string& bytes, const std::string& name) {
  const std::string where = "checkpoint '" + name + "' ";
  const size_t n = bytes.size();
  const size_t m = std::min(n, sizeof kMagic);
  if (n == 0) throw Error(where + "is empty");
  if (std::memcmp(bytes.data(), kMagic, m) != 0)
    throw Error(where + "is not an Unroll checkpoint (wrong magic bytes)");
  if (n < sizeof kMagic + 4) throw Error(where + "is truncated (it ends inside the file header)");
  uint32_t version;
  std::memcpy(&version, bytes.data() + 8, 4);
  if (version > kVersion)
    throw Error(where + "was written by a newer Unroll (format version " + std::to_string(version) +
                "; this build reads up to " + std::to_string(kVersion) + "): update Unroll");
  if (version == 0) throw Error(where + "is damaged (format version 0)");
  try {
    return version == 1 ? parse_v1(bytes) : parse_v2(bytes);
  } catch (const json::exception& e) {
    throw Error(where + "has a damaged header (" + e.what() + ")");
  } catch (const Error& e) {
    const std::string what = e.what();
    if (what.rfind("is ", 0) == 0 || what.rfind("was ", 0) == 0) throw Error(where + what);
    throw Error(where + "is not valid: " + what);
  }
}

Checkpoint load_checkpoint(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open checkpoint '" + path + "': check the path");
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw Error("cannot read checkpoint '" + path + "'");
  return parse_checkpoint(s.str(), path);
}

void restore_checkpoint(const Checkpoint& c, Trainer& trainer) {
  if (!c.resumable)
    throw Error("this checkpoint (format version " + std::to_string(c.version) +
                ") holds weights only and cannot be resumed; export it, or train again");
  const ParamLayout& layout = trainer.network().layout();
  if (c.params.size() != layout.size() || c.tensors.size() != layout.tensors().size())
    throw Error("the checkpoint's model does not match this trainer's");
  Vec<float>& params = trainer.network().params();
  Optimizer<float>& opt = trainer.optimizer();
  const Vec<float> old_params = params;
  const OptimizerState<float> old_opt = opt.state();
  const TrainerProgress old_progress = trainer.progress();
  try {
    opt.load_state(c.optimizer);
    trainer.restore(c.progress);
    params = c.params;
  } catch (...) {
    opt.load_state(old_opt);
    trainer.restore(old_progress);
    params = old_params;
    throw;
  }
}

}  // namespace unroll
