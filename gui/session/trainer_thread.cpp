// The training loop of the studio: drain commands, run one step if playing (or asked to), publish,
// and sleep on a condition variable when idle or pacing so that a command wakes it at once.
#include "session/trainer_thread.h"

#include <chrono>

#include "core/error.h"

namespace unroll::gui {
namespace {

// A full StepReport copy (hidden states, per-timestep norms) at most this often; histories and
// counters are updated every step. 100 Hz is above the GUI's frame rate.
constexpr qint64 kReportIntervalMs = 10;
// A new history chunk at most this often while training, and only once the GUI took the last
// one: at the studio's 40 Hz, every frame finds a fresh one and the copies cost one per frame.
constexpr qint64 kChunkIntervalMs = 20;

}  // namespace

TrainerThread::TrainerThread(QObject* parent) : QThread(parent) {
  m_publishClock.start();
  m_chunkClock.start();
}

TrainerThread::~TrainerThread() {
  requestStop();
  wait();
}

void TrainerThread::post(Command c) {
  {
    std::lock_guard lock(m_cmdMutex);
    m_queue.push_back(std::move(c));
  }
  m_wake.notify_one();
}

void TrainerThread::requestStop() {
  {
    std::lock_guard lock(m_cmdMutex);
    m_stop = true;
  }
  m_wake.notify_one();
}

std::unique_lock<std::mutex> TrainerThread::lockData() {
  const auto t0 = std::chrono::steady_clock::now();
  std::unique_lock lock(m_dataMutex);
  const int64_t ns =
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0)
          .count();
  // Only this thread writes the statistics.
  if (ns > m_lockWaitMaxNs.load(std::memory_order_relaxed))
    m_lockWaitMaxNs.store(ns, std::memory_order_relaxed);
  m_lockWaitTotalNs.fetch_add(ns, std::memory_order_relaxed);
  m_lockWaits.fetch_add(1, std::memory_order_relaxed);
  return lock;
}

std::unique_lock<std::mutex> TrainerThread::tryLockData() {
  std::unique_lock lock(m_dataMutex, std::try_to_lock);
  if (lock.owns_lock()) m_lockWaits.fetch_add(1, std::memory_order_relaxed);  // waited 0 ns
  return lock;
}

LockStats TrainerThread::lockStats() const {
  LockStats s;
  s.skipped = m_lockSkips.load();
  s.waits = m_lockWaits.load();
  s.maxWaitUs = double(m_lockWaitMaxNs.load()) * 1e-3;
  s.meanWaitUs = s.waits ? double(m_lockWaitTotalNs.load()) * 1e-3 / double(s.waits) : 0.0;
  return s;
}

void TrainerThread::resetLockStats() {
  m_lockWaitMaxNs = 0;
  m_lockWaitTotalNs = 0;
  m_lockWaits = 0;
  m_lockSkips = 0;
}

void TrainerThread::pull(Frame& into) {
  std::shared_ptr<const StepReport> report;
  std::shared_ptr<const std::vector<LayerProbe>> probes;
  std::shared_ptr<const HistoryChunk> chunk;
  {
    std::lock_guard lock(m_dataMutex);
    report = m_report;
    probes = m_probes;
    chunk = m_chunk;
    m_chunkTaken = true;
    into.generation = m_out.generation;
    into.version = m_out.version;
    into.historyVersion = m_out.historyVersion;
    into.probeStep = m_out.probeStep;
    into.travelCount = m_out.travelCount;
    into.travelledTo = m_out.travelledTo;
    into.steps = m_out.steps;
    into.elapsed = m_out.elapsed;
    into.playing = m_out.playing;
    into.stepsPerSecond = m_out.stepsPerSecond;
    into.nonFiniteCount = m_out.nonFiniteCount;
    into.lastNonFinite = m_out.lastNonFinite;
    into.errorCount = m_out.errorCount;
    into.modified = m_out.modified;
    into.rewindCount = m_out.rewindCount;
    into.rewoundTo = m_out.rewoundTo;
    into.lastError = m_out.lastError;
    into.settings = m_out.settings;
  }
  // The copies of what the pointers hold: the training thread never waits for these.
  into.droppedEvents = m_events.dropped();
  if (report != m_pulledReport) {
    into.hasReport = report != nullptr;
    into.report = report ? *report : StepReport{};
    m_pulledReport = std::move(report);
  }
  if (probes != m_pulledProbes) {
    into.hasProbes = probes != nullptr;
    into.probes = probes ? *probes : std::vector<LayerProbe>{};
    m_pulledProbes = std::move(probes);
  }
  if (chunk != m_pulledChunk && chunk) {
    into.history = chunk->history;
    into.heat = chunk->heat;
    into.keptSteps = chunk->keptSteps;
    into.ghosts = chunk->ghosts;
    m_pulledChunk = std::move(chunk);
  }
}

