// The socket side of `unroll-cli attach`: connects to a probe's TCP or Unix address and sends
// the attach request (docs/probe_stream.md). POSIX sockets; the engine itself stays socket-free.
#pragma once
#include <string>

namespace unroll::cli {

// An open connection to a probe, closed by the destructor.
class ProbeConnection {
 public:
  // address: "HOST:PORT" or "unix:PATH". Throws unroll::Error naming the address and the reason.
  ProbeConnection(const std::string& address, const std::string& token);
  ~ProbeConnection();
  ProbeConnection(const ProbeConnection&) = delete;
  ProbeConnection& operator=(const ProbeConnection&) = delete;

  // Up to n bytes into buf: the count, 0 when the probe closed the connection. Waits at most
  // idle_seconds for data (0: no limit) and throws unroll::Error when none came, or on an error.
  size_t read(char* buf, size_t n, double idle_seconds);

 private:
  std::string address_;
  int fd_ = -1;
};

}  // namespace unroll::cli
