// The small ONNX graph builder the encoder–decoder's and the captioner's exports share (in
// unroll_io_onnx only: it includes ONNX's protobuf classes). Opset 14, IR 7; gate orders as in
// io/onnx_export.cpp: PyTorch LSTM i,f,g,o -> ONNX i,o,f,c; GRU r,z,n -> z,r,h with
// linear_before_reset=1.
#pragma once
#include <onnx/checker.h>
#include <onnx/onnx_pb.h>

#include <cctype>
#include <string>
#include <vector>

#include "core/error.h"
#include "seq2seq/seq2seq_params.h"

namespace unroll::onnx_graph {

constexpr int kOpset = 14;
using Dims = std::vector<std::string>;

class Graph {
 public:
  explicit Graph(onnx::GraphProto* g) : g_(g) {}
  void floats(const std::string& name, const std::vector<int64_t>& dims,
              const std::vector<float>& v) {
    onnx::TensorProto* t = g_->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::FLOAT);
    for (int64_t d : dims) t->add_dims(d);
    t->set_raw_data(std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(float)));
  }
  void ints(const std::string& name, const std::vector<int64_t>& v) {
    onnx::TensorProto* t = g_->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::INT64);
    t->add_dims(int64_t(v.size()));
    for (int64_t x : v) t->add_int64_data(x);
  }
  onnx::NodeProto* node(const std::string& op, const std::vector<std::string>& in,
                        const std::vector<std::string>& out) {
    onnx::NodeProto* n = g_->add_node();
    n->set_op_type(op);
    n->set_name(op + "_" + std::to_string(g_->node_size()));
    for (const auto& s : in) n->add_input(s);
    for (const auto& s : out) n->add_output(s);
    return n;
  }
  void io(bool input, const std::string& name, int elem, const Dims& dims) {
    onnx::ValueInfoProto* v = input ? g_->add_input() : g_->add_output();
    v->set_name(name);
    auto* tt = v->mutable_type()->mutable_tensor_type();
    tt->set_elem_type(elem);
    for (const auto& d : dims) {
      auto* dim = tt->mutable_shape()->add_dim();
      if (std::isdigit(static_cast<unsigned char>(d[0])))
        dim->set_dim_value(std::stoll(d));
      else
        dim->set_dim_param(d);
    }
  }

 private:
  onnx::GraphProto* g_;
};

inline void set_int(onnx::NodeProto* n, const std::string& name, int64_t v) {
  auto* a = n->add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::INT);
  a->set_i(v);
}
inline void set_ints(onnx::NodeProto* n, const std::string& name, const std::vector<int64_t>& v) {
  auto* a = n->add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::INTS);
  for (int64_t x : v) a->add_ints(x);
}
inline void set_str(onnx::NodeProto* n, const std::string& name, const std::string& v) {
  auto* a = n->add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::STRING);
  a->set_s(v);
}
inline void set_strs(onnx::NodeProto* n, const std::string& name,
                     const std::vector<std::string>& v) {
  auto* a = n->add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::STRINGS);
  for (const auto& s : v) a->add_strings(s);
}

inline std::string dim(int v) { return std::to_string(v); }

struct Weights {
  const Seq2SeqLayout& lay;
  const float* p;
  // Row-major [rows, cols], or of the transpose.
  std::vector<float> rows(int i, bool transpose = false) const {
    const auto m = lay.map(p, i);
    std::vector<float> out;
    if (transpose) {
      for (Index j = 0; j < m.cols(); ++j)
        for (Index r = 0; r < m.rows(); ++r) out.push_back(m(r, j));
    } else {
      for (Index r = 0; r < m.rows(); ++r)
        for (Index j = 0; j < m.cols(); ++j) out.push_back(m(r, j));
    }
    return out;
  }
  // Row-major with the gate blocks in ONNX's order.
  std::vector<float> gates(int i, CellType cell) const {
    const std::vector<int> order = cell == CellType::Lstm  ? std::vector<int>{0, 3, 1, 2}
                                   : cell == CellType::Gru ? std::vector<int>{1, 0, 2}
                                                           : std::vector<int>{0};
    const auto m = lay.map(p, i);
    const Index H = m.rows() / Index(order.size());
    std::vector<float> out;
    for (int b : order)
      for (Index r = b * H; r < (b + 1) * H; ++r)
        for (Index j = 0; j < m.cols(); ++j) out.push_back(m(r, j));
    return out;
  }
};

