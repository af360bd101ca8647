#!/usr/bin/python3
# The probe's cost to a PyTorch training loop (python/unroll_probe): an nn.LSTM character model
# (one-hot V=65, H=256, T=64, B=32, cross-entropy, clip_grad_norm_, Adam) trained in alternating
# blocks with the probe off and on (default interval, every=50: a replay on a block's step 1 and
# step 50, so twice per 50 steps: more than in a real run), streaming over TCP to a viewer that
# reads and discards (or to none with --no-viewer). Prints the median step time of each and the
# slowdown; the goal is <= 10%.
#   /usr/bin/python3 bench/probe_overhead.py [--blocks 4] [--steps 50] [--threads N]
import argparse
import os
import socket
import sys
import threading
import time

import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "python"))
import unroll_probe  # noqa: E402
from unroll_probe import stream  # noqa: E402


class CharModel(nn.Module):
    def __init__(self, vocab, hidden):
        super().__init__()
        self.vocab = vocab
        self.rnn = nn.LSTM(vocab, hidden)
        self.decoder = nn.Linear(hidden, vocab)

    def forward(self, x):
        h, _ = self.rnn(F.one_hot(x, self.vocab).float())
        return self.decoder(h)


def viewer(address, token):
    """Reads the stream and discards it, as a fast studio would."""
    host, port = address.rsplit(":", 1)
    s = socket.create_connection((host, int(port)))
    s.sendall(stream.attach_request(token))
    while s.recv(1 << 16):
        pass


def block(model, opt, steps, V, T, B, probe):
    """(wall, CPU) seconds per step over the whole block (the replays included); CPU time is
    this process's, all threads (the probe's sender too), and stays meaningful on a busy machine."""
    global in_probe
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(steps):
        x = torch.randint(0, V, (T, B))
        y = torch.randint(0, V, (T, B))
        loss = F.cross_entropy(model(x).reshape(-1, V), y.reshape(-1))
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if probe is not None:
            p0 = time.perf_counter()
            probe.step(loss)
            in_probe += time.perf_counter() - p0
    return (time.perf_counter() - t0) / steps, (time.process_time() - c0) / steps


in_probe = 0.0  # seconds spent inside probe.step() (the replays happen there)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--blocks", type=int, default=4)
    p.add_argument("--steps", type=int, default=50)
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--no-viewer", action="store_true")
    a = p.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    V, H, T, B = 65, 256, 64, 32
    torch.manual_seed(0)
    model = CharModel(V, H)
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    block(model, opt, 5, V, T, B, None)  # warm-up
    off, on = [], []
    dropped = 0
    for _ in range(a.blocks):
        off.append(block(model, opt, a.steps, V, T, B, None))
        probe = unroll_probe.attach(model, rnn=model.rnn, every=50, optimizer=opt)
        if not a.no_viewer:
            threading.Thread(target=viewer, args=(probe.address, probe.token), daemon=True).start()
        on.append(block(model, opt, a.steps, V, T, B, probe))
        dropped += probe.dropped
        probe.close(linger=2.0)
    print(f"LSTM H={H} T={T} B={B} V={V}, threads {torch.get_num_threads()}, "
          f"{a.blocks} x {a.steps} steps each, probe every=50 "
          f"({'no viewer' if a.no_viewer else 'a viewer reading'}), dropped {dropped}")
    print(f"inside probe.step(): {1e3 * in_probe / (a.blocks * a.steps):.2f} ms/step on average "
          f"(replays included; the clip_grad_norm_ observer and the sender thread not)")
    for i, what in enumerate(("wall", "CPU")):
        f = sum(b[i] for b in off) / len(off)
        n = sum(b[i] for b in on) / len(on)
        best = min(b[i] for b in on) / min(b[i] for b in off)
        print(f"{what:>4}: off {1e3 * f:.1f} ms/step, on {1e3 * n:.1f} ms/step: "
              f"{100 * (n / f - 1):+.1f}%, fastest blocks {100 * (best - 1):+.1f}% "
              f"(goal <= 10%; blocks off "
              f"{', '.join(f'{1e3 * b[i]:.0f}' for b in off)}, on "
              f"{', '.join(f'{1e3 * b[i]:.0f}' for b in on)})")


if __name__ == "__main__":
    main()
