#!/usr/bin/env python3
"""continue_in_pytorch.py under DistributedDataParallel: two processes on the gloo backend over
loopback, each with its own data order, gradients averaged every step; the probe streams rank 0
(or every rank with --ranks all, through rank 0).

    python3 examples/pytorch/ddp.py --steps 200 --probe 127.0.0.1:0 --token SECRET --ranks all
    build/bin/unroll-cli attach 127.0.0.1:PORT --token SECRET

Takes every option of continue_in_pytorch.py, plus --procs N (2).
"""
import os
import socket
import sys

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from torch.nn.parallel import DistributedDataParallel as DDP

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import continue_in_pytorch as base  # noqa: E402


def worker(rank, a, world, port):
    os.environ["MASTER_ADDR"] = "127.0.0.1"
    os.environ["MASTER_PORT"] = str(port)
    torch.set_num_threads(1)
    dist.init_process_group("gloo", rank=rank, world_size=world)
    try:
        torch.manual_seed(a.seed)  # the same initial weights on every rank
        model, vocab, ids = base.build(a)
        model.train()
        ddp = DDP(model)
        loss = base.train(a, ddp, ddp.module.rnn, ids, rank=rank, log=rank == 0)
        if rank == 0:
            print(f"final step={a.steps} loss={loss:.4f} ranks={world}", flush=True)
    finally:
        dist.destroy_process_group()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    argv = sys.argv[1:]
    procs = 2
    if "--procs" in argv:
        i = argv.index("--procs")
        procs = int(argv[i + 1])
        del argv[i:i + 2]
    sys.argv[1:] = argv
    a = base.arguments(__doc__)
    mp.spawn(worker, args=(a, procs, free_port()), nprocs=procs, join=True)


if __name__ == "__main__":
    main()