// One ONNX RNN/LSTM/GRU node over directions rnn[0..D); returns its node.
inline onnx::NodeProto* recurrent(Graph& g, const Weights& w,
                                  const std::vector<Seq2SeqLayout::Rnn>& rnn, CellType cell, int H,
                                  const std::string& s, const std::string& x, const std::string& h0,
                                  const std::string& c0, const std::vector<std::string>& out) {
  const int D = int(rnn.size());
  const int G = cell == CellType::Lstm ? 4 : cell == CellType::Gru ? 3 : 1;
  std::vector<float> W, R, Bias;
  for (const auto& r : rnn) {
    auto a = w.gates(r.weight_ih, cell), b = w.gates(r.weight_hh, cell);
    W.insert(W.end(), a.begin(), a.end());
    R.insert(R.end(), b.begin(), b.end());
    auto bi = w.gates(r.bias_ih, cell), bh = w.gates(r.bias_hh, cell);
    Bias.insert(Bias.end(), bi.begin(), bi.end());
    Bias.insert(Bias.end(), bh.begin(), bh.end());
  }
  const int64_t in = w.lay.tensor(rnn[0].weight_ih).cols;
  g.floats("W" + s, {D, G * H, in}, W);
  g.floats("R" + s, {D, G * H, H}, R);
  g.floats("B" + s, {D, 2 * G * H}, Bias);
  std::vector<std::string> inputs = {x, "W" + s, "R" + s, "B" + s, "", h0};
  if (cell == CellType::Lstm) inputs.push_back(c0);
  onnx::NodeProto* n = g.node(cell == CellType::Lstm  ? "LSTM"
                              : cell == CellType::Gru ? "GRU"
                                                      : "RNN",
                              inputs, out);
  set_int(n, "hidden_size", H);
  if (D == 2) set_str(n, "direction", "bidirectional");
  const char* act = cell == CellType::RnnRelu ? "Relu" : "Tanh";
  if (cell == CellType::RnnTanh || cell == CellType::RnnRelu)
    set_strs(n, "activations", std::vector<std::string>(size_t(D), act));
  if (cell == CellType::Gru) set_int(n, "linear_before_reset", 1);
  return n;
}

// Opset, producer, the metadata property key = json, onnx::checker; the serialized model.
inline std::string finish(onnx::ModelProto& m, const std::string& key, const std::string& json) {
  m.set_ir_version(7);
  m.set_producer_name("Unroll");
  auto* op = m.add_opset_import();
  op->set_domain("");
  op->set_version(kOpset);
  auto* meta = m.add_metadata_props();
  meta->set_key(key);
  meta->set_value(json);
  try {
    onnx::checker::check_model(m);
  } catch (const std::exception& e) {
    throw Error(std::string("internal error: the ONNX graph fails onnx::checker: ") + e.what());
  }
  std::string bytes;
  if (!m.SerializeToString(&bytes)) throw Error("could not serialize the ONNX model");
  return bytes;
}

// The decoder-step graph of a decoder (seq2seq/decoder.h) whose weights lay describes in p:
// y_prev int64 [B], memory [Ts, B, Dm], h [L, B, Hd], c (LSTM), ht [B, Hd] -> logits, h_out,
// c_out, ht_out, attention [B, Ts] (onnx_seq2seq.h).
std::string decoder_step_graph(const Seq2SeqConfig& cfg, const Seq2SeqLayout& lay, const float* p,
                               const std::string& key, const std::string& json);

}  // namespace unroll::onnx_graph
