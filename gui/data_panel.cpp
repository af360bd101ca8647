// Data panel widgets.
#include "data_panel.h"

#include <QButtonGroup>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

namespace unroll::gui {

DataPanel::DataPanel(QWidget* parent) : QWidget(parent) {
  auto* g = new QGridLayout(this);
  g->setContentsMargins(8, 6, 8, 6);
  m_builtin = new QRadioButton(tr("Built-in text (character language model)"));
  m_file = new QRadioButton(tr("Text file:"));
  m_adding = new QRadioButton(tr("Adding problem, length T ="));
  auto* group = new QButtonGroup(this);
  for (QRadioButton* b : {m_builtin, m_file, m_adding}) group->addButton(b);
  m_path = new QLineEdit;
  m_path->setReadOnly(true);
  m_path->setPlaceholderText(tr("no file chosen"));
  m_open = new QPushButton(tr("Open…"));
  m_length = new QSpinBox;
  m_length->setRange(2, 5000);
  m_length->setToolTip(tr("Steps between the marked values and the answer: 2 to 5000"));
  m_note = new QLabel(tr("Adding problem: output the sum of the two marked values at the last "
                         "step. Predicting the mean gives MSE 1/6 ≈ 0.167."));
  m_note->setWordWrap(true);
  m_note->setStyleSheet("QLabel { color: palette(mid); }");
  g->addWidget(m_builtin, 0, 0, 1, 3);
  g->addWidget(m_file, 1, 0);
  g->addWidget(m_path, 1, 1);
  g->addWidget(m_open, 1, 2);
  g->addWidget(m_adding, 2, 0);
  g->addWidget(m_length, 2, 1);
  g->addWidget(m_note, 3, 0, 1, 3);
  g->setColumnStretch(1, 1);
  g->setRowStretch(4, 1);
  connect(group, &QButtonGroup::buttonToggled, this, [this](QAbstractButton*, bool on) {
    if (on) changed();
  });
  connect(m_length, &QSpinBox::valueChanged, this, [this] {
    if (m_adding->isChecked()) changed();
  });
  connect(m_open, &QPushButton::clicked, this, &DataPanel::chooseFile);
}

void DataPanel::chooseFile() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open a text file"), QString(),
                                                    tr("Text files (*.txt *.md);;All files (*)"));
  if (path.isEmpty()) return;
  m_path->setText(path);
  m_path->setToolTip(path);
  if (m_file->isChecked())
    changed();
  else
    m_file->setChecked(true);
}

void DataPanel::setDataSpec(const DataSpec& d) {
  m_loading = true;
  m_builtin->setChecked(d.kind == DataKind::BuiltinText);
  m_file->setChecked(d.kind == DataKind::TextFile);
  m_adding->setChecked(d.kind == DataKind::Adding);
  m_path->setText(d.path);
  m_length->setValue(d.addingLength);
  m_note->setVisible(d.kind == DataKind::Adding);
  m_loading = false;
}

DataSpec DataPanel::dataSpec() const {
  DataSpec d;
  d.kind = m_adding->isChecked() ? DataKind::Adding
           : m_file->isChecked() ? DataKind::TextFile
                                 : DataKind::BuiltinText;
  d.path = m_path->text();
  d.addingLength = m_length->value();
  return d;
}

void DataPanel::changed() {
  m_note->setVisible(m_adding->isChecked());
  if (m_loading) return;
  emit dataChanged(dataSpec());
}

}  // namespace unroll::gui
