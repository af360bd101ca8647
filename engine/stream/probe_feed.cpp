// From probe-stream records to the studio's per-rank views.
#include "stream/probe_feed.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"

namespace unroll {
namespace {

constexpr size_t kRecentSteps = 256;  // per rank, for the spread between ranks

void record_history(const StepReport& r, ProbeFeed::RankView& v) {
  ScalarHistory& h = v.history;
  h.beginStep(r.step);
  h.add(kLoss, r.loss);
  h.add(kGradNorm, r.grad_norm);
  h.add(kGradNormClipped, r.grad_norm_clipped);
  h.add(kClipEvent, r.clipped ? 1.0 : 0.0);
  h.add(kLearningRate, r.lr);
  if (r.probed)
    for (int k = 0; k < int(r.probes.size()) && k < kMaxLayers; ++k) {
      h.add(Series(kRadius0 + k), r.probes[size_t(k)].spectral_radius);
      h.add(Series(kSingular0 + k), r.probes[size_t(k)].max_singular);
    }
}

}  // namespace

StepReport to_step_report(const ProbeRun& run, const ProbeStep& s) {
  StepReport r;
  r.step = s.step;
  r.loss = s.loss;
  r.grad_norm = s.grad_norm;
  r.grad_norm_clipped = s.grad_norm_clipped;
  r.clipped = s.grad_norm_clipped < s.grad_norm * (1 - 1e-9);
  r.lr = s.lr;
  r.accepted = std::isfinite(s.loss) && std::isfinite(s.grad_norm);
  if (!r.accepted) {
    r.rejected_tensor = std::isfinite(s.loss) ? "gradient" : "loss";
    r.message = "step " + std::to_string(s.step) + ": the PyTorch run's " + r.rejected_tensor +
                " is not finite";
  }
  if (run.param_names.size() == s.param_grad_norms.size()) r.param_names = run.param_names;
  r.param_grad_norms = s.param_grad_norms;
  r.timestep_grad_norms = s.dh_norms;
  for (const auto& h : s.hidden) r.hidden.push_back(h);
  r.probed = !s.spectral_radius.empty();
  for (size_t k = 0; k < s.spectral_radius.size(); ++k) {
    LayerProbe p;
    p.spectral_radius = s.spectral_radius[k];
    p.max_singular = s.max_singular[k];
    r.probes.push_back(p);
  }
  return r;
}

ProbeFeed::RankView& ProbeFeed::view(int rank) {
  const auto it = ranks_.find(rank);
  if (it != ranks_.end()) return it->second;
  if (int(ranks_.size()) >= kMaxRanks)
    throw Error("the stream has more than " + std::to_string(kMaxRanks) +
                " ranks; stream fewer (ranks=0 streams rank 0 only)");
  return ranks_[rank];
}

void ProbeFeed::add(const ProbeRecord& record) {
  ++records_;
  if (const auto* run = std::get_if<ProbeRun>(&record)) {
    view(run->rank).run = *run;
    return;
  }
  if (const auto* end = std::get_if<ProbeEnd>(&record)) {
    RankView& v = view(end->rank);
    v.ended = true;
    v.end_reason = end->reason;
    return;
  }
  const auto& s = std::get<ProbeStep>(record);
  RankView& v = view(s.rank);
  StepReport r = to_step_report(v.run, s);
  record_history(r, v);
  if (!r.timestep_grad_norms.empty()) {
    v.heat.add(r.step, r.timestep_grad_norms);
    v.replay_step = r.step;
  } else if (v.has_report) {  // between replays the views keep the latest profile
    r.timestep_grad_norms = std::move(v.report.timestep_grad_norms);
    r.hidden = std::move(v.report.hidden);
  }
  if (!r.probed && v.has_report) r.probes = std::move(v.report.probes);
  v.report = std::move(r);
  v.has_report = true;
  ++v.steps;
  v.dropped = s.dropped;
  auto& recent = recent_[s.rank].loss_grad;
  recent[s.step] = {s.loss, s.grad_norm};
  while (recent.size() > kRecentSteps) recent.erase(recent.begin());
}

std::vector<int> ProbeFeed::ranks() const {
  std::vector<int> out;
  for (const auto& [r, v] : ranks_) out.push_back(r);
  return out;
}

const ProbeFeed::RankView* ProbeFeed::rank(int r) const {
  const auto it = ranks_.find(r);
  return it == ranks_.end() ? nullptr : &it->second;
}

bool ProbeFeed::all_ended() const {
  if (ranks_.empty()) return false;
  return std::all_of(ranks_.begin(), ranks_.end(), [](const auto& p) { return p.second.ended; });
}

ProbeFeed::Spread ProbeFeed::spread() const {
  Spread sp;
  if (recent_.empty()) return sp;
  // The newest step of the first rank that every other rank has too.
  const auto& first = recent_.begin()->second.loss_grad;
  for (auto it = first.rbegin(); it != first.rend(); ++it) {
    const long step = it->first;
    bool everywhere = true;
    for (const auto& [r, rec] : recent_)
      if (!rec.loss_grad.count(step)) everywhere = false;
    if (!everywhere) continue;
    sp.step = step;
    sp.ranks = int(recent_.size());
    sp.loss_min = sp.grad_norm_min = INFINITY;
    sp.loss_max = sp.grad_norm_max = -INFINITY;
    for (const auto& [r, rec] : recent_) {
      const auto& [loss, grad] = rec.loss_grad.at(step);
      sp.loss_min = std::min(sp.loss_min, loss);
      sp.loss_max = std::max(sp.loss_max, loss);
      sp.grad_norm_min = std::min(sp.grad_norm_min, grad);
      sp.grad_norm_max = std::max(sp.grad_norm_max, grad);
    }
    return sp;
  }
  return sp;
}

}  // namespace unroll
