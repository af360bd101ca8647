// Guided lessons for the Translation window, as data (resources/lessons/translation/*.json): each
// step has an explanation, an encoder–decoder preset (what it names changes, the rest carries over
// from the step before), and either a goal on the exact-translation accuracy of the run's
// validations or a length sweep to run. A step may "expect": "budget": it shows a model that does
// not reach the goal within its steps.
#pragma once
#include <limits>
#include <string>
#include <vector>

#include "seq2seq/length_sweep.h"

namespace unroll {

struct TranslationLessonPreset {
  std::string task = "reorder";  // reorder | numbers | dates
  int length = 10;
  CellType cell = CellType::Gru;  // encoder and decoder
  int hidden = 64;
  AttentionKind attention = AttentionKind::None;
  double lr = 0.003;
  long steps = 1500;  // the step's budget
  uint64_t seed = 1;
  Seq2SeqTrainConfig train_config() const;
};

struct TranslationLessonStep {
  std::string text;  // English; the studio translates it
  TranslationLessonPreset preset;
  // The goal: a validation's exact-sequence accuracy at least this (NaN: none, the sweep steps).
  double goal_exact = std::numeric_limits<double>::quiet_NaN();
  bool expect_goal = true;  // false: the point is that the goal is not reached in preset.steps
  int pace = 0;             // steps per second in the studio (0: full speed)
  bool sweep = false;       // the step runs the length sweep below instead of one model
  std::vector<int> sweep_lengths;
  std::vector<AttentionKind> sweep_attention;
  long sweep_steps = 1500;
  bool met(double exact) const { return exact >= goal_exact; }  // NaN meets nothing
  LengthSweepSpec sweep_spec() const;  // the preset's model at each length and attention
};

struct TranslationLesson {
  std::string title;
  std::vector<TranslationLessonStep> steps;
};

// Throws unroll::Error "source: reason" for malformed JSON, "source: step N: field: reason" for a
// bad value (every bad value of the file, one per line).
TranslationLesson parse_translation_lesson(const std::string& json_text, const std::string& source);
TranslationLesson load_translation_lesson(const std::string& path);

}  // namespace unroll
