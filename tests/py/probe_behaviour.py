"""For tst_probe: the probe never gets in training's way and refuses what it should.

Usage: probe_behaviour.py SOURCE_DIR    prints one "ok: ..." line per check, exits 1 on a failure.
- With no viewer and a queue of 8, 40 steps: the queue keeps the RUN record and the newest 7
  steps, the rest is dropped and counted; a viewer attaching late gets the RUN record first.
- A viewer that connects and never reads: 60 steps with large records still run to the end
  (records are dropped, counted), and close() returns within its linger.
- Garbage on the probe's port, a wrong version, a wrong token: refused, training unaffected.
- clip_grad_norm_ is observed (patched and explicit) and restored after close().
"""
import os
import socket
import sys
import time

import torch

sys.path.insert(0, os.path.join(sys.argv[1], "python"))
import unroll_probe  # noqa: E402
from unroll_probe import stream  # noqa: E402


class Model(torch.nn.Module):
    def __init__(self, H=8, V=5):
        super().__init__()
        self.V = V
        self.rnn = torch.nn.GRU(V, H)
        self.decoder = torch.nn.Linear(H, V)

    def forward(self, x):
        y, _ = self.rnn(torch.nn.functional.one_hot(x, self.V).float())
        return self.decoder(y)


def train(model, probe, steps, T=6, B=2, clip=None):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(steps):
        x = torch.randint(0, model.V, (T, B))
        loss = torch.nn.functional.cross_entropy(model(x).reshape(-1, model.V), x.reshape(-1))
        opt.zero_grad()
        loss.backward()
        if clip:
            torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
        opt.step()
        probe.step(loss)


def connect(address, payload):
    host, port = address.rsplit(":", 1)
    s = socket.create_connection((host, int(port)), timeout=30)
    s.sendall(payload)
    return s


def read_records(s):
    f = s.makefile("rb")
    stream.read_header(f.read)
    out = []
    while True:
        fr = stream.read_frame(f.read)
        if fr is None:
            return out
        out.append(stream.decode(fr))


def check(cond, what):
    if not cond:
        print(f"FAILED: {what}", file=sys.stderr)
        sys.exit(1)
    print(f"ok: {what} ({time.monotonic() - T0:.1f} s)", flush=True)


T0 = time.monotonic()
torch.manual_seed(0)
model = Model()

# A full queue drops the oldest steps, counted; the RUN record is kept for a late viewer.
probe = unroll_probe.attach(model, every=10, queue_size=8)
train(model, probe, 40)
check(probe.dropped == 33, f"40 steps into a queue of 8 with no viewer: {probe.dropped} dropped")
viewer = connect(probe.address, stream.attach_request(probe.token))
check(probe.wait_for_viewer(60), "a viewer attaches")
probe.close(linger=10)
recs = read_records(viewer)
steps = [r["step"] for r in recs if r["type"] == "step"]
check(recs[0]["type"] == "run" and steps == list(range(34, 41)) and recs[-1]["type"] == "end",
      f"a late viewer gets RUN, the newest 7 steps {steps[:1]}..{steps[-1:]} and END")
check(recs[1]["dropped"] == 33, "the steps carry the dropped count")

# A viewer that never reads cannot stall training.
model = Model(H=64)
probe = unroll_probe.attach(model, every=1, queue_size=4)
stalled = socket.socket()
stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a small window, set before connect
host, port = probe.address.rsplit(":", 1)
stalled.connect((host, int(port)))
stalled.sendall(stream.attach_request(probe.token))
probe.wait_for_viewer(60)
train(model, probe, 100, T=32, B=2)  # 9 KB per record: 900 KB, more than the socket buffers
check(probe.steps == 100 and probe.dropped > 0,
      f"100 large steps with a viewer that never reads: all ran, {probe.dropped} dropped")
t0 = time.monotonic()
probe.close(linger=1.0)
check(time.monotonic() - t0 < 30, "close() returns with a stuck viewer")
stalled.close()

# Hostile or wrong clients are refused; the probe keeps serving.
probe = unroll_probe.attach(model, every=5)
junk = connect(probe.address, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n" + b"\0" * 100)
try:
    closed = junk.recv(100) == b""
except ConnectionResetError:
    closed = True
check(closed, "garbage on the port: the connection is closed")
old = stream.attach_request(probe.token)
old = old[:8] + (7).to_bytes(2, "little") + old[10:]
recs = read_records(connect(probe.address, old))
check(recs == [{"type": "refused", "reason": recs[0]["reason"]}] and "version" in recs[0]["reason"],
      f"a wrong version: {recs[0]['reason']!r}")
recs = read_records(connect(probe.address, stream.attach_request("0" * 32)))
check(len(recs) == 1 and "wrong token" in recs[0]["reason"], "a wrong token is refused")
good = connect(probe.address, stream.attach_request(probe.token))
probe.wait_for_viewer(60)
train(model, probe, 3, clip=1e-3)
probe.close()
recs = read_records(good)
st = [r for r in recs if r["type"] == "step"]
check(len(st) == 3 and all(abs(r["grad_norm_clipped"] - 1e-3) < 1e-8 for r in st)
      and all(r["grad_norm"] > 1e-3 for r in st), "clip_grad_norm_ observed: norms before and after")
check(torch.nn.utils.clip_grad_norm_ is unroll_probe.probe._ORIGINAL_CLIP,
      "clip_grad_norm_ restored after close()")
