// A small, strict command-line parser: --name value pairs and flags, every value checked, every
// problem reported as one line that names the option and says what is expected.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

namespace unroll::cli {

class Args {
 public:
  // options: names taking a value; flags: names without one. Throws unroll::Error on unknown
  // options, missing values or repeats.
  Args(const std::vector<std::string>& argv, const std::set<std::string>& options,
       const std::set<std::string>& flags);

  bool has(const std::string& name) const { return values_.count(name) || flags_.count(name); }
  std::string str(const std::string& name, const std::string& fallback) const;
  long integer(const std::string& name, long fallback, long lo, long hi) const;
  double real(const std::string& name, double fallback, double lo, double hi) const;
  // "a,b" -> {a, b}
  std::pair<long, long> pair(const std::string& name, long lo, long hi) const;

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> flags_;
};

}  // namespace unroll::cli
