// safetensors export: the weights under PyTorch's state_dict names and shapes (row-major float32),
// with the model config as JSON in __metadata__, so torch's modules load them with strict=True.
#pragma once
#include <string>

#include "io/atomic_file.h"  // write_file_atomically, used by every exporter
#include "io/checkpoint.h"

namespace unroll {

// The __metadata__ "unroll" entry: cell, torch_module (RNN|LSTM|GRU), nonlinearity, hidden, layers,
// input, input_size, embed_dim, head, output_size, vocabulary, task, step.
std::string export_metadata_json(const Checkpoint& checkpoint);

// The whole file in memory, and written atomically to path. Throw unroll::Error.
std::string safetensors_bytes(const Checkpoint& checkpoint);
// The file around a header (its JSON text) and the tensors' bytes: the header's length as a
// little-endian u64, the header padded with blanks so the data starts 8-byte aligned, the data.
// Every model kind's export writes through this.
std::string safetensors_file(std::string header, const std::string& data);
void write_safetensors(const std::string& path, const Checkpoint& checkpoint);

}  // namespace unroll
