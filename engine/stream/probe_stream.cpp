// Encoding and decoding of the probe stream's records (docs/probe_stream.md).
#include "stream/probe_stream.h"

#include <cstring>

#include "core/crc32.h"
#include "core/error.h"

namespace unroll {
namespace {

enum RecordType : uint8_t { kRun = 1, kStep = 2, kEnd = 3, kRefused = 4 };

// Little-endian writer of one body.
class Writer {
 public:
  template <class T>
  void put(T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));  // the supported targets are little-endian (x86-64, arm64)
    out.append(b, sizeof(T));
  }
  void str(const std::string& s, const char* what) {
    if (s.size() > size_t(kMaxProbeString))
      throw Error(std::string("probe stream: ") + what + " is " + std::to_string(s.size()) +
                  " bytes; at most " + std::to_string(kMaxProbeString) + " fit a record");
    put(uint16_t(s.size()));
    out += s;
  }
  std::string out;
};

void check_count(size_t n, size_t max, const char* what) {
  if (n > max)
    throw Error(std::string("probe stream: ") + what + " is " + std::to_string(n) + "; at most " +
                std::to_string(max) + " fit a record");
}

std::string frame(const std::string& body) {
  check_count(body.size(), kMaxRecordBytes, "a record's size");
  Writer w;
  w.put(uint32_t(body.size()));
  w.put(crc32(body.data(), body.size()));
  return w.out + body;
}

void encode(Writer& w, const ProbeRun& r) {
  w.put(uint8_t(kRun));
  w.put(uint32_t(r.rank));
  w.put(uint32_t(r.world_size));
  w.str(r.cell, "the cell name");
  w.put(uint32_t(r.layers));
  w.put(uint32_t(r.hidden));
  w.put(uint32_t(r.input_size));
  w.put(uint32_t(r.every));
  check_count(r.param_names.size(), kMaxProbeParams, "the number of parameters");
  w.put(uint32_t(r.param_names.size()));
  for (const auto& n : r.param_names) w.str(n, "a parameter name");
}

void encode(Writer& w, const ProbeStep& s) {
  w.put(uint8_t(kStep));
  w.put(uint32_t(s.rank));
  w.put(int64_t(s.step));
  for (double v : {s.loss, s.grad_norm, s.grad_norm_clipped, s.lr}) w.put(v);
  w.put(uint64_t(s.dropped));
  check_count(s.param_grad_norms.size(), kMaxProbeParams, "the number of parameters");
  w.put(uint32_t(s.param_grad_norms.size()));
  for (double v : s.param_grad_norms) w.put(v);
  const size_t L = s.dh_norms.size(), T = L ? s.dh_norms[0].size() : 0;
  check_count(L, kMaxProbeLayers, "the number of layers");
  check_count(T, kMaxProbeSteps, "the number of timesteps");
  w.put(uint32_t(L));
  w.put(uint32_t(T));
  auto put_profile = [&](const std::vector<std::vector<double>>& p, const char* what) {
    if (p.size() != L) throw Error(std::string("probe stream: ") + what + " has the wrong layers");
    for (const auto& layer : p) {
      if (layer.size() != T)
        throw Error(std::string("probe stream: ") + what + " has layers of different lengths");
      for (double v : layer) w.put(v);
    }
  };
  put_profile(s.dh_norms, "||dL/dh_t||");
  w.put(uint8_t(s.dc_norms.empty() ? 0 : 1));
  if (!s.dc_norms.empty()) put_profile(s.dc_norms, "||dL/dc_t||");
  const size_t H = s.hidden.empty() ? 0 : size_t(s.hidden[0].rows());
  check_count(H, kMaxProbeHidden, "the hidden size");
  w.put(uint32_t(H));
  if (H) {
    if (s.hidden.size() != L) throw Error("probe stream: the hidden states have the wrong layers");
    for (const auto& h : s.hidden) {
      if (size_t(h.rows()) != H || size_t(h.cols()) != T)
        throw Error("probe stream: the hidden states are not (H, T) in every layer");
      for (Eigen::Index i = 0; i < h.size(); ++i) w.put(h.data()[i]);  // column t = h_t
    }
  }
  const size_t D = s.spectral_radius.size();
  if (s.max_singular.size() != D || (D != 0 && D != L))
    throw Error("probe stream: the dynamics need one radius and one singular value per layer");
  w.put(uint32_t(D));
  for (size_t k = 0; k < D; ++k) {
    w.put(s.spectral_radius[k]);
    w.put(s.max_singular[k]);
  }
}

