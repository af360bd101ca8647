// Data panel widgets: a task combo, a page with the chosen task's parameters, a note on the task.
#include "panels/data_panel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "data/csv_series.h"

namespace unroll::gui {
namespace {

QSpinBox* spin(int lo, int hi, int value, const QString& tip) {
  auto* s = new QSpinBox;
  s->setRange(lo, hi);
  s->setValue(value);
  s->setToolTip(tip);
  return s;
}

}  // namespace

DataPanel::DataPanel(QWidget* parent) : QWidget(parent) {
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(8, 6, 8, 6);
  v->setSpacing(4);
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Task:")));
  m_kind = new QComboBox;
  const std::pair<DataKind, QString> kinds[] = {
      {DataKind::BuiltinText, tr("Built-in text (character language model)")},
      {DataKind::TextFile, tr("Text file (character language model)")},
      {DataKind::Language, tr("Language task (long-range memory)")},
      {DataKind::Adding, tr("Adding problem")},
      {DataKind::Copy, tr("Copy task")},
      {DataKind::Sine, tr("Sine waves (sum of sines with noise)")},
      {DataKind::Stock, tr("Stock price (geometric Brownian motion)")},
      {DataKind::Csv, tr("CSV time series")}};
  for (const auto& [k, text] : kinds) m_kind->addItem(text, int(k));
  top->addWidget(m_kind, 1);
  v->addLayout(top);

  m_path = new QLineEdit;
  m_path->setReadOnly(true);
  m_path->setPlaceholderText(tr("no file chosen"));
  m_open = new QPushButton(tr("Open…"));
  m_length = spin(2, 5000, 100, tr("Steps between the marked values and the answer: 2 to 5000"));
  m_filler = spin(0, 500, 20,
                  tr("Filler characters between the country and \"I can speak\": "
                     "the distance the memory must span"));
  m_lag = spin(0, 2000, 20, tr("Blank steps between reading the symbols and writing them back"));
  m_csvPath = new QLineEdit;
  m_csvPath->setReadOnly(true);
  m_csvPath->setPlaceholderText(tr("no file chosen"));
  m_openCsv = new QPushButton(tr("Open…"));
  m_csvColumn = new QComboBox;
  m_csvColumn->setToolTip(tr("The column to forecast"));

  // One page of parameters per kind, in the order of the combo.
  m_pages = new QStackedWidget;
  auto page = [this](std::initializer_list<std::pair<QString, QList<QWidget*>>> rows) {
    auto* w = new QWidget;
    auto* g = new QGridLayout(w);
    g->setContentsMargins(0, 0, 0, 0);
    int r = 0;
    for (const auto& [label, widgets] : rows) {
      g->addWidget(new QLabel(label), r, 0);
      for (int i = 0; i < widgets.size(); ++i) g->addWidget(widgets[i], r, i + 1);
      ++r;
    }
    g->setColumnStretch(1, 1);
    g->setRowStretch(r, 1);
    m_pages->addWidget(w);
  };
  page({});
  page({{tr("File:"), {m_path, m_open}}});
  page({{tr("Filler length:"), {m_filler}}});
  page({{tr("Length T:"), {m_length}}});
  page({{tr("Lag:"), {m_lag}}});
  page({});
  page({});
  page({{tr("File:"), {m_csvPath, m_openCsv}}, {tr("Column:"), {m_csvColumn}}});
  v->addWidget(m_pages);
  m_note = new QLabel;
  m_note->setWordWrap(true);
  m_note->setStyleSheet("QLabel { color: palette(mid); }");
  v->addWidget(m_note);
  v->addStretch();

  connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int i) {
    m_pages->setCurrentIndex(i);
    changed();
  });
  const std::pair<QSpinBox*, DataKind> params[] = {
      {m_length, DataKind::Adding}, {m_filler, DataKind::Language}, {m_lag, DataKind::Copy}};
  for (const auto& [box, k] : params)
    connect(box, &QSpinBox::valueChanged, this, [this, k = k] {
      if (kind() == k) changed();
    });
  connect(m_csvColumn, &QComboBox::currentIndexChanged, this, [this] {
    if (kind() == DataKind::Csv) changed();
  });
  connect(m_open, &QPushButton::clicked, this, &DataPanel::chooseFile);
  connect(m_openCsv, &QPushButton::clicked, this, &DataPanel::chooseCsvFile);
  updateNote();
}

