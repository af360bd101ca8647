// Data panel widgets: a task combo, a form per task built from the registry's options (spin boxes
// with the option's range, combos for choices, file choosers, line edits), a note on the task.
#include "panels/data_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <climits>

#include "data/series_task.h"

namespace unroll::gui {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QString number(double v) { return QString::number(v, 'g', 15); }

// The widget for one option, with its range, choices and help.
QWidget* optionEditor(const TaskOption& o) {
  QWidget* w = nullptr;
  switch (o.kind) {
    case OptionKind::Integer:
      if (o.max <= INT_MAX && o.min >= INT_MIN) {
        auto* s = new QSpinBox;
        s->setRange(int(o.min), int(o.max));
        w = s;
      } else {  // seeds up to 2^53: whole numbers in a double spin box
        auto* s = new QDoubleSpinBox;
        s->setDecimals(0);
        s->setRange(o.min, o.max);
        w = s;
      }
      break;
    case OptionKind::Real: {
      auto* s = new QDoubleSpinBox;
      s->setDecimals(4);
      s->setRange(o.min, o.max);
      s->setSingleStep(o.max - o.min > 2 ? 0.1 : 0.01);
      w = s;
      break;
    }
    case OptionKind::Choice: {
      auto* c = new QComboBox;
      for (const std::string& v : o.choices) c->addItem(qs(v));
      w = c;
      break;
    }
    case OptionKind::List: {
      auto* c = new QComboBox;
      c->setEditable(true);
      c->setInsertPolicy(QComboBox::NoInsert);
      c->lineEdit()->setPlaceholderText(DataPanel::tr("all columns"));
      w = c;
      break;
    }
    case OptionKind::File: {
      auto* e = new QLineEdit;  // editable: a path can be pasted, or cleared
      e->setClearButtonEnabled(true);
      e->setPlaceholderText(DataPanel::tr("no file chosen"));
      w = e;
      break;
    }
    case OptionKind::Text:
      w = new QLineEdit;
      break;
  }
  w->setToolTip(taskText(o.help));
  w->setObjectName(qs(o.name));
  return w;
}

QString valueOf(const QWidget* w) {
  if (auto* s = qobject_cast<const QSpinBox*>(w)) return QString::number(s->value());
  if (auto* s = qobject_cast<const QDoubleSpinBox*>(w))
    return s->decimals() == 0 ? QString::number(qint64(s->value())) : number(s->value());
  if (auto* c = qobject_cast<const QComboBox*>(w)) return c->currentText();
  if (auto* e = qobject_cast<const QLineEdit*>(w)) return e->text();
  return {};
}

void setValue(QWidget* w, const QString& v) {
  if (auto* s = qobject_cast<QSpinBox*>(w)) s->setValue(v.toInt());
  if (auto* s = qobject_cast<QDoubleSpinBox*>(w)) s->setValue(v.toDouble());
  if (auto* c = qobject_cast<QComboBox*>(w)) {
    if (c->isEditable())
      c->setEditText(v);
    else
      c->setCurrentIndex(std::max(0, c->findText(v)));
  }
  if (auto* e = qobject_cast<QLineEdit*>(w)) {
    e->setText(v);
    e->setToolTip(v);
  }
}

}  // namespace

DataPanel::DataPanel(QWidget* parent) : QWidget(parent) {
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(8, 6, 8, 6);
  v->setSpacing(4);
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Task:")));
  m_task = new QComboBox;
  top->addWidget(m_task, 1);
  v->addLayout(top);
  m_pages = new QStackedWidget;
  m_note = new QLabel;
  m_loading = true;  // the forms' first values are no edits
  for (const TaskInfo& info : task_table()) {
    m_task->addItem(taskText(info.title), qs(info.name));
    addForm(info);
  }
  m_loading = false;
  v->addWidget(m_pages);
  m_note->setWordWrap(true);
  m_note->setStyleSheet("QLabel { color: palette(mid); }");
  v->addWidget(m_note);
  v->addStretch();
  connect(m_task, &QComboBox::currentIndexChanged, this, [this](int i) {
    showPage(i);
    changed();
  });
  setDataSpec(TaskSpec::of("adding"));  // RunSpec's default task
}

