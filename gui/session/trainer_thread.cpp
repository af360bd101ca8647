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

}  // namespace

TrainerThread::TrainerThread(QObject* parent) : QThread(parent) { m_publishClock.start(); }

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

void TrainerThread::pull(Frame& into) {
  std::lock_guard lock(m_dataMutex);
  const bool newHistory =
      into.historyVersion != m_out.historyVersion || into.generation != m_out.generation;
  if (into.version != m_out.version || into.generation != m_out.generation) {
    into.hasReport = m_out.hasReport;
    into.report = m_out.report;
    into.hasProbes = m_out.hasProbes;
    into.probeStep = m_out.probeStep;
    into.probes = m_out.probes;
  }
  if (newHistory) {
    into.history = m_out.history;
    into.heat = m_out.heat;
    into.keptSteps = m_out.keptSteps;
    into.ghosts = m_out.ghosts;
  }
  into.travelCount = m_out.travelCount;
  into.travelledTo = m_out.travelledTo;
  into.generation = m_out.generation;
  into.version = m_out.version;
  into.historyVersion = m_out.historyVersion;
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
  into.lastFile = m_out.lastFile;
  into.lastError = m_out.lastError;
}

double TrainerThread::elapsed() const {
  return m_elapsedBefore + (m_playClock.isValid() ? m_playClock.nsecsElapsed() * 1e-9 : 0.0);
}

void TrainerThread::run() {
  using Clock = std::chrono::steady_clock;
  Clock::time_point nextDue = Clock::now();
  for (;;) {
    std::deque<Command> batch;
    {
      std::unique_lock lock(m_cmdMutex);
      if (!wantsStep()) {
        m_wake.wait(lock, [&] { return m_stop || !m_queue.empty(); });
      } else if (m_playing && m_stepsPerSecond > 0 && m_pendingSteps == 0) {
        // Teaching pace: sleep until the next step is due, unless a command arrives first.
        if (m_wake.wait_until(lock, nextDue, [&] { return m_stop || !m_queue.empty(); })) {
          // fall through to apply the commands; the step waits for the next round
        }
      }
      if (m_stop) break;
      batch.swap(m_queue);
    }
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
    switch (c.kind) {
      case Command::Play:
        m_playing = m_trainer != nullptr;
        break;
      case Command::Pause:
        m_playing = false;
        m_pendingSteps = 0;
        break;
      case Command::StepOnce:
        m_playing = false;
        if (m_trainer) ++m_pendingSteps;
        break;
      case Command::Reset:
        resetRun();
        break;
      case Command::SetLr:
        m_spec.train.optimizer.lr = c.value;
        if (m_trainer) m_trainer->set_learning_rate(c.value);
        break;
      case Command::SetClip:
        if (m_trainer) m_trainer->set_clip(c.clip);
        m_spec.train.clip = c.clip;
        break;
      case Command::SetBptt:
        if (m_trainer) m_trainer->set_bptt(c.bptt);
        m_spec.train.bptt = c.bptt;
        break;
      case Command::SetSpeed:
        m_stepsPerSecond = std::max(0, int(c.value));
        break;
      case Command::Swap:
        build(c);
        break;
      case Command::Snapshot:
        if (c.reply) {
          NetworkSnapshot s;
          if (m_trainer) s.net = std::make_shared<const Network<float>>(m_trainer->network());
          s.task = m_task;
          s.step = m_trainer ? m_trainer->steps() : 0;
          s.generation = m_generation;
          c.reply(std::move(s));
        }
        break;
      case Command::Rewind:
        rewind();
        break;
      case Command::SaveFile:
        saveFile(c);
        break;
      case Command::OpenFile:
        openFile(c);
        break;
      case Command::TravelTo:
        travelTo(long(c.value));
        break;
    }
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

void TrainerThread::build(const Command& c) {
  m_travel.reset();
  m_trainer.reset();
  m_playing = false;
  m_pendingSteps = 0;
  m_spec = c.spec;
  m_task = c.task;
  TrainConfig config = c.spec.train;
  config.model.recurrent_gain = c.spec.recurrentGain;  // applied by every (re-)initialisation
  m_trainer = std::make_unique<Trainer>(config, c.task);
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
    if (m_trainer->steps() > 0) m_modified = true;  // the trained state is gone
    m_trainer->reset();
    m_snapshots.start(*m_trainer);
  }
  publishState(true);
  startTravel();
}

void TrainerThread::doStep() {
  // The trainer's step, and the timeline's kept points (m_travel exists whenever m_trainer does,
  // except if an open failed half-way; then the run simply has no timeline).
  const StepReport& r = m_travel ? m_travel->step() : m_trainer->step();
  if (m_pendingSteps > 0) --m_pendingSteps;
  const bool rejected = !r.accepted;
  if (rejected) m_playing = false;
  if (!rejected) {
    m_modified = true;
    m_metrics.record(r);
    m_snapshots.observe(*m_trainer, r.loss);
  }
  std::lock_guard lock(m_dataMutex);
  if (!rejected) {
    ScalarHistory& h = m_out.history;
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
      m_out.hasProbes = true;
      m_out.probeStep = r.step;
      m_out.probes = r.probes;
    }
    m_out.heat.add(r.step, r.timestep_grad_norms);
    publishKept();
    ++m_out.historyVersion;
  } else {
    ++m_out.nonFiniteCount;
    m_out.lastNonFinite = {r.step, QString::fromStdString(r.rejected_tensor),
                           QString::fromStdString(r.message)};
  }
  // Latest wins: copy the whole report only when the GUI could show it.
  // A rejected step is reported as an event; the charts keep the last accepted step.
  const bool special =
      r.probed || !std::isnan(r.val_loss) || !m_playing || m_stepsPerSecond > 0 || !m_out.hasReport;
  if (!rejected && (special || m_publishClock.elapsed() >= kReportIntervalMs)) {
    m_out.report = r;
    m_out.hasReport = true;
    m_publishClock.restart();
  }
  if (!wantsStep() && m_playClock.isValid()) {
    m_elapsedBefore += m_playClock.nsecsElapsed() * 1e-9;
    m_playClock.invalidate();
  }
  m_out.steps = m_trainer->steps();
  m_out.elapsed = elapsed();
  m_out.playing = m_playing;
  m_out.modified = m_modified;
  ++m_out.version;
}

void TrainerThread::publishState(bool newGeneration) {
  std::lock_guard lock(m_dataMutex);
  if (newGeneration) {
    ++m_out.generation;
    m_out.hasReport = m_out.hasProbes = false;
    m_out.report = StepReport{};
    m_out.probes.clear();
    m_out.history.clear();
    m_out.heat.clear();
    m_out.keptSteps.clear();
    m_out.ghosts.clear();
    m_out.travelledTo = -1;
    ++m_out.historyVersion;
  }
  m_out.steps = m_trainer ? m_trainer->steps() : 0;
  m_out.elapsed = elapsed();
  m_out.playing = m_playing;
  m_out.stepsPerSecond = m_stepsPerSecond;
  m_out.modified = m_modified;
  ++m_out.version;
}

void TrainerThread::fail(const QString& message) {
  std::lock_guard lock(m_dataMutex);
  ++m_out.errorCount;
  m_out.lastError = message;
}

}  // namespace unroll::gui
