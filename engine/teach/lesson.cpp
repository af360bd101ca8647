// Lessons from JSON (see lesson.h): parsing with file/line/field errors, presets, conditions.
#include "teach/lesson.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "core/error.h"
#include "data/sample_text.h"
#include "train/optimizer.h"

namespace unroll {

using nlohmann::json;

namespace {
const std::vector<std::pair<LessonMetric, std::string>>& metric_names() {
  static const std::vector<std::pair<LessonMetric, std::string>> names = {
      {LessonMetric::Loss, "loss"},
      {LessonMetric::ValLoss, "val_loss"},
      {LessonMetric::ValAccuracy, "val_accuracy"},
      {LessonMetric::GradNorm, "grad_norm"},
      {LessonMetric::GradAtT0, "grad_at_t0"},
      {LessonMetric::GradRatio, "grad_ratio"},
      {LessonMetric::SpectralRadius, "spectral_radius"},
      {LessonMetric::Steps, "steps"},
      {LessonMetric::Clipped, "clipped"},
      {LessonMetric::Accepted, "accepted"},
      {LessonMetric::DeadFraction, "dead_fraction"},
      {LessonMetric::SaturatedFraction, "saturated_fraction"},
      {LessonMetric::MaxHidden, "max_hidden"},
      {LessonMetric::LossVsBaseline, "loss_vs_baseline"}};
  return names;
}
const std::vector<std::string> kOps = {"<", "<=", ">", ">=", "==", "!="};
const std::vector<std::string> kTasks = {"language", "copy", "adding", "text"};
constexpr std::size_t kMaxCharts = 3;  // what a projector shows readably beside the lesson

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}
}  // namespace

const std::vector<std::string>& lesson_chart_names() {
  static const std::vector<std::string> names = {
      "loss", "grad_norm", "dynamics", "gradient_vs_timestep", "grad_heatmap", "hidden_state"};
  return names;
}

std::string to_string(LessonMetric m) {
  for (const auto& [metric, name] : metric_names())
    if (metric == m) return name;
  return "?";
}

double metric_value(LessonMetric m, const StepReport& r, double baseline) {
  constexpr double nan = StepReport::kNaN;
  const auto& g = r.timestep_grad_norms;
  const bool have_g = !g.empty() && !g[0].empty();
  switch (m) {
    case LessonMetric::Loss:
      return r.loss;
    case LessonMetric::ValLoss:
      return r.val_loss;
    case LessonMetric::ValAccuracy:
      return r.val_accuracy;
    case LessonMetric::GradNorm:
      return r.grad_norm;
    case LessonMetric::GradAtT0:
      return have_g ? g[0][0] : nan;
    case LessonMetric::GradRatio: {
      const double peak = have_g ? *std::max_element(g[0].begin(), g[0].end()) : 0;
      return peak > 0 ? g[0].front() / peak : nan;
    }
    case LessonMetric::SpectralRadius:
      return r.probes.empty() ? nan : r.probes[0].spectral_radius;
    case LessonMetric::Steps:
      return double(r.step);
    case LessonMetric::Clipped:
      return r.clipped ? 1 : 0;
    case LessonMetric::Accepted:
      return r.accepted ? 1 : 0;
    case LessonMetric::DeadFraction:
    case LessonMetric::SaturatedFraction: {
      double worst = nan;
      for (const LayerProbe& p : r.probes) {
        const double x = m == LessonMetric::DeadFraction ? p.dead_fraction : p.saturated_fraction;
        if (!(x <= worst)) worst = x;
      }
      return worst;
    }
    case LessonMetric::MaxHidden: {
      double top = nan;
      for (const Eigen::MatrixXf& h : r.hidden)
        if (h.size() > 0)
          top = std::max(std::isnan(top) ? 0.0 : top, double(h.cwiseAbs().maxCoeff()));
      return top;
    }
    case LessonMetric::LossVsBaseline:
      return baseline > 0 ? r.loss / baseline : nan;
  }
  return nan;
}

bool LessonCondition::met(const StepReport& r) const {
  return goal_met(r) && failing_health(r) == nullptr;
}

const LessonCondition* LessonCondition::failing_health(const StepReport& r) const {
  for (const LessonCondition& h : health)
    if (!h.goal_met(r)) return &h;
  return nullptr;
}

