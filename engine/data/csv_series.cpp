// CSV time-series loader: bounded line reading, quoted fields, header and column resolution,
// strict number parsing and the missing-value policies.
#include "data/csv_series.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>

#include "core/error.h"

namespace unroll {
namespace {

// Lines of at most max_bytes, so a file without line breaks cannot fill memory. Reads the stream
// buffer directly: a character at a time through istream::get is several times slower.
class LineReader {
 public:
  LineReader(std::istream& in, long max_bytes) : buf_(in.rdbuf()), max_(max_bytes) {}
  // False at the end of the input. Sets too_long() when a line exceeds the cap.
  bool next(std::string& line, long& number) {
    line.clear();
    if (!buf_) return false;
    bool any = false;
    for (int c = buf_->sbumpc(); c != std::char_traits<char>::eof(); c = buf_->sbumpc()) {
      any = true;
      if (c == '\n') break;
      if (long(line.size()) >= max_) {
        too_long_ = true;
        break;
      }
      line.push_back(char(c));
    }
    if (!any) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    number = ++line_;
    return true;
  }
  bool too_long() const { return too_long_; }

 private:
  std::streambuf* buf_;
  long max_;
  long line_ = 0;
  bool too_long_ = false;
};

std::string trim(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A cell for a message: quoted, and cut when long.
std::string shown(const std::string& cell) {
  if (cell.size() <= 40) return "'" + cell + "'";
  return "'" + cell.substr(0, 37) + "...'";
}

bool is_missing(const std::string& cell) {
  const std::string l = lower(cell);
  return l.empty() || l == "na" || l == "n/a" || l == "nan" || l == "null" || l == "none" ||
         l == "-";
}

// Strict decimal number (optional sign, digits, point, exponent); nullopt for anything else.
std::optional<double> parse_number(const std::string& cell) {
  if (cell.empty()) return std::nullopt;
  const char* b = cell.data();
  const char* e = b + cell.size();
  if (*b == '+') ++b;
  if (b == e || !(std::isdigit(static_cast<unsigned char>(*b)) || *b == '.' || *b == '-'))
    return std::nullopt;
  double v = 0;
  const auto [p, ec] = std::from_chars(b, e, v);
  if (p != e) return std::nullopt;
  // Too large for a double: reported as not finite rather than as not a number.
  // (from_chars leaves v unset then: a negative exponent means underflow, i.e. about zero).
  if (ec == std::errc::result_out_of_range) {
    const size_t exp = cell.find_first_of("eE");
    if (exp != std::string::npos && exp + 1 < cell.size() && cell[exp + 1] == '-') return 0.0;
    return HUGE_VAL;
  }
  if (ec != std::errc()) return std::nullopt;
  return v;
}

struct Source {
  std::string name;
  [[noreturn]] void fail(long line, const std::string& what) const {
    throw Error(name + ", line " + std::to_string(line) + ": " + what);
  }
};

// Splits one line at delim, honouring "quoted, fields" with "" as an escaped quote.
std::vector<std::string> split_fields(const std::string& line, char delim, const Source& src,
                                      long number) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false, was_quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\0' || (static_cast<unsigned char>(c) < 0x20 && c != '\t'))
      src.fail(number, std::string(c == '\0' ? "contains a NUL byte" : "contains a control byte") +
                           " (byte " + std::to_string(i + 1) +
                           " of the line), so this is not a text CSV file; choose the CSV export "
                           "of the data");
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur.push_back(c);
      }
    } else if (c == '"' && trim(cur).empty()) {
      quoted = was_quoted = true;
      cur.clear();
    } else if (c == delim) {
      out.push_back(was_quoted ? cur : trim(cur));
      cur.clear();
      was_quoted = false;
    } else {
      cur.push_back(c);
    }
  }
  if (quoted)
    src.fail(number,
             "a quoted field is not closed by '\"'; quoted fields must end on the line "
             "they start (line breaks inside quotes are not supported)");
  out.push_back(was_quoted ? cur : trim(cur));
  return out;
}

