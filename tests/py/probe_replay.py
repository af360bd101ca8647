"""For tst_probe: loads each case's Unroll safetensors export into nn.RNN/LSTM/GRU + nn.Linear
(in float64, so the comparison with the engine's double network is exact), runs one training
step on the case's tokens with unroll_probe attached (replay every step, path=FILE), and leaves
the stream file for the test to decode.

Usage: probe_replay.py SOURCE_DIR CASES.json
CASES: [{"name", "safetensors", "stream", "T", "B", "tokens": (T*B), "targets": (T*B),
         "h0": (L*B*H) or null, "c0": (L*B*H) or null, "clip"}]   (row-major [T, B], [L, B, H])
A target of -1 is not scored (the loss is the mean over the scored positions, as the engine's).
"""
import json
import os
import sys

import torch
import torch.nn.functional as F

src = sys.argv[1]
sys.path[:0] = [os.path.join(src, "python"), os.path.join(src, "scripts")]
import unroll_probe  # noqa: E402
from load_in_pytorch import load  # noqa: E402

torch.set_default_dtype(torch.float64)
for c in json.load(open(sys.argv[2])):
    model, meta = load(c["safetensors"])
    model.double().train()
    T, B, L, H, V = c["T"], c["B"], meta["layers"], meta["hidden"], meta["input_size"]
    tokens = torch.tensor(c["tokens"]).view(T, B)
    targets = torch.tensor(c["targets"]).view(T, B)
    state = None
    if c["h0"] is not None:
        h0 = torch.tensor(c["h0"]).view(L, B, H)
        state = (h0, torch.tensor(c["c0"]).view(L, B, H)) if c["c0"] is not None else h0
    opt = torch.optim.SGD(model.parameters(), lr=0.125)
    if os.path.exists(c["stream"]):
        os.unlink(c["stream"])
    probe = unroll_probe.attach(model, rnn=model.rnn, every=1, path=c["stream"], optimizer=opt)
    y, _ = model.rnn(F.one_hot(tokens, V).double(), state)
    loss = F.cross_entropy(model.decoder(y).reshape(-1, V), targets.reshape(-1), ignore_index=-1)
    opt.zero_grad()
    loss.backward()
    if c["clip"]:
        torch.nn.utils.clip_grad_norm_(model.parameters(), c["clip"])
    opt.step()
    probe.step(loss)
    probe.close()
