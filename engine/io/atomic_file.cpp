// write(2) loops, fsync(2) of the file and of its folder, rename(2): POSIX, as the project's
// platforms are.
#include "io/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/error.h"

namespace unroll {
namespace {

constexpr size_t kBufferBytes = 1 << 16;

std::string reason(int err) {
  if (err == ENOSPC || err == EDQUOT) return "the disk is full";
  if (err == EFBIG) return "the file would pass the size limit set for this process (ulimit -f)";
  if (err == ENOENT) return "the folder does not exist";
  if (err == EACCES || err == EPERM || err == EROFS) return "the folder is not writable";
  return std::strerror(err);
}

// What the user can do about it, so that the message is the whole story.
const char* advice(int err) {
  if (err == ENOSPC || err == EDQUOT) return "free some space or choose another folder";
  if (err == EFBIG) return "raise the limit or write smaller files";
  if (err == ENOENT) return "create the folder or choose another";
  if (err == EACCES || err == EPERM || err == EROFS) return "choose another folder";
  return "check the disk and the folder";
}

[[noreturn]] void fail(const std::string& path, const std::string& doing, int err) {
  throw Error("cannot " + doing + " '" + path + "': " + reason(err) +
              "; nothing was written under that name; " + advice(err));
}

// The rename is only durable once the folder's entry is on the disk.
void sync_folder(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  const std::string dir = parent.empty() ? std::string(".") : parent.string();
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // some file systems do not let a folder be opened; the file is synced
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

AtomicFileWriter::AtomicFileWriter(std::string path)
    : path_(std::move(path)), tmp_(path_ + ".partial") {
  fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) fail(path_, "write", errno);
  buffer_.reserve(kBufferBytes);
}

AtomicFileWriter::~AtomicFileWriter() { abandon(); }

void AtomicFileWriter::write_through(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : ENOSPC;
      abandon();
      fail(path_, "write", err);
    }
    bytes.remove_prefix(size_t(n));
  }
}

void AtomicFileWriter::write(std::string_view bytes) {
  if (fd_ < 0) throw Error("'" + path_ + "' was already closed; nothing more can be written");
  written_ += (long long)bytes.size();
  if (buffer_.size() + bytes.size() <= kBufferBytes) {
    buffer_.append(bytes);
    return;
  }
  std::string pending;
  pending.swap(buffer_);
  write_through(pending);
  if (bytes.size() >= kBufferBytes)
    write_through(bytes);
  else
    buffer_.assign(bytes);
}

void AtomicFileWriter::flush() {
  if (fd_ < 0) return;
  std::string pending;
  pending.swap(buffer_);
  write_through(pending);
}

void AtomicFileWriter::commit() {
  if (fd_ < 0) throw Error("'" + path_ + "' was already closed; nothing more can be written");
  flush();
  if (::fsync(fd_) != 0) {
    const int err = errno;
    abandon();
    fail(path_, "write", err);
  }
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp_.c_str());
    fail(path_, "write", err);
  }
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp_.c_str());
    fail(path_, "rename the finished file to", err);
  }
  sync_folder(path_);
}

void AtomicFileWriter::abandon() {
  if (fd_ < 0) return;
  ::close(fd_);
  fd_ = -1;
  ::unlink(tmp_.c_str());
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
  AtomicFileWriter out(path);
  out.write(bytes);
  out.commit();
}

}  // namespace unroll
