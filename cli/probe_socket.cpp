// POSIX sockets for `unroll-cli attach`.
#include "probe_socket.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"
#include "stream/probe_stream.h"

namespace unroll::cli {
namespace {

const char* kHint = "; check the address the probe printed and that the training still runs";

int connect_unix(const std::string& address, const std::string& path) {
  sockaddr_un sa{};
  if (path.empty() || path.size() >= sizeof sa.sun_path)
    throw Error("'" + address + "': a Unix socket path must have 1 to " +
                std::to_string(sizeof sa.sun_path - 1) + " characters");
  sa.sun_family = AF_UNIX;
  std::memcpy(sa.sun_path, path.data(), path.size());
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw Error("cannot create a socket: " + std::string(std::strerror(errno)));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    throw Error("cannot connect to " + address + ": " + why + kHint);
  }
  return fd;
}

int connect_tcp(const std::string& address) {
  const auto colon = address.rfind(':');
  if (colon == std::string::npos || colon + 1 == address.size())
    throw Error("'" + address +
                "' is not an address: expected HOST:PORT (as the probe printed) or unix:PATH");
  std::string host = address.substr(0, colon);
  const std::string port = address.substr(colon + 1);
  if (port.find_first_not_of("0123456789") != std::string::npos)
    throw Error("'" + address + "': the port '" + port + "' is not a number");
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const int rc = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &found);
  if (rc != 0) throw Error("cannot resolve '" + host + "': " + ::gai_strerror(rc) + kHint);
  std::string why = "no address";
  int fd = -1;
  for (addrinfo* a = found; a && fd < 0; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    if (::connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
      why = std::strerror(errno);
      ::close(fd);
      fd = -1;
    }
  }
  ::freeaddrinfo(found);
  if (fd < 0) throw Error("cannot connect to " + address + ": " + why + kHint);
  return fd;
}

}  // namespace

ProbeConnection::ProbeConnection(const std::string& address, const std::string& token)
    : address_(address) {
  const std::string request = encode_attach_request(token);
  fd_ = address.rfind("unix:", 0) == 0 ? connect_unix(address, address.substr(5))
                                       : connect_tcp(address);
  size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t k = ::send(fd_, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) {
      const std::string why = std::strerror(errno);
      ::close(fd_);
      throw Error("cannot send the attach request to " + address + ": " + why + kHint);
    }
    sent += size_t(k);
  }
}

ProbeConnection::~ProbeConnection() {
  if (fd_ >= 0) ::close(fd_);
}

size_t ProbeConnection::read(char* buf, size_t n, double idle_seconds) {
  for (;;) {
    pollfd p{fd_, POLLIN, 0};
    const int timeout = idle_seconds > 0 ? int(idle_seconds * 1000) : -1;
    const int r = ::poll(&p, 1, timeout);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) throw Error("waiting for " + address_ + ": " + std::strerror(errno));
    if (r == 0)
      throw Error("no data from " + address_ + " for " + std::to_string(int(idle_seconds)) +
                  " s; the training may be stuck or gone (--idle-timeout sets the limit)");
    const ssize_t k = ::recv(fd_, buf, n, 0);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0)
      throw Error("the connection to " + address_ + " broke: " + std::strerror(errno) +
                  "; the training process may have ended");
    return size_t(k);
  }
}

}  // namespace unroll::cli
