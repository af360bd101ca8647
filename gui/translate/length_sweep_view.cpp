// The length sweep's chart and table (length_sweep_view.h).
#include "translate/length_sweep_view.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

#include "charts/chart_view.h"
#include "translate/translation_form.h"

namespace unroll::gui {
namespace {

QColor kindColor(int i) {
  static const QColor colors[] = {QColor(214, 39, 40), QColor(31, 119, 180), QColor(44, 160, 44),
                                  QColor(148, 103, 189)};
  return colors[i % 4];
}

}  // namespace

LengthSweepView::LengthSweepView(QWidget* parent) : QWidget(parent) {
  auto* box = new QVBoxLayout(this);
  box->setContentsMargins(0, 0, 0, 0);
  box->addWidget(new QLabel(tr("<b>Exact translations against sentence length</b>")));
  m_view = new ChartView;
  m_view->setXLabel(tr("length"));
  m_view->xAxis()->setTitleText(tr("source length (task's length parameter)"));
  m_view->setXIntegers(true);
  m_view->setYAxis(false, tr("exact translations (validation, %)"));
  for (int i = 0; i < attentionKinds().size(); ++i) {
    auto* line = new QLineSeries;
    line->setName(attentionName(attentionKinds()[i]));
    QPen pen(kindColor(i));
    pen.setWidthF(2.0);
    line->setPen(pen);
    line->setPointsVisible(true);  // each finished run is a point
    m_view->addSeries(line);
    m_lines << line;
  }
  box->addWidget(m_view, 1);
  m_summary = new QLabel;
  m_summary->setWordWrap(true);
  box->addWidget(m_summary);
  m_table = new QTableWidget(0, 6);
  m_table->setHorizontalHeaderLabels({tr("attention"), tr("length"), tr("exact"), tr("BLEU"),
                                      tr("token accuracy"), tr("seconds")});
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->verticalHeader()->hide();
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setMaximumHeight(170);
  box->addWidget(m_table);
  reset({}, {}, 0);
}

void LengthSweepView::reset(const std::vector<int>& lengths,
                            const std::vector<AttentionKind>& kinds, long steps) {
  m_lengths = lengths;
  m_kinds = kinds;
  m_steps = steps;
  m_cells.clear();
  for (int i = 0; i < m_lines.size(); ++i) {
    const bool used = std::find(kinds.begin(), kinds.end(), attentionKinds()[i]) != kinds.end();
    m_lines[i]->clear();
    m_lines[i]->setVisible(used);
  }
  m_table->setRowCount(0);
  auto* y = qobject_cast<QValueAxis*>(m_view->yAxis());
  if (y) {  // in percent, so the ticks read 0%, 20%, … 100%
    y->setRange(0, 100);
    y->setTickCount(6);
    y->setLabelFormat(QStringLiteral("%.0f%%"));
  }
  if (!lengths.empty()) {
    m_view->setRoundXRange(*std::max_element(lengths.begin(), lengths.end()));
  }
  updateSummary();
}

void LengthSweepView::addCell(const LengthSweepCell& c) {
  m_cells.push_back(c);
  const int i = int(attentionKinds().indexOf(c.attention));
  if (i >= 0) {
    m_lines[i]->append(c.length, 100 * c.metrics.exact);
  }
  const int row = m_table->rowCount();
  m_table->insertRow(row);
  const QStringList cells{
      attentionName(c.attention),
      QString::number(c.length),
      QString::number(100 * c.metrics.exact, 'f', 1) + QStringLiteral("%"),
      QString::number(100 * c.metrics.bleu, 'f', 1),
      QString::number(100 * c.metrics.token_accuracy, 'f', 1) + QStringLiteral("%"),
      QString::number(c.seconds, 'f', 1)};
  for (int k = 0; k < cells.size(); ++k) m_table->setItem(row, k, new QTableWidgetItem(cells[k]));
  updateSummary();
}

int LengthSweepView::pointCount(AttentionKind kind) const {
  const int i = int(attentionKinds().indexOf(kind));
  return i < 0 ? 0 : int(m_lines[i]->count());
}

QString LengthSweepView::summary() const { return m_summary->text(); }

void LengthSweepView::updateSummary() {
  const size_t total = m_lengths.size() * m_kinds.size();
  if (total == 0) {
    m_summary->setText(
        tr("Run a sweep: one model per length and attention kind, the same "
           "budget and seed for each."));
    return;
  }
  if (m_cells.size() < total) {
    m_summary->setText(
        tr("%1 of %2 runs done (%3 steps each).").arg(m_cells.size()).arg(total).arg(m_steps));
    return;
  }
  // Finished: say what the longest length shows, kind by kind, in the chart's own numbers.
  const int longest = *std::max_element(m_lengths.begin(), m_lengths.end());
  QStringList parts;
  for (AttentionKind k : m_kinds)
    for (const LengthSweepCell& c : m_cells)
      if (c.attention == k && c.length == longest)
        parts << tr("%1 %2%").arg(attentionName(k)).arg(100 * c.metrics.exact, 0, 'f', 0);
  m_summary->setText(
      tr("Done. At length %1: %2.").arg(longest).arg(parts.join(QStringLiteral(", "))));
}

}  // namespace unroll::gui