void encode(Writer& w, const ProbeEnd& e) {
  w.put(uint8_t(kEnd));
  w.put(uint32_t(e.rank));
  w.str(e.reason, "the end reason");
}

// Bounds-checked little-endian reader of one body; every failure names the field.
class Reader {
 public:
  Reader(const char* p, uint32_t n) : p_(p), n_(n) {}
  template <class T>
  T get(const char* what) {
    need(sizeof(T), what);
    T v;
    std::memcpy(&v, p_ + at_, sizeof(T));
    at_ += sizeof(T);
    return v;
  }
  uint32_t count(const char* what, uint32_t max) {
    const uint32_t v = get<uint32_t>(what);
    if (v > max)
      throw Error(std::string(what) + " is " + std::to_string(v) + ", more than the limit " +
                  std::to_string(max));
    return v;
  }
  std::string str(const char* what) {
    const uint16_t n = get<uint16_t>(what);
    if (n > kMaxProbeString)
      throw Error(std::string(what) + " is " + std::to_string(n) + " bytes, more than the limit " +
                  std::to_string(kMaxProbeString));
    need(n, what);
    std::string s(p_ + at_, n);
    at_ += n;
    return s;
  }
  // Before allocating n items of `size` bytes: they must fit in what is left.
  void need_items(uint64_t n, size_t size, const char* what) {
    if (n * size > n_ - at_)
      throw Error(std::string(what) + ": " + std::to_string(n) + " values do not fit in the " +
                  std::to_string(n_ - at_) + " bytes left of the record");
  }
  void done() const {
    if (at_ != n_)
      throw Error(std::to_string(n_ - at_) + " unexpected bytes after the record's last field");
  }

 private:
  void need(size_t k, const char* what) {
    if (k > n_ - at_) throw Error(std::string("the record ends inside ") + what);
  }
  const char* p_;
  uint32_t n_;
  uint32_t at_ = 0;
};

ProbeRun decode_run(Reader& r) {
  ProbeRun run;
  run.rank = int(r.get<uint32_t>("the rank"));
  run.world_size = int(r.count("the world size", kMaxProbeWorld));
  if (run.world_size < 1 || run.rank >= run.world_size)
    throw Error("rank " + std::to_string(run.rank) + " of a world of " +
                std::to_string(run.world_size) + " process(es)");
  run.cell = r.str("the cell name");
  if (run.cell != "rnn" && run.cell != "rnn-relu" && run.cell != "lstm" && run.cell != "gru")
    throw Error("unknown cell '" + run.cell + "' (expected rnn, rnn-relu, lstm or gru)");
  run.layers = int(r.count("the number of layers", kMaxProbeLayers));
  run.hidden = int(r.count("the hidden size", kMaxProbeHidden));
  run.input_size = int(r.count("the input size", 1u << 24));
  run.every = int(r.count("the replay interval", 1u << 30));
  const uint32_t P = r.count("the number of parameters", kMaxProbeParams);
  r.need_items(P, 2, "the parameter names");
  run.param_names.reserve(P);
  for (uint32_t i = 0; i < P; ++i) run.param_names.push_back(r.str("a parameter name"));
  return run;
}

std::vector<std::vector<double>> decode_profile(Reader& r, uint32_t L, uint32_t T,
                                                const char* what) {
  r.need_items(uint64_t(L) * T, sizeof(double), what);
  std::vector<std::vector<double>> p(L, std::vector<double>(T));
  for (auto& layer : p)
    for (double& v : layer) v = r.get<double>(what);
  return p;
}

