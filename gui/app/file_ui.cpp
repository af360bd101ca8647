// The studio's file dialogs and message boxes.
#include "app/file_ui.h"

#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>

namespace unroll::gui {
FileUi::Answer DialogFileUi::askUnsaved(QWidget* parent, const QString& name) {
  const auto b = QMessageBox::warning(
      parent, tr("Unsaved training"),
      tr("The run “%1” has trained since it was last saved. Save it?").arg(name),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  return b == QMessageBox::Save ? Save : b == QMessageBox::Discard ? Discard : Cancel;
}

QString DialogFileUi::openPath(QWidget* parent, const QString& dir) {
  return QFileDialog::getOpenFileName(parent, tr("Open checkpoint"), dir,
                                      tr("Unroll checkpoints (*.unroll);;All files (*)"));
}

QString DialogFileUi::savePath(QWidget* parent, const QString& title, const QString& suggested,
                               const QString& filter) {
  return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

void DialogFileUi::error(QWidget* parent, const QString& title, const QString& text) {
  QMessageBox::critical(parent, title, text);
}

bool DialogFileUi::askRecover(QWidget* parent, const QDateTime& saved) {
  return QMessageBox::question(
             parent, tr("Recover training"),
             tr("Unroll did not close cleanly. An autosaved run from %1 exists. Recover it?")
                 .arg(QLocale().toString(saved, QLocale::ShortFormat)),
             QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes;
}

}  // namespace unroll::gui