// One form per task, in the order of the combo; each option's widget reports its edits.
void DataPanel::addForm(const TaskInfo& info) {
  auto* page = new QWidget;
  auto* form = new QFormLayout(page);
  form->setContentsMargins(0, 0, 0, 0);
  const QString name = qs(info.name);
  auto edited = [this, name] {
    if (task() == name) changed();
  };
  for (const TaskOption& o : info.options) {
    QWidget* w = optionEditor(o);
    m_widgets[name][qs(o.name)] = w;
    QWidget* field = w;
    if (o.kind == OptionKind::File) {
      auto* row = new QWidget;
      auto* h = new QHBoxLayout(row);
      h->setContentsMargins(0, 0, 0, 0);
      h->addWidget(w, 1);
      auto* open = new QPushButton(tr("Open…"));
      h->addWidget(open);
      connect(open, &QPushButton::clicked, this,
              info.series ? &DataPanel::chooseCsvFile : &DataPanel::chooseFile);
      field = row;
    }
    auto* label = new QLabel(taskText(o.label) + QStringLiteral(":"));
    label->setToolTip(taskText(o.help));
    form->addRow(label, field);
    if (auto* s = qobject_cast<QSpinBox*>(w)) connect(s, &QSpinBox::valueChanged, this, edited);
    if (auto* s = qobject_cast<QDoubleSpinBox*>(w))
      connect(s, &QDoubleSpinBox::valueChanged, this, edited);
    if (auto* c = qobject_cast<QComboBox*>(w); c && c->isEditable()) {
      // A typed list counts once it is finished, not at every keystroke.
      connect(c->lineEdit(), &QLineEdit::editingFinished, this, edited);
      connect(c, &QComboBox::activated, this, edited);
    } else if (c) {
      connect(c, &QComboBox::currentTextChanged, this, edited);
    } else if (auto* e = qobject_cast<QLineEdit*>(w)) {
      connect(e, &QLineEdit::editingFinished, this, edited);
    }
    setValue(w, qs(o.value));
  }
  m_pages->addWidget(page);
}

// Only the shown form counts for the panel's height, so a short form leaves no gap above the note.
void DataPanel::showPage(int i) {
  for (int k = 0; k < m_pages->count(); ++k)
    m_pages->widget(k)->setSizePolicy(QSizePolicy::Preferred,
                                      k == i ? QSizePolicy::Preferred : QSizePolicy::Ignored);
  m_pages->setCurrentIndex(i);
  m_pages->updateGeometry();
}

QString DataPanel::task() const { return m_task->currentData().toString(); }

QComboBox* DataPanel::csvColumnBox() const {
  return qobject_cast<QComboBox*>(optionWidget(QStringLiteral("csv"), QStringLiteral("columns")));
}

QWidget* DataPanel::optionWidget(const QString& task, const QString& option) const {
  return m_widgets.value(task).value(option);
}

void DataPanel::selectTask(const QString& t) {
  const int i = m_task->findData(t);
  if (i == m_task->currentIndex())
    changed();
  else
    m_task->setCurrentIndex(i);
}

void DataPanel::chooseFile() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open a text file"), QString(),
                                                    tr("Text files (*.txt *.md);;All files (*)"));
  if (path.isEmpty()) return;
  m_loading = true;
  setValue(optionWidget(QStringLiteral("text"), QStringLiteral("data")), path);
  m_loading = false;
  selectTask(QStringLiteral("text"));
}

void DataPanel::chooseCsvFile() {
  const QString path =
      QFileDialog::getOpenFileName(this, tr("Open a CSV time series"), QString(),
                                   tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
  if (!path.isEmpty()) loadCsvFile(path);
}

bool DataPanel::loadCsvFile(const QString& path) {
  std::vector<std::string> columns;
  try {
    // Every column, read with the form's other options (header, delimiter, missing values...).
    TaskSpec spec = TaskSpec::of("csv");
    const QMap<QString, QWidget*> form = m_widgets.value(QStringLiteral("csv"));
    for (const auto& [option, w] : form.asKeyValueRange())
      spec.set(option.toStdString(), valueOf(w).toStdString());
    spec.set("data", path.toStdString());
    spec.set("columns", "");
    const std::shared_ptr<Task> t = make_task(spec);
    columns = t->series()->columns();
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
  setValue(optionWidget(QStringLiteral("csv"), QStringLiteral("data")), path);
  QComboBox* box = csvColumnBox();
  box->clear();
  for (const std::string& c : columns) box->addItem(qs(c));
  box->setEditText({});  // every column until one is chosen
  m_loading = false;
  selectTask(QStringLiteral("csv"));
  return true;
}

void DataPanel::setDataSpec(const TaskSpec& d) {
  m_loading = true;
  const QString name = qs(d.task());
  m_task->setCurrentIndex(m_task->findData(name));
  showPage(m_task->currentIndex());
  const QMap<QString, QWidget*> form = m_widgets.value(name);
  for (const auto& [option, w] : form.asKeyValueRange()) {
    const QString v = qs(d.option(option.toStdString()));
    auto* box = qobject_cast<QComboBox*>(w);
    if (box && box->isEditable() && !v.isEmpty() && box->findText(v) < 0) box->addItem(v);
    setValue(w, v);
  }
  updateNote();
  m_loading = false;
}

TaskSpec DataPanel::dataSpec() const {
  TaskSpec d = TaskSpec::of(task().toStdString());
  const QMap<QString, QWidget*> form = m_widgets.value(task());
  for (const auto& [option, w] : form.asKeyValueRange())
    d.set(option.toStdString(), valueOf(w).toStdString());
  return d;
}

void DataPanel::updateNote() {
  const int i = m_task->currentIndex();
  const QString note = i < 0 ? QString() : taskText(task_table()[size_t(i)].help);
  m_note->setText(note);
  m_note->setVisible(!note.isEmpty());
}

void DataPanel::changed() {
  updateNote();
  if (m_loading) return;
  emit dataChanged(dataSpec());
}

}  // namespace unroll::gui