LessonCondition LessonCondition::bound(const Task& task) const {
  LessonCondition c = *this;
  c.baseline = task.baseline_loss();
  for (LessonCondition& h : c.health) h.baseline = c.baseline;
  return c;
}

bool LessonCondition::goal_met(const StepReport& r) const {
  const double x = value_of(r);
  if (!std::isnan(above) && !(x > above)) return false;
  if (op == "<") return x < value;
  if (op == "<=") return x <= value;
  if (op == ">") return x > value;
  if (op == ">=") return x >= value;
  if (op == "==") return x == value;
  return x != value;
}

std::shared_ptr<const Task> LessonPreset::make_task() const { return unroll::make_task(task); }

int LessonPreset::lag() const {
  const std::string name = task_info(task.task()).lag_option;
  return name.empty() ? 0 : std::stoi(task.option(name));
}

void LessonPreset::set_lag(int lag) {
  const std::string name = task_info(task.task()).lag_option;
  if (name.empty()) throw Error("the " + task.task() + " task has no lag");
  task.set(name, long(lag));
}

TrainConfig LessonPreset::train_config(const Task& t) const {
  TrainConfig c;
  c.model.cell = cell;
  c.model.hidden = hidden;
  c.model.layers = layers;
  c.model.init = init;
  c.model.recurrent_gain = recurrent_gain;
  c.model.forget_bias = forget_bias;
  c.seq = t.fixed_length() > 0 ? t.fixed_length() : seq > 0 ? seq : 50;
  c.batch = batch;
  c.seed = seed;
  c.optimizer.kind = parse_optimizer(optimizer);
  c.optimizer.lr = lr;
  if (clip > 0) c.clip = {ClipMode::Norm, clip};
  if (bptt > 0) c.bptt = {true, bptt, bptt};
  c.val_every = 50;
  c.probe_every = 10;
  c.connectivity_every = 50;
  return c;
}

std::unique_ptr<Trainer> make_lesson_trainer(const LessonStep& step) {
  std::shared_ptr<const Task> task = step.preset.make_task();
  return std::make_unique<Trainer>(step.preset.train_config(*task), task);
}

namespace {
// The line of every key and array element of a JSON text, by path ("title", "steps[2]",
// "steps[2].preset.lr"): nlohmann::json keeps no positions, so a small scan of the (already
// parsed, hence well-formed) text finds them.
std::map<std::string, int> json_lines(const std::string& text) {
  std::map<std::string, int> lines;
  struct Level {
    std::string path;
    bool array;
    int index = 0;
    std::string key;  // objects: the last key read
  };
  std::vector<Level> stack;
  int line = 1;
  // A lesson's fields are at most five levels deep and their names short; deeper levels get no
  // path and long keys none of their own, so that a crafted file costs linear time and memory.
  constexpr std::size_t kDeepest = 6;
  auto element_path = [&]() -> std::string {
    if (stack.empty() || stack.size() > kDeepest) return {};
    const Level& l = stack.back();
    if (l.array) return l.path + "[" + std::to_string(l.index) + "]";
    return l.path.empty() ? l.key : l.path + "." + l.key;
  };
  bool value_expected = true;  // at a value position (array element start or after ':')
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') continue;
    if (!stack.empty() && stack.back().array && value_expected && c != ']' &&
        stack.back().path == "steps")  // the steps' own lines; other arrays' elements need none
      lines.emplace(element_path(), line);
    if (c == '"') {
      std::string s;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        if (text[i] == '\n') ++line;
        s += text[i];
      }
      std::size_t j = i + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (j < text.size() && text[j] == ':' && !stack.empty() && !stack.back().array) {
        stack.back().key = s.size() <= 64 ? s : "?";  // a key (no lesson field is longer)
        if (stack.size() <= kDeepest) lines.emplace(element_path(), line);
      }
      value_expected = false;
    } else if (c == '{' || c == '[') {
      const std::string path = element_path();
      stack.push_back({path, c == '['});
      value_expected = c == '[';
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
      value_expected = false;
    } else if (c == ',') {
      if (!stack.empty() && stack.back().array) ++stack.back().index;
      value_expected = !stack.empty() && stack.back().array;
    } else if (c == ':') {
      value_expected = true;
    } else {
      value_expected = false;  // a number, true, false, null
    }
  }
  return lines;
}

