// Hidden states of one sequence of the latest step: units (rows) by timestep (columns), diverging
// colours around zero, the input characters or values along the time axis (with the adding
// problem's two marked steps highlighted); one layer at a time.
#pragma once
#include <QStringList>
#include <QWidget>

#include "session/frame.h"

class QComboBox;

namespace unroll::gui {

class HeatmapView;

class HiddenHeatmap : public QWidget {
  Q_OBJECT
 public:
  explicit HiddenHeatmap(QWidget* parent = nullptr);
  void setTokenLabels(const QStringList& labels) { m_labels = labels; }
  void showFrame(const Frame& frame);
  HeatmapView* view() const { return m_view; }

 private:
  void redraw();
  QString inputText(int t) const;

  QComboBox* m_layer;
  HeatmapView* m_view;
  QStringList m_labels;
  std::vector<Eigen::MatrixXf> m_hidden;
  std::vector<int> m_tokens;
  std::vector<float> m_values;
  std::vector<int> m_marked;  // timesteps whose marker input (feature row 1, adding problem) is set
  uint64_t m_shownVersion = ~0ull;
};

}  // namespace unroll::gui
