// Tests for the CSV time-series loader: good files in their common shapes, and every bad input
// (missing value, non-numeric cell, ragged row, single row, empty file, header only, oversized
// file or line) giving one clear error that names the line and column, never a crash.
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <sstream>
#include <string>

#include "core/error.h"
#include "data/csv_series.h"

using namespace unroll;

Q_DECLARE_METATYPE(std::string)

namespace {

CsvSeries parse(const std::string& text, const CsvOptions& o = {}) {
  std::istringstream in(text);
  return read_csv_series(in, "CSV file 't.csv'", o);
}

std::string error_of(const std::string& text, const CsvOptions& o = {}) {
  try {
    parse(text, o);
  } catch (const Error& e) {
    return e.what();
  }
  return "<no error thrown>";
}

}  // namespace

class TestCsv : public QObject {
  Q_OBJECT
 private slots:
  void goodFiles();
  void chooseColumns();
  void missingPolicies();
  void badInput_data();
  void badInput();
  void rowCapStopsEarly();
  void fileErrors();
};

void TestCsv::goodFiles() {
  // Header, date column first (auto-detected), Windows line ends, a BOM, a blank line.
  const CsvSeries a = parse(
      "\xEF\xBB\xBF"
      "date,open,close\r\n2024-01-01,1.5,2\r\n\r\n2024-01-02,2.5,3e1\r\n");
  QCOMPARE(a.columns, (std::vector<std::string>{"open", "close"}));
  QCOMPARE(a.values.cols(), 2);
  QCOMPARE(a.values(1, 1), 30.0);
  QCOMPARE(a.dates, (std::vector<std::string>{"2024-01-01", "2024-01-02"}));
  QCOMPARE(a.lines, (std::vector<long>{2, 4}));
  // No header, semicolons, quoted cells, a leading '+'.
  const CsvSeries b = parse("1;\"2\"\n+3;4\n5;-6.5\n");
  QCOMPARE(b.columns, (std::vector<std::string>{"column 1", "column 2"}));
  QCOMPARE(b.values(1, 2), -6.5);
  QCOMPARE(b.values(0, 1), 3.0);
  // One column, no header, tabs absent: a plain list of numbers.
  QCOMPARE(parse("1\n2\n3\n").values.cols(), 3);
  // A header whose names look like numbers is still forced by Header::Yes.
  CsvOptions yes;
  yes.header = CsvOptions::Header::Yes;
  QCOMPARE(parse("2020,2021\n1,2\n3,4\n", yes).columns[1], std::string("2021"));
}

void TestCsv::chooseColumns() {
  const std::string text = "Date,Open,High,Close\nd1,1,2,3\nd2,4,5,6\nd3,7,8,9\n";
  CsvOptions o;
  o.columns = {"close", "2"};  // by name (case-insensitive) and by number
  o.date_column = "Date";
  const CsvSeries s = parse(text, o);
  QCOMPARE(s.columns, (std::vector<std::string>{"Close", "Open"}));
  QCOMPARE(s.values(0, 2), 9.0);
  QCOMPARE(s.values(1, 0), 1.0);
  QCOMPARE(s.dates[1], std::string("d2"));
  o.columns = {"Volume"};
  const std::string e = error_of(text, o);
  QVERIFY2(e.find("'Volume' is not in the header") != std::string::npos, e.c_str());
  QVERIFY2(e.find("'Open'") != std::string::npos, e.c_str());
  o.columns = {"9"};
  QVERIFY(error_of(text, o).find("numbered 1 to 4") != std::string::npos);
  o.columns = {"Date"};
  QVERIFY(error_of(text, o).find("both the date column and a value column") != std::string::npos);
  CsvOptions by_name;
  by_name.columns = {"x"};
  QVERIFY(error_of("1,2\n3,4\n", by_name).find("no header row") != std::string::npos);
  CsvOptions twice;
  twice.columns = {"Open", "2"};
  QVERIFY(error_of(text, twice).find("chosen twice") != std::string::npos);
}

void TestCsv::missingPolicies() {
  const std::string text = "t,v\n1,10\n2,\n3,NA\n4,40\n";
  CsvOptions skip;
  skip.missing = CsvOptions::Missing::Skip;
  const CsvSeries s = parse(text, skip);
  QCOMPARE(s.values.cols(), 2);
  QCOMPARE(s.skipped_rows, 2L);
  QCOMPARE(s.lines, (std::vector<long>{2, 5}));
  CsvOptions prev;
  prev.missing = CsvOptions::Missing::Previous;
  const CsvSeries p = parse(text, prev);
  QCOMPARE(p.values.cols(), 4);
  QCOMPARE(p.values(1, 2), 10.0);
  const std::string e = error_of("v\n,\n2\n", prev);
  QVERIFY2(e.find("no earlier value") != std::string::npos, e.c_str());
}

