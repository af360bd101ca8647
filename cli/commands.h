// The sub-commands of unroll-cli; each takes the arguments after its name and returns the exit code
// (errors are thrown as unroll::Error and reported by main).
#pragma once
#include <string>
#include <vector>

namespace unroll::cli {

int train_command(const std::vector<std::string>& argv);
int export_command(const std::vector<std::string>& argv);
int sample_command(const std::vector<std::string>& argv);
int eval_command(const std::vector<std::string>& argv);
int forecast_command(const std::vector<std::string>& argv);
int sweep_command(const std::vector<std::string>& argv);
int connectivity_command(const std::vector<std::string>& argv);
int attach_command(const std::vector<std::string>& argv);

}  // namespace unroll::cli