ProbeStep decode_step(Reader& r) {
  ProbeStep s;
  s.rank = int(r.count("the rank", kMaxProbeWorld - 1));
  s.step = long(r.get<int64_t>("the step"));
  s.loss = r.get<double>("the loss");
  s.grad_norm = r.get<double>("the gradient norm");
  s.grad_norm_clipped = r.get<double>("the clipped gradient norm");
  s.lr = r.get<double>("the learning rate");
  s.dropped = r.get<uint64_t>("the dropped count");
  const uint32_t P = r.count("the number of parameter norms", kMaxProbeParams);
  r.need_items(P, sizeof(double), "the parameter norms");
  s.param_grad_norms.resize(P);
  for (double& v : s.param_grad_norms) v = r.get<double>("a parameter norm");
  const uint32_t L = r.count("the number of layers", kMaxProbeLayers);
  const uint32_t T = r.count("the number of timesteps", kMaxProbeSteps);
  if ((L == 0) != (T == 0))
    throw Error(std::to_string(L) + " layer(s) of " + std::to_string(T) + " timestep(s)");
  s.dh_norms = decode_profile(r, L, T, "||dL/dh_t||");
  const uint8_t has_dc = r.get<uint8_t>("the ||dL/dc_t|| flag");
  if (has_dc > 1) throw Error("the ||dL/dc_t|| flag is " + std::to_string(has_dc) + ", not 0 or 1");
  if (has_dc) s.dc_norms = decode_profile(r, L, T, "||dL/dc_t||");
  const uint32_t H = r.count("the hidden size", kMaxProbeHidden);
  if (H) {
    r.need_items(uint64_t(L) * T * H, sizeof(float), "the hidden states");
    s.hidden.assign(L, Eigen::MatrixXf(H, T));
    for (auto& h : s.hidden)
      for (Eigen::Index i = 0; i < h.size(); ++i) h.data()[i] = r.get<float>("a hidden state");
  }
  const uint32_t D = r.count("the number of dynamics entries", kMaxProbeLayers);
  if (D != 0 && D != L)
    throw Error(std::to_string(D) + " dynamics entries for " + std::to_string(L) +
                " layer(s) (expected 0 or one per layer)");
  r.need_items(D, 2 * sizeof(double), "the dynamics");
  for (uint32_t k = 0; k < D; ++k) {
    s.spectral_radius.push_back(r.get<double>("a spectral radius"));
    s.max_singular.push_back(r.get<double>("a singular value"));
  }
  return s;
}

uint16_t read_u16(const char* p) {
  uint16_t v;
  std::memcpy(&v, p, 2);
  return v;
}

uint32_t read_u32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

}  // namespace

std::string encode_probe_header() {
  Writer w;
  w.out.assign(kProbeMagic, sizeof kProbeMagic);
  w.put(kProbeVersion);
  w.put(uint16_t(0));
  return w.out;
}

std::string encode_probe_record(const ProbeRecord& record) {
  Writer w;
  std::visit([&](const auto& r) { encode(w, r); }, record);
  return frame(w.out);
}

std::string encode_probe_refusal(const std::string& reason) {
  Writer w;
  w.put(uint8_t(kRefused));
  w.str(reason.substr(0, size_t(kMaxProbeString)), "the reason");
  return frame(w.out);
}

std::string encode_attach_request(const std::string& token) {
  if (token.size() > 64) throw Error("the token is longer than 64 characters");
  Writer w;
  w.out.assign(kProbeAttachMagic, sizeof kProbeAttachMagic);
  w.put(kProbeVersion);
  w.put(uint8_t(0));
  w.put(uint8_t(token.size()));
  w.out += token;
  return w.out;
}

ProbeStreamDecoder::ProbeStreamDecoder(std::string source) : source_(std::move(source)) {}

void ProbeStreamDecoder::fail(long long at, const std::string& what) {
  failed_ = true;
  throw Error("probe stream " + source_ + ", byte " + std::to_string(at) + ": " + what);
}

