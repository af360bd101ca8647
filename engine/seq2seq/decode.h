// Decoding an encoder–decoder: greedy (argmax each step) and beam search. A hypothesis y_1..y_n
// (ending in <eos> unless cut at max_len) scores log p = sum_t log softmax(z_t)[y_t]; beam search
// keeps the beam_width best prefixes by log p and ranks finished ones by log p / n^alpha (length
// normalisation; alpha = 0 ranks by log p). Width 1 is greedy decoding.
#pragma once
#include <vector>

#include "seq2seq/seq2seq_model.h"

namespace unroll {

struct DecodeOptions {
  int beam = 1;              // beam width K >= 1
  double length_norm = 1.0;  // alpha in log p / n^alpha
  int max_len = 50;          // tokens at most, <eos> not counted
};

struct Hypothesis {
  std::vector<int32_t> tokens;  // without <eos>
  double logp = 0;              // sum of log-probabilities, <eos> included when it ended
  double score = 0;             // logp / n^alpha
  bool finished = false;        // ended with <eos> (else cut at max_len)
  Mat<double> attention;        // (steps, Ts) rows: output step, columns: source position
};

// Greedy outputs of B sources of Ts tokens (column s*B + b); attention, if given, gets one
// (steps, Ts) matrix per source (empty without attention).
template <class S>
std::vector<std::vector<int32_t>> greedy_decode(const Seq2Seq<S>& model,
                                                const std::vector<int32_t>& src, int Ts, int B,
                                                int max_len,
                                                std::vector<Mat<double>>* attention = nullptr);

// Beam search for one source of src.size() tokens.
template <class S>
Hypothesis beam_decode(const Seq2Seq<S>& model, const std::vector<int32_t>& src,
                       const DecodeOptions& opt);

// The same over any memory (the decoder's Ts positions of B columns, one for beam search) from the
// initial state st: what a captioner decodes with (caption/captioner.h).
template <class S>
std::vector<std::vector<int32_t>> greedy_decode(const Decoder<S>& decoder,
                                                const DecoderMemory<S>& memory, DecoderState<S> st,
                                                int max_len,
                                                std::vector<Mat<double>>* attention = nullptr);
template <class S>
Hypothesis beam_decode(const Decoder<S>& decoder, const DecoderMemory<S>& memory,
                       DecoderState<S> st, const DecodeOptions& opt);

// log p(tokens, <eos> | src) under teacher forcing.
template <class S>
double sequence_logprob(const Seq2Seq<S>& model, const std::vector<int32_t>& src,
                        const std::vector<int32_t>& tokens);

}  // namespace unroll
