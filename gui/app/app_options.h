// The studio's command line (--demo, --lesson, --open, --autoplay, --screenshot FILE --after
// SECONDS, --lang, --speed, --size, --lesson-step, --lesson-tour, --window, --present) and the
// translator it selects.
#pragma once
#include <QSize>
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
  QString lesson;        // a built-in lesson's name or a lesson file to open; empty: none
  int lessonStep = 1;    // the lesson's step to open at (1-based)
  QString tour;          // a folder: play every step from lessonStep on, one PNG per step, quit
  QSize size;            // the window's size; invalid: the default (1600x1000 within the screen)
  QString open;          // a saved run (.unroll) to open instead of the demo; empty: none
  bool present = false;  // start in presentation mode (larger fonts, the lesson's charts)
  QString window;        // a tool window to open at start ("translation"); empty: none
};

// Parses the command line (arguments[0] is the program); false with the reason on a bad option.
// --help and --version print and exit.
bool parseOptions(const QStringList& arguments, AppOptions* out, QString* error);
// Installs the translator for `language` (or the saved setting, or the system locale).
void installTranslator(QCoreApplication& app, const QString& language);

}  // namespace unroll::gui
