// Connectivity through time on the task's example sequence: for a chosen prediction, each earlier
// input character shaded by how much that prediction's loss depends on it (||dL_t/dx_k||), and
// the matrix of every explained output t against every input k. Live: the training thread
// computes a new map every few dozen steps.
#pragma once
#include <QWidget>

#include "telemetry/step_report.h"

class QComboBox;
class QLabel;

namespace unroll::gui {

class HeatmapView;
class SentenceStrip;

class ConnectivityView : public QWidget {
  Q_OBJECT
 public:
  explicit ConnectivityView(QWidget* parent = nullptr);
  void setTokenLabels(const QStringList& labels);
  // The map computed at `step`; an empty map (a new run) clears the view.
  void showMap(long step, const ConnectivityMap& map);
  void clear();

  const ConnectivityMap& map() const { return m_map; }
  int selected() const;  // the explained position shown in the strip (index into positions)
  void select(int p);
  // The share of the selected prediction's dependence that lies on the sentence's country word
  // (the language task's sentences), NaN for other sequences.
  double countryShare() const;
  QString readout() const;
  HeatmapView* matrix() const { return m_matrix; }
  // As short as the other bottom docks: the live charts above keep their room.
  QSize sizeHint() const override { return {900, 170}; }

 private:
  void redraw();
  QString charText(int k) const;  // the input at step k as shown

  QLabel* m_readout;
  QComboBox* m_position;
  SentenceStrip* m_strip;
  HeatmapView* m_matrix;
  QStringList m_labels;
  ConnectivityMap m_map;
  long m_step = 0;
  std::pair<int, int> m_country{-1, -1};
};

}  // namespace unroll::gui
