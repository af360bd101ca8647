// Validation and names of the encoder–decoder configuration.
#include "seq2seq/seq2seq_config.h"

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace unroll {

std::string to_string(AttentionKind a) {
  switch (a) {
    case AttentionKind::None:
      return "none";
    case AttentionKind::Additive:
      return "additive";
    case AttentionKind::Dot:
      return "dot";
    case AttentionKind::General:
      return "general";
  }
  return "none";
}

AttentionKind parse_attention(const std::string& s) {
  for (AttentionKind a :
       {AttentionKind::None, AttentionKind::Additive, AttentionKind::Dot, AttentionKind::General})
    if (to_string(a) == s) return a;
  throw Error("unknown attention '" + s + "': use none, additive, dot or general");
}

void Seq2SeqConfig::validate() const {
  auto check = [](bool ok, const std::string& what) {
    if (!ok) throw Error(what);
  };
  check(layers >= 1 && layers <= 2, "layers must be 1 or 2, got " + std::to_string(layers));
  check(encoder_hidden >= 1 && encoder_hidden <= 4096,
        "encoder hidden size must be in 1..4096, got " + std::to_string(encoder_hidden));
  check(decoder_hidden >= 1 && decoder_hidden <= 4096,
        "decoder hidden size must be in 1..4096, got " + std::to_string(decoder_hidden));
  check(embed_dim >= 1 && embed_dim <= 4096,
        "embedding size must be in 1..4096, got " + std::to_string(embed_dim));
  check(source_vocab >= 1, "the source vocabulary is empty: give the task some source text");
  check(target_vocab > kTgtUnk, "the target vocabulary is empty: give the task some target text");
  check(attention_dim >= 0 && attention_dim <= 4096,
        "attention size must be in 0..4096, got " + std::to_string(attention_dim));
  check(attention != AttentionKind::Dot || memory_dim() == decoder_hidden,
        "dot attention needs the decoder hidden size (" + std::to_string(decoder_hidden) +
            ") to equal the encoder's memory size (" + std::to_string(memory_dim()) +
            "): change a hidden size or use general attention");
}

std::string to_json(const Seq2SeqConfig& c) {
  const nlohmann::json j = {{"encoder_cell", to_string(c.encoder_cell)},
                            {"decoder_cell", to_string(c.decoder_cell)},
                            {"layers", c.layers},
                            {"bidirectional", c.bidirectional},
                            {"encoder_hidden", c.encoder_hidden},
                            {"decoder_hidden", c.decoder_hidden},
                            {"embed_dim", c.embed_dim},
                            {"source_vocab", c.source_vocab},
                            {"target_vocab", c.target_vocab},
                            {"attention", to_string(c.attention)},
                            {"attention_dim", c.attention_dim},
                            {"input_feeding", c.input_feeding}};
  return j.dump();
}

Seq2SeqConfig seq2seq_config_from_json(const std::string& text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) throw Error("the encoder-decoder configuration is not a JSON object");
  auto field = [&](const char* name) -> const nlohmann::json& {
    if (!j.contains(name))
      throw Error(std::string("the encoder-decoder configuration has no ") + name);
    return j[name];
  };
  try {
    Seq2SeqConfig c;
    c.encoder_cell = parse_cell(field("encoder_cell").get<std::string>());
    c.decoder_cell = parse_cell(field("decoder_cell").get<std::string>());
    c.layers = field("layers").get<int>();
    c.bidirectional = field("bidirectional").get<bool>();
    c.encoder_hidden = field("encoder_hidden").get<int>();
    c.decoder_hidden = field("decoder_hidden").get<int>();
    c.embed_dim = field("embed_dim").get<int>();
    c.source_vocab = field("source_vocab").get<int>();
    c.target_vocab = field("target_vocab").get<int>();
    c.attention = parse_attention(field("attention").get<std::string>());
    c.attention_dim = field("attention_dim").get<int>();
    c.input_feeding = field("input_feeding").get<bool>();
    c.validate();
    return c;
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("the encoder-decoder configuration has a field of the wrong type: ") +
                e.what());
  }
}

}  // namespace unroll
