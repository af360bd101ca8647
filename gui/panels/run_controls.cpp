// Run toolbar actions and their shortcuts.
#include "panels/run_controls.h"

#include <QAction>
#include <QComboBox>
#include <QIcon>
#include <QLabel>

#include "session/run_spec.h"

namespace unroll::gui {

RunControls::RunControls(QWidget* parent) : QToolBar(tr("Run"), parent) {
  setObjectName(QStringLiteral("runToolbar"));
  setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  setIconSize(QSize(18, 18));
  m_play = addAction(QIcon(QStringLiteral(":/icons/play.svg")), tr("Play"));
  m_play->setShortcut(Qt::Key_Space);
  m_play->setToolTip(tr("Train continuously (Space)"));
  m_step = addAction(QIcon(QStringLiteral(":/icons/step.svg")), tr("Step"));
  m_step->setShortcut(Qt::Key_Period);
  m_step->setToolTip(tr("Run exactly one training step (.)"));
  m_reset = addAction(QIcon(QStringLiteral(":/icons/reset.svg")), tr("Reset"));
  m_reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  m_reset->setToolTip(tr("Back to step 0 with the same seed: the same run again (Ctrl+R)"));
  addSeparator();
  addWidget(new QLabel(tr(" Speed ")));
  m_speed = new QComboBox;
  m_speed->addItem(tr("Full speed"), 0);
  for (int n : {1, 2, 5, 10, 30, 100}) m_speed->addItem(tr("%n step(s)/s", nullptr, n), n);
  m_speed->setToolTip(tr("Full speed, or a teaching pace to watch each step"));
  addWidget(m_speed);
  addSeparator();
  addWidget(new QLabel(tr(" Demo ")));
  m_demo = new QComboBox;
  m_demo->addItem(tr("Vanishing gradients"), QStringLiteral("vanishing"));
  m_demo->addItem(tr("Exploding gradients"), QStringLiteral("exploding"));
  m_demo->addItem(tr("LSTM keeps the signal"), QStringLiteral("lstm"));
  m_demo->addItem(tr("Character language model"), QStringLiteral("text"));
  m_demo->addItem(tr("Long-range language task"), QStringLiteral("language"));
  m_demo->addItem(tr("Sine forecasting"), QStringLiteral("sine"));
  m_demo->addItem(tr("(custom)"), QString());
  addWidget(m_demo);

  connect(m_play, &QAction::triggered, this, [this] {
    if (m_playing)
      emit pauseRequested();
    else
      emit playRequested();
  });
  connect(m_step, &QAction::triggered, this, &RunControls::stepRequested);
  connect(m_reset, &QAction::triggered, this, &RunControls::resetRequested);
  connect(m_speed, &QComboBox::currentIndexChanged, this,
          [this] { emit speedChanged(stepsPerSecond()); });
  connect(m_demo, &QComboBox::activated, this, [this] {
    const QString name = m_demo->currentData().toString();
    if (!name.isEmpty()) emit demoRequested(name);
  });
  for (int i = 0; i < m_demo->count(); ++i)
    m_demo->setItemData(i, demoDescription(m_demo->itemData(i).toString()), Qt::ToolTipRole);
}

int RunControls::stepsPerSecond() const { return m_speed->currentData().toInt(); }

void RunControls::setStepsPerSecond(int n) {
  const QSignalBlocker block(m_speed);
  int i = m_speed->findData(n);
  if (i < 0) {  // a pace the list lacks: added in order
    i = 1;
    while (i < m_speed->count() && m_speed->itemData(i).toInt() < n) ++i;
    m_speed->insertItem(i, tr("%n step(s)/s", nullptr, n), n);
  }
  m_speed->setCurrentIndex(i);
}

void RunControls::setPlaying(bool playing) {
  m_playing = playing;
  m_play->setText(playing ? tr("Pause") : tr("Play"));
  m_play->setIcon(
      QIcon(playing ? QStringLiteral(":/icons/pause.svg") : QStringLiteral(":/icons/play.svg")));
  m_play->setToolTip(playing ? tr("Pause after the current step (Space)")
                             : tr("Train continuously (Space)"));
}

void RunControls::setDemo(const QString& name) {
  const int i = m_demo->findData(name);
  const QSignalBlocker block(m_demo);
  m_demo->setCurrentIndex(i >= 0 ? i : m_demo->count() - 1);
}

}  // namespace unroll::gui
