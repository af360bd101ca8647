#!/usr/bin/env python3
"""Loads an Unroll encoder-decoder export (safetensors) into PyTorch, reports its loss on a TSV
file and prints the greedy translations.

The export holds the state_dict of the Seq2Seq module below (names in engine/seq2seq/
seq2seq_params.h) and, as JSON in __metadata__["unroll_seq2seq"], the configuration and both
vocabularies. The script builds the module, loads the weights with strict=True, then for each
source<TAB>target line of --data prints the greedy output; finally `loss=X`, the mean -log p per
target token with teacher forcing, over the lines it read.

    python3 scripts/load_seq2seq_in_pytorch.py model.safetensors --data pairs.tsv [--max-len 60]

As a module: Seq2Seq(cfg) is the model; model(src, y_in) gives the logits of every step.
"""
import argparse
import json
import struct
import sys

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

BOS, EOS, TGT_UNK, SRC_UNK = 0, 1, 2, 0


def make_rnn(cell, input_size, hidden, layers, bidirectional=False):
    kwargs = dict(input_size=input_size, hidden_size=hidden, num_layers=layers,
                  bidirectional=bidirectional)
    if cell in ("rnn", "rnn-relu"):
        return nn.RNN(nonlinearity="relu" if cell == "rnn-relu" else "tanh", **kwargs)
    if cell == "lstm":
        return nn.LSTM(**kwargs)
    if cell == "gru":
        return nn.GRU(**kwargs)
    raise ValueError(f"unknown cell {cell!r}")


class Attention(nn.Module):
    """Global attention (Luong), query s_t: dot, general or additive (Bahdanau) scores."""

    def __init__(self, kind, Dm, Hd, A):
        super().__init__()
        self.kind = kind
        if kind == "general":
            self.linear_in = nn.Linear(Dm, Hd, bias=False)
        elif kind == "additive":
            self.linear_query = nn.Linear(Hd, A, bias=False)
            self.linear_context = nn.Linear(Dm, A, bias=False)
            self.v = nn.Linear(A, 1, bias=False)
        self.linear_out = nn.Linear(Dm + Hd, Hd, bias=False)

    def forward(self, q, memory):
        """q (B, Hd), memory (Ts, B, Dm) -> attentional vector (B, Hd), weights (B, Ts)."""
        m = memory.transpose(0, 1)  # (B, Ts, Dm)
        if self.kind == "dot":
            e = torch.bmm(m, q.unsqueeze(2)).squeeze(2)
        elif self.kind == "general":
            e = torch.bmm(self.linear_in(m), q.unsqueeze(2)).squeeze(2)
        else:
            u = torch.tanh(self.linear_query(q).unsqueeze(1) + self.linear_context(m))
            e = self.v(u).squeeze(2)
        a = torch.softmax(e, dim=1)
        ctx = torch.bmm(a.unsqueeze(1), m).squeeze(1)
        return torch.tanh(self.linear_out(torch.cat([ctx, q], dim=1))), a


