// Builds the ONNX graph. Gate orders (blocks of H rows): PyTorch LSTM i,f,g,o -> ONNX i,o,f,c;
// PyTorch GRU r,z,n -> ONNX z,r,h, with linear_before_reset=1 so that b_hn stays inside the reset
// product as in PyTorch. ONNX wants W [1, G*H, in], R [1, G*H, H], B [1, 2*G*H] = [Wb, Rb].
#include "io/onnx_export.h"

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>

#include <cctype>

#include "core/error.h"
#include "io/safetensors.h"

namespace unroll {
namespace {

constexpr int kOpset = 14;

class GraphBuilder {
 public:
  explicit GraphBuilder(onnx::GraphProto* g) : g_(g) {}

  // A float initializer of the given shape from row-major values.
  void add_float(const std::string& name, const std::vector<int64_t>& dims,
                 const std::vector<float>& values) {
    onnx::TensorProto* t = g_->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::FLOAT);
    for (int64_t d : dims) t->add_dims(d);
    t->set_raw_data(
        std::string(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(float)));
  }
  void add_int64(const std::string& name, const std::vector<int64_t>& dims,
                 const std::vector<int64_t>& values) {
    onnx::TensorProto* t = g_->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::INT64);
    for (int64_t d : dims) t->add_dims(d);
    for (int64_t v : values) t->add_int64_data(v);
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
  // dims: a number, or a symbolic name ("time", "batch").
  void value(google::protobuf::RepeatedPtrField<onnx::ValueInfoProto>* list,
             const std::string& name, int elem, const std::vector<std::string>& dims) {
    onnx::ValueInfoProto* v = list->Add();
    v->set_name(name);
    auto* tt = v->mutable_type()->mutable_tensor_type();
    tt->set_elem_type(elem);
    for (const auto& d : dims) {
      auto* dim = tt->mutable_shape()->add_dim();
      if (!d.empty() && std::isdigit(static_cast<unsigned char>(d[0])))
        dim->set_dim_value(std::stoll(d));
      else
        dim->set_dim_param(d);
    }
  }
  onnx::GraphProto* graph() { return g_; }

 private:
  onnx::GraphProto* g_;
};

void set_int(onnx::NodeProto* n, const std::string& name, int64_t v) {
  auto* a = n->add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::INT);
  a->set_i(v);
}

void set_strings(onnx::NodeProto* n, const std::string& name, const std::vector<std::string>& v) {
  auto* a = n->add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::STRINGS);
  for (const auto& s : v) a->add_strings(s);
}

// PyTorch's gate block order -> ONNX's: ONNX block j is PyTorch block order[j].
std::vector<int> gate_order(CellType cell) {
  if (cell == CellType::Lstm) return {0, 3, 1, 2};  // i,o,f,c <- i,f,g,o
  if (cell == CellType::Gru) return {1, 0, 2};      // z,r,h <- r,z,n
  return {0};
}

// Row-major values of a [G*H, cols] PyTorch tensor with its gate blocks reordered for ONNX.
std::vector<float> reordered(const Checkpoint& c, const TensorInfo& t,
                             const std::vector<int>& order) {
  const CMatMap<float> m(c.params.data() + t.offset, t.rows, t.cols);  // column-major view
  const Index H = t.rows / Index(order.size());
  std::vector<float> out;
  out.reserve(size_t(t.size()));
  for (int block : order)
    for (Index r = block * H; r < (block + 1) * H; ++r)
      for (Index j = 0; j < t.cols; ++j) out.push_back(m(r, j));
  return out;
}

std::vector<float> row_major(const Checkpoint& c, const TensorInfo& t, bool transpose = false) {
  const CMatMap<float> m(c.params.data() + t.offset, t.rows, t.cols);
  std::vector<float> out;
  out.reserve(size_t(t.size()));
  if (transpose) {
    for (Index j = 0; j < t.cols; ++j)
      for (Index r = 0; r < t.rows; ++r) out.push_back(m(r, j));
  } else {
    for (Index r = 0; r < t.rows; ++r)
      for (Index j = 0; j < t.cols; ++j) out.push_back(m(r, j));
  }
  return out;
}

// Layer 0's input [T, B, in] from the graph input; returns its name.
std::string add_input(GraphBuilder& gb, const Checkpoint& c, const ParamLayout& layout) {
  const ModelConfig& m = c.config.model;
  auto* inputs = gb.graph()->mutable_input();
  if (m.input == InputKind::Dense) {
    gb.value(inputs, "inputs", onnx::TensorProto::FLOAT,
             {"time", "batch", std::to_string(m.input_size)});
    return "inputs";
  }
  gb.value(inputs, "tokens", onnx::TensorProto::INT64, {"time", "batch"});
  if (m.input == InputKind::Embedding) {
    gb.add_float("encoder.weight", {m.input_size, m.embed_dim},
                 row_major(c, layout.tensor(layout.encoder())));
    gb.node("Gather", {"encoder.weight", "tokens"}, {"x0"});
    return "x0";
  }
  gb.add_int64("onehot_depth", {1}, {m.input_size});
  gb.add_float("onehot_values", {2}, {0.0f, 1.0f});
  set_int(gb.node("OneHot", {"tokens", "onehot_depth", "onehot_values"}, {"x0"}), "axis", -1);
  return "x0";
}

