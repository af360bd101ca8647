// Gradient heatmap: one HeatmapView per layer sharing one colour scale.
#include "charts/grad_heatmap.h"

#include <QLabel>
#include <QVBoxLayout>
#include <cmath>

#include "charts/chart_view.h"
#include "charts/colormap.h"
#include "charts/heatmap_view.h"

namespace unroll::gui {

GradHeatmap::GradHeatmap(QWidget* parent) : QWidget(parent) {
  m_layout = new QVBoxLayout(this);
  m_layout->setContentsMargins(0, 0, 0, 0);
  m_layout->setSpacing(2);
  auto* title = new QLabel(tr("<b>Gradient heatmap</b> — ‖∂L/∂hₜ‖ per timestep over training"));
  title->setContentsMargins(6, 0, 6, 0);
  m_layout->addWidget(title);
  auto* v = new HeatmapView;
  v->setPlaceholder(tr("Gradients appear here once training runs."));
  m_layout->addWidget(v, 1);
  m_views << v;
}

void GradHeatmap::showFrame(const Frame& frame) {
  if (frame.historyVersion == m_shownHistory) return;
  m_shownHistory = frame.historyVersion;
  m_heat = frame.heat;
  const auto& cols = m_heat.columns();
  int layers = 0, steps = 0;
  for (const auto& c : cols) {
    layers = std::max(layers, int(c.sum.size()));
    for (const auto& s : c.sum) steps = std::max(steps, int(s.size()));
  }
  if (cols.empty() || layers == 0 || steps == 0) {
    for (int i = 1; i < m_views.size(); ++i) m_views[i]->hide();
    m_views[0]->setPlaceholder(tr("Gradients appear here once training runs."));
    return;
  }
  while (m_views.size() < layers) {
    auto* v = new HeatmapView;
    m_layout->addWidget(v, 1);
    m_views << v;
  }
  // One colour scale for all layers: the top 8 decades below the largest value.
  float hi = -INFINITY, lo = INFINITY;
  for (const auto& c : cols)
    for (int k = 0; k < layers; ++k)
      for (int t = 0; t < steps; ++t) {
        const float v = HeatHistory::value(c, k, t);
        if (std::isfinite(v)) {
          hi = std::max(hi, v);
          lo = std::min(lo, v);
        }
      }
  if (!std::isfinite(hi)) hi = lo = 0;
  lo = std::max(lo, hi - 8.f);
  if (hi - lo < 0.5f) lo = hi - 0.5f;
  const HeatmapView::Axis x{tr("training step"),
                            0.5 * (cols.front().firstStep + cols.front().lastStep),
                            0.5 * (cols.back().firstStep + cols.back().lastStep)};
  const HeatmapView::Axis y{tr("timestep t"), 0, double(steps - 1)};
  const HeatmapView::ColorBar bar{tr("‖∂L/∂hₜ‖"), lo, hi, false, true};
  for (int k = 0; k < m_views.size(); ++k) {
    HeatmapView* view = m_views[k];
    view->setVisible(k < layers);
    if (k >= layers) continue;
    QImage img(int(cols.size()), steps, QImage::Format_RGB32);
    bool grey = false;  // a cell no gradient reached (unscored steps, a truncation cut)
    for (int c = 0; c < int(cols.size()); ++c)
      for (int t = 0; t < steps; ++t) {
        const float v = HeatHistory::value(cols[c], k, t);
        grey = grey || !std::isfinite(v);
        img.setPixel(c, t, sequentialColor(std::isfinite(v) ? (v - lo) / (hi - lo) : NAN));
      }
    QString title = layers > 1 ? tr("layer %1").arg(k + 1) : QString();
    if (grey)
      title +=
          (title.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("grey: no gradient reached");
    view->setTitle(title);
    view->setData(std::move(img), x, y, bar);
    view->setTooltip([this, k](int col, int row) -> QString {
      const auto& cs = m_heat.columns();
      if (col >= int(cs.size())) return {};
      const auto& c = cs[col];
      const float v = HeatHistory::value(c, k, row);
      const QString steps = c.firstStep == c.lastStep
                                ? tr("step %1").arg(c.firstStep)
                                : tr("steps %1–%2").arg(c.firstStep).arg(c.lastStep);
      return tr("%1, t = %2<br>‖∂L/∂hₜ‖ = %3")
          .arg(steps)
          .arg(row)
          .arg(std::isfinite(v) ? formatValue(std::pow(10.0, double(v))) : tr("no gradient"));
    });
  }
}

}  // namespace unroll::gui
