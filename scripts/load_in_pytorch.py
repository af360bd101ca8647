#!/usr/bin/env python3
"""Loads an Unroll safetensors export into PyTorch and runs a sample.

The export holds PyTorch state_dict names and shapes (rnn.*, encoder.weight, decoder.*) and the
model config as JSON in __metadata__["unroll"]. This script builds the matching torch modules
(nn.Embedding when used, nn.RNN/LSTM/GRU, nn.Linear), loads the weights with strict=True and then
generates text (token models) or runs a random sequence (dense models).

    python3 scripts/load_in_pytorch.py model.safetensors [--sample 200] [--prompt "The "]

As a module: model, meta = load("model.safetensors"); logits, state = model(tokens, state).
Needs torch; uses the safetensors package when installed and a small reader otherwise.
"""
import argparse
import json
import struct
import sys

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F


def read_safetensors(path):
    """Returns (state_dict of float32 tensors, metadata dict with the parsed "unroll" config)."""
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    raw_meta = header.pop("__metadata__", {})
    base = 8 + n
    state = {}
    for name, info in header.items():
        if info["dtype"] != "F32":
            raise ValueError(f"{name}: dtype {info['dtype']} (expected F32)")
        begin, end = info["data_offsets"]
        array = np.frombuffer(data[base + begin:base + end], dtype="<f4").reshape(info["shape"])
        state[name] = torch.from_numpy(array.copy())
    if "unroll" not in raw_meta:
        raise ValueError(f"{path}: no Unroll config in __metadata__")
    return state, json.loads(raw_meta["unroll"])


class UnrollModel(nn.Module):
    """encoder (embedding models) -> rnn -> decoder, time-major like nn.RNN's default."""

    def __init__(self, meta):
        super().__init__()
        self.meta = meta
        self.input_kind = meta["input"]
        self.vocab = meta["input_size"]
        rnn_input = meta["embed_dim"] if self.input_kind == "embedding" else meta["input_size"]
        if self.input_kind == "embedding":
            self.encoder = nn.Embedding(meta["input_size"], meta["embed_dim"])
        kwargs = dict(input_size=rnn_input, hidden_size=meta["hidden"],
                      num_layers=meta["layers"])
        module = meta["torch_module"]
        if module == "RNN":
            self.rnn = nn.RNN(nonlinearity=meta["nonlinearity"], **kwargs)
        elif module == "LSTM":
            self.rnn = nn.LSTM(**kwargs)
        elif module == "GRU":
            self.rnn = nn.GRU(**kwargs)
        else:
            raise ValueError(f"unknown torch_module {module!r}")
        self.decoder = nn.Linear(meta["hidden"], meta["output_size"])

    def forward(self, x, state=None):
        """x: token ids [T, B] (long) or features [T, B, F]; state: h0 or (h0, c0), [L, B, H].
        Returns logits (or regression outputs) [T, B, O] and the final state."""
        if self.input_kind == "embedding":
            x = self.encoder(x)
        elif self.input_kind == "onehot":
            x = F.one_hot(x, self.vocab).float()
        y, state = self.rnn(x, state)
        return self.decoder(y), state


def load(path):
    state, meta = read_safetensors(path)
    model = UnrollModel(meta)
    model.load_state_dict(state, strict=True)
    model.eval()
    return model, meta


def sample_text(model, meta, length, prompt, temperature, seed):
    vocab = meta["vocabulary"]
    index = {t: i for i, t in enumerate(vocab)}
    ids = [index[c] for c in prompt if c in index] or [0]
    gen = torch.Generator().manual_seed(seed)
    out = [vocab[i] for i in ids]
    with torch.no_grad():
        logits, state = model(torch.tensor(ids).view(-1, 1))
        for _ in range(length):
            probs = torch.softmax(logits[-1, 0] / temperature, dim=-1)
            nxt = int(torch.multinomial(probs, 1, generator=gen))
            out.append(vocab[nxt])
            logits, state = model(torch.tensor([[nxt]]), state)
    return "".join(out)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("path")
    p.add_argument("--sample", type=int, default=200, help="characters to generate")
    p.add_argument("--prompt", default="")
    p.add_argument("--temperature", type=float, default=0.8)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    model, meta = load(a.path)
    print(f"loaded {meta['torch_module']} ({meta['cell']}), hidden {meta['hidden']}, "
          f"{meta['layers']} layer(s), trained {meta['step']} steps on {meta['task']!r}; "
          f"load_state_dict(strict=True) ok", file=sys.stderr)
    if meta["head"] == "softmax" and meta["vocabulary"]:
        print(sample_text(model, meta, a.sample, a.prompt, a.temperature, a.seed))
    else:
        torch.manual_seed(a.seed)
        x = torch.rand(16, 1, meta["input_size"])
        with torch.no_grad():
            y, _ = model(x)
        print("outputs for a random sequence of 16 steps:", y[:, 0, :].flatten().tolist())


if __name__ == "__main__":
    main()
