// What an encoder–decoder is: cells, sizes, attention, vocabularies. Names follow torch.nn.
#pragma once
#include <string>

#include "model/config.h"

namespace unroll {

enum class AttentionKind { None, Additive, Dot, General };
std::string to_string(AttentionKind a);               // none | additive | dot | general
AttentionKind parse_attention(const std::string& s);  // throws unroll::Error listing the names

// Target vocabulary's reserved ids; the source vocabulary reserves only kUnk... at 0.
inline constexpr int kBos = 0, kEos = 1, kTgtUnk = 2, kSrcUnk = 0;

struct Seq2SeqConfig {
  CellType encoder_cell = CellType::Lstm;
  CellType decoder_cell = CellType::Lstm;
  int layers = 1;              // L: encoder layers = decoder layers (1-2)
  bool bidirectional = false;  // D = 2 directions, concatenated: the memory is (2 He) per position
  int encoder_hidden = 64;     // He per direction
  int decoder_hidden = 64;     // Hd
  int embed_dim = 32;          // E for both embeddings
  int source_vocab = 0;        // Vs
  int target_vocab = 0;        // Vt (with kBos, kEos, kTgtUnk)
  AttentionKind attention = AttentionKind::Additive;
  int attention_dim = 0;      // A for additive; 0 = Hd
  bool input_feeding = true;  // with attention: the previous attentional vector joins the input

  int directions() const { return bidirectional ? 2 : 1; }
  int memory_dim() const { return directions() * encoder_hidden; }  // Dm
  int additive_dim() const { return attention_dim > 0 ? attention_dim : decoder_hidden; }
  bool feeds_input() const { return input_feeding && attention != AttentionKind::None; }
  // Decoder layer-0 input: E, plus Hd with input feeding.
  int decoder_input() const { return embed_dim + (feeds_input() ? decoder_hidden : 0); }
  // A linear bridge maps the encoder's final states to the decoder's when their sizes differ.
  bool has_bridge() const { return memory_dim() != decoder_hidden; }
  // Throws unroll::Error naming the first bad field and what to do.
  void validate() const;
};

// The configuration as one JSON object (the export's and checkpoint's "config"), and back; the
// reader throws unroll::Error naming a missing or bad field.
std::string to_json(const Seq2SeqConfig& cfg);
Seq2SeqConfig seq2seq_config_from_json(const std::string& json);

}  // namespace unroll