double TrainerThread::elapsed() const {
  return m_elapsedBefore + (m_playClock.isValid() ? m_playClock.nsecsElapsed() * 1e-9 : 0.0);
}

void TrainerThread::run() {
  using Clock = std::chrono::steady_clock;
  Clock::time_point nextDue = Clock::now();
  for (;;) {
    std::deque<Command> batch;
    bool idled = false;
    {
      std::unique_lock lock(m_cmdMutex);
      if (!wantsStep()) {
        m_wake.wait(lock, [&] { return m_stop || !m_queue.empty(); });
        idled = true;
      } else if (m_playing && m_stepsPerSecond > 0 && m_pendingSteps == 0) {
        // Teaching pace: sleep until the next step is due, unless a command arrives first.
        if (m_wake.wait_until(lock, nextDue, [&] { return m_stop || !m_queue.empty(); })) {
          // fall through to apply the commands; the step waits for the next round
        }
      }
      if (m_stop) break;
      batch.swap(m_queue);
    }
    if (idled && m_trainer) m_trainer->mark_idle();  // paused time is not the run's
    for (Command& c : batch) apply(c);
    if (!batch.empty()) {
      publishState(false);
      continue;  // re-evaluate pacing and state with the new settings
    }
    if (!wantsStep()) continue;
    if (m_playing && m_stepsPerSecond > 0 && m_pendingSteps == 0) {
      if (Clock::now() < nextDue) continue;
      nextDue = Clock::now() + std::chrono::microseconds(1000000 / m_stepsPerSecond);
    }
    try {
      doStep();
    } catch (const std::exception& e) {  // an engine error stops the run, never the studio
      m_playing = false;
      m_pendingSteps = 0;
      fail(QString::fromStdString(e.what()));
      publishState(false);
    }
  }
  if (m_playClock.isValid()) m_elapsedBefore += m_playClock.nsecsElapsed() * 1e-9;
  m_travel.reset();  // it refers to the trainer
  m_trainer.reset();
}

void TrainerThread::apply(Command& c) {
  try {
    std::visit([this](const auto& command) { on(command); }, c);
  } catch (const std::exception& e) {
    fail(QString::fromStdString(e.what()));
  }
  // The play clock runs while steps are wanted: elapsed time is training time, not idle time.
  if (wantsStep() && !m_playClock.isValid()) m_playClock.start();
  if (!wantsStep() && m_playClock.isValid()) {
    m_elapsedBefore += m_playClock.nsecsElapsed() * 1e-9;
    m_playClock.invalidate();
  }
}

void TrainerThread::on(const cmd::Play&) { m_playing = m_trainer != nullptr; }

void TrainerThread::on(const cmd::Pause&) {
  m_playing = false;
  m_pendingSteps = 0;
}

void TrainerThread::on(const cmd::Steps& c) {
  m_playing = false;
  if (m_trainer) m_pendingSteps += std::max(0, c.count);
}

// Live settings: the engine validates; the accepted value (or the unchanged one, with the
// engine's reason) goes back as a SettingsEvent, and only then into this thread's spec.
void TrainerThread::applyLiveSetting(const std::function<void()>& apply) {
  try {
    apply();
  } catch (const std::exception& e) {
    sendSettings(QString::fromStdString(e.what()));
    throw;
  }
  sendSettings({});
}

