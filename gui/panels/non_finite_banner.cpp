// The non-finite step banner.
#include "panels/non_finite_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace unroll::gui {

NonFiniteBanner::NonFiniteBanner(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("nonFiniteBanner"));
  setStyleSheet(
      "#nonFiniteBanner { background: #fde0dd; border: 1px solid #c51b8a; "
      "border-radius: 4px; } QLabel { color: #49006a; }");
  // The explanation across the whole width, the choices in a row below it: beside four buttons
  // the text would wrap into a narrow column as tall as the charts (a laptop's 1366x768).
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(10, 6, 10, 6);
  v->setSpacing(4);
  m_text = new QLabel;
  m_text->setWordWrap(true);
  v->addWidget(m_text);
  auto* h = new QHBoxLayout;
  auto* lower = new QPushButton(tr("Lower LR ×0.1 and continue"));
  auto* clip = new QPushButton(tr("Clip at norm 1 and continue"));
  auto* cont = new QPushButton(tr("Continue"));
  auto* reset = new QPushButton(tr("Reset"));
  for (QPushButton* b : {lower, clip, cont, reset}) h->addWidget(b);
  h->addStretch(1);
  v->addLayout(h);
  connect(lower, &QPushButton::clicked, this, &NonFiniteBanner::lowerLearningRate);
  connect(clip, &QPushButton::clicked, this, &NonFiniteBanner::enableClipping);
  connect(cont, &QPushButton::clicked, this, &NonFiniteBanner::continueAnyway);
  connect(reset, &QPushButton::clicked, this, &NonFiniteBanner::resetRun);
  hide();
}

// What went wrong, in the studio's language, from the tensor the engine named; the engine's own
// (English) sentence stays in the tooltip.
QString NonFiniteBanner::detail(const QString& tensor) {
  if (tensor == QLatin1String("loss")) return tr("The loss itself was not finite.");
  if (tensor == QLatin1String("gradient"))
    return tr("The gradient's norm overflowed, although each gradient was finite.");
  if (tensor == QLatin1String("update")) return tr("The update would have overflowed the weights.");
  if (tensor == QLatin1String("weights"))
    return tr("The update would have made the weights infinite or NaN.");
  return tr("The gradient of %1 was not finite.").arg(tensor);
}

void NonFiniteBanner::report(const NonFiniteEvent& e, double lr) {
  m_text->setText(tr("<b>Training paused: step %1 was not finite</b> (bad tensor: <tt>%2</tt>, "
                     "learning rate %3). The update was skipped; the last finite weights are "
                     "kept.<br><small>%4 Lower the learning rate or enable clipping.</small>")
                      .arg(e.step)
                      .arg(e.tensor.toHtmlEscaped())
                      .arg(lr)
                      .arg(detail(e.tensor).toHtmlEscaped()));
  m_text->setToolTip(e.message);
  show();
}

QString NonFiniteBanner::text() const { return m_text->text(); }

}  // namespace unroll::gui