// A schema error: where in the lesson (file, step, field and its line), what is wrong.
struct Where {
  const std::string& source;
  int step;  // -1: the top level
  const std::map<std::string, int>* lines = nullptr;
  [[noreturn]] void fail(const std::string& field, const std::string& reason) const {
    std::string at = source + ": ";
    if (step >= 0) at += "step " + std::to_string(step + 1) + ": ";
    throw Error(at + "field '" + field + "': " + reason + line_note(field));
  }
  // " (line N)" for the field, else for its step; empty when neither is known.
  std::string line_note(const std::string& field) const {
    if (!lines) return {};
    const std::string base = step >= 0 ? "steps[" + std::to_string(step) + "]" : "";
    for (const std::string& path :
         {field.empty() || field[0] == '(' ? base : (base.empty() ? field : base + "." + field),
          base}) {
      const auto it = lines->find(path);
      if (!path.empty() && it != lines->end()) return " (line " + std::to_string(it->second) + ")";
    }
    return {};
  }
};

const json& need(const json& obj, const char* key, const std::string& field, const Where& w) {
  if (!obj.contains(key)) w.fail(field, "missing");
  return obj.at(key);
}
std::string need_string(const json& obj, const char* key, const std::string& field,
                        const Where& w) {
  const json& v = need(obj, key, field, w);
  if (!v.is_string()) w.fail(field, "must be a string (got " + std::string(v.type_name()) + ")");
  return v.get<std::string>();
}
double get_number(const json& v, const std::string& field, const Where& w) {
  if (!v.is_number()) w.fail(field, "must be a number (got " + std::string(v.type_name()) + ")");
  return v.get<double>();
}
int get_int(const json& v, const std::string& field, const Where& w, int lo, int hi) {
  const double x = get_number(v, field, w);
  if (x != std::floor(x) || x < lo || x > hi)
    w.fail(field, "must be a whole number from " + std::to_string(lo) + " to " +
                      std::to_string(hi) + " (got " + v.dump() + ")");
  return int(x);
}
double get_real(const json& v, const std::string& field, const Where& w, double lo, double hi) {
  const double x = get_number(v, field, w);
  if (!(x >= lo && x <= hi))
    w.fail(field, "must be from " + json(lo).dump() + " to " + json(hi).dump() + " (got " +
                      v.dump() + ")");
  return x;
}
std::string get_name(const json& v, const std::string& field, const Where& w) {
  if (!v.is_string()) w.fail(field, "must be a string (got " + std::string(v.type_name()) + ")");
  return v.get<std::string>();
}

