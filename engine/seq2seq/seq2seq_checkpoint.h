// Encoder–decoder checkpoints: the .unroll container (magic, format version 2, JSON header, blob
// payload, CRC-32; see io/checkpoint.cpp) with "model_kind": "seq2seq" in the header, holding the
// training configuration, both vocabularies, the weights, the optimizer state and the batch and
// sampling progress, so a resumed run continues bit-identically. Files without a model_kind are
// the recurrent-network checkpoints of io/checkpoint.h.
#pragma once
#include <memory>
#include <string>

#include "seq2seq/seq2seq_trainer.h"

namespace unroll {

struct Seq2SeqCheckpoint {
  Seq2SeqTrainConfig config;  // config.model has the vocabulary sizes
  TokenMode tokens = TokenMode::Char;
  std::vector<std::string> source_tokens, target_tokens;
  int longest_target = 0;
  Vec<float> params;
  OptimizerState<float> optimizer;
  Seq2SeqProgress progress;

  // The model with these weights, and the vocabularies (every other pair field empty).
  Seq2Seq<float> model() const;
  PairsData vocabularies() const;
  int max_output() const;
};

Seq2SeqCheckpoint capture_seq2seq(const Seq2SeqTrainer& trainer);
// Atomically (PATH.partial, renamed). Throws unroll::Error naming the path.
void save_seq2seq_checkpoint(const std::string& path, const Seq2SeqCheckpoint& checkpoint);
// Throws unroll::Error naming the path and what is wrong.
Seq2SeqCheckpoint load_seq2seq_checkpoint(const std::string& path);
Seq2SeqCheckpoint parse_seq2seq_checkpoint(const std::string& bytes, const std::string& name);
// "seq2seq" or "rnn" (no model_kind field: every checkpoint from before encoder–decoders). Throws
// unroll::Error if the file cannot be read or is not an Unroll checkpoint.
std::string checkpoint_model_kind(const std::string& path);
// The .unroll container every model kind's checkpoint uses (magic, format version 2, JSON header,
// blob payload, CRC-32): a file's bytes from a header and a payload; a header's JSON text after
// checking magic, version, lengths and checksum (throws unroll::Error starting with `where`, e.g.
// "checkpoint 'F' "); a file's bytes (throws naming the path).
std::string pack_checkpoint_container(const std::string& header, const std::string& payload);
std::string unpack_checkpoint_container(const std::string& bytes, const std::string& where,
                                        size_t* payload_at, uint64_t* payload_len);
std::string read_checkpoint_bytes(const std::string& path);
// An optimizer's configuration as the JSON object checkpoints keep, and back.
std::string optimizer_config_json(const OptimizerConfig& o);
OptimizerConfig optimizer_config_from_json(const std::string& json);

// A trainer built from the checkpoint's configuration (its task rebuilt: generated tasks from their
// seed, a pairs file read again, which must give the same vocabularies) and restored.
std::unique_ptr<Seq2SeqTrainer> resume_seq2seq(const Seq2SeqCheckpoint& checkpoint);

}  // namespace unroll
