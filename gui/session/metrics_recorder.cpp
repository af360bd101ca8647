// Bounded metrics recording for checkpoints, and the replay of a loaded history into the charts.
#include "session/metrics_recorder.h"

#include <algorithm>

namespace unroll::gui {

MetricsRecorder::MetricsRecorder(size_t maxRows, size_t maxProfiles)
    : m_maxRows(std::max<size_t>(2, maxRows)), m_maxProfiles(std::max<size_t>(2, maxProfiles)) {
  clear();
}

void MetricsRecorder::clear() {
  m_h = make_metrics_history();
  m_stride = m_profileStride = 1;
}

void MetricsRecorder::record(const StepReport& r) {
  if (!r.accepted || r.step % m_stride != 0) return;
  record_step(m_h, r, r.step % m_profileStride == 0);
  thinRows();
  thinProfiles();
}

void MetricsRecorder::assign(const MetricsHistory& h) {
  clear();
  if (!h.columns.empty()) m_h = h;
  while (m_h.rows() > m_maxRows) thinRows();
  while (m_h.timestep.size() > m_maxProfiles) thinProfiles();
}

void MetricsRecorder::thinRows() {
  if (m_h.rows() < m_maxRows) return;
  const size_t C = m_h.columns.size(), R = m_h.rows();
  m_stride *= 2;
  std::vector<double> kept;
  kept.reserve(m_h.values.size() / 2 + C);
  for (size_t r = 0; r < R; ++r)
    if (long(m_h.values[r * C]) % m_stride == 0)
      kept.insert(kept.end(), m_h.values.begin() + long(r * C),
                  m_h.values.begin() + long(r * C + C));
  m_h.values.swap(kept);
}

void MetricsRecorder::thinProfiles() {
  if (m_h.timestep.size() < m_maxProfiles) return;
  m_profileStride *= 2;
  auto& ts = m_h.timestep;
  ts.erase(std::remove_if(ts.begin(), ts.end(),
                          [&](const auto& p) { return p.step % m_profileStride != 0; }),
           ts.end());
}

void MetricsRecorder::truncateAfter(long step) {
  const size_t C = m_h.columns.size();
  size_t r = m_h.rows();
  while (r > 0 && m_h.values[(r - 1) * C] > double(step)) --r;
  m_h.values.resize(r * C);
  auto& ts = m_h.timestep;
  while (!ts.empty() && ts.back().step > step) ts.pop_back();
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

}  // namespace unroll::gui
