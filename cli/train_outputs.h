// The files `unroll-cli train` writes while it runs: the CSVs (every write checked, readable as
// PATH.partial during the run, capped in size) and the periodic checkpoints beside --save.
#pragma once
#include <chrono>
#include <memory>
#include <string>

#include "io/atomic_file.h"

namespace unroll::cli {

// One CSV output. Rows go to PATH.partial through AtomicFileWriter, so a failed write throws
// unroll::Error naming PATH and the run ends with nothing under PATH; commit() renames the file.
// Rows are given a whole step at a time; a step that would take the file past `cap` bytes is not
// written, nor is any later one, and a warning says so once.
class CsvOutput {
 public:
  // An empty path writes nothing. hint: what to do when the cap is reached.
  CsvOutput(std::string path, long long cap, std::string hint);
  bool enabled() const { return !path_.empty(); }
  void open(const std::string& header);             // throws unroll::Error
  void append(long step, const std::string& rows);  // throws unroll::Error
  void flush();                                     // throws unroll::Error
  void commit();                                    // throws unroll::Error

 private:
  std::string path_, hint_;
  long long cap_;
  bool capped_ = false;
  std::unique_ptr<AtomicFileWriter> file_;  // destroyed uncommitted, it removes PATH.partial
};

// The CSVs, flushed at least every kFlushEvery so a running (or killed) run's .partial files hold
// its rows up to a few seconds ago.
struct CsvOutputs {
  static constexpr std::chrono::seconds kFlushEvery{2};
  CsvOutput metrics, timestep;
  std::chrono::steady_clock::time_point last_flush = std::chrono::steady_clock::now();
  void open();
  void flush();
  void flush_now_and_then();  // flush() when kFlushEvery has passed since the last one
  void commit();
};

// FILE.unroll -> FILE.step-<step>.unroll, in the same folder.
std::string periodic_checkpoint_path(const std::string& save, long step);
// Deletes periodic checkpoints of `save` older than the `keep` newest ones up to `step` (the one
// just written is the newest). Later steps, left by a longer run under the same name, are kept.
void prune_periodic_checkpoints(const std::string& save, long step, long keep);

}  // namespace unroll::cli
