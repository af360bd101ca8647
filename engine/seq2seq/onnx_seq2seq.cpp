// Builds the encoder and decoder-step ONNX graphs. Gate orders as in io/onnx_export.cpp: PyTorch
// LSTM i,f,g,o -> ONNX i,o,f,c; GRU r,z,n -> z,r,h with linear_before_reset=1.
#include "seq2seq/onnx_seq2seq.h"

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>

#include <cctype>

#include "core/error.h"
#include "io/atomic_file.h"
#include "seq2seq/seq2seq_export.h"

namespace unroll {
namespace {

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

void set_int(onnx::NodeProto* n, const std::string& name, int64_t v) {
  auto* a = n->add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::INT);
  a->set_i(v);
}
void set_ints(onnx::NodeProto* n, const std::string& name, const std::vector<int64_t>& v) {
  auto* a = n->add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::INTS);
  for (int64_t x : v) a->add_ints(x);
}
void set_str(onnx::NodeProto* n, const std::string& name, const std::string& v) {
  auto* a = n->add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::STRING);
  a->set_s(v);
}
void set_strs(onnx::NodeProto* n, const std::string& name, const std::vector<std::string>& v) {
  auto* a = n->add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::STRINGS);
  for (const auto& s : v) a->add_strings(s);
}

std::string dim(int v) { return std::to_string(v); }

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
onnx::NodeProto* recurrent(Graph& g, const Weights& w, const std::vector<Seq2SeqLayout::Rnn>& rnn,
                           CellType cell, int H, const std::string& s, const std::string& x,
                           const std::string& h0, const std::string& c0,
                           const std::vector<std::string>& out) {
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

std::string finish(onnx::ModelProto& m, const Seq2SeqCheckpoint& c) {
  m.set_ir_version(7);
  m.set_producer_name("Unroll");
  auto* op = m.add_opset_import();
  op->set_domain("");
  op->set_version(kOpset);
  auto* meta = m.add_metadata_props();
  meta->set_key("unroll_seq2seq");
  meta->set_value(seq2seq_metadata_json(c));
  try {
    onnx::checker::check_model(m);
  } catch (const std::exception& e) {
    throw Error(std::string("internal error: the ONNX graph fails onnx::checker: ") + e.what());
  }
  std::string bytes;
  if (!m.SerializeToString(&bytes)) throw Error("could not serialize the ONNX model");
  return bytes;
}

}  // namespace

std::string seq2seq_encoder_onnx(const Seq2SeqCheckpoint& c) {
  const Seq2SeqConfig& cfg = c.config.model;
  const Seq2SeqLayout lay(cfg);
  const Weights w{lay, c.params.data()};
  const int L = cfg.layers, D = cfg.directions(), He = cfg.encoder_hidden, Hd = cfg.decoder_hidden;
  onnx::ModelProto m;
  Graph g(m.mutable_graph());
  m.mutable_graph()->set_name("unroll_seq2seq_encoder");
  g.io(true, "source", onnx::TensorProto::INT64, {"time", "batch"});
  g.floats("E_src", {cfg.source_vocab, cfg.embed_dim}, w.rows(lay.source_embedding));
  g.node("Gather", {"E_src", "source"}, {"x0"});
  g.ints("ax0", {0});
  g.ints("merge_last", {0, 0, -1});
  g.ints("merge_2", {0, -1});
  std::string x = "x0";
  std::vector<std::string> s0;
  for (int k = 0; k < L; ++k) {
    const std::string s = std::to_string(k);
    std::vector<Seq2SeqLayout::Rnn> dirs(lay.encoder[k].begin(), lay.encoder[k].begin() + D);
    std::vector<std::string> out = {"Y" + s, "Yh" + s};
    if (cfg.encoder_cell == CellType::Lstm) out.push_back("Yc" + s);
    recurrent(g, w, dirs, cfg.encoder_cell, He, s, x, "", "", out);  // h0 = c0 = 0
    // Y [T, D, B, He] -> [T, B, D*He];  Yh [D, B, He] -> f^k [B, D*He]
    set_ints(g.node("Transpose", {"Y" + s}, {"Yt" + s}), "perm", {0, 2, 1, 3});
    g.node("Reshape", {"Yt" + s, "merge_last"}, {"out" + s});
    set_ints(g.node("Transpose", {"Yh" + s}, {"Yht" + s}), "perm", {1, 0, 2});
    g.node("Reshape", {"Yht" + s, "merge_2"}, {"f" + s});
    std::string sk = "f" + s;
    if (cfg.has_bridge()) {
      g.floats("bridge_wt" + s, {cfg.memory_dim(), Hd}, w.rows(lay.bridge_weight[k], true));
      g.floats("bridge_b" + s, {Hd}, w.rows(lay.bridge_bias[k]));
      g.node("MatMul", {sk, "bridge_wt" + s}, {"bm" + s});
      g.node("Add", {"bm" + s, "bridge_b" + s}, {"bridged" + s});
      sk = "bridged" + s;
    }
    g.node("Unsqueeze", {sk, "ax0"}, {"s0_" + s});
    s0.push_back("s0_" + s);
    x = "out" + s;
  }
  g.node("Identity", {x}, {"memory"});
  set_int(g.node("Concat", s0, {"s0"}), "axis", 0);
  g.io(false, "memory", onnx::TensorProto::FLOAT, {"time", "batch", dim(cfg.memory_dim())});
  g.io(false, "s0", onnx::TensorProto::FLOAT, {dim(L), "batch", dim(Hd)});
  return finish(m, c);
}

