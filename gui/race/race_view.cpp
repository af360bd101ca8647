// Race view: the studio's charts, configured for several entrants, and the result table.
#include "race/race_view.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>
#include <utility>

#include "charts/chart_view.h"
#include "charts/timestep_grad_chart.h"
#include "charts/verdict_text.h"
#include "race/race_form.h"

namespace unroll::gui {
namespace {

QTableWidgetItem* numberItem(const QString& text) {
  auto* item = new QTableWidgetItem(text);
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

}  // namespace

RaceView::RaceView(QWidget* parent) : QWidget(parent) {
  auto* split = new QSplitter(Qt::Vertical);
  split->addWidget(buildCharts());
  split->addWidget(buildResults());
  split->setStretchFactor(0, 4);
  split->setStretchFactor(1, 1);
  split->setChildrenCollapsible(false);
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(0, 0, 0, 0);
  v->addWidget(split);
}

QWidget* RaceView::buildCharts() {
  auto* w = new QWidget;
  auto* v = new QVBoxLayout(w);
  v->setContentsMargins(0, 0, 0, 0);
  m_loss = new LossChart;
  m_loss->setTitle(tr("<b>Training loss</b> — all entrants on one chart"));
  m_loss->view()->setMinimumHeight(260);
  v->addWidget(m_loss, 3);

  auto* gradTitle = new QLabel(
      tr("<b>Gradient vs timestep</b> — ‖∂L/∂hₜ‖ of each entrant's latest step, on the same "
         "log scale: a falling line to the left is a vanishing gradient"));
  gradTitle->setWordWrap(true);
  v->addWidget(gradTitle);
  auto* row = new QHBoxLayout;
  row->setSpacing(4);
  for (int i = 0; i < RaceSpec::kMaxEntrants; ++i) {
    auto* g = new TimestepGradChart;
    g->setSmallMultiple(QString(), raceColor(i));
    row->addWidget(g, 1);
    m_grads << g;
  }
  v->addLayout(row, 2);
  return w;
}

QWidget* RaceView::buildResults() {
  auto* w = new QWidget;
  auto* v = new QVBoxLayout(w);
  v->setContentsMargins(0, 0, 0, 0);
  auto* header = new QHBoxLayout;
  header->addWidget(new QLabel(tr("<b>Results</b>")));
  header->addStretch();
  m_export = new QPushButton(tr("Export CSV…"));
  m_export->setEnabled(false);
  header->addWidget(m_export);
  v->addLayout(header);
  m_table = new QTableWidget(0, 6);
  m_table->setHorizontalHeaderLabels({tr("Entrant"), tr("Cell"), tr("Final train loss"),
                                      tr("Validation loss"), tr("Steps"), tr("Seconds")});
  m_table->horizontalHeaderItem(2)->setToolTip(tr("Training loss of the last step"));
  m_table->horizontalHeaderItem(3)->setToolTip(
      tr("Loss on the task's validation batches after the last step"));
  m_table->horizontalHeaderItem(5)->setToolTip(
      tr("Wall time of this entrant's own steps and validation"));
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->setVisible(false);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  m_table->setMinimumHeight(120);
  v->addWidget(m_table, 1);
  connect(m_export, &QPushButton::clicked, this, &RaceView::exportClicked);
  return w;
}

ChartView* RaceView::lossView() const { return m_loss->view(); }

int RaceView::lossPointCount(int i) const { return m_loss->runPointCount(i); }

int RaceView::gradPointCount(int i) const {
  return i >= 0 && i < m_grads.size() ? m_grads[i]->pointCount() : 0;
}

void RaceView::reset(const QStringList& names, const QStringList& planned) {
  m_loss->showRuns({});
  const QStringList& shown = names.isEmpty() ? planned : names;
  for (int i = 0; i < m_grads.size(); ++i) {
    TimestepGradChart* g = m_grads[i];
    g->setVisible(i < shown.size());
    g->setTitle(shown.value(i));
    g->showProfile({}, 0);
    g->setCaption(names.isEmpty() ? tr("Waiting for the first step.") : QString());
  }
  m_table->setRowCount(int(names.size()));
}

void RaceView::showLosses(std::vector<LossChart::Run> runs, long budget) {
  m_loss->setLastStep(double(std::max(1L, budget)));  // the finish line is the right edge
  m_loss->showRuns(std::move(runs));
}

void RaceView::showProfiles(const std::vector<RaceProgress>& latest) {
  double lo = INFINITY, hi = -INFINITY;
  for (size_t i = 0; i < latest.size() && i < size_t(m_grads.size()); ++i) {
    TimestepGradChart* g = m_grads[int(i)];
    const RaceProgress& p = latest[i];
    const auto& norms = p.timestep_grad_norms;
    if (p.accepted && norms.empty()) continue;  // no step yet: the caption still says so
    g->showProfile(norms, p.truncation_cut);
    if (p.accepted)
      for (const auto& layer : norms)
        for (double y : layer)
          if (std::isfinite(y) && y > 0) lo = std::min(lo, y), hi = std::max(hi, y);
    if (!p.accepted) {
      g->setCaption(tr("step %1 was rejected: the loss or gradient overflowed, so no update was "
                       "made (%2 rejected so far)")
                        .arg(p.steps)
                        .arg(p.rejected));
    } else {
      g->setCaption(tr("step %1 · ‖g‖ %2%3 · %4")
                        .arg(p.steps)
                        .arg(formatValue(p.grad_norm))
                        .arg(p.clipped ? tr(" (clipped)") : QString())
                        .arg(verdictHeadline(g->verdict())));
    }
  }
  // One y range for all: the profiles are compared by eye, side by side.
  for (size_t i = 0; i < latest.size() && i < size_t(m_grads.size()); ++i) {
    ChartView* view = m_grads[int(i)]->view();
    const auto& norms = latest[i].timestep_grad_norms;
    view->setRoundXRange(norms.empty() ? 1.0 : double(norms.front().size()) - 1);
    view->setLogYRange(lo, hi);
  }
}

void RaceView::showResults(const std::vector<RaceResult>& results, const QStringList& names) {
  for (int i = 0; i < m_table->rowCount() && i < int(results.size()); ++i) {
    const RaceResult& r = results[size_t(i)];
    const QStringList cells{names.value(i),
                            RaceForm::cellLabel(r.cell),
                            formatValue(r.final_loss),
                            formatValue(r.val_loss),
                            r.rejected > 0 ? tr("%1 (%2 rejected)").arg(r.steps).arg(r.rejected)
                                           : QString::number(r.steps),
                            formatNumber(r.seconds, 2)};
    for (int c = 0; c < cells.size(); ++c) {
      if (!m_table->item(i, c)) {
        m_table->setItem(i, c, c < 2 ? new QTableWidgetItem : numberItem(QString()));
        if (c == 0) m_table->item(i, c)->setForeground(raceColor(i));
      }
      m_table->item(i, c)->setText(cells[c]);
    }
  }
}

}  // namespace unroll::gui
