// The non-finite step banner.
#include "panels/non_finite_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace unroll::gui {

NonFiniteBanner::NonFiniteBanner(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("nonFiniteBanner"));
  setStyleSheet(
      "#nonFiniteBanner { background: #fde0dd; border: 1px solid #c51b8a; "
      "border-radius: 4px; } QLabel { color: #49006a; }");
  auto* h = new QHBoxLayout(this);
  h->setContentsMargins(10, 6, 10, 6);
  m_text = new QLabel;
  m_text->setWordWrap(true);
  h->addWidget(m_text, 1);
  auto* lower = new QPushButton(tr("Lower LR ×0.1 and continue"));
  auto* clip = new QPushButton(tr("Clip at norm 1 and continue"));
  auto* cont = new QPushButton(tr("Continue"));
  auto* reset = new QPushButton(tr("Reset"));
  for (QPushButton* b : {lower, clip, cont, reset}) h->addWidget(b);
  connect(lower, &QPushButton::clicked, this, &NonFiniteBanner::lowerLearningRate);
  connect(clip, &QPushButton::clicked, this, &NonFiniteBanner::enableClipping);
  connect(cont, &QPushButton::clicked, this, &NonFiniteBanner::continueAnyway);
  connect(reset, &QPushButton::clicked, this, &NonFiniteBanner::resetRun);
  hide();
}

void NonFiniteBanner::report(const NonFiniteEvent& e, double lr) {
  m_text->setText(tr("<b>Training paused: step %1 was not finite</b> (bad tensor: <tt>%2</tt>, "
                     "learning rate %3). The update was skipped; the last finite weights are "
                     "kept.<br><small>%4</small>")
                      .arg(e.step)
                      .arg(e.tensor.toHtmlEscaped())
                      .arg(lr)
                      .arg(e.message.toHtmlEscaped()));
  show();
}

QString NonFiniteBanner::text() const { return m_text->text(); }

}  // namespace unroll::gui
