// Builds the captioner's encoder and decoder-step ONNX graphs (builder in seq2seq/onnx_graph.h).
#include "caption/onnx_caption.h"

#include "caption/caption_export.h"
#include "io/atomic_file.h"
#include "seq2seq/onnx_graph.h"

namespace unroll {

using namespace onnx_graph;

std::string caption_encoder_onnx(const CaptionCheckpoint& c) {
  const Captioner<float> model = c.model();
  const CaptionConfig& cfg = model.config();
  const Seq2SeqLayout& lay = model.layout();
  const Weights w{lay, model.params().data()};
  const int L = cfg.layers, Hd = cfg.hidden, C = cfg.conv.out_channels();
  onnx::ModelProto m;
  Graph g(m.mutable_graph());
  m.mutable_graph()->set_name("unroll_caption_encoder");
  g.io(true, "image", onnx::TensorProto::FLOAT,
       {"batch", dim(cfg.conv.in_channels), dim(cfg.conv.height), dim(cfg.conv.width)});
  std::string x = "image";
  const auto shapes = conv_shapes(cfg.conv);
  for (size_t k = 0; k < shapes.size(); ++k) {
    const ConvShape& sh = shapes[k];
    const std::string s = std::to_string(k);
    const int wi = lay.find("encoder.conv." + s + ".weight"),
              bi = lay.find("encoder.conv." + s + ".bias");
    g.floats("conv_w" + s, {sh.Co, sh.C, 3, 3}, w.rows(wi));  // [C', 9C] row-major = [C', C, 3, 3]
    g.floats("conv_b" + s, {sh.Co}, w.rows(bi));
    onnx::NodeProto* conv = g.node("Conv", {x, "conv_w" + s, "conv_b" + s}, {"z" + s});
    set_ints(conv, "kernel_shape", {3, 3});
    set_ints(conv, "pads", {1, 1, 1, 1});
    set_ints(conv, "strides", {sh.stride, sh.stride});
    g.node("Relu", {"z" + s}, {"a" + s});
    x = "a" + s;
    if (sh.pool) {
      onnx::NodeProto* pool = g.node("MaxPool", {x}, {"y" + s});
      set_ints(pool, "kernel_shape", {2, 2});
      set_ints(pool, "strides", {2, 2});
      x = "y" + s;
    }
  }
  // [B, C, h, w] -> [B, C, P] -> memory [P, B, C]; its mean over P, bridged, is s0.
  g.ints("grid_shape", {0, C, -1});
  g.node("Reshape", {x, "grid_shape"}, {"grid"});
  set_ints(g.node("Transpose", {"grid"}, {"memory"}), "perm", {2, 0, 1});
  onnx::NodeProto* mean = g.node("ReduceMean", {"memory"}, {"pooled"});
  set_ints(mean, "axes", {0});
  set_int(mean, "keepdims", 0);
  g.ints("ax0", {0});
  std::vector<std::string> s0;
  for (int k = 0; k < L; ++k) {
    const std::string s = std::to_string(k);
    const int wi = lay.find("bridge." + s + ".weight"), bi = lay.find("bridge." + s + ".bias");
    g.floats("bridge_wt" + s, {C, Hd}, w.rows(wi, true));
    g.floats("bridge_b" + s, {Hd}, w.rows(bi));
    g.node("MatMul", {"pooled", "bridge_wt" + s}, {"bm" + s});
    g.node("Add", {"bm" + s, "bridge_b" + s}, {"bridged" + s});
    g.node("Unsqueeze", {"bridged" + s, "ax0"}, {"s0_" + s});
    s0.push_back("s0_" + s);
  }
  set_int(g.node("Concat", s0, {"s0"}), "axis", 0);
  g.io(false, "memory", onnx::TensorProto::FLOAT, {dim(cfg.conv.positions()), "batch", dim(C)});
  g.io(false, "s0", onnx::TensorProto::FLOAT, {dim(L), "batch", dim(Hd)});
  return finish(m, "unroll_caption", caption_metadata_json(c));
}

std::string caption_decoder_step_onnx(const CaptionCheckpoint& c) {
  const Captioner<float> model = c.model();
  return decoder_step_graph(model.decoder_config(), model.layout(), model.params().data(),
                            "unroll_caption", caption_metadata_json(c));
}

void write_caption_onnx(const std::string& prefix, const CaptionCheckpoint& c) {
  const std::string enc = caption_encoder_onnx(c), dec = caption_decoder_step_onnx(c);
  write_file_atomically(prefix + ".encoder.onnx", enc);
  write_file_atomically(prefix + ".decoder-step.onnx", dec);
}

}  // namespace unroll