void TestCsv::badInput_data() {
  QTest::addColumn<std::string>("text");
  QTest::addColumn<std::string>("expected");  // must all appear in the message
  QTest::newRow("empty file") << std::string() << std::string("is empty");
  QTest::newRow("blank lines only") << std::string("\n  \n\n") << std::string("only blank lines");
  QTest::newRow("header only") << std::string("a,b\n") << std::string("no data rows");
  QTest::newRow("single row") << std::string("a,b\n1,2\n")
                              << std::string("only 1 data row (line 2)");
  QTest::newRow("single row no header") << std::string("1,2\n") << std::string("only 1 data row");
  QTest::newRow("missing value") << std::string("a,b\n1,2\n3,\n5,6\n")
                                 << std::string("line 3: column 2 ('b') is missing|--missing");
  QTest::newRow("NA value") << std::string("a,b\n1,2\n3,4\nNA,6\n")
                            << std::string("line 4: column 1 ('a') is missing");
  QTest::newRow("non-numeric cell")
      << std::string("a,b\n1,2\n3,4x\n")
      << std::string("line 3: column 2 ('b') holds '4x'|not a number");
  QTest::newRow("text in headerless file")
      << std::string("1,2\n3,abc\n") << std::string("line 2: column 2 holds 'abc'");
  QTest::newRow("ragged row") << std::string("a,b,c\n1,2,3\n4,5\n")
                              << std::string("line 3: has 2 fields|column 3 ('c') is needed");
  QTest::newRow("wrong delimiter")
      << std::string("a,b\n1,2\n3;4\n") << std::string("line 3: has 1 field");
  QTest::newRow("infinite") << std::string("a\n1\n1e999\n")
                            << std::string("line 3: column 1 ('a') holds '1e999'|finite");
  QTest::newRow("open quote") << std::string("a,b\n1,\"2\n3,4\n")
                              << std::string("line 2: a quoted field is not closed");
  QTest::newRow("NUL byte") << std::string("a\n1\n2\0\x05", 7)
                            << std::string("line 3: contains a NUL byte (byte 2");
  QTest::newRow("binary") << std::string("a\n1\n\x01\x02\x05\n")
                          << std::string("line 3: contains a control byte|not a text CSV");
  QTest::newRow("only dates") << std::string("2024-01-01\n2024-01-02\n")
                              << std::string("line 1: column 1 holds '2024-01-01'");
  QTest::newRow("all rows dropped") << std::string("v\nNA\n\n") << std::string("line 2");
}

// Each bad input throws unroll::Error containing every '|'-separated part of `expected`.
void TestCsv::badInput() {
  QFETCH(std::string, text);
  QFETCH(std::string, expected);
  const std::string e = error_of(text);
  qInfo("%s", e.c_str());
  QVERIFY2(e.rfind("CSV file 't.csv'", 0) == 0, e.c_str());
  std::stringstream parts(expected);
  for (std::string part; std::getline(parts, part, '|');)
    QVERIFY2(e.find(part) != std::string::npos, (e + "  [expected: " + part + "]").c_str());
}

// The row and line caps stop a huge file with an error naming the line, before it fills memory.
void TestCsv::rowCapStopsEarly() {
  std::string text = "v\n";
  for (int i = 0; i < 1000; ++i) text += std::to_string(i) + "\n";
  CsvOptions o;
  o.max_rows = 100;
  const std::string e = error_of(text, o);
  QVERIFY2(e.find("line 102: the file has more than 100 data rows") != std::string::npos,
           e.c_str());
  QVERIFY(e.find("--max-rows") != std::string::npos);
  CsvOptions l;
  l.max_line_bytes = 64;
  const std::string long_line = "v\n1\n" + std::string(10000, '7') + "\n";
  const std::string e2 = error_of(long_line, l);
  QVERIFY2(e2.find("line 3: is longer than 64 bytes") != std::string::npos, e2.c_str());
}

void TestCsv::fileErrors() {
  QTemporaryDir dir;
  const std::string missing = dir.filePath("nope.csv").toStdString();
  try {
    load_csv_series(missing);
    QFAIL("no error");
  } catch (const Error& e) {
    QVERIFY(std::string(e.what()).find("does not exist") != std::string::npos);
  }
  try {
    load_csv_series(dir.path().toStdString());
    QFAIL("no error");
  } catch (const Error& e) {
    QVERIFY(std::string(e.what()).find("is a folder") != std::string::npos);
  }
  const std::string path = dir.filePath("ok.csv").toStdString();
  std::ofstream(path) << "x\n1\n2\n3\n";
  QCOMPARE(load_csv_series(path).values.cols(), 3);
  const std::string empty = dir.filePath("empty.csv").toStdString();
  std::ofstream(empty).close();
  try {
    load_csv_series(empty);
    QFAIL("no error");
  } catch (const Error& e) {
    QVERIFY(std::string(e.what()).find("is empty") != std::string::npos);
  }
}

QTEST_APPLESS_MAIN(TestCsv)
#include "tst_csv.moc"
