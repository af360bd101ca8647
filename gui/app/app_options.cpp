// Command-line parsing and language selection.
#include "app/app_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include "panels/lesson_panel.h"
#include "session/run_spec.h"

namespace unroll::gui {

bool parseOptions(const QCoreApplication& app, AppOptions* out, QString* error) {
  QCommandLineParser p;
  p.setApplicationDescription(QCoreApplication::translate(
      "AppOptions", "Unroll: design, train and understand recurrent neural networks."));
  p.addHelpOption();
  p.addVersionOption();
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
      QCoreApplication::translate("AppOptions", "Open a guided lesson: %1.")
          .arg(lessonNames().join(QStringLiteral(", "))),
      "NAME");
  p.addOptions({demo, autoplay, shot, after, lang, speed, lesson});
  p.process(app);  // exits on --help, --version and unknown options
  out->demo = p.value(demo);
  out->autoplay = p.isSet(autoplay);
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
  if (!out->lesson.isEmpty() && !lessonNames().contains(out->lesson)) {
    *error = QCoreApplication::translate("AppOptions", "unknown lesson '%1'; choose one of: %2")
                 .arg(out->lesson, lessonNames().join(QStringLiteral(", ")));
    return false;
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
