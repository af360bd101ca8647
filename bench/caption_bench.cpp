// caption_bench: one image-captioner training step (conv encoder, attention decoder, forward,
// backward, clip, Adam) of Unroll against the same model in PyTorch
// (bench/caption_torch_bench.py, the module of scripts/load_caption_in_pytorch.py), in one run, one
// thread each side. Default shape from issue 15: 64x64 RGB images, 3 conv blocks (16p,32p,64p: an
// 8x8 grid of 64 channels), LSTM H=128 with additive attention and input feeding, captions of 12
// tokens, batch 32. Prints steps/s of both and their ratio (goal >= 2x).
//   caption_bench [--seconds S] [--hidden H] [--attention KIND] [--no-torch] [--python PATH]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>

#include "caption/captioner.h"
#include "train/clip.h"
#include "train/optimizer.h"

#ifndef UNROLL_CAPTION_TORCH_SCRIPT
#define UNROLL_CAPTION_TORCH_SCRIPT "bench/caption_torch_bench.py"
#endif

using namespace unroll;

namespace {

struct Options {
  double seconds = 6;
  int hidden = 128, image = 64, tgt = 12, batch = 32, vocab = 24;
  std::string attention = "additive";
  std::string python = "/usr/bin/python3";
  bool torch = true;
};

double cpu_seconds() { return double(std::clock()) / CLOCKS_PER_SEC; }

std::pair<double, double> measure_unroll(const Options& o) {
  CaptionConfig cfg;
  cfg.conv.height = cfg.conv.width = o.image;
  cfg.conv.blocks = {{16, 1, true}, {32, 1, true}, {64, 1, true}};
  cfg.hidden = o.hidden;
  cfg.embed_dim = 32;
  cfg.vocab = o.vocab;
  cfg.attention = parse_attention(o.attention);
  Captioner<float> model(cfg);
  Rng rng(1);
  model.initialize(rng);
  OptimizerConfig oc;
  oc.lr = 1e-3;
  Optimizer<float> opt(oc, model.params().size());
  const ClipConfig clip{ClipMode::Norm, 5.0};
  std::vector<CaptionBatch> batches(4);
  for (auto& b : batches) {
    b.B = o.batch;
    b.Tt = o.tgt;
    b.images.resize(cfg.conv.input_size(), o.batch);
    for (Index i = 0; i < b.images.size(); ++i) b.images.data()[i] = float(rng.uniform());
    for (int j = 0; j < o.tgt * o.batch; ++j) b.tgt.push_back(int32_t(3 + rng.below(o.vocab - 3)));
  }
  CaptionWorkspace<float> ws;
  Vec<float> g = Vec<float>::Zero(model.params().size());
  auto step = [&](long i) {
    model.forward(batches[size_t(i % 4)], 1.0, nullptr, ws);
    g.setZero();
    model.backward(ws, g.data());
    clip_gradients(g.data(), g.size(), double(g.norm()), clip);
    opt.step(model.params().data(), g.data(), oc.lr);
  };
  for (int i = 0; i < 2; ++i) step(i);
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  const double c0 = cpu_seconds();
  long n = 0;
  while (n < 1 || std::chrono::duration<double>(Clock::now() - t0).count() < o.seconds) step(n++);
  const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
  return {n / wall, n / (cpu_seconds() - c0)};
}

std::pair<double, double> measure_torch(const Options& o) {
  const std::string cmd = "OPENBLAS_NUM_THREADS=1 " + o.python + " " UNROLL_CAPTION_TORCH_SCRIPT +
                          " --hidden " + std::to_string(o.hidden) + " --image " +
                          std::to_string(o.image) + " --tgt " + std::to_string(o.tgt) +
                          " --batch " + std::to_string(o.batch) + " --vocab " +
                          std::to_string(o.vocab) + " --attention " + o.attention + " --seconds " +
                          std::to_string(o.seconds);
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
        std::cerr << "caption_bench: " << a << " needs a value\n";
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
      std::cerr << "caption_bench: unknown option " << a << "\n";
      return 2;
    }
  }
  const auto [uw, uc] = measure_unroll(o);
  std::printf(
      "captioner training step, %dx%d images, conv 16p,32p,64p, LSTM H=%d, %s attention, "
      "%d tokens, batch %d, 1 thread\n",
      o.image, o.image, o.hidden, o.attention.c_str(), o.tgt, o.batch);
  std::printf("  unroll   %8.2f steps/s  (%8.2f per CPU-second)\n", uw, uc);
  if (!o.torch) return 0;
  const auto [tw, tc] = measure_torch(o);
  if (tw <= 0) {
    std::printf("  torch    failed to run %s\n", UNROLL_CAPTION_TORCH_SCRIPT);
    return 1;
  }
  std::printf("  torch    %8.2f steps/s  (%8.2f per CPU-second)\n", tw, tc);
  std::printf("  ratio    %8.2fx wall, %.2fx CPU  (goal >= 2x)\n", uw / tw, uc / tc);
  return 0;
}