bool blank(const std::string& line) {
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

std::string column_label(const std::vector<std::string>& header, size_t k) {
  std::string s = "column " + std::to_string(k + 1);
  if (k < header.size() && !header[k].empty()) s += " ('" + header[k] + "')";
  return s;
}

// A name or a 1-based number -> 0-based index, or an error listing what exists.
size_t resolve_column(const std::string& spec, const std::vector<std::string>& header,
                      size_t fields, const std::string& what, const Source& src) {
  const std::string s = trim(spec);
  if (!s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const long n = s.size() > 9 ? 0 : std::stol(s);
    if (n < 1 || size_t(n) > fields)
      throw Error(src.name + ": " + what + " " + s + " does not exist; the file has " +
                  std::to_string(fields) + " columns, numbered 1 to " + std::to_string(fields));
    return size_t(n - 1);
  }
  if (header.empty())
    throw Error(src.name + ": " + what + " '" + s +
                "' is a name, but the file has no header row; choose columns by number (1 is the "
                "first) or add a header line");
  for (size_t k = 0; k < header.size(); ++k)
    if (header[k] == s) return k;
  for (size_t k = 0; k < header.size(); ++k)
    if (lower(header[k]) == lower(s)) return k;
  std::string names;
  for (size_t k = 0; k < header.size(); ++k) names += (k ? ", '" : "'") + header[k] + "'";
  throw Error(src.name + ": " + what + " '" + s + "' is not in the header; the columns are " +
              names + " (or choose by number, 1 is the first)");
}

char detect_delimiter(const std::string& line) {
  for (char d : {',', ';', '\t'})
    if (line.find(d) != std::string::npos) return d;
  return ',';
}

}  // namespace

