// The task registry: every front end (CLI arguments, the studio's Data panel, a lesson preset, a
// sweep, a race) builds the same task from the same options; every task survives a checkpoint;
// bad options are refused naming the range; the CLI's --help and the translation list cover the
// whole table.
#include <QComboBox>
#include <QFile>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>
#include <cmath>

#include "args.h"
#include "cli_run.h"
#include "core/crc32.h"
#include "core/error.h"
#include "data/task_registry.h"
#include "io/checkpoint.h"
#include "panels/data_panel.h"
#include "session/checkpoint_spec.h"
#include "task_factory.h"
#include "teach/lesson.h"
#include "teach/race.h"
#include "train/sweep.h"

using namespace unroll;
using namespace unroll::gui;
Q_DECLARE_METATYPE(unroll::TaskSpec)

namespace {

// Largest absolute difference between two batches (tokens, targets, inputs, target values);
// infinity when their shapes or scored steps differ.
double batchDifference(const Batch& a, const Batch& b) {
  if (a.steps != b.steps || a.batch != b.batch || a.loss_begin != b.loss_begin ||
      a.tokens != b.tokens || a.targets != b.targets || a.inputs.rows() != b.inputs.rows() ||
      a.inputs.cols() != b.inputs.cols() || a.target_values.rows() != b.target_values.rows() ||
      a.target_values.cols() != b.target_values.cols())
    return INFINITY;
  double d = 0;
  if (a.inputs.size()) d = std::max(d, (a.inputs - b.inputs).cwiseAbs().maxCoeff());
  if (a.target_values.size())
    d = std::max(d, (a.target_values - b.target_values).cwiseAbs().maxCoeff());
  return d;
}

// The first training batch (seed 7) and the first validation batch, at the task's own length or
// 24 steps, 3 sequences.
std::pair<Batch, Batch> firstBatches(const Task& t) {
  const int T = t.fixed_length() > 0 ? t.fixed_length() : 24;
  Rng rng(7);
  return {t.train_batch(T, 3, rng), t.validation_batch(T, 3, 0)};
}

std::vector<std::string> toStd(const QStringList& l) {
  std::vector<std::string> v;
  for (const QString& s : l) v.push_back(s.toStdString());
  return v;
}

}  // namespace

