// A guided lesson in the Translation window: the step's text, Back and Next, and the step's goal
// followed on the window's validations. Showing a step sets the window's form from its preset;
// the learner presses Train (or Run sweep). When a validation meets the goal the run stops there;
// when the budget runs out the panel says how far the model got and whether that was the point.
#pragma once
#include <QWidget>

#include "teach/translation_lesson.h"

class QLabel;
class QPushButton;

namespace unroll::gui {

class TranslationWindow;

class TranslationLessonPanel : public QWidget {
  Q_OBJECT
 public:
  explicit TranslationLessonPanel(TranslationWindow* window);

  void setLesson(TranslationLesson lesson);  // shows its first step
  const TranslationLesson& lesson() const { return m_lesson; }
  int stepIndex() const { return m_step; }
  void goTo(int step);  // applies that step's preset to the window's form
  QString stepText() const;
  QString statusText() const;
  QPushButton* nextButton() const { return m_next; }

 signals:
  void closed();

 private:
  void onStarted();
  void onValidated(long step, double exact);
  void onTrainingFinished(bool completed);
  void onSweepFinished(bool completed);
  const TranslationLessonStep& current() const { return m_lesson.steps[size_t(m_step)]; }

  TranslationWindow* m_window;
  TranslationLesson m_lesson;
  int m_step = 0;
  double m_best = 0;  // the best exact accuracy of the current step's last run
  long m_bestStep = 0;
  QLabel* m_title;
  QLabel* m_text;
  QLabel* m_status;
  QPushButton* m_back;
  QPushButton* m_next;
};

// The built-in translation lessons' names (resources/lessons/translation/*.json) and file paths.
QStringList translationLessonNames();
QString translationLessonPath(const QString& name);

}  // namespace unroll::gui