void TrainerThread::on(const cmd::SetLr& c) {
  applyLiveSetting([&] {
    OptimizerConfig o = m_spec.train.optimizer;
    o.lr = c.lr;
    o.validate();  // also without a model yet
    if (m_trainer) m_trainer->set_learning_rate(c.lr);
    m_spec.train.optimizer.lr = c.lr;
  });
}

void TrainerThread::on(const cmd::SetClip& c) {
  applyLiveSetting([&] {
    c.clip.validate();
    if (m_trainer) m_trainer->set_clip(c.clip);
    m_spec.train.clip = c.clip;
  });
}

void TrainerThread::on(const cmd::SetBptt& c) {
  applyLiveSetting([&] {
    c.bptt.validate(m_trainer ? m_trainer->config().seq : m_spec.train.seq);
    if (m_trainer) m_trainer->set_bptt(c.bptt);
    m_spec.train.bptt = c.bptt;
  });
}

void TrainerThread::on(const cmd::SetSpeed& c) { m_stepsPerSecond = std::max(0, c.stepsPerSecond); }

void TrainerThread::on(const cmd::Snapshot& c) {
  if (!c.reply) return;
  NetworkSnapshot s;
  if (m_trainer) s.net = std::make_shared<const Network<float>>(m_trainer->network());
  s.task = m_task;
  s.step = m_trainer ? m_trainer->steps() : 0;
  s.generation = m_generation;
  // The frame first: whoever gets the reply and then pulls sees every earlier command applied.
  publishState(false);
  c.reply(std::move(s));
}

void TrainerThread::on(const cmd::Watch& c) {
  m_watchId = c.id;
  m_watch = c;
  m_watchSteps = 0;
}

void TrainerThread::on(const cmd::Swap& c) {
  m_travel.reset();
  m_trainer.reset();
  m_playing = false;
  m_pendingSteps = 0;
  m_serial = c.serial;
  m_spec = c.spec;
  m_task = c.task;
  m_trainer = std::make_unique<Trainer>(c.spec.train, c.task);
  m_modified = false;
  resetRun();
}

void TrainerThread::resetRun() {
  ++m_generation;
  m_pendingSteps = 0;
  m_elapsedBefore = 0;
  if (m_playClock.isValid()) m_playClock.start();
  m_metrics.clear();
  if (m_trainer) {
    // A fresh run at step 0 holds nothing to lose (the studio asked before a trained one went).
    m_modified = false;
    m_trainer->reset();
    m_snapshots.start(*m_trainer);
  }
  publishState(true);
  startTravel();
}

void TrainerThread::record(const StepReport& r) {
  ScalarHistory& h = m_history;
  h.beginStep(r.step);
  h.add(kLoss, r.loss);
  h.add(kValLoss, r.val_loss);
  h.add(kGradNorm, r.grad_norm);
  h.add(kGradNormClipped, r.grad_norm_clipped);
  h.add(kClipEvent, r.clipped ? 1.0 : 0.0);
  h.add(kLearningRate, r.lr);
  h.add(kTokensPerS, r.tokens_per_s);
  if (r.probed) {
    double sat = 0, dead = 0;
    const int L = int(r.probes.size());
    for (int k = 0; k < L; ++k) {
      if (k < kMaxLayers) {
        h.add(Series(kRadius0 + k), r.probes[k].spectral_radius);
        h.add(Series(kSingular0 + k), r.probes[k].max_singular);
      }
      sat += r.probes[k].saturated_fraction;
      dead += r.probes[k].dead_fraction;
    }
    if (L > 0) {
      h.add(kSaturated, sat / L);
      h.add(kDead, dead / L);
    }
  }
  m_heat.add(r.step, r.timestep_grad_norms);
  updateKept();
  m_historyDirty = true;
}

