// ui_bench: the studio offscreen with training at full speed for a fixed time. Prints frames drawn
// per second, the p99 latency of posted UI events, the training thread's longest wait for the lock
// it shares with the GUI's pull, training tokens/s against the same run without the studio
// (measured first, in this process), and resident memory at start and end. `--mode save` trains a
// two-layer LSTM with H=1024 instead and saves a checkpoint mid-run: the UI event latency while
// the checkpoint is written, and how long the answer took.
#include <unistd.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
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
  Trainer tr(spec.train, makeTask(spec.data));
  long tokens = 0;
  const auto t0 = std::chrono::steady_clock::now();
  double elapsed = 0;
  while (elapsed < seconds) {
    tokens += tr.step().tokens;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  return double(tokens) / elapsed;
}

// Posts an event every 10 ms: how late the event loop runs it is what a user's click would feel.
class LatencyProbe {
 public:
  explicit LatencyProbe(QObject* context) {
    m_clock.start();
    m_timer.setInterval(10);
    QObject::connect(&m_timer, &QTimer::timeout, context, [this, context] {
      const qint64 posted = m_clock.nsecsElapsed();
      QMetaObject::invokeMethod(
          context,
          [this, posted] {
            const double ms = double(m_clock.nsecsElapsed() - posted) / 1e6;
            m_all.push_back(ms);
            if (m_marking) m_marked.push_back(ms);
          },
          Qt::QueuedConnection);
    });
  }
  void start() { m_timer.start(); }
  void mark(bool on) { m_marking = on; }  // also collect into the marked window
  const std::vector<double>& all() const { return m_all; }
  const std::vector<double>& marked() const { return m_marked; }

 private:
  QElapsedTimer m_clock;
  QTimer m_timer;
  bool m_marking = false;
  std::vector<double> m_all, m_marked;  // ms
};

double percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[size_t(q * double(v.size() - 1))];
}

const char* verdict(bool pass) { return pass ? "pass" : "MISS"; }