class Seq2Seq(nn.Module):
    """The engine's encoder-decoder (engine/seq2seq/seq2seq_model.h), same names and equations."""

    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        L, He, Hd, E = cfg["layers"], cfg["encoder_hidden"], cfg["decoder_hidden"], cfg["embed_dim"]
        self.D = 2 if cfg["bidirectional"] else 1
        self.Dm = self.D * He
        self.attn_kind = cfg["attention"]
        self.feeding = cfg["input_feeding"] and self.attn_kind != "none"
        self.encoder = nn.Module()
        self.encoder.embedding = nn.Embedding(cfg["source_vocab"], E)
        self.encoder.rnn = make_rnn(cfg["encoder_cell"], E, He, L, cfg["bidirectional"])
        if self.Dm != Hd:
            self.bridge = nn.ModuleList([nn.Linear(self.Dm, Hd) for _ in range(L)])
        self.decoder = nn.Module()
        self.decoder.embedding = nn.Embedding(cfg["target_vocab"], E)
        self.decoder.rnn = make_rnn(cfg["decoder_cell"], E + (Hd if self.feeding else 0), Hd, L)
        if self.attn_kind != "none":
            A = cfg["attention_dim"] or Hd
            self.attention = Attention(self.attn_kind, self.Dm, Hd, A)
        self.generator = nn.Linear(Hd, cfg["target_vocab"])

    def encode(self, src):
        """src (Ts, B) -> memory (Ts, B, Dm), the decoder's initial state."""
        cfg = self.cfg
        L, Hd = cfg["layers"], cfg["decoder_hidden"]
        memory, hn = self.encoder.rnn(self.encoder.embedding(src))
        if cfg["encoder_cell"] == "lstm":
            hn = hn[0]
        B = src.shape[1]
        final = hn.view(L, self.D, B, -1).permute(0, 2, 1, 3).reshape(L, B, self.Dm)
        s0 = torch.stack([self.bridge[k](final[k]) for k in range(L)]) if self.Dm != Hd else final
        state = (s0, torch.zeros_like(s0)) if cfg["decoder_cell"] == "lstm" else s0
        return memory, (state, torch.zeros(B, Hd))

    def step(self, memory, dstate, y_prev):
        """One decoder step: y_prev (B) -> logits (B, Vt), new state, attention weights (B, Ts)."""
        state, ht = dstate
        x = self.decoder.embedding(y_prev)
        if self.feeding:
            x = torch.cat([x, ht], dim=1)
        out, state = self.decoder.rnn(x.unsqueeze(0), state)
        q = out[0]
        a = None
        if self.attn_kind != "none":
            ht, a = self.attention(q, memory)
        else:
            ht = q
        return self.generator(ht), (state, ht), a

    def forward(self, src, y_in):
        """src (Ts, B), y_in (Tt, B) the decoder's input tokens -> logits (Tt, B, Vt)."""
        memory, dstate = self.encode(src)
        logits = []
        for t in range(y_in.shape[0]):
            z, dstate, _ = self.step(memory, dstate, y_in[t])
            logits.append(z)
        return torch.stack(logits)

    @torch.no_grad()
    def greedy(self, src, max_len):
        """src (Ts, 1) -> the argmax tokens up to (not including) <eos>."""
        memory, dstate = self.encode(src)
        y, out = torch.tensor([BOS]), []
        for _ in range(max_len):
            z, dstate, _ = self.step(memory, dstate, y)
            y = z.argmax(dim=1)
            if y.item() == EOS:
                break
            out.append(y.item())
        return out


def teacher_inputs(tgt):
    """tgt (Tt, B) with -1 after <eos> -> y_in (Tt, B): <bos>, then the gold tokens."""
    y = torch.full_like(tgt, BOS)
    y[1:] = tgt[:-1].clamp(min=EOS)  # -1 (past the end) -> <eos>; the loss skips those steps
    return y


def read_safetensors(path, key="unroll_seq2seq"):
    """The state_dict and the JSON configuration under __metadata__[key]."""
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    meta = header.pop("__metadata__", {})
    state = {}
    for name, info in header.items():
        if info["dtype"] != "F32":
            raise ValueError(f"{name}: dtype {info['dtype']} (expected F32)")
        begin, end = info["data_offsets"]
        array = np.frombuffer(data[8 + n + begin:8 + n + end], dtype="<f4").reshape(info["shape"])
        state[name] = torch.from_numpy(array.copy())
    if key not in meta:
        raise ValueError(f"{path}: no {key} configuration in __metadata__")
    return state, json.loads(meta[key])


def tokenize(text, mode):
    return text.split() if mode == "word" else list(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--data", required=True, help="source<TAB>target lines (UTF-8)")
    ap.add_argument("--max-len", type=int, default=0, help="longest output (default: the export's)")
    args = ap.parse_args()
    state, meta = read_safetensors(args.file)
    model = Seq2Seq(meta["config"])
    model.load_state_dict(state, strict=True)
    model.eval()
    src_index = {t: i for i, t in enumerate(meta["source_tokens"])}
    tgt_index = {t: i for i, t in enumerate(meta["target_tokens"])}
    mode = meta["tokens"]
    joiner = " " if mode == "word" else ""
    max_len = args.max_len or meta["max_output"]
    loss_sum, count = 0.0, 0
    with open(args.data, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line or "\t" not in line:
                continue
            source, target = line.split("\t", 1)
            src = [src_index.get(t, SRC_UNK) for t in tokenize(source, mode)]
            tgt = [tgt_index.get(t, TGT_UNK) for t in tokenize(target, mode)] + [EOS]
            if not src:
                continue
            s = torch.tensor(src).unsqueeze(1)
            t = torch.tensor(tgt).unsqueeze(1)
            with torch.no_grad():
                logits = model(s, teacher_inputs(t))
                loss_sum += F.cross_entropy(logits.reshape(-1, logits.shape[-1]), t.reshape(-1),
                                            reduction="sum").item()
            count += len(tgt)
            out = model.greedy(s, max_len)
            print(joiner.join(meta["target_tokens"][i] for i in out))
    if count == 0:
        sys.exit(f"{args.data}: no source<TAB>target lines")
    print(f"loss={loss_sum / count:.6f}")


if __name__ == "__main__":
    main()
