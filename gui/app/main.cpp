// unroll: the studio. Opens a demo (vanishing by default); with --screenshot it trains for
// --after seconds, grabs the whole window to a PNG and quits; with --lesson-tour it plays a
// lesson's steps and saves one PNG per step (both work with QT_QPA_PLATFORM=offscreen).
#include <QApplication>
#include <QTimer>
#include <cstdio>

#include "app/app_options.h"
#include "app/lesson_tour.h"
#include "app/main_window.h"
#include "session/training_controller.h"
#include "translate/translation_lesson_panel.h"
#include "translate/translation_window.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Unroll"));
  QApplication::setApplicationName(QStringLiteral("Unroll"));
  QApplication::setApplicationVersion(QStringLiteral(UNROLL_VERSION));
  unroll::gui::AppOptions opt;
  QString error;
  if (!unroll::gui::parseOptions(app.arguments(), &opt, &error)) {
    std::fprintf(stderr, "unroll: %s\n", qPrintable(error));
    return 2;
  }
  unroll::gui::installTranslator(app, opt.language);

  const bool screenshot = !opt.screenshot.isEmpty() || !opt.tour.isEmpty();
  unroll::gui::MainWindow window(/*restoreLayout=*/!screenshot);
  if (opt.size.isValid()) window.resize(opt.size);
  unroll::gui::TranslationWindow* tool = nullptr;
  if (opt.window == QLatin1String("translation")) {
    unroll::gui::AppOptions studio = opt;
    studio.autoplay = false;  // --autoplay trains the tool window's model, not the studio's
    studio.lesson.clear();    // and --lesson is the tool window's
    window.start(studio, /*offerRecovery=*/!screenshot);
    tool = window.openTranslation();
    if (opt.size.isValid()) tool->resize(opt.size);
    if (!opt.lesson.isEmpty()) {
      QString error;
      if (!tool->openLesson(unroll::gui::translationLessonPath(opt.lesson), &error)) {
        std::fprintf(stderr, "unroll: %s\n", qPrintable(error.section(QLatin1Char('\n'), 0, 0)));
        return 2;
      }
    }
    if (opt.autoplay) tool->train();
  } else {
    window.start(opt, /*offerRecovery=*/!screenshot);
  }
  if (!tool && !opt.tour.isEmpty() && window.lessonPanel()) {
    auto* tour = new unroll::gui::LessonTour(&window, opt.tour, opt.stepsPerSecond);
    QObject::connect(tour, &unroll::gui::LessonTour::finished, &window, [&](bool ok) {
      window.close();
      QApplication::exit(ok ? 0 : 1);
    });
    tour->start();
  } else if (!opt.screenshot.isEmpty()) {
    QTimer::singleShot(int(opt.after * 1000), &window, [&] {
      const bool ok =
          tool ? tool->grab().save(opt.screenshot) : window.saveWindowPng(opt.screenshot);
      if (ok)
        std::printf("unroll: saved %s at step %ld\n", qPrintable(opt.screenshot),
                    tool ? tool->steps() : window.controller()->frame().steps);
      else
        std::fprintf(stderr, "unroll: could not write %s\n", qPrintable(opt.screenshot));
      window.close();
      QApplication::exit(ok ? 0 : 1);
    });
  }
  return app.exec();
}
