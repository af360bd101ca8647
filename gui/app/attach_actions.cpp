// The Attach to run… dialog and the status bar's view of a probe session.
#include "app/attach_actions.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QStatusBar>

#include "session/training_controller.h"

namespace unroll::gui {

AttachActions::AttachActions(QMainWindow* window, TrainingController* controller,
                             std::function<void(const Frame&)> show)
    : QObject(window),
      m_window(window),
      m_controller(controller),
      m_show(std::move(show)),
      m_label(new QLabel(window)),
      m_ranks(new QComboBox(window)),
      m_scrub(new QSlider(Qt::Horizontal, window)) {
  m_label->hide();
  m_ranks->hide();
  m_scrub->hide();
  m_scrub->setToolTip(tr("Scrub through the recorded run: the views show it as at that step"));
  m_scrub->setMinimumWidth(160);
  window->statusBar()->addPermanentWidget(m_scrub);
  m_ranks->setToolTip(tr("Which rank of the distributed run the views show"));
  window->statusBar()->addPermanentWidget(m_ranks);
  window->statusBar()->addPermanentWidget(m_label);
  connect(&m_session, &ProbeSession::frameReady, this, [this](const Frame& f) { m_show(f); });
  connect(&m_session, &ProbeSession::statusChanged, this, &AttachActions::showStatus);
  connect(&m_session, &ProbeSession::ranksChanged, this, &AttachActions::showRanks);
  connect(&m_session, &ProbeSession::failed, this, [this](const QString& msg) {
    m_window->statusBar()->showMessage(tr("The run's stream stopped: %1").arg(msg), 15000);
  });
  connect(&m_session, &ProbeSession::ended, this, [this] {
    if (m_path.isEmpty() || m_whole) return;
    m_whole = true;  // the whole recording is in: its steps become the scrubber's range
    const long last = m_session.frame().report.step;
    const QSignalBlocker quiet(m_scrub);  // setting the range is not a scrub
    m_scrub->setRange(1, int(std::max(1L, last)));
    m_scrub->setValue(int(last));
    m_scrub->setVisible(last > 1);
  });
  connect(m_scrub, &QSlider::sliderReleased, this, [this] { scrubTo(m_scrub->value()); });
  connect(m_scrub, &QSlider::valueChanged, this, [this](int v) {
    if (!m_scrub->isSliderDown()) scrubTo(v);  // keyboard and clicks; drags on release
  });
  connect(m_ranks, &QComboBox::activated, this,
          [this](int i) { m_session.setRank(m_ranks->itemData(i).toInt()); });
}

void AttachActions::populate(QMenu* file) {
  file->addAction(tr("Attach to run…"), this, &AttachActions::askAndAttach);
  m_detach = file->addAction(tr("Detach from run"), this, &AttachActions::detach);
  m_detach->setEnabled(false);
}

void AttachActions::askAndAttach() {
  QDialog d(m_window);
  d.setWindowTitle(tr("Attach to a PyTorch run"));
  auto* form = new QFormLayout(&d);
  auto* help = new QLabel(tr("The address and token that unroll_probe printed when the training "
                             "started, or a stream file it recorded."),
                          &d);
  help->setWordWrap(true);
  form->addRow(help);
  auto* address = new QLineEdit(&d);
  address->setPlaceholderText(tr("127.0.0.1:PORT or unix:PATH"));
  auto* token = new QLineEdit(&d);
  form->addRow(tr("Address:"), address);
  form->addRow(tr("Token:"), token);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
  QPushButton* file = buttons->addButton(tr("Open stream file…"), QDialogButtonBox::ActionRole);
  form->addRow(buttons);
  QString path;
  connect(buttons, &QDialogButtonBox::accepted, &d, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
  connect(file, &QPushButton::clicked, &d, [&] {
    path = QFileDialog::getOpenFileName(&d, tr("Open a probe stream"), {},
                                        tr("Probe streams (*.ups);;All files (*)"));
    if (!path.isEmpty()) d.accept();
  });
  if (d.exec() != QDialog::Accepted) return;
  if (!path.isEmpty())
    attachFile(path);
  else if (!address->text().trimmed().isEmpty())
    attachAddress(address->text().trimmed(), token->text().trimmed());
}

void AttachActions::begin() {
  if (m_controller) m_controller->pause();  // the views now show the outside run
  m_attached = true;
  m_label->show();
  if (m_detach) m_detach->setEnabled(true);
}

void AttachActions::attachAddress(const QString& address, const QString& token) {
  begin();
  m_path.clear();
  m_scrub->hide();
  m_session.attach(address, token);
}

void AttachActions::attachFile(const QString& path) {
  begin();
  m_path = path;
  m_whole = false;
  m_scrub->hide();
  m_session.openFile(path);
}

void AttachActions::scrubTo(long step) {
  if (m_path.isEmpty() || !m_whole) return;
  const int rank = m_session.rank();
  m_session.openFile(m_path, step >= m_scrub->maximum() ? 0 : step);
  m_session.setRank(rank);
}

void AttachActions::detach() {
  m_session.detach();
  m_attached = false;
  m_label->hide();
  m_ranks->hide();
  m_scrub->hide();
  m_path.clear();
  if (m_detach) m_detach->setEnabled(false);
  if (m_controller) m_show(m_controller->frame());  // back to the studio's own run
}

void AttachActions::showRanks(const std::vector<int>& ranks) {
  m_ranks->clear();
  for (int r : ranks) m_ranks->addItem(tr("rank %1").arg(r), r);
  m_ranks->setCurrentIndex(m_ranks->findData(m_session.rank()));
  m_ranks->setVisible(ranks.size() > 1);
}

void AttachActions::showStatus() {
  QString text = m_session.status();
  const ProbeFeed::Spread sp = m_session.spread();
  if (sp.ranks > 1)
    text += tr("; across %1 ranks at step %2: loss %3 to %4, gradient norm %5 to %6")
                .arg(sp.ranks)
                .arg(sp.step)
                .arg(sp.loss_min, 0, 'g', 4)
                .arg(sp.loss_max, 0, 'g', 4)
                .arg(sp.grad_norm_min, 0, 'g', 3)
                .arg(sp.grad_norm_max, 0, 'g', 3);
  m_label->setText(text);
}

}  // namespace unroll::gui
