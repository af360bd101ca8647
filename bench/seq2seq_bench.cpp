// seq2seq_bench: one encoder–decoder training step (forward, backward, clip, Adam) of Unroll
// against the same model in PyTorch (bench/seq2seq_torch_bench.py), in one run, one thread each
// side. Default shape from issue 14: LSTM H=128, additive attention with input feeding, source and
// target length 20, batch 32. Prints steps/s of both and their ratio (goal >= 4x).
//   seq2seq_bench [--seconds S] [--hidden H] [--attention KIND] [--no-torch] [--python PATH]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>

#include "seq2seq/seq2seq_model.h"
#include "train/clip.h"
#include "train/optimizer.h"

#ifndef UNROLL_SEQ2SEQ_TORCH_SCRIPT
#define UNROLL_SEQ2SEQ_TORCH_SCRIPT "bench/seq2seq_torch_bench.py"
#endif

using namespace unroll;

namespace {

struct Options {
  double seconds = 6;
  int hidden = 128, src = 20, tgt = 20, batch = 32, vocab = 40;
  std::string attention = "additive";
  std::string python = "/usr/bin/python3";
  bool torch = true;
};

double cpu_seconds() { return double(std::clock()) / CLOCKS_PER_SEC; }

// Median-free but steady: steps per wall second and per CPU second over `seconds`, after warm-up.
std::pair<double, double> measure_unroll(const Options& o) {
  Seq2SeqConfig cfg;
  cfg.encoder_cell = cfg.decoder_cell = CellType::Lstm;
  cfg.encoder_hidden = cfg.decoder_hidden = o.hidden;
  cfg.embed_dim = 32;
  cfg.source_vocab = cfg.target_vocab = o.vocab;
  cfg.attention = parse_attention(o.attention);
  Seq2Seq<float> model(cfg);
  Rng rng(1);
  model.initialize(rng);
  OptimizerConfig oc;
  oc.lr = 1e-3;
  Optimizer<float> opt(oc, model.params().size());
  const ClipConfig clip{ClipMode::Norm, 5.0};
  std::vector<Seq2SeqBatch> batches(8);
  for (auto& b : batches) {
    b.B = o.batch;
    b.Ts = o.src;
    b.Tt = o.tgt;
    for (int j = 0; j < o.src * o.batch; ++j) b.src.push_back(int32_t(rng.below(o.vocab)));
    for (int j = 0; j < o.tgt * o.batch; ++j) b.tgt.push_back(int32_t(3 + rng.below(o.vocab - 3)));
  }
  Seq2SeqWorkspace<float> ws;
  Vec<float> g = Vec<float>::Zero(model.params().size());
  auto step = [&](long i) {
    const Seq2SeqBatch& b = batches[size_t(i % 8)];
    model.forward(b, {}, ws);
    g.setZero();
    model.backward(b, ws, g.data());
    clip_gradients(g.data(), g.size(), double(g.norm()), clip);
    opt.step(model.params().data(), g.data(), oc.lr);
  };
  for (int i = 0; i < 3; ++i) step(i);
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  const double c0 = cpu_seconds();
  long n = 0;
  while (n < 1 || std::chrono::duration<double>(Clock::now() - t0).count() < o.seconds) step(n++);
  const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
  return {n / wall, n / (cpu_seconds() - c0)};
}

std::pair<double, double> measure_torch(const Options& o) {
  const std::string cmd = "OPENBLAS_NUM_THREADS=1 " + o.python + " " UNROLL_SEQ2SEQ_TORCH_SCRIPT +
                          " --hidden " + std::to_string(o.hidden) + " --src " +
                          std::to_string(o.src) + " --tgt " + std::to_string(o.tgt) + " --batch " +
                          std::to_string(o.batch) + " --vocab " + std::to_string(o.vocab) +
                          " --attention " + o.attention + " --seconds " + std::to_string(o.seconds);
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return {0, 0};
  double wall = 0, cpu = 0;
  long steps = 0;
  if (std::fscanf(p, "steps_per_s %lf cpu_steps_per_s %lf steps %ld", &wall, &cpu, &steps) != 3)
    wall = cpu = 0;
  pclose(p);
  return {wall, cpu};
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "seq2seq_bench: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--seconds")
      o.seconds = std::atof(next().c_str());
    else if (a == "--hidden")
      o.hidden = std::atoi(next().c_str());
    else if (a == "--attention")
      o.attention = next();
    else if (a == "--python")
      o.python = next();
    else if (a == "--no-torch")
      o.torch = false;
    else {
      std::cerr << "seq2seq_bench: unknown option " << a << "\n";
      return 2;
    }
  }
  const auto [uw, uc] = measure_unroll(o);
  std::printf(
      "encoder-decoder training step, LSTM H=%d, %s attention, source %d, target %d, "
      "batch %d, 1 thread\n",
      o.hidden, o.attention.c_str(), o.src, o.tgt, o.batch);
  std::printf("  unroll   %8.2f steps/s  (%8.2f per CPU-second)\n", uw, uc);
  if (!o.torch) return 0;
  const auto [tw, tc] = measure_torch(o);
  if (tw <= 0) {
    std::printf("  torch    failed to run %s\n", UNROLL_SEQ2SEQ_TORCH_SCRIPT);
    return 1;
  }
  std::printf("  torch    %8.2f steps/s  (%8.2f per CPU-second)\n", tw, tc);
  std::printf("  ratio    %8.2fx wall, %.2fx CPU  (goal >= 4x)\n", uw / tw, uc / tc);
  return 0;
}
