// Command-line parsing and language selection.
#include "app/app_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include "panels/lesson_panel.h"
#include "session/run_spec.h"
#include "translate/translation_lesson_panel.h"

namespace unroll::gui {

bool parseOptions(const QStringList& arguments, AppOptions* out, QString* error) {
  QCommandLineParser p;
  p.setApplicationDescription(QCoreApplication::translate(
      "AppOptions", "Unroll: design, train and understand recurrent neural networks."));
  const QCommandLineOption help = p.addHelpOption();
  const QCommandLineOption version = p.addVersionOption();
  const QCommandLineOption demo("demo",
                                QCoreApplication::translate("AppOptions", "Open a demo: %1.")
                                    .arg(demoNames().join(QStringLiteral(", "))),
                                "NAME", out->demo);
  const QCommandLineOption autoplay(
      "autoplay", QCoreApplication::translate("AppOptions", "Start training at once."));
  const QCommandLineOption shot(
      "screenshot",
      QCoreApplication::translate("AppOptions", "Grab the whole window to FILE.png, then quit."),
      "FILE");
  const QCommandLineOption after(
      "after",
      QCoreApplication::translate("AppOptions", "Seconds before the screenshot (default 5)."),
      "SECONDS", "5");
  const QCommandLineOption lang(
      "lang", QCoreApplication::translate("AppOptions", "Interface language: en or de."), "CODE");
  const QCommandLineOption speed(
      "speed",
      QCoreApplication::translate("AppOptions", "Steps per second (0 = full speed, the default)."),
      "N", "0");
  const QCommandLineOption lesson(
      "lesson",
      QCoreApplication::translate("AppOptions", "Open a guided lesson: %1, or a lesson file.")
          .arg((lessonNames() + translationLessonNames()).join(QStringLiteral(", "))),
      "NAME|FILE.json");
  const QCommandLineOption lessonStep(
      "lesson-step",
      QCoreApplication::translate("AppOptions", "Open the lesson at step N (1 = the first)."), "N",
      "1");
  const QCommandLineOption tour(
      "lesson-tour",
      QCoreApplication::translate(
          "AppOptions",
          "Play the lesson's steps in turn (from --lesson-step on; --speed overrides their pace), "
          "save a screenshot DIR/step-N.png when each one completes or spends its budget, then "
          "quit."),
      "DIR");
  const QCommandLineOption size(
      "size", QCoreApplication::translate("AppOptions", "Window size, e.g. 1366x768."), "WxH");
  const QCommandLineOption open(
      "open", QCoreApplication::translate("AppOptions", "Open a saved run instead of the demo."),
      "FILE.unroll");
  const QCommandLineOption window(
      "window",
      QCoreApplication::translate("AppOptions",
                                  "Open a tool window at start: translation (with --autoplay it "
                                  "trains, and --screenshot grabs that window)."),
      "NAME");
  const QCommandLineOption present(
      "present",
      QCoreApplication::translate("AppOptions",
                                  "Presentation mode for a projector: larger text, fewer charts."));
  p.addOptions({demo, autoplay, shot, after, lang, speed, lesson, lessonStep, tour, size, open,
                window, present});
  if (!p.parse(arguments)) {
    *error = p.errorText();
    return false;
  }
  if (p.isSet(help)) p.showHelp();  // both exit
  if (p.isSet(version)) p.showVersion();
  out->demo = p.value(demo);
  out->autoplay = p.isSet(autoplay);
  out->present = p.isSet(present);
  out->screenshot = p.value(shot);
  bool ok = false;
  out->after = p.value(after).toDouble(&ok);
  if (!ok || out->after < 0 || out->after > 3600) {
    *error = QCoreApplication::translate("AppOptions", "--after needs seconds between 0 and 3600");
    return false;
  }
  out->stepsPerSecond = p.value(speed).toInt(&ok);
  if (!ok || out->stepsPerSecond < 0) {
    *error = QCoreApplication::translate("AppOptions", "--speed needs a whole number >= 0");
    return false;
  }
  out->lesson = p.value(lesson);
  if (translationLessonNames().contains(out->lesson)) {
    out->window = QStringLiteral("translation");  // it runs in the Translation window
  } else if (!out->lesson.isEmpty() && !lessonNames().contains(out->lesson)) {
    if (!QFileInfo(out->lesson).isFile()) {
      *error = QCoreApplication::translate("AppOptions",
                                           "no lesson '%1': give a lesson file or one of: %2")
                   .arg(out->lesson, lessonNames().join(QStringLiteral(", ")));
      return false;
    }
    Lesson lesson;  // checked here, so that a bad file ends the start with its reason
    QString why;
    if (!loadLessonFile(out->lesson, &lesson, &why)) {
      // One line: the first problem, and how many more the file has.
      const int more = int(why.count(QLatin1Char('\n')));
      *error = why.section(QLatin1Char('\n'), 0, 0);
      if (more > 0) *error += QCoreApplication::translate("AppOptions", " (and %1 more)").arg(more);
      return false;
    }
  }
  if (p.isSet(window)) out->window = p.value(window);
  if (!out->window.isEmpty() && out->window != QLatin1String("translation")) {
    *error = QCoreApplication::translate("AppOptions", "--window: no window '%1'; try translation")
                 .arg(out->window);
    return false;
  }
  out->lessonStep = p.value(lessonStep).toInt(&ok);
  out->tour = p.value(tour);
  if ((p.isSet(lessonStep) || p.isSet(tour)) && out->lesson.isEmpty()) {
    *error =
        QCoreApplication::translate("AppOptions", "--%1 needs --lesson")
            .arg(p.isSet(tour) ? QStringLiteral("lesson-tour") : QStringLiteral("lesson-step"));
    return false;
  }
  if (!out->lesson.isEmpty()) {
    Lesson l;
    const int steps =
        loadLessonFile(lessonFile(out->lesson), &l, nullptr) ? int(l.steps.size()) : 1;
    if (!ok || out->lessonStep < 1 || out->lessonStep > steps) {
      *error = QCoreApplication::translate("AppOptions",
                                           "--lesson-step needs a step from 1 to %1 of this lesson")
                   .arg(steps);
      return false;
    }
  }
  out->open = p.value(open);
  if (!out->open.isEmpty() && !QFileInfo(out->open).isFile()) {
    *error = QCoreApplication::translate("AppOptions", "--open: no file '%1'").arg(out->open);
    return false;
  }
  if (p.isSet(size)) {
    const QStringList wh = p.value(size).split(QLatin1Char('x'));
    const int w = wh.size() == 2 ? wh[0].toInt() : 0, h = wh.size() == 2 ? wh[1].toInt() : 0;
    if (w < 320 || h < 240 || w > 10000 || h > 10000) {
      *error = QCoreApplication::translate("AppOptions",
                                           "--size needs WIDTHxHEIGHT in pixels, e.g. 1366x768");
      return false;
    }
    out->size = QSize(w, h);
  }
  out->language = p.value(lang);
  if (!out->language.isEmpty() && out->language != "en" && out->language != "de") {
    *error = QCoreApplication::translate("AppOptions", "--lang must be en or de");
    return false;
  }
  if (!demoNames().contains(out->demo)) {
    *error = QCoreApplication::translate("AppOptions", "unknown demo '%1'; choose one of: %2")
                 .arg(out->demo, demoNames().join(QStringLiteral(", ")));
    return false;
  }
  return true;
}

void installTranslator(QCoreApplication& app, const QString& language) {
  app.setProperty("unrollLanguage", language);  // the Language menu checks it
  QString code = language;
  if (code.isEmpty()) code = QSettings().value(QStringLiteral("language")).toString();
  if (code.isEmpty())
    code = QLocale::system().language() == QLocale::German ? QStringLiteral("de")
                                                           : QStringLiteral("en");
  if (code != QLatin1String("de")) return;
  auto* ours = new QTranslator(&app);
  if (ours->load(QStringLiteral(":/i18n/unroll_de.qm"))) app.installTranslator(ours);
  auto* qt = new QTranslator(&app);
  if (qt->load(QStringLiteral("qtbase_de"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    app.installTranslator(qt);
}

}  // namespace unroll::gui
