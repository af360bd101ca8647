// The Translation window's lesson panel (translation_lesson_panel.h).
#include "translate/translation_lesson_panel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

#include "panels/lesson_panel.h"
#include "translate/length_sweep_view.h"
#include "translate/translation_form.h"
#include "translate/translation_window.h"

namespace unroll::gui {
namespace {

QString percent(double v) { return QString::number(100 * v, 'f', 1) + QStringLiteral("%"); }

}  // namespace

QStringList translationLessonNames() {
  const QString dir = lessonDir();
  if (dir.isEmpty()) return {};
  QStringList names;
  for (const QFileInfo& f : QDir(dir + QStringLiteral("/translation"))
                                .entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
    names << f.completeBaseName();
  return names;
}

QString translationLessonPath(const QString& name) {
  return lessonDir() + QStringLiteral("/translation/") + name + QStringLiteral(".json");
}

TranslationLessonPanel::TranslationLessonPanel(TranslationWindow* window)
    : QWidget(window), m_window(window) {
  auto* box = new QHBoxLayout(this);
  box->setContentsMargins(4, 2, 4, 2);
  auto* texts = new QVBoxLayout;
  m_title = new QLabel;
  m_text = new QLabel;
  m_text->setWordWrap(true);
  m_status = new QLabel;
  m_status->setWordWrap(true);
  texts->addWidget(m_title);
  texts->addWidget(m_text);
  texts->addWidget(m_status);
  box->addLayout(texts, 1);
  auto* buttons = new QVBoxLayout;
  m_back = new QPushButton(tr("Back"));
  m_next = new QPushButton(tr("Next"));
  auto* close = new QPushButton(tr("Close lesson"));
  buttons->addWidget(m_back);
  buttons->addWidget(m_next);
  buttons->addWidget(close);
  buttons->addStretch(1);
  box->addLayout(buttons);
  connect(m_back, &QPushButton::clicked, this, [this] { goTo(m_step - 1); });
  connect(m_next, &QPushButton::clicked, this, [this] { goTo(m_step + 1); });
  connect(close, &QPushButton::clicked, this, [this] {
    hide();
    emit closed();
  });
  connect(window, &TranslationWindow::trainingStarted, this, &TranslationLessonPanel::onStarted);
  connect(window, &TranslationWindow::validated, this, &TranslationLessonPanel::onValidated);
  connect(window, &TranslationWindow::trainingFinished, this,
          &TranslationLessonPanel::onTrainingFinished);
  connect(window, &TranslationWindow::sweepFinished, this,
          &TranslationLessonPanel::onSweepFinished);
  hide();
}

void TranslationLessonPanel::setLesson(TranslationLesson lesson) {
  m_lesson = std::move(lesson);
  show();
  goTo(0);
}

QString TranslationLessonPanel::stepText() const { return m_text->text(); }
QString TranslationLessonPanel::statusText() const { return m_status->text(); }

void TranslationLessonPanel::goTo(int step) {
  if (m_lesson.steps.empty() || step < 0 || step >= int(m_lesson.steps.size())) return;
  if (m_window->running()) m_window->stop();  // the next step's run starts from its preset
  m_step = step;
  m_best = 0;
  m_bestStep = 0;
  const TranslationLessonStep& s = current();
  const TranslationLessonPreset& p = s.preset;
  TranslationForm* f = m_window->form();
  f->setTask(QString::fromStdString(p.task), p.length);
  f->setCell(p.cell);
  f->setHiddenSize(p.hidden);
  f->setAttention(p.attention);
  f->setLearningRate(p.lr);
  f->setSteps(p.steps);
  f->setSeed(p.seed);
  if (s.sweep) {
    QStringList lengths;
    for (int l : s.sweep_lengths) lengths << QString::number(l);
    f->setSweep(lengths.join(QLatin1Char(',')),
                QList<AttentionKind>(s.sweep_attention.begin(), s.sweep_attention.end()),
                s.sweep_steps);
  }
  m_window->setPace(s.pace);
  m_window->setGoal(s.sweep ? NAN : s.goal_exact);
  m_title->setText(tr("<b>%1</b> — step %2 of %3")
                       .arg(lessonText(m_lesson.title))
                       .arg(step + 1)
                       .arg(m_lesson.steps.size()));
  m_text->setText(lessonText(s.text));
  m_status->setText(
      s.sweep ? tr("Press Run sweep.")
      : s.expect_goal
          ? tr("Goal: at least %1 of the validation sentences translated exactly, within %2 "
               "steps. Press Train.")
                .arg(percent(s.goal_exact))
                .arg(p.steps)
          : tr("This step shows a model that does not reach %1 exact translations within %2 "
               "steps. Press Train.")
                .arg(percent(s.goal_exact))
                .arg(p.steps));
  m_back->setEnabled(step > 0);
  m_next->setEnabled(step + 1 < int(m_lesson.steps.size()));
}

void TranslationLessonPanel::onStarted() {
  if (isHidden() || m_lesson.steps.empty() || current().sweep) return;
  m_best = 0;
  m_bestStep = 0;
  m_status->setText(tr("Training: the goal is checked at every validation."));
}

void TranslationLessonPanel::onValidated(long step, double exact) {
  if (isHidden() || m_lesson.steps.empty() || current().sweep) return;
  if (exact > m_best || m_bestStep == 0) m_best = exact, m_bestStep = step;
}

void TranslationLessonPanel::onTrainingFinished(bool completed) {
  if (isHidden() || m_lesson.steps.empty() || current().sweep) return;
  const TranslationLessonStep& s = current();
  if (const long at = m_window->goalStep(); at > 0) {  // the run ended on the goal
    m_status->setText(s.expect_goal
                          ? tr("Goal met at step %1: %2 translated exactly. Press Next.")
                                .arg(at)
                                .arg(percent(m_best))
                          : tr("At step %1 this model reached %2 exact translations, more than "
                               "the lesson expected (another seed or machine can differ).")
                                .arg(at)
                                .arg(percent(m_best)));
    return;
  }
  if (!completed) {
    m_status->setText(tr("Stopped. Press Train to run this step again."));
    return;
  }
  m_status->setText(
      s.expect_goal
          ? tr("The budget of %1 steps is used: at best %2 exact (step %3), short of %4. Train "
               "again, or go on with Next.")
                .arg(s.preset.steps)
                .arg(percent(m_best))
                .arg(m_bestStep)
                .arg(percent(s.goal_exact))
          : tr("As expected: after %1 steps this model translates at best %2 of the sentences "
               "exactly (step %3), far from %4. Press Next.")
                .arg(s.preset.steps)
                .arg(percent(m_best))
                .arg(m_bestStep)
                .arg(percent(s.goal_exact)));
}

void TranslationLessonPanel::onSweepFinished(bool completed) {
  if (isHidden() || m_lesson.steps.empty() || !current().sweep) return;
  m_status->setText(completed ? m_window->sweepView()->summary()
                              : tr("The sweep stopped before its end. Press Run sweep again."));
}

}  // namespace unroll::gui
