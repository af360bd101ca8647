// unroll-cli forecast: one-step and free-running forecasts of a trained series model over its
// validation range, with RMSE and MAE against the naive last-value baseline.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "args.h"
#include "commands.h"
#include "core/error.h"
#include "model_checkpoint.h"
#include "task_factory.h"
#include "train/forecast.h"

namespace unroll::cli {
namespace {

const char* kForecastHelp = R"(usage: unroll-cli forecast --checkpoint FILE.unroll [options]
  The series is rebuilt from the options recorded in the checkpoint (sine, stock or csv task).
  --data FILE.csv       the CSV file, when it has moved since training
  --horizon H           steps of each free-running forecast (20)
  --origins K           free-running forecasts spread over the validation range (8)
  --out FILE.csv        point,truth,one_step,naive for every validation point (first column)
  Prints one_step_rmse, one_step_mae, naive_rmse, naive_mae, multi_rmse, multi_mae,
  multi_naive_rmse and multi_naive_mae, in the series' own units.
)";

}  // namespace

int forecast_command(const std::vector<std::string>& argv) {
  const Args a(argv, {"checkpoint", "data", "horizon", "origins", "out"}, {"help"});
  if (a.has("help")) {
    std::cout << kForecastHelp;
    return 0;
  }
  if (!a.has("checkpoint")) throw Error("--checkpoint FILE.unroll is required (see --help)");
  const LoadedModel m = load_model(a.str("checkpoint", ""));
  TaskSpec spec = m.checkpoint.task;
  if (a.has("data")) {
    spec.options["data"] = a.str("data", "");
    spec.options.erase(crc_key("data"));
  }
  const std::string kind = spec.task();
  if (!task_info(kind).series)
    throw Error("checkpoint '" + m.path + "' was trained on the " + kind +
                " task; forecast needs a model of a series (--task sine, stock or csv)");
  const auto task = make_cli_task(spec);
  const SeriesTask* series = task->series();
  if (!series) throw Error("internal: task '" + kind + "' did not build a series");
  ForecastOptions fo;
  fo.horizon = int(a.integer("horizon", 20, 1, 100000000));
  fo.origins = int(a.integer("origins", 8, 1, 1000000));
  const ForecastResult r = forecast(*m.net, *series, fo);
  std::printf(
      "points=%d one_step_rmse=%.6g one_step_mae=%.6g naive_rmse=%.6g naive_mae=%.6g "
      "horizon=%d multi_rmse=%.6g multi_mae=%.6g multi_naive_rmse=%.6g multi_naive_mae=%.6g\n",
      int(r.truth.cols()), r.model.rmse, r.model.mae, r.baseline.rmse, r.baseline.mae, fo.horizon,
      r.multi_model.rmse, r.multi_model.mae, r.multi_baseline.rmse, r.multi_baseline.mae);
  if (a.has("out")) {
    const std::string path = a.str("out", "");
    std::ofstream out(path);
    if (!out) throw Error("--out: cannot write '" + path + "'; check the folder exists");
    out.precision(9);
    out << "point,truth,one_step,naive\n";
    for (Eigen::Index t = 0; t < r.truth.cols(); ++t)
      out << r.begin + t << ',' << r.truth(0, t) << ',' << r.one_step(0, t) << ',' << r.naive(0, t)
          << '\n';
  }
  return 0;
}

}  // namespace unroll::cli
