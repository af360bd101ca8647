// Bounded metrics recording for checkpoints, and the replay of a loaded history into the charts.
#include "telemetry/metrics_recorder.h"

#include <cmath>

namespace unroll {

MetricsRecorder::MetricsRecorder(int maxRows, int maxProfiles)
    : m_rows(maxRows), m_profiles(maxProfiles) {
  clear();
}

void MetricsRecorder::clear() {
  m_columns = make_metrics_history().columns;
  m_rows.clear();
  m_profiles.clear();
  m_stale = true;
}

void MetricsRecorder::record(const StepReport& r) {
  if (!r.accepted) return;
  // A step that would merge into its bucket is thinned away: no need to build its row.
  if (m_rows.startsBucket(r.step)) {
    m_rows.add(r.step, {metrics_row(m_columns, r)});
    m_stale = true;
  }
  if (!r.timestep_grad_norms.empty() && m_profiles.startsBucket(r.step)) {
    m_profiles.add(r.step, {{r.step, r.window_start, r.timestep_grad_norms}});
    m_stale = true;
  }
}

void MetricsRecorder::assign(const MetricsHistory& h) {
  clear();
  if (h.columns.empty()) return;
  m_columns = h.columns;
  const size_t C = h.columns.size();
  for (size_t r = 0; r < h.rows(); ++r) {
    const double step = h.at(r, "step");
    std::vector<double> row(h.values.begin() + long(r * C), h.values.begin() + long(r * C + C));
    m_rows.add(std::isfinite(step) ? long(step) : 0, {std::move(row)});
  }
  for (const MetricsHistory::Timestep& t : h.timestep) m_profiles.add(t.step, {t});
}

void MetricsRecorder::truncateAfter(long step) {
  m_rows.truncateAfter(step);
  m_profiles.truncateAfter(step);
  m_stale = true;
}

const MetricsHistory& MetricsRecorder::history() const {
  if (!m_stale) return m_h;
  m_h = MetricsHistory{};
  m_h.columns = m_columns;
  m_h.values.reserve(m_rows.buckets().size() * m_columns.size());
  for (const auto& b : m_rows.buckets())
    m_h.values.insert(m_h.values.end(), b.value.begin(), b.value.end());
  m_h.timestep.reserve(m_profiles.buckets().size());
  for (const auto& b : m_profiles.buckets()) m_h.timestep.push_back(b.value);
  m_stale = false;
  return m_h;
}

void replayHistory(const MetricsHistory& h, ScalarHistory& scalars, HeatHistory& heat) {
  const std::pair<const char*, Series> map[] = {
      {"train_loss", kLoss},        {"val_loss", kValLoss},
      {"grad_norm", kGradNorm},     {"grad_norm_clipped", kGradNormClipped},
      {"clipped", kClipEvent},      {"lr", kLearningRate},
      {"tokens_per_s", kTokensPerS}};
  for (size_t r = 0; r < h.rows(); ++r) {
    scalars.beginStep(long(h.at(r, "step")));
    for (const auto& [name, series] : map) scalars.add(series, h.at(r, name));
  }
  for (const auto& p : h.timestep) heat.add(p.step, p.norms);
}

}  // namespace unroll