void TrainerThread::checkWatch(const StepReport& r) {
  if (m_watchId == 0) return;
  ++m_watchSteps;
  if (m_watch.condition.met(r)) {
    if (m_watch.pauseWhenMet) pauseForWatch();
    m_events.push(ConditionEvent{m_watchId, r.step, m_watch.condition.value_of(r)});
    m_watchId = 0;
  } else if (m_watch.budget > 0 && m_watchSteps >= m_watch.budget) {
    pauseForWatch();
    m_events.push(BudgetEvent{m_watchId, r.step});
    m_watch.budget = 0;  // played on, the run is not stopped again; the condition is still watched
  }
}

void TrainerThread::pauseForWatch() {
  if (!m_playing && m_pendingSteps == 0) return;
  m_playing = false;
  m_pendingSteps = 0;
  if (m_playClock.isValid()) {
    m_elapsedBefore += m_playClock.nsecsElapsed() * 1e-9;
    m_playClock.invalidate();
  }
  publishState(false);  // the frame says paused before the event arrives
}

std::shared_ptr<const HistoryChunk> TrainerThread::makeChunk(bool force) {
  if (!m_historyDirty) return nullptr;
  if (!force && (!m_chunkTaken || m_chunkClock.elapsed() < kChunkIntervalMs)) return nullptr;
  auto chunk = std::make_shared<HistoryChunk>();
  chunk->history = m_history;
  chunk->heat = m_heat;
  chunk->keptSteps = m_keptSteps;
  chunk->ghosts = m_ghosts;
  m_historyDirty = false;
  m_chunkClock.restart();
  return chunk;
}

void TrainerThread::doStep() {
  // The trainer's step, and the timeline's kept points (m_travel exists whenever m_trainer does,
  // except if an open failed half-way; then the run simply has no timeline).
  const StepReport& r = m_travel ? m_travel->step() : m_trainer->step();
  if (m_pendingSteps > 0) --m_pendingSteps;
  const bool rejected = !r.accepted;
  if (rejected) {  // a rejected step pauses the run, also one given a number of steps
    m_playing = false;
    m_pendingSteps = 0;
  }
  if (!rejected) {
    m_modified = true;
    m_metrics.record(r);
    m_snapshots.observe(*m_trainer, r.loss);
    record(r);
  }
  // Latest wins: copy the whole report only when the GUI could show it.
  // A rejected step is reported as an event; the charts keep the last accepted step.
  const bool special =
      r.probed || !std::isnan(r.val_loss) || !m_playing || m_stepsPerSecond > 0 || !m_report;
  std::shared_ptr<const StepReport> report;
  std::shared_ptr<const std::vector<LayerProbe>> probes;
  if (!rejected && (special || m_publishClock.elapsed() >= kReportIntervalMs)) {
    report = std::make_shared<const StepReport>(r);
    m_publishClock.restart();
  }
  if (!rejected && r.probed) probes = std::make_shared<const std::vector<LayerProbe>>(r.probes);
  if (!wantsStep() && m_playClock.isValid()) {
    m_elapsedBefore += m_playClock.nsecsElapsed() * 1e-9;
    m_playClock.invalidate();
  }
  if (report) m_unpublishedReport = std::move(report);
  if (probes) {
    m_unpublishedProbes = std::move(probes);
    m_unpublishedProbeStep = r.step;
  }
  if (auto chunk = makeChunk(!wantsStep())) m_unpublishedChunk = std::move(chunk);
  NonFiniteEvent nonFinite;
  if (rejected)
    nonFinite = {r.step, QString::fromStdString(r.rejected_tensor),
                 QString::fromStdString(r.message)};
  bool published = false;
  {
    // Only pointer swaps and small values under the lock. While more steps follow, the frame is
    // latest-wins: if the GUI holds the lock right now, this step's frame is skipped, not waited
    // for, and what it carried goes out with the next one. The last step before the run stops
    // (which a rejected step always is) waits, so that the final state is never lost.
    auto lock = wantsStep() ? tryLockData() : lockData();
    if (lock.owns_lock()) {
      published = true;
      if (m_unpublishedReport) m_report.swap(m_unpublishedReport);
      if (m_unpublishedProbes) {
        m_probes.swap(m_unpublishedProbes);
        m_out.probeStep = m_unpublishedProbeStep;
      }
      if (m_unpublishedChunk) {
        m_chunk.swap(m_unpublishedChunk);
        m_chunkTaken = false;
        ++m_out.historyVersion;
      }
      if (rejected) {
        ++m_out.nonFiniteCount;
        m_out.lastNonFinite = nonFinite;
      }
      m_out.steps = m_trainer->steps();
      m_out.elapsed = elapsed();
      m_out.playing = m_playing;
      m_out.modified = m_modified;
      ++m_out.version;
    }
  }
  if (published) {  // the replaced objects are freed here, after the lock is released
    m_unpublishedReport.reset();
    m_unpublishedProbes.reset();
    m_unpublishedChunk.reset();
  } else {
    m_lockSkips.fetch_add(1, std::memory_order_relaxed);
  }
  // Events after the frame, so that the GUI, which drains events before it pulls, always sees a
  // frame at least as new as any event.
  if (rejected) m_events.push(std::move(nonFinite));
  if (!rejected && r.probed) m_events.push(ProbeEvent{r.step, r.probes});
  if (!rejected && r.connected) m_events.push(ConnectivityEvent{r.step, r.connectivity});
  if (!rejected && !std::isnan(r.val_loss))
    m_events.push(ValidationEvent{r.step, r.val_loss, r.val_accuracy});
  checkWatch(r);
}

