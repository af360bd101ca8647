// The train command's CSVs and periodic checkpoints.
#include "train_outputs.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace unroll::cli {

CsvOutput::CsvOutput(std::string path, long long cap, std::string hint)
    : path_(std::move(path)), hint_(std::move(hint)), cap_(cap) {}

void CsvOutput::open(const std::string& header) {
  if (!enabled()) return;
  file_ = std::make_unique<AtomicFileWriter>(path_);
  file_->write(header + '\n');
}

void CsvOutput::append(long step, const std::string& rows) {
  if (!file_ || capped_ || rows.empty()) return;
  if (file_->bytes_written() + (long long)rows.size() > cap_) {
    capped_ = true;
    std::fprintf(stderr,
                 "%swarning: '%s' reached --max-output-mb (%.3g MiB) at step %ld; it keeps the "
                 "rows before that step and takes no more (%s)\n",
                 isatty(STDERR_FILENO) ? "\n" : "", path_.c_str(), double(cap_) / (1 << 20), step,
                 hint_.c_str());
    return;
  }
  file_->write(rows);
}

void CsvOutput::flush() {
  if (file_) file_->flush();
}

void CsvOutput::commit() {
  if (file_) file_->commit();
}

void CsvOutputs::open() {
  metrics.open(
      "step,train_loss,val_loss,val_accuracy,grad_norm,grad_norm_clipped,clipped,lr,tokens_per_s");
  timestep.open("step,layer,t,grad_norm");
}

void CsvOutputs::flush() {
  metrics.flush();
  timestep.flush();
  last_flush = std::chrono::steady_clock::now();
}

void CsvOutputs::flush_now_and_then() {
  if (std::chrono::steady_clock::now() - last_flush >= kFlushEvery) flush();
}

void CsvOutputs::commit() {
  // Both flushed first, so that a failed write leaves neither CSV under its name.
  metrics.flush();
  timestep.flush();
  metrics.commit();
  timestep.commit();
}

std::string periodic_checkpoint_path(const std::string& save, long step) {
  const std::filesystem::path p(save);
  return (p.parent_path() /
          (p.stem().string() + ".step-" + std::to_string(step) + p.extension().string()))
      .string();
}

void prune_periodic_checkpoints(const std::string& save, long step, long keep) {
  const std::filesystem::path p(save);
  const std::filesystem::path dir = p.parent_path().empty() ? "." : p.parent_path();
  const std::string prefix = p.stem().string() + ".step-", ext = p.extension().string();
  std::vector<long> steps;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() + ext.size() || !name.starts_with(prefix) ||
        !name.ends_with(ext))
      continue;
    const std::string digits = name.substr(prefix.size(), name.size() - prefix.size() - ext.size());
    if (digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    const long s = std::stol(digits);
    if (s <= step && std::to_string(s) == digits) steps.push_back(s);  // no leading zeros
  }
  std::sort(steps.begin(), steps.end(), std::greater<>());
  for (size_t i = size_t(keep); i < steps.size(); ++i)
    std::filesystem::remove(periodic_checkpoint_path(save, steps[i]), ec);
}

}  // namespace unroll::cli
