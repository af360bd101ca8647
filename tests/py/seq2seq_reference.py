"""Reference for tst_seq2seq_torch: the Seq2Seq module of scripts/load_seq2seq_in_pytorch.py
(float32) on the cases the test wrote; writes logits, loss and every gradient.

Usage: seq2seq_reference.py DIR   (reads DIR/in.json, writes DIR/out.json)
IN:  {"cases": [{"name", "config": {...as in the export...}, "Ts", "Tt", "B",
      "src": (Ts*B), "y_in": (Tt*B) the decoder's input tokens, "tgt": (Tt*B, -1 = unscored),
      "weights": {state_dict name: {"shape": [...], "data": row-major}}}]}
OUT: {"cases": {name: {"error": traceback} or {"loss", "logits": (Tt, B, Vt), "grads": {name:
      row-major}, "attention": (Tt, B, Ts) or null}}}
"""
import json
import os
import sys
import traceback

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
from load_seq2seq_in_pytorch import Seq2Seq  # noqa: E402


def flat(t):
    return t.detach().reshape(-1).tolist()


def run_case(c):
    torch.manual_seed(0)
    model = Seq2Seq(c["config"])
    weights = {n: torch.tensor(w["data"], dtype=torch.float32).reshape(w["shape"])
               for n, w in c["weights"].items()}
    model.load_state_dict(weights, strict=True)
    Ts, Tt, B = c["Ts"], c["Tt"], c["B"]
    src = torch.tensor(c["src"]).reshape(Ts, B)
    y_in = torch.tensor(c["y_in"]).reshape(Tt, B)
    tgt = torch.tensor(c["tgt"]).reshape(Tt, B)
    memory, dstate = model.encode(src)
    logits, attn = [], []
    for t in range(Tt):
        z, dstate, a = model.step(memory, dstate, y_in[t])
        logits.append(z)
        attn.append(a)
    logits = torch.stack(logits)
    loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), tgt.reshape(-1), ignore_index=-1)
    loss.backward()
    return {"loss": loss.item(), "logits": flat(logits),
            "grads": {n: flat(p.grad) for n, p in model.named_parameters()},
            "attention": flat(torch.stack(attn)) if attn[0] is not None else None}


def main():
    d = sys.argv[1]
    with open(os.path.join(d, "in.json")) as f:
        cases = json.load(f)["cases"]
    out = {}
    for c in cases:
        try:
            out[c["name"]] = run_case(c)
        except Exception:
            out[c["name"]] = {"error": traceback.format_exc()}
    with open(os.path.join(d, "out.json"), "w") as f:
        json.dump({"cases": out}, f)


if __name__ == "__main__":
    main()
