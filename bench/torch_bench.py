#!/usr/bin/python3
# PyTorch side of the Unroll benchmark: tokens/s of one training step (one-hot input, nn.RNN/LSTM/GRU,
# Linear head, cross-entropy, backward, clip_grad_norm_, Adam) at given shapes and thread counts.
# Run with Debian's /usr/bin/python3 (it has torch 1.13); unroll_bench starts it once per config.
# Output: one line per thread count, "threads N tokens_per_s X cpu_tokens_per_s Y steps S ...", with
# X per second of wall time and Y per second of this process's CPU time (all threads).
import argparse
import os
import statistics
import time

import torch
import torch.nn.functional as F
from torch import nn


class CharModel(nn.Module):
    # Shapes: T steps, B batch, V vocabulary, H hidden. x (T, B) token ids -> logits (T, B, V).
    def __init__(self, cell, vocab, hidden):
        super().__init__()
        rnn = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}[cell]
        self.vocab = vocab
        self.rnn = rnn(vocab, hidden)
        self.decoder = nn.Linear(hidden, vocab)

    def forward(self, x):
        h, _ = self.rnn(F.one_hot(x, self.vocab).float())  # (T, B, H)
        return self.decoder(h)


def train_step(model, opt, loss_fn, x, y):
    logits = model(x)
    loss = loss_fn(logits.reshape(-1, logits.shape[-1]), y.reshape(-1))
    opt.zero_grad(set_to_none=True)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    return loss


def measure(args, threads):
    """Median tokens per wall second and per CPU second over `repeats` slices of `seconds` wall
    time, after a warm-up."""
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    model = CharModel(args.cell, args.vocab, args.hidden)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    T, B = args.seq, args.batch
    data = torch.randint(0, args.vocab, (64, T + 1, B))  # a few batches, reused in turn

    def batch(i):
        seq = data[i % data.shape[0]]
        return seq[:-1], seq[1:]

    step = 0
    end = time.perf_counter() + args.warmup
    while step < 2 or time.perf_counter() < end:
        train_step(model, opt, loss_fn, *batch(step))
        step += 1
    wall, cpu, steps = [], [], 0
    slice_seconds = args.seconds / args.repeats
    for _ in range(args.repeats):
        n, t0, c0 = 0, time.perf_counter(), time.process_time()
        while n < 1 or time.perf_counter() - t0 < slice_seconds:
            train_step(model, opt, loss_fn, *batch(step))
            step += 1
            n += 1
        wall.append(n * T * B / (time.perf_counter() - t0))
        cpu.append(n * T * B / (time.process_time() - c0))
        steps += n
    return statistics.median(wall), statistics.median(cpu), steps


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--cell", choices=["rnn", "lstm", "gru"], default="lstm")
    p.add_argument("--hidden", type=int, default=128)
    p.add_argument("--seq", type=int, default=64)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--vocab", type=int, default=65)
    p.add_argument("--seconds", type=float, default=2.0, help="measured wall time per setting")
    p.add_argument("--repeats", type=int, default=5, help="slices of --seconds; the median is kept")
    p.add_argument("--warmup", type=float, default=0.5)
    p.add_argument("--threads", default="1,2", help="comma-separated torch.set_num_threads values")
    args = p.parse_args()
    blas = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    for threads in (int(t) for t in args.threads.split(",")):
        wall, cpu, steps = measure(args, threads)
        print(f"threads {threads} tokens_per_s {wall:.1f} cpu_tokens_per_s {cpu:.1f} steps {steps} "
              f"openblas {blas}", flush=True)


if __name__ == "__main__":
    main()
