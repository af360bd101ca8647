// Files written so that a crash, a full disk or a power cut never leaves a half-written file under
// the final name: the bytes go to PATH.partial, are flushed to the disk (fsync), renamed over PATH,
// and the folder is flushed too, so the rename itself survives a power cut.
#pragma once
#include <string>
#include <string_view>

namespace unroll {

// The whole file at once. Throws unroll::Error naming path and the reason (disk full, no such
// folder, not writable); on failure PATH is untouched and no PATH.partial is left behind.
void write_file_atomically(const std::string& path, std::string_view bytes);

// The same for a file written a piece at a time (training CSVs). Every write is checked: the
// first failure throws unroll::Error and the file is abandoned. commit() flushes and renames;
// destroying an uncommitted writer removes PATH.partial.
class AtomicFileWriter {
 public:
  explicit AtomicFileWriter(std::string path);  // throws unroll::Error
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  void write(std::string_view bytes);  // throws unroll::Error
  // Pushes what was written so far to the operating system, so the .partial can be read while
  // the run goes on; throws unroll::Error.
  void flush();
  void commit();   // throws unroll::Error; PATH then holds everything written
  void abandon();  // removes PATH.partial; never throws
  const std::string& path() const { return path_; }
  const std::string& partial_path() const { return tmp_; }
  long long bytes_written() const { return written_; }

 private:
  void write_through(std::string_view bytes);
  std::string path_, tmp_;
  std::string buffer_;  // written to the file in large pieces
  int fd_ = -1;
  long long written_ = 0;
};

}  // namespace unroll
