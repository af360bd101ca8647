// The probe stream (docs/probe_stream.md): the records a PyTorch run's probe sends, as plain
// structs, and the incremental decoder that refuses a wrong version, an oversize record, a
// truncated stream or garbage with one line naming where. Bytes in, bytes out: no sockets here.
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace unroll {

inline constexpr char kProbeMagic[8] = {'U', 'N', 'R', 'O', 'L', 'L', 'P', 'S'};
inline constexpr char kProbeAttachMagic[8] = {'U', 'N', 'R', 'O', 'L', 'L', 'P', 'A'};
inline constexpr uint16_t kProbeVersion = 1;
inline constexpr size_t kProbeHeaderBytes = 12;         // magic, version, flags
inline constexpr uint32_t kMaxRecordBytes = 16u << 20;  // one record's body
inline constexpr int kMaxProbeLayers = 64, kMaxProbeSteps = 1 << 16, kMaxProbeHidden = 1 << 16;
inline constexpr int kMaxProbeParams = 4096, kMaxProbeWorld = 4096, kMaxProbeString = 256;

// RUN: what a rank trains, sent once before its steps.
struct ProbeRun {
  int rank = 0;
  int world_size = 1;
  std::string cell;  // "rnn", "rnn-relu", "lstm", "gru"
  int layers = 0;
  int hidden = 0;
  int input_size = 0;
  int every = 0;                         // steps between replays
  std::vector<std::string> param_names;  // PyTorch's names, the order of param_grad_norms
};

// STEP: one training step of one rank; the per-timestep parts only on replay steps.
struct ProbeStep {
  int rank = 0;
  long step = 0;
  double loss = 0;
  double grad_norm = 0;          // global L2 norm before clipping
  double grad_norm_clipped = 0;  // after (equal when not clipped)
  double lr = 0;
  uint64_t dropped = 0;                       // records this rank's probe dropped so far
  std::vector<double> param_grad_norms;       // before clipping, RUN's order
  std::vector<std::vector<double>> dh_norms;  // [layer][t] ||dL/dh_t|| (engine's definition)
  std::vector<std::vector<double>> dc_norms;  // [layer][t] ||dL/dc_t||, LSTM only, else empty
  std::vector<Eigen::MatrixXf> hidden;        // [layer] (H, T) one sequence's h_t; or empty
  std::vector<double> spectral_radius;        // [layer] of W_hh (gated cells: candidate block)
  std::vector<double> max_singular;           // [layer], same block

  int timesteps() const { return dh_norms.empty() ? 0 : int(dh_norms[0].size()); }
};

// END: a rank's run is over.
struct ProbeEnd {
  int rank = 0;
  std::string reason;
};

using ProbeRecord = std::variant<ProbeRun, ProbeStep, ProbeEnd>;

// The header every stream starts with.
std::string encode_probe_header();
// One framed record (length, CRC-32, body). Throws unroll::Error when a field breaks a limit.
std::string encode_probe_record(const ProbeRecord& record);
// A REFUSED record, as the probe sends to a client it will not serve.
std::string encode_probe_refusal(const std::string& reason);
// What a viewer sends first on a socket: magic, version, role 0, the token.
std::string encode_attach_request(const std::string& token);

// Turns a byte stream, fed in pieces of any size, into records. `source` names the stream in
// errors ("127.0.0.1:4000", "run.ups"). Every error is an unroll::Error with one line: the source,
// the byte offset, what is wrong and what to do; after one, the decoder stays failed.
class ProbeStreamDecoder {
 public:
  explicit ProbeStreamDecoder(std::string source);

  // Throws unroll::Error at once when the stream's first bytes are not a version 1 header.
  void feed(const char* data, size_t n);
  // The next complete record, or nothing until more bytes are fed. Throws unroll::Error.
  std::optional<ProbeRecord> next();
  // The stream ended: throws unroll::Error when it stopped inside the header or a record.
  void finish() const;

  long long offset() const { return consumed_; }  // bytes decoded into records (and the header)
  bool header_seen() const { return header_seen_; }

 private:
  [[noreturn]] void fail(long long at, const std::string& what);
  void check_header();
  ProbeRecord decode_body(const char* body, uint32_t n, long long at);

  std::string source_;
  std::string buffer_;  // bytes fed but not yet decoded
  size_t pos_ = 0;      // start of the undecoded part of buffer_
  long long consumed_ = 0;
  bool header_seen_ = false;
  bool failed_ = false;
};

}  // namespace unroll