void ProbeStreamDecoder::feed(const char* data, size_t n) {
  if (pos_ > 0 && pos_ >= buffer_.size() / 2) {  // drop what was decoded, now and then
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  buffer_.append(data, n);
  // Reject a wrong magic or version as soon as their bytes are in, not at the end of the stream.
  if (!header_seen_ && !failed_) check_header();
}

void ProbeStreamDecoder::check_header() {
  const size_t have = buffer_.size() - pos_;
  const char* p = buffer_.data() + pos_;
  const size_t m = std::min(have, sizeof kProbeMagic);
  if (std::memcmp(p, kProbeMagic, m) != 0) {
    fail(0,
         "not an Unroll probe stream (it does not start with UNROLLPS); attach to the address "
         "the probe printed, or open a file the probe or unroll-cli attach --record wrote");
  }
  if (have < kProbeHeaderBytes) return;
  const uint16_t version = read_u16(p + 8);
  if (version != kProbeVersion)
    fail(8, "stream version " + std::to_string(version) + "; this Unroll reads version " +
                std::to_string(kProbeVersion) +
                "; use the unroll_probe shipped with this Unroll (python/unroll_probe)");
  if (read_u16(p + 10) != 0) fail(10, "unknown header flags; the stream is not version 1");
  pos_ += kProbeHeaderBytes;
  consumed_ += kProbeHeaderBytes;
  header_seen_ = true;
}

std::optional<ProbeRecord> ProbeStreamDecoder::next() {
  if (failed_) throw Error("probe stream " + source_ + ": already failed");
  if (!header_seen_) {
    if (buffer_.size() - pos_ > 0) check_header();
    if (!header_seen_) return std::nullopt;
  }
  const size_t have = buffer_.size() - pos_;
  if (have < 8) return std::nullopt;
  const char* p = buffer_.data() + pos_;
  const uint32_t n = read_u32(p);
  if (n == 0) fail(consumed_, "an empty record (length 0); the stream is damaged");
  if (n > kMaxRecordBytes)
    fail(consumed_, "a record of " + std::to_string(n) + " bytes, more than the limit of " +
                        std::to_string(kMaxRecordBytes) +
                        "; the stream is damaged or not from unroll_probe");
  if (have < 8 + size_t(n)) return std::nullopt;
  if (crc32(p + 8, n) != read_u32(p + 4))
    fail(consumed_, "the record's CRC-32 does not match its " + std::to_string(n) +
                        " bytes; the stream is damaged");
  ProbeRecord r = decode_body(p + 8, n, consumed_);
  pos_ += 8 + size_t(n);
  consumed_ += 8 + (long long)n;
  return r;
}

ProbeRecord ProbeStreamDecoder::decode_body(const char* body, uint32_t n, long long at) {
  Reader r(body + 1, n - 1);
  try {
    switch (uint8_t(body[0])) {
      case kRun: {
        ProbeRun run = decode_run(r);
        r.done();
        return run;
      }
      case kStep: {
        ProbeStep s = decode_step(r);
        r.done();
        return s;
      }
      case kEnd: {
        ProbeEnd e;
        e.rank = int(r.count("the rank", kMaxProbeWorld - 1));
        e.reason = r.str("the end reason");
        r.done();
        return e;
      }
      case kRefused: {
        const std::string reason = r.str("the refusal's reason");
        fail(at, "the probe refused this connection: " + reason);
      }
      default:
        break;
    }
  } catch (const Error& e) {
    if (failed_) throw;
    fail(at, std::string("malformed record: ") + e.what());
  }
  fail(at, "unknown record type " + std::to_string(int(uint8_t(body[0]))) +
               "; the stream is damaged or from a newer unroll_probe");
}

void ProbeStreamDecoder::finish() const {
  const size_t have = buffer_.size() - pos_;
  if (!header_seen_) {
    throw Error("probe stream " + source_ + ", byte " + std::to_string(have) +
                ": the stream ended " +
                (have ? "inside its header" : "before its header (nothing was received)") +
                "; the probe stopped or the file is truncated");
  }
  if (have == 0) return;
  std::string what = "inside a record's length";
  if (have >= 8)
    what = "inside a record (" + std::to_string(have - 8) + " of its " +
           std::to_string(read_u32(buffer_.data() + pos_)) + " bytes)";
  throw Error("probe stream " + source_ + ", byte " + std::to_string(consumed_) +
              ": the stream ended " + what +
              "; the probe stopped mid-record or the file is truncated");
}

}  // namespace unroll