void apply_preset(const json& p, LessonPreset& out, const Where& w) {
  if (!p.is_object()) w.fail("preset", "must be an object");
  // The task first: "lag" and "seq" set options of the task the step ends up with.
  if (const auto t = p.find("task"); t != p.end()) {
    const std::string name = get_name(*t, "preset.task", w);
    if (std::find(kTasks.begin(), kTasks.end(), name) == kTasks.end())
      w.fail("preset.task", "unknown task '" + name + "' (expected one of: " + join(kTasks) + ")");
    out.task = TaskSpec::of(name);
  }
  for (const auto& [key, v] : p.items()) {
    const std::string f = "preset." + key;
    try {
      if (key == "cell")
        out.cell = parse_cell(get_name(v, f, w));
      else if (key == "hidden")
        out.hidden = get_int(v, f, w, 1, 1024);
      else if (key == "layers")
        out.layers = get_int(v, f, w, 1, 8);
      else if (key == "task") {
        continue;  // applied first, below
      } else if (key == "lag") {
        const TaskInfo& info = task_info(out.task.task());
        if (info.lag_option.empty() || info.lag_option == info.seq_option)
          w.fail(f, "the " + info.name + " task has no lag; give \"seq\" for its length");
        const TaskOption& o = *find_option(info, info.lag_option);
        out.task.set(o.name, long(get_int(v, f, w, int(o.min), int(o.max))));
      } else if (key == "seq") {
        const std::string length = task_info(out.task.task()).seq_option;
        if (length.empty())
          out.seq = get_int(v, f, w, 0, 100000);
        else if (const int T = get_int(v, f, w, 0, 100000); T == 0)
          out.task.options.erase(length);  // 0: the task's default length, as for other tasks
        else
          out.task.set(length, long(T));
      } else if (key == "batch")
        out.batch = get_int(v, f, w, 1, 4096);
      else if (key == "optimizer")
        out.optimizer = to_string(parse_optimizer(get_name(v, f, w)));
      else if (key == "lr")
        out.lr = get_real(v, f, w, 1e-9, 10);
      else if (key == "clip")
        out.clip = get_real(v, f, w, 0, 1e6);
      else if (key == "bptt")
        out.bptt = get_int(v, f, w, 0, 100000);
      else if (key == "init")
        out.init = parse_init(get_name(v, f, w));
      else if (key == "recurrent_gain")
        out.recurrent_gain = get_real(v, f, w, 0, 10);
      else if (key == "forget_bias")
        out.forget_bias = get_real(v, f, w, -20, 20);
      else if (key == "seed")
        out.seed = uint64_t(get_int(v, f, w, 0, 1 << 30));
      else
        w.fail(f,
               "unknown setting (known: cell, hidden, layers, task, lag, seq, batch, optimizer, "
               "lr, clip, bptt, init, recurrent_gain, forget_bias, seed)");
    } catch (const Error& e) {
      const std::string what = e.what();
      if (what.rfind(w.source, 0) == 0) throw;
      w.fail(f, what);  // a parser's message (parse_cell, ...), placed in the lesson
    }
  }
}

LessonCondition parse_condition(const json& c, const Where& w,
                                const std::string& at = "condition") {
  if (!c.is_object()) w.fail(at, "must be an object {metric, op, value}");
  LessonCondition out;
  const std::string metric = need_string(c, "metric", at + ".metric", w);
  const auto& names = metric_names();
  auto it =
      std::find_if(names.begin(), names.end(), [&](const auto& p) { return p.second == metric; });
  if (it == names.end()) {
    std::vector<std::string> known;
    for (const auto& p : names) known.push_back(p.second);
    w.fail(at + ".metric", "unknown metric '" + metric + "' (known: " + join(known) + ")");
  }
  out.metric = it->first;
  out.op = need_string(c, "op", at + ".op", w);
  if (std::find(kOps.begin(), kOps.end(), out.op) == kOps.end())
    w.fail(at + ".op", "unknown operator '" + out.op + "' (known: " + join(kOps) + ")");
  out.value = get_number(need(c, "value", at + ".value", w), at + ".value", w);
  if (c.contains("above")) out.above = get_number(c.at("above"), at + ".above", w);
  const bool top = at == "condition";
  if (top && c.contains("health")) {
    const json& h = c.at("health");
    if (!h.is_array()) w.fail("condition.health", "must be a list of {metric, op, value}");
    for (std::size_t k = 0; k < h.size(); ++k)
      out.health.push_back(parse_condition(h[k], w, "condition.health[" + std::to_string(k) + "]"));
  }
  for (const auto& [key, v] : c.items())
    if (key != "metric" && key != "op" && key != "value" && key != "above" &&
        (!top || key != "health"))
      w.fail(at + "." + key, top ? "unknown field (known: metric, op, value, above, health)"
                                 : "unknown field (known: metric, op, value, above)");
  return out;
}

std::vector<std::string> parse_charts(const json& v, const Where& w) {
  const std::vector<std::string>& known = lesson_chart_names();
  if (!v.is_array() || v.empty() || v.size() > kMaxCharts)
    w.fail("charts", "must be a list of one to " + std::to_string(kMaxCharts) +
                         " chart names (known: " + join(known) + ")");
  std::vector<std::string> out;
  for (const json& c : v) {
    const std::string name = get_name(c, "charts", w);
    if (std::find(known.begin(), known.end(), name) == known.end())
      w.fail("charts", "unknown chart '" + name + "' (known: " + join(known) + ")");
    if (std::find(out.begin(), out.end(), name) != out.end())
      w.fail("charts", "'" + name + "' is named twice");
    out.push_back(name);
  }
  return out;
}