DataKind DataPanel::kind() const { return DataKind(m_kind->currentData().toInt()); }

void DataPanel::selectKind(DataKind k) {
  const int i = m_kind->findData(int(k));
  if (i == m_kind->currentIndex())
    changed();
  else
    m_kind->setCurrentIndex(i);
}

void DataPanel::chooseFile() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open a text file"), QString(),
                                                    tr("Text files (*.txt *.md);;All files (*)"));
  if (path.isEmpty()) return;
  m_path->setText(path);
  m_path->setToolTip(path);
  selectKind(DataKind::TextFile);
}

void DataPanel::chooseCsvFile() {
  const QString path =
      QFileDialog::getOpenFileName(this, tr("Open a CSV time series"), QString(),
                                   tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
  if (!path.isEmpty()) loadCsvFile(path);
}

bool DataPanel::loadCsvFile(const QString& path) {
  CsvSeries series;
  try {
    CsvOptions o;
    o.keep_dates = false;
    series = load_csv_series(path.toStdString(), o);
  } catch (const std::exception& e) {
    // Non-blocking, so training and the charts go on behind it.
    // The loader's hints name command-line options; the panel has no such options to set.
    QString message = QString::fromStdString(e.what());
    message.remove(QRegularExpression(QStringLiteral(" ?\\(--[a-z-]+\\)")));
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot read this CSV file"), message,
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return false;
  }
  m_loading = true;
  m_csvPath->setText(path);
  m_csvPath->setToolTip(path);
  m_csvColumn->clear();
  for (const std::string& c : series.columns) m_csvColumn->addItem(QString::fromStdString(c));
  m_loading = false;
  selectKind(DataKind::Csv);
  return true;
}

void DataPanel::setDataSpec(const DataSpec& d) {
  m_loading = true;
  m_kind->setCurrentIndex(m_kind->findData(int(d.kind)));
  m_pages->setCurrentIndex(m_kind->currentIndex());
  (d.kind == DataKind::Csv ? m_csvPath : m_path)->setText(d.path);
  m_length->setValue(d.addingLength);
  m_filler->setValue(d.filler);
  m_lag->setValue(d.copyLag);
  if (d.kind == DataKind::Csv && !d.csvColumn.isEmpty()) {
    if (m_csvColumn->findText(d.csvColumn) < 0) m_csvColumn->addItem(d.csvColumn);
    m_csvColumn->setCurrentText(d.csvColumn);
  }
  updateNote();
  m_loading = false;
}

DataSpec DataPanel::dataSpec() const {
  DataSpec d;
  d.kind = kind();
  d.path = d.kind == DataKind::Csv ? m_csvPath->text() : m_path->text();
  d.addingLength = m_length->value();
  d.filler = m_filler->value();
  d.copyLag = m_lag->value();
  d.csvColumn = m_csvColumn->currentText();
  return d;
}

void DataPanel::updateNote() {
  QString note;
  switch (dataSpec().kind) {
    case DataKind::Adding:
      note =
          tr("Adding problem: output the sum of the two marked values at the last step. "
             "Predicting the mean gives MSE 1/6 ≈ 0.167.");
      break;
    case DataKind::Language:
      note =
          tr("\"I am from <country>. <filler> I can speak <language>.\" Only the language "
             "word is scored: the network must carry the country across the filler.");
      break;
    case DataKind::Copy:
      note = tr("Copy task: read %1 symbols, wait through the lag, then write them back. "
                "Chance accuracy is 1/8.")
                 .arg(kCopySymbols);
      break;
    case DataKind::Sine:
    case DataKind::Stock:
    case DataKind::Csv:
      note =
          tr("Series: predict the next value; the last 20% is held out for validation and "
             "forecasting, normalised with training statistics only.");
      break;
    default:
      break;
  }
  m_note->setText(note);
  m_note->setVisible(!note.isEmpty());
}

void DataPanel::changed() {
  updateNote();
  if (m_loading) return;
  emit dataChanged(dataSpec());
}

}  // namespace unroll::gui
