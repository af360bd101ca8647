// What a model is: cell, sizes, input and head. Names and shapes follow torch.nn.RNN/LSTM/GRU +
// Linear.
#pragma once
#include <string>
#include <vector>

namespace unroll {

enum class CellType { RnnTanh, RnnRelu, Lstm, Gru };
enum class InputKind { OneHot, Embedding, Dense };
enum class HeadKind { Softmax, Regression };
enum class InitKind { XavierUniform, XavierNormal, He, Orthogonal, Identity, Torch };

struct ModelConfig {
  CellType cell = CellType::Lstm;
  int hidden = 64;  // H
  int layers = 1;   // L
  InputKind input = InputKind::OneHot;
  int input_size = 0;  // V for one-hot/embedding, feature count for dense
  int embed_dim = 32;  // E, embedding only
  HeadKind head = HeadKind::Softmax;
  int output_size = 0;  // O: classes (softmax) or targets (regression)
  InitKind init = InitKind::Torch;
  double forget_bias = 0.0;     // added to the LSTM forget-gate biases (b_if and b_hf split evenly)
  double recurrent_gain = 1.0;  // W_hh is multiplied by this after initialisation (teaching:
                                // < 1 shrinks signals, > 1 stretches them)

  int gates() const { return cell == CellType::Lstm ? 4 : cell == CellType::Gru ? 3 : 1; }
  int layer_input_size(int k) const {
    if (k > 0) return hidden;
    return input == InputKind::Embedding ? embed_dim : input_size;
  }
  // Throws unroll::Error naming the first bad field.
  void validate() const;
};

std::string to_string(CellType c);   // rnn | rnn-relu | lstm | gru
std::string to_string(InputKind k);  // onehot | embedding | dense
std::string to_string(HeadKind h);   // softmax | regression
std::string to_string(InitKind i);   // xavier | xavier-normal | he | orthogonal | identity | torch
// Parsers throw unroll::Error listing the accepted names.
CellType parse_cell(const std::string& s);
InputKind parse_input(const std::string& s);
HeadKind parse_head(const std::string& s);
InitKind parse_init(const std::string& s);

}  // namespace unroll
