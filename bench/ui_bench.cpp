// ui_bench: the studio offscreen with training at full speed for a fixed time. Prints frames drawn
// per second, the p99 latency of posted UI events, training tokens/s against the same run without
// the studio (measured first, in this process), and resident memory at start and end.
#include <unistd.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "app/main_window.h"
#include "session/run_spec.h"
#include "session/training_controller.h"
#include "train/trainer.h"

using namespace unroll;
using namespace unroll::gui;

namespace {

double resident_mb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// Tokens per second of the demo's run without the studio: the CLI's loop, in this process.
double headless_tokens_per_s(const RunSpec& spec, double seconds) {
  TrainConfig cfg = spec.train;
  cfg.model.recurrent_gain = spec.recurrentGain;
  Trainer tr(cfg, makeTask(spec.data));
  long tokens = 0;
  const auto t0 = std::chrono::steady_clock::now();
  double elapsed = 0;
  while (elapsed < seconds) {
    tokens += tr.step().tokens;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  return double(tokens) / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  double seconds = 30;
  QString demo = "lstm";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--seconds")
      seconds = std::stod(argv[i + 1]);
    else if (a == "--demo")
      demo = argv[i + 1];
    else {
      std::fprintf(stderr, "usage: ui_bench [--seconds S (30)] [--demo NAME (lstm)]\n");
      return 2;
    }
  }
  RunSpec spec;
  if (!demoSpec(demo, &spec)) {
    std::fprintf(stderr, "ui_bench: unknown demo '%s'\n", qPrintable(demo));
    return 2;
  }
  const double headless = headless_tokens_per_s(spec, std::min(10.0, seconds / 3));

  MainWindow window(/*restoreLayout=*/false);
  window.resize(1600, 1000);
  window.show();
  if (!window.loadDemo(demo)) return 1;
  const double rss_start = resident_mb();
  TrainingController* ctl = window.controller();
  long frames = 0, first_step = -1, last_step = 0;
  QObject::connect(ctl, &TrainingController::frameReady, [&](const Frame& f) {
    ++frames;
    if (first_step < 0) first_step = f.steps;
    last_step = f.steps;
  });
  // A posted event every 10 ms: how late the event loop runs it is what a user's click would feel.
  std::vector<double> latency_ms;
  QElapsedTimer clock;
  clock.start();
  QTimer prober;
  prober.setInterval(10);
  QObject::connect(&prober, &QTimer::timeout, [&] {
    const qint64 posted = clock.nsecsElapsed();
    QMetaObject::invokeMethod(
        &app, [&, posted] { latency_ms.push_back(double(clock.nsecsElapsed() - posted) / 1e6); },
        Qt::QueuedConnection);
  });
  double rss_mid = 0;
  QTimer::singleShot(int(seconds * 500), [&] { rss_mid = resident_mb(); });
  QTimer::singleShot(int(seconds * 1000), &app, &QApplication::quit);
  window.play();
  prober.start();
  const auto t0 = std::chrono::steady_clock::now();
  app.exec();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double rss_end = resident_mb();
  const double studio_tps = ctl->frame().hasReport ? ctl->frame().report.tokens_per_s : 0;
  std::sort(latency_ms.begin(), latency_ms.end());
  const double p99 =
      latency_ms.empty() ? 0 : latency_ms[size_t(0.99 * double(latency_ms.size() - 1))];
  const double fps = double(frames) / wall;
  const double slowdown = headless > 0 ? 1.0 - studio_tps / headless : 0;
  std::printf("demo %s, %.0f s offscreen at 1600x1000, %ld training steps\n", qPrintable(demo),
              wall, last_step - std::max(0L, first_step));
  std::printf("frames drawn per second   %8.1f   (goal >= 30)   %s\n", fps,
              fps >= 30 ? "pass" : "MISS");
  std::printf("p99 posted-event latency  %8.1f ms (goal < 50)  %s\n", p99,
              p99 < 50 ? "pass" : "MISS");
  std::printf(
      "training tokens/s         %8.0f   vs %.0f without the studio: %.1f%% slower "
      "(goal < 15%%)  %s\n",
      studio_tps, headless, 100 * slowdown, slowdown < 0.15 ? "pass" : "MISS");
  std::printf("resident memory           %8.1f MB at start, %.1f MB half-way, %.1f MB at end\n",
              rss_start, rss_mid, rss_end);
  return 0;
}