void build(onnx::ModelProto& model, const Checkpoint& c) {
  const ModelConfig& m = c.config.model;
  const ParamLayout layout(m);
  const bool lstm = m.cell == CellType::Lstm;
  const int G = m.gates(), H = m.hidden, L = m.layers;
  const std::vector<int> order = gate_order(m.cell);
  GraphBuilder gb(model.mutable_graph());
  gb.graph()->set_name("unroll_" + to_string(m.cell));
  std::string x = add_input(gb, c, layout);
  const std::vector<std::string> state_dims = {std::to_string(L), "batch", std::to_string(H)};
  gb.value(gb.graph()->mutable_input(), "h0", onnx::TensorProto::FLOAT, state_dims);
  if (lstm) gb.value(gb.graph()->mutable_input(), "c0", onnx::TensorProto::FLOAT, state_dims);
  gb.add_int64("axis0", {1}, {0});
  gb.add_int64("axis1", {1}, {1});

  std::vector<std::string> hn, cn;
  for (int k = 0; k < L; ++k) {
    const std::string s = std::to_string(k);
    const auto& l = layout.layer(k);
    const TensorInfo& wih = layout.tensor(l.weight_ih);
    gb.add_float("W_" + s, {1, G * H, wih.cols}, reordered(c, wih, order));
    gb.add_float("R_" + s, {1, G * H, H}, reordered(c, layout.tensor(l.weight_hh), order));
    std::vector<float> bias = reordered(c, layout.tensor(l.bias_ih), order);
    const std::vector<float> rb = reordered(c, layout.tensor(l.bias_hh), order);
    bias.insert(bias.end(), rb.begin(), rb.end());
    gb.add_float("B_" + s, {1, 2 * G * H}, bias);
    gb.add_int64("start_" + s, {1}, {k});
    gb.add_int64("end_" + s, {1}, {k + 1});
    gb.node("Slice", {"h0", "start_" + s, "end_" + s, "axis0"}, {"h0_" + s});
    if (lstm) gb.node("Slice", {"c0", "start_" + s, "end_" + s, "axis0"}, {"c0_" + s});
    const char* op = lstm ? "LSTM" : m.cell == CellType::Gru ? "GRU" : "RNN";
    std::vector<std::string> in = {x, "W_" + s, "R_" + s, "B_" + s, "", "h0_" + s};
    std::vector<std::string> out = {"Y_" + s, "hn_" + s};
    if (lstm) {
      in.push_back("c0_" + s);
      out.push_back("cn_" + s);
    }
    onnx::NodeProto* n = gb.node(op, in, out);
    set_int(n, "hidden_size", H);
    if (m.cell == CellType::RnnTanh) set_strings(n, "activations", {"Tanh"});
    if (m.cell == CellType::RnnRelu) set_strings(n, "activations", {"Relu"});
    if (m.cell == CellType::Gru) set_int(n, "linear_before_reset", 1);
    // Y is [T, 1, B, H] (one direction); the next layer and the head want [T, B, H].
    gb.node("Squeeze", {"Y_" + s, "axis1"}, {"h_" + s});
    x = "h_" + s;
    hn.push_back("hn_" + s);
    if (lstm) cn.push_back("cn_" + s);
  }
  set_int(gb.node("Concat", hn, {"hn"}), "axis", 0);
  if (lstm) set_int(gb.node("Concat", cn, {"cn"}), "axis", 0);

  // Head: out = h W_d^T + b_d, with W_d^T stored as [H, O].
  const int O = m.output_size;
  const TensorInfo& wd = layout.tensor(layout.decoder_weight());
  gb.add_float("decoder.weight_t", {H, O}, row_major(c, wd, true));
  gb.add_float("decoder.bias", {O}, row_major(c, layout.tensor(layout.decoder_bias())));
  gb.node("MatMul", {x, "decoder.weight_t"}, {"head_mm"});
  const bool softmax = m.head == HeadKind::Softmax;
  const std::string head_out = softmax ? "logits" : "predictions";
  gb.node("Add", {"head_mm", "decoder.bias"}, {head_out});
  auto* outputs = gb.graph()->mutable_output();
  gb.value(outputs, head_out, onnx::TensorProto::FLOAT, {"time", "batch", std::to_string(O)});
  if (softmax) {
    set_int(gb.node("Softmax", {"logits"}, {"probabilities"}), "axis", -1);
    gb.value(outputs, "probabilities", onnx::TensorProto::FLOAT,
             {"time", "batch", std::to_string(O)});
  }
  gb.value(outputs, "hn", onnx::TensorProto::FLOAT, state_dims);
  if (lstm) gb.value(outputs, "cn", onnx::TensorProto::FLOAT, state_dims);
}

}  // namespace

std::string onnx_bytes(const Checkpoint& c) {
  onnx::ModelProto model;
  model.set_ir_version(7);  // IR 7 is what opset 14 needs; older runtimes read it too
  model.set_producer_name("Unroll");
  model.set_producer_version("0.1");
  model.set_doc_string("Recurrent network exported by Unroll");
  auto* opset = model.add_opset_import();
  opset->set_domain("");
  opset->set_version(kOpset);
  auto* meta = model.add_metadata_props();
  meta->set_key("unroll");
  meta->set_value(export_metadata_json(c));
  build(model, c);
  try {
    onnx::checker::check_model(model);
  } catch (const std::exception& e) {
    throw Error(std::string("internal error: the ONNX graph fails onnx::checker: ") + e.what());
  }
  std::string bytes;
  if (!model.SerializeToString(&bytes)) throw Error("could not serialize the ONNX model");
  return bytes;
}

void write_onnx(const std::string& path, const Checkpoint& c) {
  write_file_atomically(path, onnx_bytes(c));
}

}  // namespace unroll
