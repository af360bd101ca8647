// unroll_bench: training throughput (tokens/s of forward + backward + clip + Adam, per-timestep
// gradient telemetry on) of Unroll against PyTorch on this machine, measured in the same run, one
// config at a time, and printed as one table with the project's speed goals.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/error.h"
#include "data/sample_text.h"
#include "data/text_corpus.h"
#include "train/trainer.h"

#ifndef UNROLL_TORCH_BENCH_SCRIPT
#define UNROLL_TORCH_BENCH_SCRIPT "bench/torch_bench.py"
#endif

namespace unroll::bench {
namespace {

using Clock = std::chrono::steady_clock;

const char* kHelp = R"(usage: unroll_bench [options]
  --seconds S      measured wall time per config and thread setting (2)
  --repeats N      the measured time is cut into N slices; the median slice is reported (5)
  --warmup S       untimed steps before measuring (0.5)
  --only TEXT      run configs whose key contains TEXT, e.g. lstm/H128 or /B1 (all)
  --no-torch       Unroll only (e.g. under perf record)
  --threads LIST   Unroll thread counts to time, 1,2 or 1 or 2 (1,2)
  --python PATH    Python with torch (/usr/bin/python3, or $UNROLL_BENCH_PYTHON)
  --script PATH    the PyTorch side (bench/torch_bench.py of the source tree)
)";

struct Options {
  double seconds = 2.0;
  int repeats = 5;
  double warmup = 0.5;
  std::string only;
  bool torch = true;
  bool unroll1 = true, unroll2 = true;  // time Unroll at 1 / 2 threads
  std::string python = "/usr/bin/python3";
  std::string script = UNROLL_TORCH_BENCH_SCRIPT;
};

// One benchmark shape and its goal: Unroll's best tokens/s over PyTorch's best (0: no goal).
struct Config {
  CellType cell;
  int hidden, seq, batch;
  double goal;
  std::string key() const {
    return to_string(cell) + "/H" + std::to_string(hidden) + "/T" + std::to_string(seq) + "/B" +
           std::to_string(batch);
  }
};

std::vector<Config> configs() {
  std::vector<Config> out;
  for (CellType c : {CellType::RnnTanh, CellType::Lstm, CellType::Gru}) {
    const bool lstm = c == CellType::Lstm;
    out.push_back({c, 32, 32, 1, 50.0});  // teaching size
    out.push_back({c, 128, 64, 32, lstm ? 5.0 : 0.0});
    out.push_back({c, 512, 64, 32, lstm ? 2.5 : 0.0});
  }
  return out;
}

// The built-in text with every character outside its 65 most frequent replaced by a space, so the
// one-hot input has V = 65 like the issue's (tiny-Shakespeare-sized) vocabulary.
std::shared_ptr<const Task> corpus65() {
  std::string text(builtin_sample_text());
  std::map<char, long> count;
  for (char ch : text) ++count[ch];
  std::vector<std::pair<long, char>> by_count;
  for (auto [ch, n] : count) by_count.push_back({n, ch});
  std::sort(by_count.rbegin(), by_count.rend());
  std::array<bool, 256> keep{};
  for (size_t i = 0; i < by_count.size() && i < 65; ++i) keep[uint8_t(by_count[i].second)] = true;
  keep[uint8_t(' ')] = true;
  for (char& ch : text)
    if (!keep[uint8_t(ch)]) ch = ' ';
  return std::make_shared<TextCorpus>(TextCorpus::from_text("builtin65", text, 0.0));
}

double elapsed(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n == 0 ? 0.0 : n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// Median tokens/s of Trainer::step() over the slices, after the warm-up. Telemetry as the studio
// uses it: per-timestep gradient norms (always on) and hidden states; no validation, no probes.
double measure_unroll(const Config& c, int threads, std::shared_ptr<const Task> task,
                      const Options& o) {
  TrainConfig cfg;
  cfg.model.cell = c.cell;
  cfg.model.hidden = c.hidden;
  cfg.seq = c.seq;
  cfg.batch = c.batch;
  cfg.threads = threads;
  cfg.clip = ClipConfig{ClipMode::Norm, 1.0};
  cfg.optimizer.kind = OptimizerKind::Adam;
  cfg.optimizer.lr = 1e-3;
  cfg.val_every = 0;
  cfg.probe_every = 0;
  cfg.hidden_states = true;
  Trainer trainer(cfg, std::move(task));
  long steps = 0;
  for (auto t0 = Clock::now(); steps < 2 || elapsed(t0) < o.warmup; ++steps) trainer.step();
  std::vector<double> rates;
  const double slice = o.seconds / o.repeats;
  for (int r = 0; r < o.repeats; ++r) {
    long tokens = 0;
    const auto t0 = Clock::now();
    do tokens += trainer.step().tokens;
    while (elapsed(t0) < slice);
    rates.push_back(double(tokens) / elapsed(t0));
  }
  return median(rates);
}

std::string quoted(const std::string& s) {
  std::string q = "'";
  for (char ch : s) q += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return q + "'";
}

// PyTorch's tokens/s at torch.set_num_threads(threads), in a fresh process; env prefixes the
// command (OpenBLAS threads). Returns 0 and says why on stderr if the script fails.
double measure_torch(const Config& c, int threads, const std::string& env, const Options& o) {
  std::ostringstream cmd;
  cmd << env << ' ' << quoted(o.python) << ' ' << quoted(o.script) << " --cell "
      << (c.cell == CellType::Lstm  ? "lstm"
          : c.cell == CellType::Gru ? "gru"
                                    : "rnn")
      << " --hidden " << c.hidden << " --seq " << c.seq << " --batch " << c.batch
      << " --vocab 65 --seconds " << o.seconds << " --repeats " << o.repeats << " --warmup "
      << o.warmup << " --threads " << threads;
  FILE* pipe = popen(cmd.str().c_str(), "r");
  if (!pipe) throw Error("cannot start " + o.python);
  double rate = 0;
  char line[512];
  while (std::fgets(line, sizeof line, pipe))
    std::sscanf(line, "threads %*d tokens_per_s %lf", &rate);
  const int status = pclose(pipe);
  if (status != 0 || rate <= 0) {
    std::cerr << "warning: the PyTorch side failed (exit " << status << "): " << cmd.str() << '\n';
    return 0;
  }
  return rate;
}

struct Row {
  Config config;
  double unroll1 = 0, unroll2 = 0;  // tokens/s at 1 and 2 threads
  double torch1 = 0;                // torch.set_num_threads(1), OpenBLAS as installed
  double torch2 = 0;                // torch.set_num_threads(2), OPENBLAS_NUM_THREADS=1
};

std::string fixed(double x, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

// The 1-minute load average: above the core count, other work shares the cores and both sides'
// numbers (and 2-thread ones most) are low.
double load_average() {
  double load = -1;
  return getloadavg(&load, 1) == 1 ? load : -1;
}

void print_table(const std::vector<Row>& rows, int vocab, bool torch) {
  std::printf("\nUnroll vs PyTorch, training tokens/s (forward+backward+clip+Adam), one-hot V=%d\n",
              vocab);
  std::printf("%-20s %10s %10s %10s %10s %7s %6s %s\n", "config", "unroll t1", "unroll t2",
              "torch t1", "torch t2*", "ratio", "goal", "result");
  for (const Row& r : rows) {
    const double u = std::max(r.unroll1, r.unroll2), t = std::max(r.torch1, r.torch2);
    const bool have = torch && t > 0;
    const double ratio = have ? u / t : 0;
    const std::string goal = r.config.goal > 0 ? fixed(r.config.goal, 1) + "x" : "-";
    const char* result = !have || r.config.goal <= 0 ? "-"
                         : ratio >= r.config.goal    ? "pass"
                                                     : "MISS";
    std::printf("%-20s %10.0f %10.0f %10s %10s %7s %6s %s\n", r.config.key().c_str(), r.unroll1,
                r.unroll2, have ? fixed(r.torch1, 0).c_str() : "-",
                have ? fixed(r.torch2, 0).c_str() : "-",
                have ? (fixed(ratio, 1) + "x").c_str() : "-", goal.c_str(), result);
  }
  std::printf(
      "ratio = best Unroll / best PyTorch. torch t1: set_num_threads(1); torch t2*: "
      "set_num_threads(2) with OPENBLAS_NUM_THREADS=1.\n"
      "Unroll: Adam lr 1e-3, clip norm 1.0, per-timestep gradient norms and hidden states in "
      "every report, no validation, no probes.\n");
}

Options parse(int argc, char** argv) {
  Options o;
  if (const char* py = std::getenv("UNROLL_BENCH_PYTHON")) o.python = py;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw Error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--seconds")
      o.seconds = std::stod(value());
    else if (a == "--repeats")
      o.repeats = std::max(1, std::stoi(value()));
    else if (a == "--warmup")
      o.warmup = std::stod(value());
    else if (a == "--only")
      o.only = value();
    else if (a == "--no-torch")
      o.torch = false;
    else if (a == "--threads") {
      const std::string t = value();
      o.unroll1 = t.find('1') != std::string::npos;
      o.unroll2 = t.find('2') != std::string::npos;
    } else if (a == "--python")
      o.python = value();
    else if (a == "--script")
      o.script = value();
    else if (a == "-h" || a == "--help") {
      std::cout << kHelp;
      std::exit(0);
    } else
      throw Error("unknown option '" + a + "'\n" + kHelp);
  }
  return o;
}

int run(int argc, char** argv) {
  const Options o = parse(argc, argv);
  const auto task = corpus65();
  const int vocab = task->shape().input_size;
  std::vector<Row> rows;
  const double load_before = load_average();
  for (const Config& c : configs()) {
    if (c.key().find(o.only) == std::string::npos) continue;
    Row r{c};
    std::cerr << c.key() << ": unroll" << std::flush;
    if (o.unroll1) r.unroll1 = measure_unroll(c, 1, task, o);
    if (o.unroll2) r.unroll2 = measure_unroll(c, 2, task, o);
    if (o.torch) {
      std::cerr << ", torch" << std::flush;
      r.torch1 = measure_torch(c, 1, "env -u OPENBLAS_NUM_THREADS", o);
      r.torch2 = measure_torch(c, 2, "env OPENBLAS_NUM_THREADS=1", o);
    }
    std::cerr << '\n';
    rows.push_back(r);
  }
  print_table(rows, vocab, o.torch);
  const unsigned cores = std::thread::hardware_concurrency();
  const double load_after = load_average();
  std::printf(
      "load average %.1f before, %.1f after, on %u cores%s\n", load_before, load_after, cores,
      std::max(load_before, load_after) > 0.75 * cores ? ": the machine was busy, numbers are noisy"
                                                       : "");
  return 0;
}

}  // namespace
}  // namespace unroll::bench

int main(int argc, char** argv) {
  try {
    return unroll::bench::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "unroll_bench: " << e.what() << '\n';
    return 1;
  }
}
