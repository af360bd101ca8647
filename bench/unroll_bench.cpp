// unroll_bench: training throughput (tokens/s of forward + backward + clip + Adam, per-timestep
// gradient telemetry on) of Unroll against PyTorch on this machine, measured in the same run, one
// config at a time, and printed as one table with the project's speed goals.
#include <malloc.h>
#include <unistd.h>

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

#ifdef UNROLL_HAVE_DNNL
#include "dnnl_reference.h"
#endif

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
  --no-dnnl        without the oneDNN reference
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
  bool dnnl = true;
  bool unroll1 = true, unroll2 = true;  // time Unroll at 1 / 2 threads
  std::string python = "/usr/bin/python3";
  std::string script = UNROLL_TORCH_BENCH_SCRIPT;
};

// One benchmark shape and its goals: Unroll's best tokens/s over PyTorch's best and over
// oneDNN's best (0: no goal).
struct Config {
  CellType cell = CellType::Lstm;
  int hidden = 0, seq = 0, batch = 0;
  double goal = 0;
  double goal_dnnl = 0;
  // Model FLOPs per token of a training step: forward 2, backward 4 multiply-adds per weight of
  // W_hh and the head (the one-hot input is a column gather, not a product).
  double flops_per_token(int vocab) const {
    const double G = cell == CellType::Lstm ? 4 : cell == CellType::Gru ? 3 : 1;
    return 6.0 * (G * hidden * hidden + double(vocab) * hidden);
  }
  std::string key() const {
    return to_string(cell) + "/H" + std::to_string(hidden) + "/T" + std::to_string(seq) + "/B" +
           std::to_string(batch);
  }
};