// The save mode: an H=1024 two-layer LSTM on the text demo trains; after a warm-up a checkpoint is
// saved while the posted-event latency is recorded, until the save's answer arrives.
int saveMode(QApplication& app, double seconds) {
  RunSpec spec;
  demoSpec(QStringLiteral("lstm"), &spec);
  spec.train.model.cell = CellType::Lstm;
  spec.train.model.hidden = 1024;
  spec.train.model.layers = 2;
  spec.train.seq = 16;
  spec.train.batch = 4;
  spec.train.val_every = 0;
  spec.train.probe_every = 0;  // an eigen-decomposition of a 1024x1024 W_hh would dominate
  spec.demo.clear();
  spec = normalized(spec);
  MainWindow window(/*restoreLayout=*/false);
  window.resize(1600, 1000);
  window.show();
  TrainingController* ctl = window.controller();
  if (const QString why = ctl->setSpec(spec); !why.isEmpty()) {
    std::fprintf(stderr, "ui_bench: %s\n", qPrintable(why));
    return 1;
  }
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("large.unroll"));
  // Read before quitting: quit() closes the window, which joins the training thread.
  LockStats lock;
  long steps = 0;
  auto quit = [&] {
    lock = ctl->trainerLockStats();
    steps = ctl->frame().steps;
    app.quit();
  };
  long frames = 0;
  QObject::connect(ctl, &TrainingController::frameReady, [&](const Frame&) { ++frames; });
  LatencyProbe probe(&app);
  QElapsedTimer saveClock;
  double saveMs = 0;
  bool saved = false;
  uint64_t request = 0;
  QObject::connect(ctl, &TrainingController::fileFinished, [&](const FileResult& r) {
    if (r.id != request) return;
    saveMs = double(saveClock.nsecsElapsed()) / 1e6;
    saved = r.ok;
    if (!r.ok) std::fprintf(stderr, "ui_bench: save failed: %s\n", qPrintable(r.message));
    probe.mark(false);
    QTimer::singleShot(500, &app, quit);  // a little training after the save
  });
  // Warm-up, then the save; the whole run is bounded in case the answer never comes.
  QTimer::singleShot(int(std::max(1.0, seconds / 3) * 1000), [&] {
    std::fprintf(stderr, "ui_bench: saving at step %ld\n", ctl->frame().steps);
    ctl->resetTrainerLockStats();
    probe.mark(true);
    saveClock.start();
    request = ctl->saveFile(path);
  });
  QTimer::singleShot(int(std::max(seconds, 60.0) * 1000), &app, quit);
  window.play();
  probe.start();
  const auto t0 = std::chrono::steady_clock::now();
  app.exec();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double worst = percentile(probe.marked(), 1.0);
  const double p99 = percentile(probe.marked(), 0.99);
  const double fileMb = double(QFileInfo(path).size()) / (1024.0 * 1024.0);
  std::printf("save mode: LSTM 2x1024, %.0f s offscreen at 1600x1000, %ld training steps\n", wall,
              steps);
  std::printf("checkpoint written        %8s   %.1f MB, answered after %.0f ms\n",
              saved ? "yes" : "NO", fileMb, saveMs);
  std::printf("event latency during save %8.1f ms worst, %.1f ms p99 (goal < 50)  %s\n", worst, p99,
              verdict(saved && worst < 50));
  std::printf("frames drawn per second   %8.1f   over the whole run\n", double(frames) / wall);
  std::printf("trainer lock wait         %8.1f us longest (mean %.2f us over %llu waits)\n",
              lock.maxWaitUs, lock.meanWaitUs, (unsigned long long)lock.waits);
  return saved ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  double seconds = 30;
  QString demo = "lstm", mode = "run";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--seconds")
      seconds = std::stod(argv[i + 1]);
    else if (a == "--demo")
      demo = argv[i + 1];
    else if (a == "--mode")
      mode = argv[i + 1];
    else {
      std::fprintf(stderr,
                   "usage: ui_bench [--seconds S (30)] [--demo NAME (lstm)] [--mode run|save]\n");
      return 2;
    }
  }
  if (mode == "save") return saveMode(app, seconds);
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
  LatencyProbe probe(&app);
  double rss_mid = 0;
  QTimer::singleShot(int(seconds * 500), [&] { rss_mid = resident_mb(); });
  // Read before quitting: quit() closes the window, which joins the training thread.
  LockStats lock;
  QTimer::singleShot(int(seconds * 1000), &app, [&] {
    lock = ctl->trainerLockStats();
    app.quit();
  });
  ctl->resetTrainerLockStats();
  window.play();
  probe.start();
  const auto t0 = std::chrono::steady_clock::now();
  app.exec();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double rss_end = resident_mb();
  const double studio_tps = ctl->frame().hasReport ? ctl->frame().report.tokens_per_s : 0;
  const double p99 = percentile(probe.all(), 0.99);
  const double fps = double(frames) / wall;
  const double slowdown = headless > 0 ? 1.0 - studio_tps / headless : 0;
  std::printf("demo %s, %.0f s offscreen at 1600x1000, %ld training steps\n", qPrintable(demo),
              wall, last_step - std::max(0L, first_step));
  std::printf("frames drawn per second   %8.1f   (goal >= 30)   %s\n", fps,
              fps >= 30 ? "pass" : "MISS");
  std::printf("p99 posted-event latency  %8.1f ms (goal < 50)  %s\n", p99,
              p99 < 50 ? "pass" : "MISS");
  std::printf(
      "trainer lock wait         %8.1f us longest per step (goal < 50), mean %.2f us over %llu  "
      "%s\n",
      lock.maxWaitUs, lock.meanWaitUs, (unsigned long long)lock.waits,
      verdict(lock.maxWaitUs < 50));
  std::printf(
      "training tokens/s         %8.0f   vs %.0f without the studio: %.1f%% slower "
      "(goal < 15%%)  %s\n",
      studio_tps, headless, 100 * slowdown, slowdown < 0.15 ? "pass" : "MISS");
  std::printf("resident memory           %8.1f MB at start, %.1f MB half-way, %.1f MB at end\n",
              rss_start, rss_mid, rss_end);
  return 0;
}