std::string seq2seq_decoder_step_onnx(const Seq2SeqCheckpoint& c) {
  const Seq2SeqConfig& cfg = c.config.model;
  const Seq2SeqLayout lay(cfg);
  const Weights w{lay, c.params.data()};
  const int L = cfg.layers, Hd = cfg.decoder_hidden, Dm = cfg.memory_dim();
  const bool lstm = cfg.decoder_cell == CellType::Lstm;
  const int F = onnx::TensorProto::FLOAT;
  onnx::ModelProto m;
  Graph g(m.mutable_graph());
  m.mutable_graph()->set_name("unroll_seq2seq_decoder_step");
  g.io(true, "y_prev", onnx::TensorProto::INT64, {"batch"});
  g.io(true, "memory", F, {"time", "batch", dim(Dm)});
  g.io(true, "h", F, {dim(L), "batch", dim(Hd)});
  if (lstm) g.io(true, "c", F, {dim(L), "batch", dim(Hd)});
  g.io(true, "ht", F, {"batch", dim(Hd)});
  g.ints("ax0", {0});
  g.ints("ax1", {1});
  g.ints("ax2", {2});
  g.floats("E_tgt", {cfg.target_vocab, cfg.embed_dim}, w.rows(lay.target_embedding));
  g.node("Gather", {"E_tgt", "y_prev"}, {"emb"});
  std::string x = "emb";
  if (cfg.feeds_input()) {
    set_int(g.node("Concat", {"emb", "ht"}, {"xin"}), "axis", 1);
    x = "xin";
  }
  g.node("Unsqueeze", {x, "ax0"}, {"x_0"});  // [1, B, in]
  x = "x_0";
  std::vector<std::string> hs, cs;
  for (int k = 0; k < L; ++k) {
    const std::string s = std::to_string(k);
    g.ints("k" + s, {k});
    g.ints("k1" + s, {k + 1});
    g.node("Slice", {"h", "k" + s, "k1" + s, "ax0"}, {"h" + s});
    if (lstm) g.node("Slice", {"c", "k" + s, "k1" + s, "ax0"}, {"c" + s});
    std::vector<std::string> out = {"Y" + s, "Yh" + s};
    if (lstm) out.push_back("Yc" + s);
    recurrent(g, w, {lay.decoder[k]}, cfg.decoder_cell, Hd, s, x, "h" + s, "c" + s, out);
    g.node("Squeeze", {"Y" + s, "ax1"}, {"x_" + std::to_string(k + 1)});  // [1, B, Hd]
    x = "x_" + std::to_string(k + 1);
    hs.push_back("Yh" + s);
    if (lstm) cs.push_back("Yc" + s);
  }
  set_int(g.node("Concat", hs, {"h_out"}), "axis", 0);
  if (lstm) set_int(g.node("Concat", cs, {"c_out"}), "axis", 0);
  g.node("Squeeze", {x, "ax0"}, {"q"});  // [B, Hd]
  std::string out = "q";
  if (cfg.attention != AttentionKind::None) {
    switch (cfg.attention) {
      case AttentionKind::Dot:
        g.node("Mul", {"memory", "q"}, {"mq"});
        set_int(g.node("ReduceSum", {"mq", "ax2"}, {"e"}), "keepdims", 0);
        break;
      case AttentionKind::General:
        g.floats("Wa_t", {Dm, Hd}, w.rows(lay.attn_in, true));
        g.node("MatMul", {"memory", "Wa_t"}, {"keys"});
        g.node("Mul", {"keys", "q"}, {"kq"});
        set_int(g.node("ReduceSum", {"kq", "ax2"}, {"e"}), "keepdims", 0);
        break;
      case AttentionKind::Additive: {
        const int A = cfg.additive_dim();
        g.floats("U_t", {Dm, A}, w.rows(lay.attn_context, true));
        g.floats("Wq_t", {Hd, A}, w.rows(lay.attn_query, true));
        g.floats("v_t", {A, 1}, w.rows(lay.attn_v, true));
        g.node("MatMul", {"memory", "U_t"}, {"keys"});
        g.node("MatMul", {"q", "Wq_t"}, {"wq"});
        g.node("Add", {"keys", "wq"}, {"pre_u"});
        g.node("Tanh", {"pre_u"}, {"u"});
        g.node("MatMul", {"u", "v_t"}, {"e1"});
        g.node("Squeeze", {"e1", "ax2"}, {"e"});
        break;
      }
      case AttentionKind::None:
        break;
    }
    set_int(g.node("Softmax", {"e"}, {"a"}), "axis", 0);  // over source positions, [Ts, B]
    set_ints(g.node("Transpose", {"a"}, {"attention"}), "perm", {1, 0});
    g.node("Unsqueeze", {"a", "ax2"}, {"a3"});
    g.node("Mul", {"memory", "a3"}, {"ma"});
    set_int(g.node("ReduceSum", {"ma", "ax0"}, {"ctx"}), "keepdims", 0);  // [B, Dm]
    set_int(g.node("Concat", {"ctx", "q"}, {"ctxq"}), "axis", 1);
    g.floats("Wc_t", {Dm + Hd, Hd}, w.rows(lay.attn_out, true));
    g.node("MatMul", {"ctxq", "Wc_t"}, {"pre_ht"});
    g.node("Tanh", {"pre_ht"}, {"ht_out"});
    out = "ht_out";
  } else {
    g.node("Identity", {"q"}, {"ht_out"});
  }
  g.floats("Wo_t", {Hd, cfg.target_vocab}, w.rows(lay.generator_weight, true));
  g.floats("bo", {cfg.target_vocab}, w.rows(lay.generator_bias));
  g.node("MatMul", {out, "Wo_t"}, {"zo"});
  g.node("Add", {"zo", "bo"}, {"logits"});
  g.io(false, "logits", F, {"batch", dim(cfg.target_vocab)});
  g.io(false, "h_out", F, {dim(L), "batch", dim(Hd)});
  if (lstm) g.io(false, "c_out", F, {dim(L), "batch", dim(Hd)});
  g.io(false, "ht_out", F, {"batch", dim(Hd)});
  if (cfg.attention != AttentionKind::None) g.io(false, "attention", F, {"batch", "time"});
  return finish(m, c);
}

void write_seq2seq_onnx(const std::string& prefix, const Seq2SeqCheckpoint& c) {
  const std::string enc = seq2seq_encoder_onnx(c), dec = seq2seq_decoder_step_onnx(c);
  write_file_atomically(prefix + ".encoder.onnx", enc);
  write_file_atomically(prefix + ".decoder-step.onnx", dec);
}

}  // namespace unroll
