// The sub-commands of unroll-cli; each takes the arguments after its name and returns the exit code
// (errors are thrown as unroll::Error and reported by main).
#pragma once
#include <string>
#include <vector>

namespace unroll::cli {

int train_command(const std::vector<std::string>& argv);

}  // namespace unroll::cli
