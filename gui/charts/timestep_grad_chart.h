// ||dL/dh_t|| against the timestep t for each layer of the latest step, on a log scale, with the
// fitted geometric rate drawn dashed and stated in words: vanishing or exploding seen as a slope.
#pragma once
#include <QList>
#include <QWidget>

#include "charts/gradient_fit.h"
#include "session/frame.h"

class QLabel;
class QLineSeries;

namespace unroll::gui {

class ChartView;

class TimestepGradChart : public QWidget {
  Q_OBJECT
 public:
  explicit TimestepGradChart(QWidget* parent = nullptr);
  void showFrame(const Frame& frame);
  ChartView* view() const { return m_view; }
  const GradientFit& fit() const { return m_fit; }  // of the first layer
  int pointCount() const;

 private:
  void ensureLayers(int layers);

  ChartView* m_view;
  QLabel* m_fitLabel;
  QList<QLineSeries*> m_layers;
  QList<QLineSeries*> m_fits;
  GradientFit m_fit;
  uint64_t m_shownVersion = ~0ull;
};

}  // namespace unroll::gui
