#!/usr/bin/env python3
"""Continue an Unroll model in PyTorch, with Unroll's views still watching (python/unroll_probe).

    python3 examples/pytorch/continue_in_pytorch.py --init model.safetensors --data text.txt \
        --steps 2000 --probe 127.0.0.1:0 --token SECRET
    build/bin/unroll-cli attach 127.0.0.1:PORT --token SECRET     # the address it prints

--init loads an Unroll safetensors export (unroll-cli export --format safetensors) into
nn.LSTM/GRU/RNN + nn.Linear with load_state_dict(strict=True); without it a fresh nn.LSTM starts
on the project's built-in text (or --data). Training is the character model Unroll trains:
random windows of --seq characters, batch --batch, Adam, clipping by global norm.
--probe-file FILE records the stream instead (replay with unroll-cli attach --file FILE).
Needs Debian's python3-torch (and python3-numpy for reading the export).
"""
import argparse
import os
import re
import sys

import torch
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path[:0] = [os.path.join(ROOT, "python"), os.path.join(ROOT, "scripts")]
import unroll_probe  # noqa: E402


def fail(msg):
    print(f"{os.path.basename(sys.argv[0])}: {msg}", file=sys.stderr)
    sys.exit(2)


def builtin_text():
    """The studio's built-in sample text, read from the engine's source."""
    with open(os.path.join(ROOT, "engine", "data", "sample_text.cpp"), encoding="utf-8") as f:
        return "".join(re.findall(r'R"unroll\((.*?)\)unroll"', f.read(), re.S))


def arguments(description=__doc__):
    p = argparse.ArgumentParser(description=description.split("\n")[0])
    p.add_argument("--init", help="an Unroll safetensors export to start from")
    p.add_argument("--data", help="a UTF-8 text file (default: the built-in text)")
    p.add_argument("--steps", type=int, default=500)
    p.add_argument("--seq", type=int, default=64)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--hidden", type=int, default=128, help="fresh models only")
    p.add_argument("--layers", type=int, default=1, help="fresh models only")
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--clip", type=float, default=1.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--every", type=int, default=50, help="steps between the probe's replays")
    p.add_argument("--probe", metavar="ADDRESS", help="stream to viewers at HOST:PORT or unix:PATH")
    p.add_argument("--token", help="the token viewers must give (default: a random one)")
    p.add_argument("--probe-file", metavar="FILE", help="record the stream to FILE")
    p.add_argument("--ranks", default="0", choices=["0", "all"], help="DDP: which ranks stream")
    p.add_argument("--wait-viewer", type=float, default=0.0, metavar="S",
                   help="wait up to S seconds for the first viewer before training")
    a = p.parse_args()
    if a.steps < 1 or a.seq < 1 or a.batch < 1 or a.every < 1:
        fail("--steps, --seq, --batch and --every must be at least 1")
    if a.probe and a.probe_file:
        fail("give --probe ADDRESS or --probe-file FILE, not both")
    return a


def build(a):
    """(model, vocabulary, encoded text)."""
    from load_in_pytorch import UnrollModel, read_safetensors
    if a.data:
        try:
            with open(a.data, encoding="utf-8") as f:
                text = f.read().replace("\r\n", "\n")
        except (OSError, UnicodeDecodeError) as e:
            fail(f"--data: cannot read '{a.data}': {e}")
    else:
        text = builtin_text()
    if a.init:
        try:
            state, meta = read_safetensors(a.init)
        except (OSError, ValueError, KeyError) as e:
            fail(f"--init: '{a.init}' is not an Unroll safetensors export: {e}")
        if meta.get("head") != "softmax" or not meta.get("vocabulary"):
            fail(f"--init: '{a.init}' is not a character model; continue those on text only")
        vocab = meta["vocabulary"]
        model = UnrollModel(meta)
        model.load_state_dict(state, strict=True)
    else:
        vocab = sorted(set(text))
        meta = {"input": "onehot", "input_size": len(vocab), "embed_dim": 0,
                "hidden": a.hidden, "layers": a.layers, "torch_module": "LSTM",
                "output_size": len(vocab)}
        model = UnrollModel(meta)
    index = {ch: i for i, ch in enumerate(vocab)}
    missing = sorted(set(text) - set(index))
    if missing:
        fail(f"the text has characters the model has never seen ({''.join(missing[:10])!r}); "
             "train on text within the model's vocabulary")
    ids = torch.tensor([index[ch] for ch in text])
    if len(ids) < a.seq + 2:
        fail(f"the text has {len(ids)} characters; --seq {a.seq} needs at least {a.seq + 2}")
    return model, vocab, ids


def batch(ids, seq, size, gen):
    """(inputs, targets), each [seq, size] token ids, from random offsets."""
    starts = torch.randint(0, len(ids) - seq - 1, (size,), generator=gen)
    rows = torch.stack([ids[s:s + seq + 1] for s in starts.tolist()], dim=1)
    return rows[:-1], rows[1:]


def attach(a, model, rnn, optimizer):
    if not (a.probe or a.probe_file):
        return None
    ranks = "all" if a.ranks == "all" else 0
    if a.probe:
        return unroll_probe.attach(model, rnn=rnn, every=a.every, address=a.probe, ranks=ranks,
                                   optimizer=optimizer, token=a.token,
                                   wait_for_viewer=a.wait_viewer)
    return unroll_probe.attach(model, rnn=rnn, every=a.every, address=None, path=a.probe_file,
                               ranks=ranks, optimizer=optimizer)


def train(a, model, rnn, ids, rank=0, log=True):
    """The training loop, probe attached; returns the last loss."""
    gen = torch.Generator().manual_seed(a.seed * 1000 + rank)
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    probe = attach(a, model, rnn, opt)
    loss = None
    try:
        for step in range(1, a.steps + 1):
            x, y = batch(ids, a.seq, a.batch, gen)
            logits, _ = model(x)
            loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), a.clip)
            opt.step()
            if probe is not None:
                probe.step(loss)
            if log and (step % 50 == 0 or step == a.steps):
                print(f"step {step} loss {float(loss):.4f}", file=sys.stderr, flush=True)
    finally:
        if probe is not None:
            probe.close()
    return float(loss)


def main():
    a = arguments()
    torch.manual_seed(a.seed)
    model, vocab, ids = build(a)
    model.train()
    loss = train(a, model, model.rnn, ids)
    print(f"final step={a.steps} loss={loss:.4f}")


if __name__ == "__main__":
    main()