std::vector<Config> configs() {
  std::vector<Config> out;
  for (CellType c : {CellType::RnnTanh, CellType::Lstm, CellType::Gru}) {
    const bool lstm = c == CellType::Lstm;
    out.push_back({c, 32, 32, 1, 100.0});  // teaching size
    out.push_back({c, 128, 64, 32, lstm ? 5.0 : 0.0, lstm ? 1.6 : 0.0});
    out.push_back({c, 512, 64, 32, lstm ? 3.0 : 0.0, lstm ? 1.0 : 0.0});
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

// Peak resident memory since the last reset_peak_rss(), MB (Linux: VmHWM, reset through
// /proc/self/clear_refs).
void reset_peak_rss() {
  malloc_trim(0);  // what earlier configs freed would otherwise stay resident
  if (FILE* f = std::fopen("/proc/self/clear_refs", "w")) {
    std::fputs("5", f);
    std::fclose(f);
  }
}
double peak_rss_mb() {
  double kb = 0;
  if (FILE* f = std::fopen("/proc/self/status", "r")) {
    char line[256];
    while (std::fgets(line, sizeof line, f))
      if (std::sscanf(line, "VmHWM: %lf kB", &kb) == 1) break;
    std::fclose(f);
  }
  return kb / 1024.0;
}

// oneDNN's side of one config at one thread count, in a fresh process (this binary with
// --dnnl-child) so that its peak memory is its own.
struct DnnlRow {
  double rate = 0, rss_mb = 0, grad_diff = -1;
  std::string worst;
};

DnnlRow measure_dnnl_child(const Config& c, int threads, const Options& o) {
  // popen runs a shell: name this binary by its path, not as /proc/self/exe.
  char self[4096] = {};
  if (readlink("/proc/self/exe", self, sizeof self - 1) <= 0) return {};
  std::ostringstream cmd;
  cmd << quoted(self) << " --dnnl-child " << to_string(c.cell) << ' ' << c.hidden << ' ' << c.seq
      << ' ' << c.batch << ' ' << threads << ' ' << o.seconds << ' ' << o.repeats;
  DnnlRow r;
  FILE* pipe = popen(cmd.str().c_str(), "r");
  if (!pipe) return r;
  char line[512], worst[128] = "";
  while (std::fgets(line, sizeof line, pipe))
    if (std::sscanf(line, "dnnl tokens_per_s %lf rss_mb %lf grad_diff %lf worst %127s", &r.rate,
                    &r.rss_mb, &r.grad_diff, worst) >= 3)
      r.worst = worst;
  if (pclose(pipe) != 0) std::cerr << "warning: the oneDNN side failed: " << cmd.str() << '\n';
  return r;
}

struct Row {
  Config config;
  DnnlRow dnnl1, dnnl2;  // oneDNN at 1 and 2 OpenMP threads
  double unroll_rss_mb = 0;
  double dnnl() const { return std::max(dnnl1.rate, dnnl2.rate); }
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

// Unroll against oneDNN, and both against this machine's SGEMM peak.
void print_dnnl_table(const std::vector<Row>& rows, int vocab, double peak1, double peak2) {
  std::printf(
      "\nSGEMM peak (oneDNN sgemm, 2048^3): %.1f GFLOP/s on 1 thread, %.1f on 2\n"
      "\nUnroll vs oneDNN 2.6 training primitive (forward training + head + backward, zero "
      "initial state, no optimizer)\n%-18s %10s %10s %10s %7s %6s %6s %10s %13s %13s %9s %9s\n",
      peak1, peak2, "config", "unroll", "onednn t1", "onednn t2", "ratio", "goal", "result",
      "grad diff", "unroll GF/%pk", "onednn GF/%pk", "unroll MB", "onednn MB");
  for (const Row& r : rows) {
    const double u = r.unroll(), d = r.dnnl(), f = r.config.flops_per_token(vocab) * 1e-9;
    const double upeak = std::max(peak1, peak2), dpeak = upeak;
    const double goal = r.config.goal_dnnl;
    const char* result = d <= 0 || goal <= 0 ? "-" : u / d >= goal ? "pass" : "MISS";
    auto gf = [](double rate, double f, double peak) {
      return fixed(rate * f, 1) + "/" + fixed(100 * rate * f / peak, 0) + "%";
    };
    std::printf("%-18s %10.0f %10.0f %10.0f %7s %6s %6s %10.1e %13s %13s %9.0f %9.0f\n",
                r.config.key().c_str(), u, r.dnnl1.rate, r.dnnl2.rate, ratio_text(u, d).c_str(),
                goal > 0 ? (fixed(goal, 1) + "x").c_str() : "-", result,
                std::max(r.dnnl1.grad_diff, r.dnnl2.grad_diff), gf(u, f, upeak).c_str(),
                gf(d, f, dpeak).c_str(), r.unroll_rss_mb, std::max(r.dnnl1.rss_mb, r.dnnl2.rss_mb));
  }
  std::printf(
      "grad diff: largest |g_onednn - g_unroll| / max |g_unroll| over every tensor of one batch, "
      "same weights. GF/%%pk: model GFLOP/s (6 (G H^2 + V H) per token) and its share of the "
      "better SGEMM peak. MB: peak resident memory of each side "
      "(Unroll: both thread settings; oneDNN: its own process).\n");
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
    else if (a == "--no-dnnl")
      o.dnnl = false;
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
  for (const Config& c : configs()) {
    if (o.probe_only) break;
    if (c.key().find(o.only) == std::string::npos) continue;
    Row r;
    r.config = c;
    std::cerr << c.key() << ": unroll" << std::flush;
    reset_peak_rss();
    if (o.unroll1) r.unroll1 = measure_unroll(c, 1, task, o);
    if (o.unroll2) r.unroll2 = measure_unroll(c, 2, task, o);
    r.unroll_rss_mb = peak_rss_mb();
#ifdef UNROLL_HAVE_DNNL
    if (o.dnnl) {
      std::cerr << ", onednn" << std::flush;
      r.dnnl1 = measure_dnnl_child(c, 1, o);
      r.dnnl2 = measure_dnnl_child(c, 2, o);
    }
#endif
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
  std::vector<ProbeCost> probe_costs;
  for (const Config& c :
       {Config{CellType::Lstm, 1024, 32, 8}, Config{CellType::Lstm, 512, 64, 32}}) {
    if (c.key().find(o.only) == std::string::npos) continue;
    std::cerr << c.key() << ": probe cost\n";
    for (int threads : {1, 2})
      if (threads == 1 ? o.unroll1 : o.unroll2)
        probe_costs.push_back(measure_probe(c, threads, task, 3));
  }
  if (!rows.empty()) print_tables(rows, vocab, o.torch);
#ifdef UNROLL_HAVE_DNNL
  if (!rows.empty() && o.dnnl) {
    const double peak1 = sgemm_gflops(2048, 1), peak2 = sgemm_gflops(2048, 2);
    print_dnnl_table(rows, vocab, peak1, peak2);
  }
#endif
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
#ifdef UNROLL_HAVE_DNNL
    // The oneDNN side of one config, started by measure_dnnl_child.
    if (argc == 9 && std::string(argv[1]) == "--dnnl-child") {
      using namespace unroll;
      const std::string cell = argv[2];
      const CellType c = cell == "lstm"  ? CellType::Lstm
                         : cell == "gru" ? CellType::Gru
                                         : CellType::RnnTanh;
      const auto r = bench::measure_dnnl(c, std::stoi(argv[3]), std::stoi(argv[4]),
                                         std::stoi(argv[5]), bench::corpus65(), std::stoi(argv[6]),
                                         std::stod(argv[7]), std::stoi(argv[8]));
      std::printf("dnnl tokens_per_s %.1f rss_mb %.1f grad_diff %.3g worst %s\n", r.tokens_per_s,
                  r.peak_rss_mb, r.grad_diff, r.worst.empty() ? "-" : r.worst.c_str());
      return 0;
    }
#endif
    return unroll::bench::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "unroll_bench: " << e.what() << '\n';
    return 1;
  }
}
