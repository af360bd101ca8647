// The studio's command line (--demo, --lesson, --autoplay, --screenshot FILE --after SECONDS,
// --lang) and the translator it selects.
#pragma once
#include <QString>

class QCoreApplication;

namespace unroll::gui {

struct AppOptions {
  QString demo = QStringLiteral("vanishing");
  bool autoplay = false;
  QString screenshot;  // empty: run interactively
  double after = 5.0;  // seconds before the screenshot
  QString language;    // "", "en" or "de"; empty follows the setting, then the system
  int stepsPerSecond = 0;
  QString lesson;  // a lesson to open (resources/lessons/NAME.json); empty: none
};

// Parses app.arguments(); on a bad option prints the reason and returns false.
bool parseOptions(const QCoreApplication& app, AppOptions* out, QString* error);
// Installs the translator for `language` (or the saved setting, or the system locale).
void installTranslator(QCoreApplication& app, const QString& language);

}  // namespace unroll::gui