// A step's comparison with earlier runs: "compare" and "label" (see LessonStep).
void parse_comparison(const json& s, LessonStep& step, const Where& w) {
  if (s.contains("compare")) {
    const json& c = s.at("compare");
    if (c == "previous")
      step.compare = LessonStep::Compare::Previous;
    else if (c == "earlier")
      step.compare = LessonStep::Compare::Earlier;
    else if (c != "none")
      w.fail("compare",
             "must be \"previous\" (the step before's run stays on the charts), \"earlier\" "
             "(every earlier step's) or \"none\" (got " +
                 c.dump() + ")");
  }
  if (w.step == 0 && step.compare != LessonStep::Compare::None)
    w.fail("compare", "the first step has no earlier run to compare with");
  if (s.contains("label")) step.label = need_string(s, "label", "label", w);
}

int line_of(const std::string& text, std::size_t byte) {
  const std::size_t end = std::min(byte, text.size());
  return 1 + int(std::count(text.begin(), text.begin() + long(end), '\n'));
}
}  // namespace

Lesson parse_lesson(const std::string& json_text, const std::string& source) {
  json doc;
  try {
    doc = json::parse(json_text);
  } catch (const json::parse_error& e) {
    // e.byte is 1-based and points just past the offending character.
    std::string reason = e.what();
    const auto colon = reason.find(": ", reason.find("parse error"));
    if (colon != std::string::npos) reason = reason.substr(colon + 2);
    throw Error(source + ":" + std::to_string(line_of(json_text, e.byte ? e.byte - 1 : 0)) +
                ": malformed JSON: " + reason);
  } catch (const json::exception& e) {  // a number out of range ("1e500"), ...
    throw Error(source + ": not a lesson the studio can read: " + std::string(e.what()));
  }
  if (!doc.is_object()) Where{source, -1}.fail("(top level)", "must be an object {title, steps}");
  const std::map<std::string, int> lines = json_lines(json_text);
  const Where top{source, -1, &lines};
  Lesson lesson;
  lesson.title = need_string(doc, "title", "title", top);
  if (doc.contains("pace")) lesson.pace = get_int(doc.at("pace"), "pace", top, 0, 1000);
  if (doc.contains("charts")) lesson.charts = parse_charts(doc.at("charts"), top);
  const json& steps = need(doc, "steps", "steps", top);
  if (!steps.is_array() || steps.empty()) top.fail("steps", "must be a non-empty array");
  LessonPreset preset;
  // Every step is checked, so that one load reports every bad value, each with its line.
  std::vector<std::string> errors;
  for (std::size_t i = 0; i < steps.size(); ++i) try {
      const Where w{source, int(i), &lines};
      const json& s = steps[i];
      if (!s.is_object()) w.fail("(step)", "must be an object {text, action, condition}");
      LessonStep step;
      step.text = need_string(s, "text", "text", w);
      step.action = need_string(s, "action", "action", w);
      if (s.contains("preset")) apply_preset(s.at("preset"), preset, w);
      step.preset = preset;
      step.condition = parse_condition(need(s, "condition", "condition", w), w);
      if (s.contains("max_steps"))
        step.max_steps = get_int(s.at("max_steps"), "max_steps", w, 1, 1000000);
      step.pace = s.contains("pace") ? get_int(s.at("pace"), "pace", w, 0, 1000) : lesson.pace;
      if (s.contains("expect")) {
        const json& e = s.at("expect");
        if (!e.is_string() || (e != "goal" && e != "budget"))
          w.fail("expect",
                 "must be \"goal\" (the step reaches its condition) or \"budget\" (it shows a "
                 "model that does not, within max_steps)");
        step.expect_goal = e == "goal";
      }
      parse_comparison(s, step, w);
      lesson.steps.push_back(std::move(step));
    } catch (const Error& e) {
      errors.push_back(e.what());
    }
  if (!errors.empty()) {
    std::string all = errors.front();
    for (std::size_t k = 1; k < errors.size(); ++k) all += "\n" + errors[k];
    throw Error(all);
  }
  return lesson;
}

Lesson load_lesson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open the lesson file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_lesson(text.str(), path);
}

}  // namespace unroll
