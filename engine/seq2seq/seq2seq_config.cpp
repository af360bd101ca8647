// Validation and names of the encoder–decoder configuration.
#include "seq2seq/seq2seq_config.h"

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
  for (AttentionKind a : {AttentionKind::None, AttentionKind::Additive, AttentionKind::Dot,
                          AttentionKind::General})
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

}  // namespace unroll
