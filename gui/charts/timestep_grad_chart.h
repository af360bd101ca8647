// ||dL/dh_t|| against the timestep t for each layer of the latest step, on a log scale, with the
// fitted geometric rate drawn dashed, and the step's gradient verdict (the same one the dynamics
// panel words) as its headline: vanishing or exploding seen as a slope. For an LSTM also the cell
// state's ||dL/dc_t|| (dotted), and for LSTM and GRU the mean gate that keeps the state (the
// forget gate f_t, the update gate z_t) on a 0..1 axis at the right.
// The race shows one per entrant, as small multiples in the entrant's colour.
#pragma once
#include <QColor>
#include <QList>
#include <QWidget>

#include "charts/comparison_run.h"
#include "charts/verdict_text.h"
#include "session/frame.h"

class QLabel;
class QLineSeries;
class QValueAxis;

namespace unroll::gui {

class ChartView;

class TimestepGradChart : public QWidget {
  Q_OBJECT
 public:
  explicit TimestepGradChart(QWidget* parent = nullptr);
  void showFrame(const Frame& frame);
  // One step's profile, norms[layer][t], fitted from timestep `cut` on; an empty one clears.
  void showProfile(const std::vector<std::vector<double>>& norms, int cut);
  // A small multiple: `title` instead of the explanation, the layers in shades of `color`, no
  // legend, the caption small. Call before the first profile.
  void setSmallMultiple(const QString& title, const QColor& color);
  void setTitle(const QString& title);
  void setCaption(const QString& text);  // replaces the fit sentence under the title
  // The LSTM's ||dL/dc_t|| [layer][t] and the keep gate's mean [layer][t]; empty ones hide them.
  void showCellState(const std::vector<std::vector<double>>& cellNorms,
                     const std::vector<std::vector<double>>& keepGate, CellType cell);
  // Earlier runs' last profiles (a lesson's "compare"), faded beside the live one and named in the
  // legend, aligned at the right end where the loss is (a longer one shows its last timesteps);
  // an empty list removes them.
  void setComparison(const std::vector<ComparisonRun>& runs);
  QStringList comparisonNames() const;  // the visible ones (tests)
  ChartView* view() const { return m_view; }
  int cellPointCount() const;  // points of the ||dL/dc_t|| curves (tests)
  int keepPointCount() const;  // points of the keep-gate curve (tests)
  const GradientVerdict& verdict() const { return m_verdict; }
  const GradientFit& fit() const { return m_verdict.fit; }  // of the layer that decided
  QString headline() const;
  int pointCount() const;

 private:
  void ensureLayers(int layers);

  QLabel* m_title;
  ChartView* m_view;
  QLabel* m_fitLabel;
  QColor m_color;  // invalid: the studio's layer colours
  QList<QLineSeries*> m_layers;
  QList<QLineSeries*> m_fits;
  QList<QLineSeries*> m_cells;  // per layer ||dL/dc_t||
  void rebuildComparison();
  QList<QLineSeries*> m_compare;  // earlier runs' profiles, hidden when unused
  std::vector<ComparisonRun> m_comparison;
  int m_liveSteps = 0;  // timesteps of the profile shown; earlier ones align at its right end
  QLineSeries* m_keep = nullptr;  // layer 1's keep gate, on m_gateAxis
  QValueAxis* m_gateAxis = nullptr;
  GradientVerdict m_verdict;
  uint64_t m_shownVersion = ~0ull;
};

}  // namespace unroll::gui