std::vector<std::string> split_list(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(trim(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  out.push_back(trim(cur));
  out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
  return out;
}

CsvSeries read_csv_series(std::istream& in, const std::string& source, const CsvOptions& o) {
  const Source src{source};
  if (o.max_rows < 1 || o.max_line_bytes < 16)
    throw Error(source + ": the row cap must be at least 1 and the line cap at least 16 bytes");
  LineReader reader(in, o.max_line_bytes);
  std::string line;
  long number = 0;
  auto next_line = [&]() {
    while (reader.next(line, number)) {
      if (reader.too_long())
        src.fail(number, "is longer than " + std::to_string(o.max_line_bytes) +
                             " bytes; this does not look like a CSV time series (one row per "
                             "line). Check the file, or its line breaks");
      if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 BOM
      if (!blank(line)) return true;
    }
    return false;
  };

  // First two non-blank lines decide the delimiter and whether there is a header.
  if (!next_line()) {
    if (number == 0)
      throw Error(source + " is empty; a CSV time series needs at least two rows of numbers");
    throw Error(source +
                " has only blank lines; a CSV time series needs at least two rows of "
                "numbers");
  }
  const char delim = o.delimiter ? o.delimiter : detect_delimiter(line);
  std::vector<std::string> first = split_fields(line, delim, src, number);
  const long first_number = number;
  std::vector<std::string> second;
  long second_number = 0;
  if (next_line()) {
    second = split_fields(line, delim, src, number);
    second_number = number;
  }
  bool has_header = o.header == CsvOptions::Header::Yes;
  if (o.header == CsvOptions::Header::Auto) {
    for (size_t k = 0; k < first.size() && !has_header; ++k) {
      const bool text = !parse_number(first[k]) && !is_missing(first[k]);
      const bool below_numeric =
          second.empty() ||
          (k < second.size() && (parse_number(second[k]) || is_missing(second[k])));
      has_header = text && below_numeric;
    }
  }
  std::vector<std::string> header;
  if (has_header) header = first;
  const size_t fields = first.size();

  // Rows to parse, in order: the first row unless it is the header, then the second, then the rest.
  std::vector<std::pair<std::vector<std::string>, long>> pending;
  if (!has_header) pending.push_back({first, first_number});
  if (second_number) pending.push_back({second, second_number});
  if (pending.empty())
    throw Error(source + " has a header (line " + std::to_string(first_number) +
                ") but no data rows; a series needs at least two rows of numbers");

  // Columns.
  std::optional<size_t> date;
  if (!o.date_column.empty())
    date = resolve_column(o.date_column, header, fields, "date column", src);
  std::vector<size_t> cols;
  for (const auto& spec : o.columns) {
    const size_t k = resolve_column(spec, header, fields, "column", src);
    if (date && k == *date)
      throw Error(source + ": " + column_label(header, k) +
                  " is both the date column and a value column; choose one role for it");
    if (std::find(cols.begin(), cols.end(), k) != cols.end())
      throw Error(source + ": " + column_label(header, k) + " is chosen twice; list it once");
    cols.push_back(k);
  }
  if (cols.empty()) {
    const auto& row = pending.front().first;
    if (!date && !row.empty() && !parse_number(row[0]) && !is_missing(row[0]) && fields > 1)
      date = 0;  // "2024-01-31,..." : the usual date-first layout
    for (size_t k = 0; k < fields; ++k)
      if (!date || k != *date) cols.push_back(k);
    if (cols.empty())
      throw Error(source + " has only the date column; it needs at least one column of numbers");
  }

  CsvSeries out;
  for (size_t k : cols)
    out.columns.push_back(has_header && !header[k].empty() ? header[k]
                                                           : "column " + std::to_string(k + 1));
  const size_t need =
      std::max(cols.empty() ? 0 : *std::max_element(cols.begin(), cols.end()), date ? *date : 0) +
      1;
  std::vector<std::vector<double>> values(cols.size());
  std::vector<double> previous(cols.size(), std::nan(""));
  std::vector<double> row_values(cols.size());
  long rows = 0;
  auto take = [&](const std::vector<std::string>& row, long at) {
    if (row.size() < need)
      src.fail(at, "has " + std::to_string(row.size()) + (row.size() == 1 ? " field" : " fields") +
                       " but " + column_label(header, need - 1) +
                       " is needed; every row must have the same columns (check for a missing "
                       "delimiter or a different delimiter than '" +
                       std::string(1, delim == '\t' ? 'T' : delim) + "')");
    for (size_t j = 0; j < cols.size(); ++j) {
      const std::string& cell = row[cols[j]];
      if (is_missing(cell)) {
        if (o.missing == CsvOptions::Missing::Skip) {
          ++out.skipped_rows;
          return;
        }
        if (o.missing == CsvOptions::Missing::Previous && !std::isnan(previous[j])) {
          row_values[j] = previous[j];
          continue;
        }
        src.fail(at, column_label(header, cols[j]) + " is missing (" +
                         (cell.empty() ? std::string("empty") : shown(cell)) + ")" +
                         (o.missing == CsvOptions::Missing::Previous
                              ? "; there is no earlier value to repeat. Fill it in or drop the row"
                              : "; fill it in, or choose a policy for gaps: --missing skip "
                                "(drop the row) or --missing previous (repeat the last value)"));
      }
      const auto v = parse_number(cell);
      if (!v)
        src.fail(at, column_label(header, cols[j]) + " holds " + shown(cell) +
                         ", which is not a number; fix the cell, or choose only numeric columns "
                         "(--columns) and name the date column (--date-column)");
      if (!std::isfinite(*v))
        src.fail(at, column_label(header, cols[j]) + " holds " + shown(cell) +
                         ", which is too large to be a finite number; fix the cell");
      row_values[j] = *v;
    }
    if (++rows > o.max_rows)
      src.fail(at, "the file has more than " + std::to_string(o.max_rows) +
                       " data rows, the cap that keeps the series in memory (8 bytes per value); "
                       "raise it (--max-rows) if the machine has the memory, or resample the "
                       "series to fewer rows");
    for (size_t j = 0; j < cols.size(); ++j) {
      values[j].push_back(row_values[j]);
      previous[j] = row_values[j];
    }
    if (date && o.keep_dates) out.dates.push_back(row[*date]);
    out.lines.push_back(at);
  };
  for (const auto& [row, at] : pending) take(row, at);
  while (next_line()) take(split_fields(line, delim, src, number), number);

  const long n = long(out.lines.size());
  if (n < 2) {
    const std::string why =
        out.skipped_rows ? " (" + std::to_string(out.skipped_rows) + " rows with gaps were dropped)"
                         : "";
    throw Error(source + " has " +
                (n == 0 ? std::string("no usable data rows")
                        : "only 1 data row (line " + std::to_string(out.lines[0]) + ")") +
                why +
                "; a time series needs at least 2 rows, and forecasting in practice "
                "hundreds");
  }
  out.values.resize(Eigen::Index(cols.size()), n);
  for (size_t j = 0; j < cols.size(); ++j)
    out.values.row(Eigen::Index(j)) = Eigen::Map<const Eigen::RowVectorXd>(values[j].data(), n);
  return out;
}

CsvSeries load_csv_series(const std::string& path, const CsvOptions& o) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw Error("CSV file '" + path + "' does not exist; check the path and the file name");
  if (fs::is_directory(path, ec))
    throw Error("'" + path + "' is a folder; choose a CSV file inside it");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open CSV file '" + path + "'; check that you may read it");
  return read_csv_series(in, "CSV file '" + path + "'", o);
}

}  // namespace unroll
