// unroll-cli attach: reads a PyTorch run's probe stream (docs/probe_stream.md) from a socket or a
// recorded file and prints one line per step; --record keeps a copy of the stream.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "args.h"
#include "commands.h"
#include "core/error.h"
#include "io/atomic_file.h"
#include "probe_socket.h"
#include "stream/probe_stream.h"

namespace unroll::cli {
namespace {

const char* kAttachHelp = R"(usage: unroll-cli attach ADDRESS --token T [options]
       unroll-cli attach --file FILE [options]
  Reads the stream of a PyTorch run with unroll_probe attached (python/unroll_probe) and prints
  one line per training step:
    rank=R step=S loss=X grad_norm=Y timesteps=K
  (K: the per-timestep gradient norms in that step, 0 on steps without a replay). Exits 0 when
  the stream ends or N steps arrived; a bad or refused stream exits 2 with one line.
  ADDRESS          HOST:PORT or unix:PATH, as the probe printed at start
  --token T        the token the probe printed (required with ADDRESS)
  --file FILE      a stream file (unroll_probe.attach(path=...), or --record)
  --record FILE    also write the stream to FILE (whole records only)
  --until-steps N  stop after N steps (all ranks together)
  --idle-timeout S give up after S seconds without data from ADDRESS (60; 0: wait forever)
)";

// A source of stream bytes: the socket or the file.
class Source {
 public:
  virtual ~Source() = default;
  virtual size_t read(char* buf, size_t n) = 0;  // 0 at the end
};

class FileSource : public Source {
 public:
  explicit FileSource(const std::string& path) : in_(path, std::ios::binary) {
    if (std::filesystem::is_directory(path))
      throw Error("--file: '" + path + "' is a folder; choose a stream file");
    if (!in_)
      throw Error("--file: cannot open '" + path + "': " + std::strerror(errno) +
                  "; check the path and that you may read it");
  }
  size_t read(char* buf, size_t n) override {
    in_.read(buf, std::streamsize(n));
    return size_t(in_.gcount());
  }

 private:
  std::ifstream in_;
};

class SocketSource : public Source {
 public:
  SocketSource(const std::string& address, const std::string& token, double idle)
      : conn_(address, token), idle_(idle) {}
  size_t read(char* buf, size_t n) override { return conn_.read(buf, n, idle_); }

 private:
  ProbeConnection conn_;
  double idle_;
};

}  // namespace

int attach_command(const std::vector<std::string>& argv) {
  std::vector<std::string> rest = argv;
  std::string address;
  if (!rest.empty() && rest[0].rfind("--", 0) != 0) {
    address = rest[0];
    rest.erase(rest.begin());
  }
  const Args a(rest, {"token", "file", "record", "until-steps", "idle-timeout"}, {"help"});
  if (a.has("help")) {
    std::cout << kAttachHelp;
    return 0;
  }
  if (address.empty() == !a.has("file"))
    throw Error(address.empty() ? "give the probe's ADDRESS (with --token) or --file FILE"
                                : "give either ADDRESS or --file, not both");
  if (!address.empty() && !a.has("token"))
    throw Error("--token T is required with an address: the token the probe printed at start");
  if (a.has("file") && a.has("token"))
    throw Error("--token is for an address; a --file needs none");
  const long until = a.integer("until-steps", 0, 1, 1L << 40);
  const double idle = a.real("idle-timeout", 60, 0, 1e6);

  std::unique_ptr<Source> src;
  std::string name;
  if (!address.empty()) {
    src = std::make_unique<SocketSource>(address, a.str("token", ""), idle);
    name = address;
  } else {
    name = a.str("file", "");
    src = std::make_unique<FileSource>(name);
  }
  std::unique_ptr<AtomicFileWriter> record;
  if (a.has("record")) {
    record = std::make_unique<AtomicFileWriter>(a.str("record", ""));
    record->write(encode_probe_header());
  }
  ProbeStreamDecoder dec(name);
  long steps = 0;
  std::string buf(1 << 16, '\0');
  bool done = false;
  try {
    while (!done) {
      const size_t n = src->read(buf.data(), buf.size());
      if (n == 0) {
        dec.finish();
        break;
      }
      dec.feed(buf.data(), n);
      while (auto r = dec.next()) {
        if (record) record->write(encode_probe_record(*r));
        if (const auto* s = std::get_if<ProbeStep>(&*r)) {
          std::printf("rank=%d step=%ld loss=%.6g grad_norm=%.6g timesteps=%d\n", s->rank, s->step,
                      s->loss, s->grad_norm, s->timesteps());
          std::fflush(stdout);
          if (until && ++steps >= until) {
            done = true;
            break;
          }
        }
      }
    }
  } catch (const Error&) {
    if (record) record->commit();  // the whole records received so far form a valid stream
    throw;
  }
  if (record) record->commit();
  return 0;
}

}  // namespace unroll::cli