class TstTaskRegistry : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString m_text, m_csv;

  QString write(const QString& name, const QByteArray& bytes) {
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(bytes);
    return path;
  }

 private slots:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_text =
        write("corpus.txt", QByteArray("the quick brown fox jumps over the dog. ").repeated(20));
    QByteArray csv = "day;a;b;c\n";
    for (int i = 0; i < 400; ++i)
      csv += QByteArray::number(i) + ";" + QByteArray::number(std::sin(0.1 * i)) + ";" +
             QByteArray::number(i % 11) + ";" + QByteArray::number(0.5 * i) + "\n";
    m_csv = write("series.csv", csv);
  }

  void frontEndsBuildTheSameTask_data() {
    QTest::addColumn<TaskSpec>("spec");
    QTest::addColumn<QStringList>("args");  // the same task as unroll-cli options
    QTest::addColumn<QString>("lesson");    // a lesson preset's JSON, empty when none applies
    const std::string text = m_text.toStdString(), csv = m_csv.toStdString();
    QTest::newRow("text built-in") << TaskSpec::of("text") << QStringList{"--task", "text"}
                                   << R"({"task": "text", "seq": 24})";
    QTest::newRow("text file") << TaskSpec::of("text", {{"data", text}})
                               << QStringList{"--task", "text", "--data", m_text} << "";
    QTest::newRow("language filler 9") << TaskSpec::of("language", {{"filler", "9"}})
                                       << QStringList{"--task", "language", "--filler", "9"}
                                       << R"({"task": "language", "lag": 9})";
    QTest::newRow("language scoring all")
        << TaskSpec::of("language", {{"scoring", "all"}})
        << QStringList{"--task", "language", "--scoring", "all"} << "";
    QTest::newRow("copy lag 7") << TaskSpec::of("copy", {{"lag", "7"}, {"symbols", "3"}})
                                << QStringList{"--task", "copy", "--lag", "7", "--symbols", "3"}
                                << "";
    QTest::newRow("copy defaults")
        << TaskSpec::of("copy") << QStringList{"--task", "copy"} << R"({"task": "copy"})";
    QTest::newRow("adding T 30") << TaskSpec::of("adding", {{"length", "30"}})
                                 << QStringList{"--task", "adding", "--seq", "30"}
                                 << R"({"task": "adding", "seq": 30})";
    QTest::newRow("sine") << TaskSpec::of("sine", {{"points", "900"}, {"noise", "0.1"}})
                          << QStringList{"--task", "sine", "--points", "900", "--noise", "0.1"}
                          << "";
    QTest::newRow("stock") << TaskSpec::of("stock", {{"volatility", "0.3"}, {"series-seed", "4"}})
                           << QStringList{"--task", "stock",         "--volatility",
                                          "0.3",    "--series-seed", "4"}
                           << "";
    QTest::newRow("csv two columns")
        << TaskSpec::of("csv", {{"data", csv}, {"columns", "a,c"}, {"delimiter", ";"}})
        << QStringList{"--task", "csv", "--data", m_csv, "--columns", "a,c", "--delimiter", ";"}
        << "";
    QTest::newRow("csv all columns, skip missing")
        << TaskSpec::of("csv", {{"data", csv}, {"missing", "skip"}, {"val-fraction", "0.25"}})
        << QStringList{"--task",    "csv",  "--data",         m_csv,
                       "--missing", "skip", "--val-fraction", "0.25"}
        << "";
  }
  // The registry's own task is the reference; every front end's task must give identical batches.
  void frontEndsBuildTheSameTask() {
    QFETCH(TaskSpec, spec);
    QFETCH(QStringList, args);
    QFETCH(QString, lesson);
    const auto reference = make_task(spec);
    const auto [train, val] = firstBatches(*reference);
    std::vector<std::pair<std::string, std::shared_ptr<const Task>>> built;

    // CLI: the arguments, parsed as `train` parses them.
    const cli::Args a(toStd(args), cli::with_task_options({"seq"}), {});
    built.emplace_back("cli", cli::make_task(a));
    // Studio: the spec through the Data panel's widgets and back.
    DataPanel panel;
    panel.setDataSpec(spec);
    const TaskSpec shown = panel.dataSpec();
    QCOMPARE(shown.task(), spec.task());
    built.emplace_back("studio", makeTask(shown));
    // Checkpointed studio spec, reopened.
    RunSpec run;
    run.data = spec;
    built.emplace_back("recorded", makeTask(complete_task_spec(taskSpecFor(run, *reference))));
    // Lesson preset from JSON.
    if (!lesson.isEmpty()) {
      const std::string json =
          R"({"title": "t", "steps": [{"text": "x", "action": "play", "preset": )" +
          lesson.toStdString() + R"(, "condition": {"metric": "steps", "op": ">=", "value": 1}}]})";
      const Lesson l = parse_lesson(json, "registry.json");
      built.emplace_back("lesson", l.steps[0].preset.make_task());
    }
    // Sweep: the base spec with its lag option set to the spec's value.
    const TaskInfo& info = task_info(spec.task());
    if (!info.lag_option.empty())
      built.emplace_back("sweep", sweep_task(spec, std::stoi(spec.option(info.lag_option))));
    // Race: the race window's task is the studio's makeTask of its base spec.
    RaceSpec race;
    race.task = makeTask(run.data);
    built.emplace_back("race", race.task);

    for (const auto& [front, task] : built) {
      QVERIFY2(task, front.c_str());
      QCOMPARE(task->name(), reference->name());
      QVERIFY(task->shape() == reference->shape());
      QCOMPARE(task->fixed_length(), reference->fixed_length());
      const auto [t, v] = firstBatches(*task);
      const double dt = batchDifference(t, train), dv = batchDifference(v, val);
      qInfo("%s: largest difference, training batch %g, validation batch %g", front.c_str(), dt,
            dv);
      QCOMPARE(dt, 0.0);
      QCOMPARE(dv, 0.0);
    }
  }

  void checkpointRoundTrip_data() {
    QTest::addColumn<TaskSpec>("spec");
    for (const TaskInfo& info : task_table()) {
      TaskSpec s = TaskSpec::of(info.name);
      if (info.name == "csv") s.set("data", m_csv.toStdString()).set("delimiter", ";");
      if (info.name == "text") s.set("data", m_text.toStdString());
      QTest::newRow(info.name.c_str()) << s;
    }
    QTest::newRow("text built-in") << TaskSpec::of("text");
  }
  // Save, load, rebuild: the check passes, and the rebuilt task gives the same batches.
  void checkpointRoundTrip() {
    QFETCH(TaskSpec, spec);
    std::shared_ptr<const Task> task = make_task(spec);
    TrainConfig c;
    c.model.hidden = 4;
    c.seq = task->fixed_length() > 0 ? task->fixed_length() : 24;
    c.batch = 2;
    const Trainer trainer(c, task);
    const std::string file = m_dir.filePath("round.unroll").toStdString();
    save_checkpoint(file, capture_checkpoint(trainer, record_task(spec, *task)));
    const Checkpoint loaded = load_checkpoint(file);
    QCOMPARE(loaded.task.task(), spec.task());
    const auto rebuilt = rebuild_task(loaded.task, file, loaded.config.seq);
    const auto [t0, v0] = firstBatches(*task);
    const auto [t1, v1] = firstBatches(*rebuilt);
    const double d = std::max(batchDifference(t0, t1), batchDifference(v0, v1));
    qInfo("largest difference after the round trip: %g", d);
    QCOMPARE(d, 0.0);
    // The studio's open: the checkpoint's spec, built the same way.
    const RunSpec opened = runSpecFor(loaded, file);
    QCOMPARE(opened.data.task(), spec.task());
    const auto [t2, v2] = firstBatches(*makeTask(opened.data));
    const double e = std::max(batchDifference(t0, t2), batchDifference(v0, v2));
    qInfo("largest difference, studio's reopened spec: %g", e);
    QCOMPARE(e, 0.0);
  }

  // Checkpoints written before the registry recorded only the options given: an adding task
  // without its length (it was the run's --seq) and a text file with its CRC under data_crc32.
  void olderCheckpointsRebuild() {
    TaskSpec adding = TaskSpec::of("adding");
    const auto built = make_task(TaskSpec::of("adding", {{"length", "37"}}));
    adding.name = built->name();
    adding.shape = built->shape();
    const auto rebuilt = rebuild_task(adding, "old.unroll", 37);
    QCOMPARE(rebuilt->fixed_length(), 37);
    Checkpoint c;
    c.config.seq = 37;
    c.task = adding;
    QCOMPARE(runSpecFor(c, "old.unroll").data.option("length"), std::string("37"));
    TaskSpec text = TaskSpec::of("text", {{"data", m_text.toStdString()}});
    text.options["data_crc32"] = std::to_string(file_crc32(m_text.toStdString()));
    const auto corpus = make_task(text);
    text.name = corpus->name();
    text.shape = corpus->shape();
    text.vocabulary = task_vocabulary(*corpus);
    QVERIFY(rebuild_task(text, "old.unroll", 64));
  }

  // A lesson's "lag" goes to the task's lag option; a task without one is refused by name.
  void lessonLagNeedsALagOption() {
    const std::string json =
        R"({"title": "t", "steps": [{"text": "x", "action": "play", "preset": {"task": "text", )"
        R"("lag": 5}, "condition": {"metric": "steps", "op": ">=", "value": 1}}]})";
    try {
      parse_lesson(json, "lag.json");
      QFAIL("accepted");
    } catch (const Error& e) {
      qInfo("message: %s", e.what());
      QVERIFY2(QString(e.what()).contains("lag.json: step 1: field 'preset.lag'"), e.what());
      QVERIFY2(QString(e.what()).contains("the text task has no lag"), e.what());
    }
  }

  void changedTaskIsRefused_data() {
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text file edited") << "text"
                                      << "has changed since checkpoint";
    QTest::newRow("csv file edited") << "csv"
                                     << "has changed since checkpoint";
    QTest::newRow("csv file gone") << "gone"
                                   << "is missing";
    QTest::newRow("copy alphabet") << "alphabet"
                                   << "is named 'copy-5x6-lag20'";
    QTest::newRow("csv columns") << "columns"
                                 << "has the shape";
    QTest::newRow("built-in renamed") << "name"
                                      << "is named";
  }
  // A checkpoint whose task no longer matches: one message naming the checkpoint and the change.
  void changedTaskIsRefused() {
    QFETCH(QString, what);
    QFETCH(QString, expected);
    const QString text = write("edit.txt", QByteArray("a small text to learn from. ").repeated(9));
    const QString csv =
        write("edit.csv", QByteArray("x,y\n").append(QByteArray("1,2\n3,5\n").repeated(40)));
    TaskSpec spec = TaskSpec::of("copy");
    if (what == "text") spec = TaskSpec::of("text", {{"data", text.toStdString()}});
    if (what == "csv" || what == "gone" || what == "columns")
      spec = TaskSpec::of("csv", {{"data", csv.toStdString()}});
    if (what == "name") spec = TaskSpec::of("text");
    const auto task = make_task(spec);
    TaskSpec recorded = record_task(spec, *task);
    const std::string file = "run.unroll";
    if (what == "text") write("edit.txt", "a different text now, to learn from instead. ");
    if (what == "csv") write("edit.csv", "x,y\n1,2\n3,4\n5,6\n7,8\n9,9\n");
    if (what == "gone") QVERIFY(QFile::remove(csv));
    if (what == "alphabet") recorded.set("alphabet", 6L);
    if (what == "columns") recorded.set("columns", "x");
    if (what == "name") recorded.name = "another.txt";
    try {
      rebuild_task(recorded, file, 24);
      QFAIL("the changed task was accepted");
    } catch (const Error& e) {
      qInfo("message: %s", e.what());
      QVERIFY2(QString(e.what()).contains(expected), e.what());
      QVERIFY2(QString(e.what()).contains("run.unroll"), e.what());
    }
  }

  void badOptionsAreRefused_data() {
    QTest::addColumn<TaskSpec>("spec");
    QTest::addColumn<QString>("expected");
    QTest::newRow("lag too long") << TaskSpec::of("copy", {{"lag", "100001"}})
                                  << "--lag '100001' is out of range for --task copy: give a "
                                     "whole number from 0 to 100000";
    QTest::newRow("alphabet too small")
        << TaskSpec::of("copy", {{"alphabet", "1"}}) << "from 2 to 26";
    QTest::newRow("adding too short")
        << TaskSpec::of("adding", {{"length", "1"}}) << "--length '1' is out of range";
    QTest::newRow("filler not a number")
        << TaskSpec::of("language", {{"filler", "ten"}}) << "is not a whole number";
    QTest::newRow("noise negative")
        << TaskSpec::of("sine", {{"noise", "-1"}}) << "give a number from 0 to 100";
    QTest::newRow("val fraction") << TaskSpec::of("stock", {{"val-fraction", "0.9"}})
                                  << "from 0.01 to 0.5";
    QTest::newRow("scoring") << TaskSpec::of("language", {{"scoring", "some"}})
                             << "give word or all";
    QTest::newRow("missing policy") << TaskSpec::of("csv", {{"data", "x.csv"}, {"missing", "drop"}})
                                    << "give error, skip or previous";
    QTest::newRow("stray option") << TaskSpec::of("sine", {{"lag", "3"}})
                                  << "--lag does not apply to --task sine";
    QTest::newRow("csv without data") << TaskSpec::of("csv") << "needs --data FILE.csv";
    QTest::newRow("unknown task") << TaskSpec::of("chess") << "unknown task 'chess'";
  }
  void badOptionsAreRefused() {
    QFETCH(TaskSpec, spec);
    QFETCH(QString, expected);
    try {
      make_task(spec);
      QFAIL("accepted");
    } catch (const Error& e) {
      qInfo("message: %s", e.what());
      QVERIFY2(QString(e.what()).contains(expected), e.what());
      QVERIFY(!QString(e.what()).contains('\n'));
    }
    QCOMPARE(natural_length(spec), 0);
  }

  // `unroll-cli train --help` names every option of every task, with its default.
  void cliHelpListsEveryOption() {
    const auto r = test::run_cli(m_dir.path(), {"train", "--help"});
    QCOMPARE(r.code, 0);
    int options = 0;
    for (const TaskInfo& info : task_table()) {
      QVERIFY2(r.out.contains(QString::fromStdString(info.name)), info.name.c_str());
      for (const TaskOption& o : info.options) {
        const std::string flag = "--" + (o.name == info.seq_option ? "seq" : o.name);
        QVERIFY2(r.out.contains(QString::fromStdString(flag)), flag.c_str());
        if (!o.value.empty())
          QVERIFY2(r.out.contains(QString::fromStdString(flag)) &&
                       r.out.contains(QString::fromStdString("(" + o.value + ")")),
                   o.value.c_str());
        ++options;
      }
    }
    qInfo("%d options in the table", options);
    QVERIFY(options >= 25);
  }

  // The studio's translation list holds exactly the table's strings.
  void translationListMatchesTable() {
    const QStringList listed = taskRegistryStrings();
    const std::vector<std::string> table = task_table_strings();
    for (const std::string& s : table)
      QVERIFY2(listed.contains(QString::fromStdString(s)), s.c_str());
    QCOMPARE(listed.size(), qsizetype(table.size()));
    // ... and the German translation (lrelease's .qm of translations/unroll_de.ts) has them all.
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(UNROLL_BIN_DIR "/../gui/unroll_de.qm")));
    for (const std::string& s : table)
      QVERIFY2(!german.translate("TaskRegistry", s.c_str()).isEmpty(), s.c_str());
  }

  // Each option's widget in the Data panel has the table's range or choices.
  void dataPanelFormFollowsTable() {
    DataPanel panel;
    int widgets = 0;
    for (const TaskInfo& info : task_table())
      for (const TaskOption& o : info.options) {
        QWidget* w =
            panel.optionWidget(QString::fromStdString(info.name), QString::fromStdString(o.name));
        QVERIFY2(w, o.name.c_str());
        ++widgets;
        if (auto* s = qobject_cast<QSpinBox*>(w)) {
          QCOMPARE(double(s->minimum()), o.min);
          QCOMPARE(double(s->maximum()), o.max);
        }
        if (auto* c = qobject_cast<QComboBox*>(w); c && o.kind == OptionKind::Choice)
          QCOMPARE(c->count(), int(o.choices.size()));
      }
    qInfo("%d option widgets", widgets);
  }
};

QTEST_MAIN(TstTaskRegistry)
#include "tst_task_registry.moc"
