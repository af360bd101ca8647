// Shown when a step was rejected as non-finite: what happened (step, tensor, the engine's words)
// and the ways on: lower the learning rate, enable clipping, or reset, then continue.
#pragma once
#include <QFrame>

#include "session/frame.h"

class QLabel;

namespace unroll::gui {

class NonFiniteBanner : public QFrame {
  Q_OBJECT
 public:
  explicit NonFiniteBanner(QWidget* parent = nullptr);
  void report(const NonFiniteEvent& event, double lr);
  QString text() const;
  // The sentence the banner shows for the tensor the engine rejected (translated).
  static QString detail(const QString& tensor);

 signals:
  void lowerLearningRate();  // ×0.1, then continue
  void enableClipping();     // global norm 1.0, then continue
  void continueAnyway();
  void resetRun();

 private:
  QLabel* m_text;
};

}  // namespace unroll::gui
