// Builds the encoder and decoder-step ONNX graphs (the builder and gate orders in onnx_graph.h).
#include "seq2seq/onnx_seq2seq.h"

#include "io/atomic_file.h"
#include "seq2seq/onnx_graph.h"
#include "seq2seq/seq2seq_export.h"

namespace unroll {

using namespace onnx_graph;

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
  return finish(m, "unroll_seq2seq", seq2seq_metadata_json(c));
}

std::string seq2seq_decoder_step_onnx(const Seq2SeqCheckpoint& c) {
  const Seq2SeqLayout lay(c.config.model);
  return decoder_step_graph(c.config.model, lay, c.params.data(), "unroll_seq2seq",
                            seq2seq_metadata_json(c));
}

std::string onnx_graph::decoder_step_graph(const Seq2SeqConfig& cfg, const Seq2SeqLayout& lay,
                                           const float* p, const std::string& key,
                                           const std::string& json) {
  const Weights w{lay, p};
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
  return finish(m, key, json);
}

void write_seq2seq_onnx(const std::string& prefix, const Seq2SeqCheckpoint& c) {
  const std::string enc = seq2seq_encoder_onnx(c), dec = seq2seq_decoder_step_onnx(c);
  write_file_atomically(prefix + ".encoder.onnx", enc);
  write_file_atomically(prefix + ".decoder-step.onnx", dec);
}

}  // namespace unroll
