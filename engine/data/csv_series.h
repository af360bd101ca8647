// A streaming CSV reader for time series: picks columns by name or number, optional header and
// date column, and reports every bad input (missing or non-numeric cell, ragged row, empty or
// oversized file) as one error naming the file, line and column.
#pragma once
#include <Eigen/Core>
#include <istream>
#include <string>
#include <vector>

namespace unroll {

struct CsvOptions {
  enum class Header { Auto, Yes, No };
  enum class Missing { Error, Skip, Previous };

  // Value columns, each a header name or a 1-based number ("1" is the first column). Empty: every
  // column except the date column.
  std::vector<std::string> columns;
  // Name or 1-based number of a date/label column kept as text (not parsed); empty: none, except
  // that a first column whose first value is not a number is taken as the date column when no
  // columns were chosen.
  std::string date_column;
  // Auto: the first row is a header when one of its cells is not a number where the second row
  // has one.
  Header header = Header::Auto;
  char delimiter = 0;  // 0: the first of ',' ';' '\t' found in the first line, else ','
  // An empty cell or NA / NaN / null: an error (default), drop the row, or repeat the previous
  // value of that column.
  Missing missing = Missing::Error;
  // Caps that keep a huge or broken file from exhausting memory. Each kept row costs 8 bytes per
  // value column (plus the date text). Exceeding a cap is an error, never a silent truncation.
  long max_rows = 10'000'000;
  // Keep the date column's text in CsvSeries::dates (about 32 bytes a row); off when only the
  // values are needed.
  bool keep_dates = true;
  long max_line_bytes = 1 << 20;
};

struct CsvSeries {
  std::vector<std::string> columns;  // (C) header names, or "column N" without a header
  Eigen::MatrixXd values;            // (C, N) one column per row of the file
  std::vector<std::string> dates;    // (N) the date column's text, when there is one
  std::vector<long> lines;           // (N) the file line of each point (1-based)
  long skipped_rows = 0;             // rows dropped by Missing::Skip
};

// Reads the file a line at a time (never the whole file at once). Throws unroll::Error naming the
// path, line and column of the first problem, and what to do about it.
CsvSeries load_csv_series(const std::string& path, const CsvOptions& options = {});
// The same from a stream; `source` names it in messages ("CSV file 'prices.csv'").
CsvSeries read_csv_series(std::istream& in, const std::string& source,
                          const CsvOptions& options = {});

// "a,b,3" -> {"a", "b", "3"}, for --columns.
std::vector<std::string> split_list(const std::string& s, char sep = ',');

}  // namespace unroll
