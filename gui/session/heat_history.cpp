// Pairwise-merging column history for the gradient heatmap.
#include "session/heat_history.h"

#include <algorithm>
#include <cmath>

namespace unroll::gui {

HeatHistory::HeatHistory(int capacity) : m_capacity(std::max(2, capacity & ~1)) {
  m_columns.reserve(m_capacity);
}

void HeatHistory::clear() {
  m_columns.clear();
  m_stride = 1;
  m_sealed = false;
}

void HeatHistory::truncateAfter(long step) {
  while (!m_columns.empty() && m_columns.back().firstStep > step) m_columns.pop_back();
  m_sealed = !m_columns.empty() && m_columns.back().lastStep > step;
  if (m_sealed) m_columns.back().lastStep = step;
}

void HeatHistory::accumulate(Column& into, const Column& from) {
  if (into.sum.size() < from.sum.size()) {
    into.sum.resize(from.sum.size());
    into.n.resize(from.n.size());
  }
  for (size_t k = 0; k < from.sum.size(); ++k) {
    auto& s = into.sum[k];
    auto& n = into.n[k];
    if (s.size() < from.sum[k].size()) {
      s.resize(from.sum[k].size(), 0.f);
      n.resize(from.sum[k].size(), 0.f);
    }
    for (size_t t = 0; t < from.sum[k].size(); ++t) {
      s[t] += from.sum[k][t];
      n[t] += from.n[k][t];
    }
  }
  into.lastStep = std::max(into.lastStep, from.lastStep);
}

void HeatHistory::add(long step, const std::vector<std::vector<double>>& norms) {
  Column c;
  c.firstStep = c.lastStep = step;
  c.sum.resize(norms.size());
  c.n.resize(norms.size());
  for (size_t k = 0; k < norms.size(); ++k) {
    c.sum[k].assign(norms[k].size(), 0.f);
    c.n[k].assign(norms[k].size(), 0.f);
    for (size_t t = 0; t < norms[k].size(); ++t) {
      const double v = norms[k][t];
      if (v > 0 && std::isfinite(v)) {
        c.sum[k][t] = float(std::log10(v));
        c.n[k][t] = 1.f;
      }
    }
  }
  if (!m_sealed && !m_columns.empty() && step < m_columns.back().firstStep + m_stride) {
    accumulate(m_columns.back(), c);
    return;
  }
  m_sealed = false;
  if (int(m_columns.size()) == m_capacity) halve();
  m_columns.push_back(std::move(c));
}

void HeatHistory::halve() {
  const int n = int(m_columns.size()) / 2;
  for (int i = 0; i < n; ++i) {
    Column m = std::move(m_columns[2 * i]);
    accumulate(m, m_columns[2 * i + 1]);
    m_columns[i] = std::move(m);
  }
  m_columns.resize(n);
  m_stride *= 2;
}

float HeatHistory::value(const Column& c, int layer, int t) {
  if (layer >= int(c.sum.size()) || t >= int(c.sum[layer].size()) || c.n[layer][t] <= 0) return NAN;
  return c.sum[layer][t] / c.n[layer][t];
}

}  // namespace unroll::gui
