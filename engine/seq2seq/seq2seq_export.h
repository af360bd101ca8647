// safetensors export of an encoder–decoder: every tensor under the state_dict name of the PyTorch
// module in scripts/load_seq2seq_in_pytorch.py (naming in seq2seq_params.h), row-major float32,
// and in __metadata__["unroll_seq2seq"] a JSON object:
//   config          the model configuration (seq2seq_config.h: cells, sizes, attention ...)
//   tokens          char | word;  source_tokens, target_tokens: the vocabularies, id order
//                   (target ids 0, 1, 2 are <bos>, <eos>, <unk>; source id 0 is <unk>)
//   max_output      the longest greedy output;  task, step: where the weights came from
#pragma once
#include <string>

#include "seq2seq/seq2seq_checkpoint.h"

namespace unroll {

std::string seq2seq_metadata_json(const Seq2SeqCheckpoint& checkpoint);
std::string seq2seq_safetensors_bytes(const Seq2SeqCheckpoint& checkpoint);
// Atomically (PATH.partial, renamed); throws unroll::Error naming the path.
void write_seq2seq_safetensors(const std::string& path, const Seq2SeqCheckpoint& checkpoint);

}  // namespace unroll
