// Time travel on the training thread: the timeline's ring of kept points (engine/teach/
// time_travel.h) and going back to one of them, with the charts' histories cut to match and the
// abandoned branch's loss curve kept as a ghost for comparison.
#include "core/error.h"
#include "session/trainer_thread.h"

namespace unroll::gui {
namespace {

// Kept points for the studio's timeline: the start and every 25th step at first, thinned so
// that at most 40 points span the whole run; at most 256 MiB of snapshots for large models.
TimeTravelConfig studioTravelConfig() {
  TimeTravelConfig c;
  c.every = 25;
  c.capacity = 40;
  c.thin = true;
  c.max_bytes = std::size_t(256) << 20;
  c.record_losses = false;  // the charts' histories already hold the losses
  return c;
}

}  // namespace

void TrainerThread::startTravel() {
  m_travel.reset();
  m_branchesLeft = 0;
  try {
    if (m_trainer) m_travel = std::make_unique<TimeTravel>(*m_trainer, studioTravelConfig());
  } catch (const std::exception& e) {  // out of memory for the first snapshot: no timeline
    m_travel.reset();
    fail(QString::fromStdString(e.what()));
  }
  m_ghosts.clear();
  updateKept();
  m_historyDirty = true;
  {
    auto lock = lockData();
    m_out.travelledTo = -1;
  }
  publishState(false);
}

void TrainerThread::updateKept() {
  if (!m_travel) {
    if (!m_keptSteps.empty()) m_historyDirty = true;
    m_keptSteps.clear();
    return;
  }
  if (m_keptSteps.size() == size_t(m_travel->kept()) && !m_keptSteps.empty() &&
      m_keptSteps.back() == m_travel->kept_steps().back())
    return;
  m_keptSteps = m_travel->kept_steps();
  m_historyDirty = true;
}

void TrainerThread::travelTo(long step) {
  if (!m_trainer || !m_travel) throw Error("there is no run to go back in yet");
  const long from = m_trainer->steps();
  const long to = m_travel->travel_to(step);  // throws, changing nothing, for an unkept past
  if (to == from) return;                     // already at that point: nothing to undo
  m_playing = false;
  m_pendingSteps = 0;
  m_modified = true;
  m_metrics.truncateAfter(to);
  m_snapshots.start(*m_trainer);  // known-good states of the abandoned branch no longer apply

  if (from > to) {
    GhostBranch g;
    g.id = ++m_branchesLeft;
    g.fromStep = to;
    g.toStep = from;
    g.lr = m_spec.train.optimizer.lr;
    g.clip = m_spec.train.clip.mode == ClipMode::None ? 0.0 : m_spec.train.clip.threshold;
    g.bptt = m_spec.train.bptt.truncated ? m_spec.train.bptt.k2 : 0;
    // The whole curve, shared past included, so that the chart smooths the ghost exactly as it
    // smoothed the live curve up to the branch point (it draws only the part after it).
    g.stride = m_history.stride();
    for (const Bucket& b : m_history.buckets()) {
      const Aggregate& a = b.s[kLoss];
      if (a.count > 0) g.points.emplace_back(0.5 * double(b.firstStep + b.lastStep), a.mean());
    }
    m_ghosts.push_back(std::move(g));
    if (int(m_ghosts.size()) > Frame::kMaxGhosts) m_ghosts.erase(m_ghosts.begin());
  }
  m_history.truncateAfter(to);
  m_heat.truncateAfter(to);
  updateKept();
  m_historyDirty = true;
  const StepReport& kept = m_travel->kept_report(to);
  const bool hasReport = kept.step == to && to > 0;
  std::shared_ptr<const StepReport> report;
  if (hasReport) report = std::make_shared<const StepReport>(kept);
  // The dynamics panel shows the latest probes: the kept step's if it was probed, else none
  // (the abandoned branch's would name a step that no longer happened).
  std::shared_ptr<const std::vector<LayerProbe>> probes;
  if (hasReport && kept.probed)
    probes = std::make_shared<const std::vector<LayerProbe>>(kept.probes);
  m_unpublishedReport.reset();  // of the abandoned branch
  m_unpublishedProbes.reset();
  {
    auto lock = lockData();
    m_out.probeStep = probes ? to : 0;
    m_report.swap(report);
    m_probes.swap(probes);
    ++m_out.travelCount;
    m_out.travelledTo = to;
  }
  publishState(false);
}

}  // namespace unroll::gui