void TrainerThread::publishState(bool newGeneration) {
  if (newGeneration) {
    m_history.clear();
    m_heat.clear();
    m_keptSteps.clear();
    m_ghosts.clear();
    m_historyDirty = true;
    m_unpublishedReport.reset();  // of the run that is gone
    m_unpublishedProbes.reset();
  }
  if (auto chunk = makeChunk(true)) m_unpublishedChunk = std::move(chunk);
  std::shared_ptr<const StepReport> report;
  std::shared_ptr<const std::vector<LayerProbe>> probes;
  const RunSettings settings = currentSettings();
  {
    auto lock = lockData();
    if (newGeneration) {
      ++m_out.generation;
      m_report.swap(report);
      m_probes.swap(probes);
      m_out.probeStep = 0;
      m_out.travelledTo = -1;
    }
    if (m_unpublishedReport) m_report.swap(m_unpublishedReport);
    if (m_unpublishedProbes) {
      m_probes.swap(m_unpublishedProbes);
      m_out.probeStep = m_unpublishedProbeStep;
    }
    if (m_unpublishedChunk) {
      m_chunk.swap(m_unpublishedChunk);
      m_chunkTaken = false;
      ++m_out.historyVersion;
    }
    m_out.steps = m_trainer ? m_trainer->steps() : 0;
    m_out.elapsed = elapsed();
    m_out.playing = m_playing;
    m_out.stepsPerSecond = m_stepsPerSecond;
    m_out.modified = m_modified;
    m_out.settings = settings;
    ++m_out.version;
  }
  m_unpublishedReport.reset();  // the replaced objects, freed after the lock is released
  m_unpublishedProbes.reset();
  m_unpublishedChunk.reset();
}

RunSettings TrainerThread::currentSettings() const {
  const TrainConfig& t = m_trainer ? m_trainer->config() : m_spec.train;
  return {t.optimizer.lr, t.clip, t.bptt};
}

void TrainerThread::sendSettings(const QString& refused) {
  publishState(false);  // the frame's settings first: events never run ahead of the frame
  m_events.push(SettingsEvent{currentSettings(), refused, m_serial});
}

void TrainerThread::fail(const QString& message) {
  {
    auto lock = lockData();
    ++m_out.errorCount;
    m_out.lastError = message;
  }
  m_events.push(EngineErrorEvent{message});
}

}  // namespace unroll::gui
