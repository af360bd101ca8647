// Names and validation for ModelConfig.
#include "model/config.h"

#include "core/error.h"

namespace unroll {
namespace {

template <class E, size_t N>
E parse_enum(const std::string& s, const char* what, const std::pair<const char*, E> (&table)[N]) {
  std::string names;
  for (const auto& [name, value] : table) {
    if (s == name) return value;
    names += names.empty() ? name : std::string(", ") + name;
  }
  throw Error("unknown " + std::string(what) + " '" + s + "' (expected one of: " + names + ")");
}

template <class E, size_t N>
std::string enum_name(E e, const std::pair<const char*, E> (&table)[N]) {
  for (const auto& [name, value] : table)
    if (value == e) return name;
  return "?";
}

const std::pair<const char*, CellType> kCells[] = {{"rnn", CellType::RnnTanh},
                                                   {"rnn-relu", CellType::RnnRelu},
                                                   {"lstm", CellType::Lstm},
                                                   {"gru", CellType::Gru}};
const std::pair<const char*, InputKind> kInputs[] = {{"onehot", InputKind::OneHot},
                                                     {"embedding", InputKind::Embedding},
                                                     {"dense", InputKind::Dense}};
const std::pair<const char*, HeadKind> kHeads[] = {{"softmax", HeadKind::Softmax},
                                                   {"regression", HeadKind::Regression}};
const std::pair<const char*, InitKind> kInits[] = {{"xavier", InitKind::XavierUniform},
                                                   {"xavier-normal", InitKind::XavierNormal},
                                                   {"he", InitKind::He},
                                                   {"orthogonal", InitKind::Orthogonal},
                                                   {"identity", InitKind::Identity},
                                                   {"torch", InitKind::Torch}};

}  // namespace

std::string to_string(CellType c) { return enum_name(c, kCells); }
std::string to_string(InputKind k) { return enum_name(k, kInputs); }
std::string to_string(HeadKind h) { return enum_name(h, kHeads); }
std::string to_string(InitKind i) { return enum_name(i, kInits); }
CellType parse_cell(const std::string& s) { return parse_enum(s, "cell", kCells); }
InputKind parse_input(const std::string& s) { return parse_enum(s, "input", kInputs); }
HeadKind parse_head(const std::string& s) { return parse_enum(s, "head", kHeads); }
InitKind parse_init(const std::string& s) { return parse_enum(s, "init", kInits); }

void ModelConfig::validate() const {
  auto need = [](bool ok, const std::string& msg) {
    if (!ok) throw Error(msg);
  };
  need(hidden >= 1 && hidden <= 8192,
       "hidden size must be between 1 and 8192, got " + std::to_string(hidden));
  need(layers >= 1 && layers <= 16,
       "layers must be between 1 and 16, got " + std::to_string(layers));
  need(input_size >= 1, "input size must be at least 1, got " + std::to_string(input_size));
  need(input != InputKind::Embedding || (embed_dim >= 1 && embed_dim <= 8192),
       "embedding size must be between 1 and 8192, got " + std::to_string(embed_dim));
  need(recurrent_gain > 0 && recurrent_gain <= 100,
       "recurrent gain must be in (0, 100], got " + std::to_string(recurrent_gain));
  need(output_size >= 1, "output size must be at least 1, got " + std::to_string(output_size));
  need(head != HeadKind::Softmax || output_size >= 2,
       "a softmax head needs at least 2 classes, got " + std::to_string(output_size));
}

}  // namespace unroll
