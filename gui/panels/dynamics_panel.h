// Dynamics readout: spectral radius and largest singular value of each W_hh over training, the
// saturated and dead unit fractions, gate means, and the step's gradient verdict in plain words
// (the verdict the gradient-vs-timestep chart heads with, here with its cause).
#pragma once
#include <QList>
#include <QWidget>

#include "charts/verdict_text.h"
#include "model/config.h"
#include "session/frame.h"

class QLabel;
class QLineSeries;

namespace unroll::gui {

class ChartView;

class DynamicsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit DynamicsPanel(QWidget* parent = nullptr);
  void setCell(CellType cell) { m_cell = cell; }
  void showFrame(const Frame& frame);
  ChartView* view() const { return m_view; }
  QString verdict() const;
  const GradientVerdict& gradientVerdict() const { return m_gradientVerdict; }

 private:
  void ensureLayers(int layers);
  void showSeries(const Frame& frame);
  void showReadout(const Frame& frame);

  ChartView* m_view;
  QLabel* m_stats;
  QLabel* m_verdict;
  QList<QLineSeries*> m_radius, m_singular;
  QLineSeries* m_unit;
  CellType m_cell = CellType::RnnTanh;
  GradientVerdict m_gradientVerdict;
  uint64_t m_shownHistory = ~0ull;
  uint64_t m_shownVersion = ~0ull;
};

}  // namespace unroll::gui
