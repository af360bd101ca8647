// Strict command-line parsing.
#include "args.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/error.h"

namespace unroll::cli {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& options,
           const std::set<std::string>& flags) {
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.rfind("--", 0) != 0)
      throw Error("unexpected argument '" + a + "' (options start with --; see --help)");
    std::string name = a.substr(2), value;
    const auto eq = name.find('=');
    bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (flags.count(name)) {
      if (inline_value) throw Error("option --" + name + " takes no value");
      flags_.insert(name);
      continue;
    }
    if (!options.count(name)) throw Error("unknown option --" + name + " (see --help)");
    if (!inline_value) {
      if (i + 1 >= argv.size()) throw Error("option --" + name + " needs a value");
      value = argv[++i];
    }
    if (values_.count(name)) throw Error("option --" + name + " is given twice");
    values_[name] = value;
  }
}

std::string Args::str(const std::string& name, const std::string& fallback) const {
  const auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

namespace {
std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

long parse_long(const std::string& name, const std::string& s, long lo, long hi) {
  char* end = nullptr;
  errno = 0;
  const long v = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || errno)
    throw Error("--" + name + " expects a whole number, got '" + s + "'");
  if (v < lo || v > hi)
    throw Error("--" + name + " must be between " + std::to_string(lo) + " and " +
                std::to_string(hi) + ", got " + s);
  return v;
}
}  // namespace

long Args::integer(const std::string& name, long fallback, long lo, long hi) const {
  const auto it = values_.find(name);
  return it == values_.end() ? fallback : parse_long(name, it->second, lo, hi);
}

double Args::real(const std::string& name, double fallback, double lo, double hi) const {
  const auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  const std::string& s = it->second;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || !std::isfinite(v))
    throw Error("--" + name + " expects a number, got '" + s + "'");
  if (v < lo || v > hi)
    throw Error("--" + name + " must be between " + num(lo) + " and " + num(hi) + ", got " + s);
  return v;
}

std::pair<long, long> Args::pair(const std::string& name, long lo, long hi) const {
  const std::string s = str(name, "");
  const auto comma = s.find(',');
  if (comma == std::string::npos)
    throw Error("--" + name + " expects two numbers as K1,K2 (e.g. 16,32), got '" + s + "'");
  return {parse_long(name, s.substr(0, comma), lo, hi),
          parse_long(name, s.substr(comma + 1), lo, hi)};
}

}  // namespace unroll::cli
