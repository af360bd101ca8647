// The length sweep's chart and table: exact-translation accuracy against source length, one line
// per attention kind, each point added as its run finishes (the headline result of the attention
// papers: without attention accuracy falls as sentences grow; with it, it holds much longer).
#pragma once
#include <QList>
#include <QWidget>
#include <vector>

#include "seq2seq/length_sweep.h"

class QLabel;
class QLineSeries;
class QTableWidget;

namespace unroll::gui {

class ChartView;

class LengthSweepView : public QWidget {
  Q_OBJECT
 public:
  explicit LengthSweepView(QWidget* parent = nullptr);

  // Empties the chart for a sweep of these lengths and attention kinds.
  void reset(const std::vector<int>& lengths, const std::vector<AttentionKind>& kinds, long steps);
  void addCell(const LengthSweepCell& cell);
  const std::vector<LengthSweepCell>& cells() const { return m_cells; }
  int pointCount(AttentionKind kind) const;  // points on that kind's line (tests)
  QTableWidget* table() const { return m_table; }
  QString summary() const;  // the sentence under the chart
  ChartView* view() const { return m_view; }

 private:
  void updateSummary();

  ChartView* m_view;
  QList<QLineSeries*> m_lines;  // per attentionKinds() entry
  QTableWidget* m_table;
  QLabel* m_summary;
  std::vector<int> m_lengths;
  std::vector<AttentionKind> m_kinds;
  std::vector<LengthSweepCell> m_cells;
  long m_steps = 0;
};

}  // namespace unroll::gui
