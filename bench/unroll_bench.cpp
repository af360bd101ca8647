// unroll_bench: training throughput (tokens/s of forward + backward + clip + Adam, per-timestep
// gradient telemetry on) of Unroll against PyTorch on this machine, measured in the same run, one
// config at a time, and printed as one table with the project's speed goals.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
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
  --probe-only     only the probe-cost lines (the dynamics probe's share of a step)
  --python PATH    Python with torch (/usr/bin/python3, or $UNROLL_BENCH_PYTHON)
  --script PATH    the PyTorch side (bench/torch_bench.py of the source tree)
)";

struct Options {
  double seconds = 2.0;
  int repeats = 5;
  double warmup = 0.5;
  std::string only;
  bool torch = true;
  bool probe_only = false;
  bool unroll1 = true, unroll2 = true;  // time Unroll at 1 / 2 threads
  std::string python = "/usr/bin/python3";
  std::string script = UNROLL_TORCH_BENCH_SCRIPT;
};

// One benchmark shape and its goal: Unroll's best tokens/s over PyTorch's best (0: no goal).
struct Config {
  CellType cell = CellType::Lstm;
  int hidden = 0, seq = 0, batch = 0;
  double goal = 0;
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
// one-hot input has the issue's V = 65 (tiny Shakespeare's vocabulary size). The torch side gets
// the V this yields.
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

// Tokens per second of wall time, and per second of CPU time of the whole process (all its
// threads). The CPU rate hardly moves when other work shares the cores: a descheduled process is
// not charged, so it tracks the engine's own cost on a busy machine.
struct Rate {
  double wall = 0;
  double cpu = 0;
};

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

// Median rates of Trainer::step() over the slices, after the warm-up. Telemetry as the studio
// uses it: per-timestep gradient norms (always on) and hidden states; no validation, no probes.
Rate measure_unroll(const Config& c, int threads, std::shared_ptr<const Task> task,
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
  std::vector<double> wall, cpu;
  const double slice = o.seconds / o.repeats;
  for (int r = 0; r < o.repeats; ++r) {
    long tokens = 0;
    const auto t0 = Clock::now();
    const double c0 = cpu_seconds();
    do tokens += trainer.step().tokens;
    while (elapsed(t0) < slice);
    wall.push_back(double(tokens) / elapsed(t0));
    cpu.push_back(double(tokens) / (cpu_seconds() - c0));
  }
  return {median(wall), median(cpu)};
}

// The dynamics probe's cost: the median step with a probe against the median step without, on
// one trainer (probe_every 2 alternates them), as a share of the plain step.
struct ProbeCost {
  Config config;
  int threads = 1;
  double step_s = 0, probe_step_s = 0;
  double share() const { return step_s > 0 ? (probe_step_s - step_s) / step_s : 0; }
};

ProbeCost measure_probe(const Config& c, int threads, std::shared_ptr<const Task> task,
                        int steps_each) {
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
  cfg.probe_every = 2;
  cfg.hidden_states = true;
  Trainer trainer(cfg, std::move(task));
  trainer.step();  // warm-up, probed
  trainer.step();
  std::vector<double> plain, probed;
  while (int(std::min(plain.size(), probed.size())) < steps_each) {
    const auto t0 = Clock::now();
    const bool p = trainer.step().probed;
    (p ? probed : plain).push_back(elapsed(t0));
  }
  return {c, threads, median(plain), median(probed)};
}

void print_probe_costs(const std::vector<ProbeCost>& costs) {
  if (costs.empty()) return;
  std::printf(
      "\nDynamics probe (spectral radius and sigma_1 of every W_hh gate block, saturation) as a "
      "share of a training step\n%-22s %7s %12s %12s %7s %6s  %s\n",
      "config", "threads", "step ms", "probed ms", "share", "goal", "result");
  for (const ProbeCost& p : costs)
    std::printf("%-22s %7d %12.1f %12.1f %6.1f%% %6s  %s\n", p.config.key().c_str(), p.threads,
                1e3 * p.step_s, 1e3 * p.probe_step_s, 100 * p.share(), "<20%",
                p.share() < 0.2 ? "pass" : "MISS");
}

std::string quoted(const std::string& s) {
  std::string q = "'";
  for (char ch : s) q += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return q + "'";
}

// PyTorch's rates at each torch.set_num_threads value of `threads` (e.g. "1,2"), in one fresh
// process whose command env prefixes (OpenBLAS threads). Zeros, and a warning, if it fails.
std::vector<Rate> measure_torch(const Config& c, int vocab, const std::string& env,
                                const std::string& threads, const Options& o) {
  const char* cell = c.cell == CellType::Lstm ? "lstm" : c.cell == CellType::Gru ? "gru" : "rnn";
  std::ostringstream cmd;
  cmd << env << ' ' << quoted(o.python) << ' ' << quoted(o.script) << " --cell " << cell
      << " --hidden " << c.hidden << " --seq " << c.seq << " --batch " << c.batch << " --vocab "
      << vocab << " --seconds " << o.seconds << " --repeats " << o.repeats << " --warmup "
      << o.warmup << " --threads " << threads;
  const size_t n = std::count(threads.begin(), threads.end(), ',') + 1;
  std::vector<Rate> rates;
  FILE* pipe = popen(cmd.str().c_str(), "r");
  if (!pipe) throw Error("cannot start " + o.python);
  char line[512];
  Rate r;
  while (std::fgets(line, sizeof line, pipe))
    if (std::sscanf(line, "threads %*d tokens_per_s %lf cpu_tokens_per_s %lf", &r.wall, &r.cpu) ==
        2)
      rates.push_back(r);
  const int status = pclose(pipe);
  if (status != 0 || rates.size() != n) {
    std::cerr << "warning: the PyTorch side failed (exit " << status << "): " << cmd.str() << '\n';
    rates.assign(n, Rate{});
  }
  return rates;
}

struct Row {
  Config config;
  Rate unroll1, unroll2;  // Unroll at 1 and 2 threads
  Rate torch1;            // torch.set_num_threads(1), OpenBLAS threads as installed
  Rate torch1_blas1;      // torch.set_num_threads(1), OPENBLAS_NUM_THREADS=1
  Rate torch2_blas1;      // torch.set_num_threads(2), OPENBLAS_NUM_THREADS=1
  double unroll() const { return std::max(unroll1.wall, unroll2.wall); }
  double torch_t1() const { return std::max(torch1.wall, torch1_blas1.wall); }
  double torch() const { return std::max(torch_t1(), torch2_blas1.wall); }
};

std::string fixed(double x, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

// The 1-minute load average: above the core count, other work shares the cores and both sides'
// wall-clock numbers (2-thread ones most) are low.
double load_average() {
  double load = -1;
  return getloadavg(&load, 1) == 1 ? load : -1;
}

std::string ratio_text(double num, double den) { return den > 0 ? fixed(num / den, 1) + "x" : "-"; }

void print_row(const Row& r, bool torch) {
  const double t = r.torch();
  const bool have = torch && t > 0;
  const double goal = r.config.goal;
  const char* result = !have || goal <= 0 ? "-" : r.unroll() / t >= goal ? "pass" : "MISS";
  std::printf("%-18s %10.0f %10.0f %10s %10s %7s %6s  %s\n", r.config.key().c_str(), r.unroll1.wall,
              r.unroll2.wall, have ? fixed(r.torch_t1(), 0).c_str() : "-",
              have ? fixed(r.torch2_blas1.wall, 0).c_str() : "-",
              have ? ratio_text(r.unroll(), t).c_str() : "-",
              goal > 0 ? (fixed(goal, 1) + "x").c_str() : "-", result);
}

void print_tables(const std::vector<Row>& rows, int vocab, bool torch) {
  std::printf("\nUnroll vs PyTorch: training tokens/s (forward+backward+clip+Adam), one-hot V=%d\n",
              vocab);
  std::printf("%-18s %10s %10s %10s %10s %7s %6s  %s\n", "config", "unroll t1", "unroll t2",
              "torch t1", "torch t2*", "ratio", "goal", "result");
  for (const Row& r : rows) print_row(r, torch);
  std::printf(
      "ratio = best Unroll / best PyTorch. torch t1: set_num_threads(1), the better of OpenBLAS "
      "as installed and OPENBLAS_NUM_THREADS=1; torch t2*: set_num_threads(2), "
      "OPENBLAS_NUM_THREADS=1.\n"
      "Unroll: Adam lr 1e-3, clip norm 1.0, per-timestep gradient norms and hidden states in "
      "every report, no validation, no probes.\n");
  if (!torch) return;
  std::printf(
      "\nPer CPU-second, one thread each side (OPENBLAS_NUM_THREADS=1 for torch): steady "
      "when the machine is busy\n%-18s %10s %10s %7s\n",
      "config", "unroll", "torch", "ratio");
  for (const Row& r : rows)
    std::printf("%-18s %10.0f %10.0f %7s\n", r.config.key().c_str(), r.unroll1.cpu,
                r.torch1_blas1.cpu, ratio_text(r.unroll1.cpu, r.torch1_blas1.cpu).c_str());
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
    else if (a == "--probe-only")
      o.probe_only = true;
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
  std::vector<ProbeCost> probe_costs;
  for (const Config& c :
       {Config{CellType::Lstm, 1024, 32, 8}, Config{CellType::Lstm, 512, 64, 32}}) {
    if (c.key().find(o.only) == std::string::npos) continue;
    std::cerr << c.key() << ": probe cost\n";
    for (int threads : {1, 2})
      if (threads == 1 ? o.unroll1 : o.unroll2)
        probe_costs.push_back(measure_probe(c, threads, task, 3));
  }
  for (const Config& c : configs()) {
    if (o.probe_only) break;
    if (c.key().find(o.only) == std::string::npos) continue;
    Row r;
    r.config = c;
    std::cerr << c.key() << ": unroll" << std::flush;
    if (o.unroll1) r.unroll1 = measure_unroll(c, 1, task, o);
    if (o.unroll2) r.unroll2 = measure_unroll(c, 2, task, o);
    if (o.torch) {
      std::cerr << ", torch" << std::flush;
      r.torch1 = measure_torch(c, vocab, "env -u OPENBLAS_NUM_THREADS", "1", o)[0];
      const auto blas1 = measure_torch(c, vocab, "env OPENBLAS_NUM_THREADS=1", "1,2", o);
      r.torch1_blas1 = blas1[0];
      r.torch2_blas1 = blas1[1];
    }
    std::cerr << '\n';
    rows.push_back(r);
  }
  if (!rows.empty()) print_tables(rows, vocab, o.torch);
  print_probe_costs(probe_costs);
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
