// Translation lessons (translation_lesson.h).
#include "teach/translation_lesson.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.h"

namespace unroll {
namespace {

using json = nlohmann::json;

struct Where {
  std::string source;
  int step;  // -1: the top level
  [[noreturn]] void fail(const std::string& field, const std::string& why) const {
    throw Error(source + ": " + (step >= 0 ? "step " + std::to_string(step + 1) + ": " : "") +
                field + ": " + why);
  }
};

double number(const json& j, const std::string& field, const Where& w, double lo, double hi) {
  if (!j.is_number()) w.fail(field, "must be a number");
  const double v = j.get<double>();
  if (!(v >= lo && v <= hi))
    w.fail(field, "must be in " + std::to_string(lo) + ".." + std::to_string(hi));
  return v;
}

long whole(const json& j, const std::string& field, const Where& w, long lo, long hi) {
  const double v = number(j, field, w, double(lo), double(hi));
  if (v != std::floor(v)) w.fail(field, "must be a whole number");
  return long(v);
}

std::string text(const json& j, const std::string& field, const Where& w) {
  if (!j.is_string() || j.get<std::string>().empty()) w.fail(field, "must be a non-empty string");
  return j.get<std::string>();
}

template <class F>
auto parsed(const json& j, const std::string& field, const Where& w, F parse) {
  try {
    return parse(text(j, field, w));
  } catch (const Error& e) {
    w.fail(field, e.what());
  }
}

void apply_preset(const json& p, TranslationLessonPreset& out, const Where& w) {
  if (!p.is_object()) w.fail("preset", "must be an object");
  static const std::vector<std::string> known = {"task",      "length", "cell",  "hidden",
                                                 "attention", "lr",     "steps", "seed"};
  for (const auto& [key, value] : p.items())
    if (std::find(known.begin(), known.end(), key) == known.end())
      w.fail("preset." + key,
             "unknown field (known: task, length, cell, hidden, attention, lr, "
             "steps, seed)");
  if (p.contains("task")) {
    out.task = text(p.at("task"), "preset.task", w);
    if (out.task != "reorder" && out.task != "numbers" && out.task != "dates")
      w.fail("preset.task", "must be reorder, numbers or dates");
  }
  if (p.contains("length")) out.length = int(whole(p.at("length"), "preset.length", w, 1, 200));
  if (p.contains("cell")) out.cell = parsed(p.at("cell"), "preset.cell", w, parse_cell);
  if (p.contains("hidden")) out.hidden = int(whole(p.at("hidden"), "preset.hidden", w, 1, 1024));
  if (p.contains("attention"))
    out.attention = parsed(p.at("attention"), "preset.attention", w, parse_attention);
  if (p.contains("lr")) out.lr = number(p.at("lr"), "preset.lr", w, 1e-6, 1.0);
  if (p.contains("steps")) out.steps = whole(p.at("steps"), "preset.steps", w, 1, 1000000);
  if (p.contains("seed")) out.seed = uint64_t(whole(p.at("seed"), "preset.seed", w, 0, 1L << 40));
}

void parse_sweep(const json& s, TranslationLessonStep& step, const Where& w) {
  if (!s.is_object()) w.fail("sweep", "must be an object {lengths, attention, steps}");
  if (!s.contains("lengths") || !s.at("lengths").is_array() || s.at("lengths").empty())
    w.fail("sweep.lengths", "must be a non-empty array of lengths");
  for (const json& l : s.at("lengths"))
    step.sweep_lengths.push_back(int(whole(l, "sweep.lengths", w, 1, 200)));
  if (!s.contains("attention") || !s.at("attention").is_array() || s.at("attention").empty())
    w.fail("sweep.attention", "must be a non-empty array of attention kinds");
  for (const json& a : s.at("attention"))
    step.sweep_attention.push_back(parsed(a, "sweep.attention", w, parse_attention));
  if (s.contains("steps")) step.sweep_steps = whole(s.at("steps"), "sweep.steps", w, 1, 1000000);
  step.sweep = true;
}

}  // namespace

Seq2SeqTrainConfig TranslationLessonPreset::train_config() const {
  Seq2SeqTrainConfig c;
  c.task.task = task;
  c.task.length = length;
  c.model.encoder_cell = c.model.decoder_cell = cell;
  c.model.encoder_hidden = c.model.decoder_hidden = hidden;
  c.model.attention = attention;
  c.optimizer.lr = lr;
  c.seed = seed;
  c.validation_pairs = 200;
  return c;
}

LengthSweepSpec TranslationLessonStep::sweep_spec() const {
  LengthSweepSpec s;
  s.base = preset.train_config();
  s.base.validation_pairs = 0;
  s.lengths = sweep_lengths;
  s.attention = sweep_attention;
  s.steps = sweep_steps;
  return s;
}

TranslationLesson parse_translation_lesson(const std::string& json_text,
                                           const std::string& source) {
  json doc;
  try {
    doc = json::parse(json_text);
  } catch (const json::exception& e) {
    throw Error(source + ": malformed JSON: " + std::string(e.what()));
  }
  const Where top{source, -1};
  if (!doc.is_object()) top.fail("(top level)", "must be an object {title, steps}");
  TranslationLesson lesson;
  if (!doc.contains("title")) top.fail("title", "is missing");
  lesson.title = text(doc.at("title"), "title", top);
  if (!doc.contains("steps") || !doc.at("steps").is_array() || doc.at("steps").empty())
    top.fail("steps", "must be a non-empty array");
  TranslationLessonPreset preset;
  std::vector<std::string> errors;  // every step is checked: one load names every bad value
  const json& steps = doc.at("steps");
  for (size_t i = 0; i < steps.size(); ++i) try {
      const Where w{source, int(i)};
      const json& s = steps[i];
      if (!s.is_object()) w.fail("(step)", "must be an object {text, preset, goal or sweep}");
      TranslationLessonStep step;
      if (!s.contains("text")) w.fail("text", "is missing");
      step.text = text(s.at("text"), "text", w);
      if (s.contains("preset")) apply_preset(s.at("preset"), preset, w);
      step.preset = preset;
      if (s.contains("sweep")) parse_sweep(s.at("sweep"), step, w);
      if (s.contains("goal_exact"))
        step.goal_exact = number(s.at("goal_exact"), "goal_exact", w, 0, 1);
      if (step.sweep == !std::isnan(step.goal_exact))
        w.fail("goal_exact", step.sweep ? "a sweep step has no goal" : "is missing (0..1)");
      if (s.contains("expect")) {
        const json& e = s.at("expect");
        if (!e.is_string() || (e != "goal" && e != "budget"))
          w.fail("expect", "must be \"goal\" or \"budget\"");
        step.expect_goal = e == "goal";
      }
      if (s.contains("pace")) step.pace = int(whole(s.at("pace"), "pace", w, 0, 1000));
      lesson.steps.push_back(std::move(step));
    } catch (const Error& e) {
      errors.push_back(e.what());
    }
  if (!errors.empty()) {
    std::string all = errors.front();
    for (size_t i = 1; i < errors.size(); ++i) all += "\n" + errors[i];
    throw Error(all);
  }
  return lesson;
}

TranslationLesson load_translation_lesson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open the lesson file");
  std::ostringstream s;
  s << in.rdbuf();
  return parse_translation_lesson(s.str(), path);
}

}  // namespace unroll
