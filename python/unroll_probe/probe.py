"""The probe: watches a PyTorch training loop and streams what the gradient does through time to
`unroll-cli attach` or the studio (docs/probe_stream.md). Training never waits for a viewer:
records go into a bounded queue that drops its oldest entry when full (counted), emptied by the
probe's own thread.
"""
import collections
import hmac
import os
import secrets
import socket
import struct
import sys
import threading
import time

import torch

from . import replay as _replay
from . import stream

_HANDSHAKE_SECONDS = 5.0
_SEND_SECONDS = 5.0
_SEND_BUFFER = 256 << 10


def _log(msg):
    print(f"unroll_probe: {msg}", file=sys.stderr, flush=True)


def _parse_address(address):
    """("unix", path) or ("tcp", (host, port))."""
    if address.startswith("unix:"):
        return "unix", address[5:]
    host, sep, port = address.rpartition(":")
    if not sep or not port.isdigit():
        raise ValueError(f"unroll_probe: address {address!r} is not HOST:PORT or unix:PATH")
    return "tcp", (host or "127.0.0.1", int(port))


def _dist():
    """(rank, world size, initialised) of torch.distributed."""
    d = torch.distributed
    if d.is_available() and d.is_initialized():
        return d.get_rank(), d.get_world_size(), True
    return 0, 1, False


class _Queue:
    """Bounded, drop-oldest, counted; put() never blocks. Items put with keep=True (the RUN and
    END records, a handful per run) are never dropped and never make room by dropping others."""

    def __init__(self, size):
        self._items = collections.deque()
        self._size = max(1, size)
        self._cv = threading.Condition()
        self.dropped = 0
        self.closed = False

    def put(self, item, keep=False):
        with self._cv:
            if not keep and len(self._items) >= self._size:
                for i, (k, _) in enumerate(self._items):
                    if not k:
                        del self._items[i]
                        self.dropped += 1
                        break
            self._items.append((keep, item))
            self._cv.notify()

    def take_all(self, ready, timeout=None):
        """Everything queued once ready() holds (or on close); waits at most timeout."""
        with self._cv:
            self._cv.wait_for(lambda: self.closed or (self._items and ready()), timeout)
            if not ready() and not self.closed:
                return []
            items = [item for _, item in self._items]
            self._items.clear()
            return items

    def wake(self):
        with self._cv:
            self._cv.notify_all()

    def close(self):
        with self._cv:
            self.closed = True
            self._cv.notify_all()

    def empty(self):
        with self._cv:
            return not self._items


class _Server:
    """The listening socket: viewers attach with the token; feeders (other ranks) send records."""

    def __init__(self, address, token, queue, on_viewer):
        kind, where = _parse_address(address)
        if kind == "unix":
            if os.path.exists(where):
                os.unlink(where)
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.sock.bind(where)
            self.address = "unix:" + where
        else:
            self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.sock.bind(where)
            host, port = self.sock.getsockname()
            self.address = f"{host}:{port}"
        self.sock.listen(8)
        self._token = token.encode("ascii")
        self._queue = queue
        self._on_viewer = on_viewer
        self._feeders_done = threading.Semaphore(0)
        self.expected_feeders = 0  # ranks="all" on rank 0: world size - 1
        self._stopping = False
        self._thread = threading.Thread(target=self._accept, name="unroll_probe-accept",
                                        daemon=True)
        self._thread.start()

    def _accept(self):
        while not self._stopping:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handshake, args=(conn,), daemon=True).start()

    def _handshake(self, conn):
        try:
            conn.settimeout(_HANDSHAKE_SECONDS)
            head = stream.read_exact(conn, 12)
            if head is None or head[:8] != stream.ATTACH_MAGIC:
                raise stream.StreamError("not an attach request")
            version, role, n = int.from_bytes(head[8:10], "little"), head[10], head[11]
            token = stream.read_exact(conn, n) if n else b""
            if version != stream.VERSION:
                self._refuse(conn, f"this probe speaks stream version {stream.VERSION}, "
                                   f"the viewer asked for {version}")
                return
            if token is None or not hmac.compare_digest(token, self._token):
                self._refuse(conn, "wrong token; use the token the probe printed at start")
                return
            conn.settimeout(_SEND_SECONDS)
            # Bounded kernel memory per viewer: a slow one fills this, then the queue drops.
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, _SEND_BUFFER)
            if role == stream.ROLE_FEEDER:
                self._feed(conn)
            else:
                self._on_viewer(conn)
        except (OSError, stream.StreamError):
            conn.close()

    def _refuse(self, conn, reason):
        try:
            conn.sendall(stream.header() + stream.refused_record(reason))
        finally:
            conn.close()

    def _feed(self, conn):
        """Another rank's stream, forwarded whole record by record."""
        conn.settimeout(None)
        try:
            stream.read_header(lambda n: stream.read_exact(conn, n))
            while True:
                frame = stream.read_frame(lambda n: stream.read_exact(conn, n))
                if frame is None:
                    break
                self._queue.put(("frame", frame), keep=frame[8] != stream.STEP)
        except (OSError, stream.StreamError) as e:
            _log(f"a rank's stream broke off: {e}")
        finally:
            conn.close()
            self._feeders_done.release()

    def wait_feeders(self, timeout):
        """Until every other rank's stream has ended (or timeout seconds in all)."""
        deadline = time.monotonic() + timeout
        for _ in range(self.expected_feeders):
            if not self._feeders_done.acquire(timeout=max(0.0, deadline - time.monotonic())):
                return

    def close(self):
        self._stopping = True
        try:
            self.sock.close()
            if self.address.startswith("unix:"):
                os.unlink(self.address[5:])
        except OSError:
            pass


class Probe:
    """Returned by attach(); see attach() for what it records."""

    def __init__(self, model, rnn, every, address, path, optimizer, queue_size, token,
                 hidden_states, rank, world, feeder_to=None, wait_for_viewer=0.0, announce=True):
        _replay.check_replayable(rnn)
        self.model, self.rnn, self.every = model, rnn, max(1, int(every))
        self.optimizer = optimizer
        self.rank, self.world = rank, world
        self.hidden_states = hidden_states
        self.token = token or secrets.token_hex(16)
        self.address = None
        self.steps = 0
        self._queue = _Queue(queue_size)
        self._params = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
        self._norms = None  # per-parameter norms taken by the clip wrapper this step
        self._clip = None   # (before, after) from the clip wrapper this step
        self._capture = None
        self._viewers, self._pending = [], []
        self._lock = threading.Lock()
        self._file = None
        self._server = None
        self._feeder = None
        self._run_frames = []
        self._closed = False
        self._viewer_seen = threading.Event()
        if feeder_to is not None:
            self._feeder = self._connect_feeder(*feeder_to)
        elif path is not None and address is None:
            self._open_file(path)
        if address is not None:
            try:
                self._server = _Server(address, self.token, self._queue, self._add_viewer)
            except OSError as e:
                raise RuntimeError(f"unroll_probe: cannot listen on {address}: {e}; choose another "
                                   "address (port 0 picks a free one)") from None
            self.address = self._server.address
            if announce:
                _log(f"streaming on {self.address} token {self.token}; attach with: "
                     f"unroll-cli attach {self.address} --token {self.token}")
        if path is not None and address is None and announce:
            _log(f"recording to {path}; replay with: unroll-cli attach --file {path}")
        self._hook = rnn.register_forward_hook(self._on_forward)
        self._patch_clip()
        self._sender = threading.Thread(target=self._send_loop, name="unroll_probe-send",
                                        daemon=True)
        self._sender.start()
        self.add_run(self.rank, self.world)
        if wait_for_viewer and self._server is not None:
            self.wait_for_viewer(wait_for_viewer)

    # --- what the training loop calls -------------------------------------------------------
    def step(self, loss):
        """Call once per training step, after backward (and the optimizer step)."""
        if self._closed:
            return
        self.steps += 1
        loss_value = float(loss.detach()) if torch.is_tensor(loss) else float(loss)
        norms = self._norms if self._norms is not None else self._param_norms()
        before = float(sum(n * n for n in norms)) ** 0.5
        after = before
        if self._clip is not None:
            before, after = self._clip
        lr = float(self.optimizer.param_groups[0]["lr"]) if self.optimizer is not None else 0.0
        try:
            replayed = self._run_replay()
        except Exception as e:  # a replay must never stop the training
            replayed = None
            if not getattr(self, "_warned_replay", False):
                _log(f"the replay failed ({type(e).__name__}: {e}); steps go on without it")
                self._warned_replay = True
        self._queue.put(("step", (self.rank, self.steps, loss_value, before, after, lr, norms,
                                  replayed)))
        self._norms = self._clip = None

    def clip_grad_norm_(self, parameters, max_norm, norm_type=2.0, **kwargs):
        """torch.nn.utils.clip_grad_norm_, recording the norms before and after."""
        return _clip_and_record(self, _ORIGINAL_CLIP, parameters, max_norm, norm_type, **kwargs)

    def wait_for_viewer(self, seconds):
        """Waits up to `seconds` until a viewer has attached with the token; True if one has."""
        return self._viewer_seen.wait(seconds)

    @property
    def dropped(self):
        return self._queue.dropped

    def close(self, reason="training finished", linger=10.0):
        """Sends the END record, waits up to `linger` seconds for a connected viewer (or file) to
        take what is queued, and closes. Never raises."""
        if self._closed:
            return
        self._closed = True
        self._hook.remove()
        self._unpatch_clip()
        if self._server is not None:
            self._server.wait_feeders(linger)
        self._queue.put(("end", (self.rank, reason)), keep=True)
        self._queue.close()
        self._sender.join(linger)
        if self._server is not None:
            self._server.close()
        with self._lock:
            for c in self._viewers + self._pending:
                c.close()
            self._viewers, self._pending = [], []
        if self._feeder is not None:
            self._feeder.close()
        if self._file is not None:
            self._file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close("training stopped" if exc[0] else "training finished")

    # --- recording ----------------------------------------------------------------------------
    def add_run(self, rank, world):
        # DistributedDataParallel's wrapper adds "module." to every name; the stream uses the
        # model's own (PyTorch state_dict) names.
        names = [n[7:] if n.startswith("module.") else n for n, _ in self._params]
        frame = stream.run_record(rank, world, _replay.cell_name(self.rnn), self.rnn.num_layers,
                                  self.rnn.hidden_size, self.rnn.input_size, self.every, names)
        self._queue.put(("frame", frame), keep=True)

    def _param_norms(self):
        grads = [p.grad.detach() for _, p in self._params if p.grad is not None]
        if len(grads) != len(self._params):
            return [float(p.grad.detach().norm()) if p.grad is not None else 0.0
                    for _, p in self._params]
        return torch.stack([g.norm() for g in grads]).double().tolist()

    def _replay_due(self):
        n = self.steps + 1
        return n == 1 or n % self.every == 0

    def _on_forward(self, module, inputs, output):
        if self._capture is not None or not self._replay_due() or not torch.is_grad_enabled():
            return
        x = inputs[0]
        if not torch.is_tensor(x):
            if not getattr(self, "_warned_packed", False):
                _log("packed sequences are not replayed; the per-timestep views stay empty")
                self._warned_packed = True
            return
        out, state = output
        if not out.requires_grad:
            return
        hx = inputs[1] if len(inputs) > 1 else None
        lstm = module.mode == "LSTM"
        h0, c0 = (hx if hx is not None else (None, None)) if lstm else (hx, None)
        if x.dim() == 2:  # unbatched input (T, in)
            return
        bf = module.batch_first
        cap = {"x": (x.transpose(0, 1) if bf else x).detach(),
               "h0": None if h0 is None else h0.detach().clone(),
               "c0": None if c0 is None else c0.detach().clone(),
               "w": _replay.layer_weights(module), "bf": bf, "g": {}}

        def keep(name, transpose=False):
            def hook(g):
                cap["g"][name] = g.transpose(0, 1).detach() if transpose else g.detach()
            return hook

        out.register_hook(keep("out", bf))
        hn, cn = state if lstm else (state, None)
        if hn.requires_grad:
            hn.register_hook(keep("hn"))
        if cn is not None and cn.requires_grad:
            cn.register_hook(keep("cn"))
        self._capture = cap

    def _run_replay(self):
        cap, self._capture = self._capture, None
        if cap is None or "out" not in cap["g"]:
            return None
        mode = self.rnn.mode
        g = cap["g"]
        dh, dc, hidden = _replay.replay(mode, cap["w"], cap["x"], cap["h0"], cap["c0"], g["out"],
                                        g.get("hn"), g.get("cn"))
        dyn = _replay.dynamics(mode, cap["w"])
        hid = None
        if self.hidden_states:
            flat = hidden.reshape(-1).tolist()  # [layer][t][unit]; no numpy needed
            hid = (hidden.shape[2], struct.pack(f"<{len(flat)}f", *flat))
        return dh, dc, hid, dyn

    # --- clipping -------------------------------------------------------------------------
    def _patch_clip(self):
        _ACTIVE.append(self)
        if len(_ACTIVE) == 1:
            torch.nn.utils.clip_grad_norm_ = _patched_clip
            torch.nn.utils.clip_grad.clip_grad_norm_ = _patched_clip

    def _unpatch_clip(self):
        if self in _ACTIVE:
            _ACTIVE.remove(self)
        if not _ACTIVE:
            torch.nn.utils.clip_grad_norm_ = _ORIGINAL_CLIP
            torch.nn.utils.clip_grad.clip_grad_norm_ = _ORIGINAL_CLIP

    # --- transport ------------------------------------------------------------------------
    def _open_file(self, path):
        exists = os.path.exists(path) and os.path.getsize(path) > 0
        if exists:
            with open(path, "rb") as f:
                stream.read_header(lambda n: f.read(n))
        self._file = open(path, "ab", buffering=0)
        if not exists:
            self._file.write(stream.header())

    def _connect_feeder(self, kind, where):
        s = socket.socket(socket.AF_UNIX if kind == "unix" else socket.AF_INET,
                          socket.SOCK_STREAM)
        s.settimeout(_SEND_SECONDS)
        s.connect(where)
        s.sendall(stream.attach_request(self.token, stream.ROLE_FEEDER) + stream.header())
        return s

    def _add_viewer(self, conn):
        with self._lock:
            self._pending.append(conn)
        self._viewer_seen.set()
        self._queue.wake()

    def _has_sink(self):
        return self._file is not None or self._feeder is not None or bool(self._viewers) \
            or bool(self._pending)

    def _send_loop(self):
        while True:
            items = self._queue.take_all(self._has_sink, timeout=0.5)
            self._greet_pending()
            if items:
                data = b"".join(self._encode(kind, v) for kind, v in items)
                self._write(data)
            if self._queue.closed and self._queue.empty():
                return

    def _greet_pending(self):
        with self._lock:
            pending, self._pending = self._pending, []
        for c in pending:
            try:
                c.sendall(stream.header() + b"".join(self._run_frames))
                with self._lock:
                    self._viewers.append(c)
            except OSError:
                c.close()

    def _encode(self, kind, v):
        if kind == "frame":
            if v[8] == stream.RUN:
                self._run_frames.append(v)
            return v
        if kind == "end":
            return stream.end_record(*v)
        rank, step, loss, before, after, lr, norms, replayed = v
        dh = dc = hid = dyn = None
        if replayed is not None:
            dh, dc, hid, dyn = replayed
        return stream.step_record(rank, step, loss, before, after, lr, self._queue.dropped, norms,
                                  dh, dc, hid, dyn)

    def _write(self, data):
        if self._file is not None:
            try:
                self._file.write(data)
            except OSError as e:
                _log(f"cannot write the stream file: {e}; recording stops")
                self._file = None
        if self._feeder is not None:
            try:
                self._feeder.sendall(data)
            except OSError as e:
                _log(f"lost the connection to rank 0: {e}; this rank stops streaming")
                self._feeder.close()
                self._feeder = None
        with self._lock:
            viewers = list(self._viewers)
        for c in viewers:
            try:
                c.sendall(data)
            except OSError:
                c.close()
                with self._lock:
                    if c in self._viewers:
                        self._viewers.remove(c)


class _NullProbe:
    """What a rank that does not stream gets: the same calls, doing nothing."""

    address = None
    token = None
    dropped = 0
    steps = 0

    def step(self, loss):
        self.steps += 1

    def wait_for_viewer(self, seconds):
        return False

    def clip_grad_norm_(self, parameters, max_norm, norm_type=2.0, **kwargs):
        return _ORIGINAL_CLIP(parameters, max_norm, norm_type, **kwargs)

    def close(self, reason="", linger=0.0):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        pass


_ORIGINAL_CLIP = torch.nn.utils.clip_grad_norm_
_ACTIVE = []


def _clip_and_record(probe, original, parameters, max_norm, norm_type=2.0, **kwargs):
    if torch.is_tensor(parameters):
        parameters = [parameters]
    parameters = list(parameters)
    ids = {id(p) for p in parameters}
    mine = all(id(p) in ids for _, p in probe._params)
    if mine and float(norm_type) == 2.0:
        probe._norms = probe._param_norms()
    total = original(parameters, max_norm, norm_type, **kwargs)
    if mine:
        t = float(total)
        coef = min(1.0, float(max_norm) / (t + 1e-6))
        probe._clip = (t, t * coef)
    return total


def _patched_clip(parameters, max_norm, norm_type=2.0, **kwargs):
    if torch.is_tensor(parameters):
        parameters = [parameters]
    parameters = list(parameters)
    for probe in _ACTIVE:
        ids = {id(p) for p in parameters}
        if probe._params and all(id(p) in ids for _, p in probe._params):
            return _clip_and_record(probe, _ORIGINAL_CLIP, parameters, max_norm, norm_type,
                                    **kwargs)
    return _ORIGINAL_CLIP(parameters, max_norm, norm_type, **kwargs)


def _share_server(rank, address_or_none, token):
    """Rank 0's feeder port and token, sent to every rank (ranks="all")."""
    d = torch.distributed
    device = torch.device("cpu")
    if d.get_backend() == "nccl":
        device = torch.device("cuda", torch.cuda.current_device())
    port = torch.zeros(1, dtype=torch.int64, device=device)
    tok = torch.zeros(32, dtype=torch.uint8, device=device)
    if rank == 0:
        _, (host, p) = _parse_address(address_or_none)
        port[0] = p
        tok[:] = torch.tensor(list(token.encode("ascii")), dtype=torch.uint8)
    d.broadcast(port, 0)
    d.broadcast(tok, 0)
    return int(port[0]), bytes(tok.cpu().tolist()).decode("ascii")


def attach(model, rnn=None, every=50, address="127.0.0.1:0", path=None, ranks=0, optimizer=None,
           queue_size=1024, token=None, hidden_states=True, wait_for_viewer=0.0):
    """Starts streaming `model`'s training.

    rnn: the nn.RNN / nn.LSTM / nn.GRU to replay (default: model.rnn); every: steps between
    replays (and step 1); address: "HOST:PORT" (port 0: a free one) or "unix:PATH" to listen on,
    or None with path=FILE to append the stream to a file; ranks: 0 (rank 0 streams) or "all"
    (every rank's records go through rank 0; every rank must call attach); optimizer: where the
    learning rate is read; wait_for_viewer: seconds to wait here for the first viewer.

    Then call probe.step(loss) once per step; torch.nn.utils.clip_grad_norm_ on the model's
    parameters is observed while the probe is attached (or call probe.clip_grad_norm_).
    """
    if rnn is None:
        rnn = getattr(getattr(model, "module", model), "rnn", None)
        if rnn is None:
            raise ValueError("unroll_probe.attach: pass rnn=THE_RECURRENT_LAYER")
    if path is not None and address == "127.0.0.1:0":
        address = None
    if ranks not in (0, "all"):
        raise ValueError(f"unroll_probe.attach: ranks must be 0 or 'all', not {ranks!r}")
    rank, world, dist = _dist()
    common = dict(model=model, rnn=rnn, every=every, optimizer=optimizer, queue_size=queue_size,
                  hidden_states=hidden_states, rank=rank, world=world)
    if not dist or ranks == 0:
        if rank != 0:
            return _NullProbe()
        return Probe(address=address, path=path, token=token, wait_for_viewer=wait_for_viewer,
                     **common)
    # ranks="all": rank 0 serves (its own address, or a loopback one next to a file) and
    # forwards; the others feed it.
    if rank == 0:
        server_address = address if address is not None else "127.0.0.1:0"
        probe = Probe(address=server_address, path=path, token=token, announce=address is not None,
                      **common)
        if address is None:  # recording to a file: rank 0 also writes what it forwards
            probe._open_file(path)
            _log(f"recording every rank to {path}; replay with: unroll-cli attach --file {path}")
        probe._server.expected_feeders = world - 1
        _share_server(0, probe.address, probe.token)
        if wait_for_viewer and address is not None:
            probe.wait_for_viewer(wait_for_viewer)
        return probe
    port, tok = _share_server(rank, None, None)
    kind, where = ("tcp", None)
    if address is not None and address.startswith("unix:"):
        kind, where = "unix", address[5:]
    else:
        host = "127.0.0.1"
        if address is not None:
            host = _parse_address(address)[1][0]
        if host in ("0.0.0.0", ""):
            host = os.environ.get("MASTER_ADDR", "127.0.0.1")
        where = (host, port)
    try:
        return Probe(address=None, path=None, token=tok, feeder_to=(kind, where), announce=False,
                     **common)
    except OSError as e:
        _log(f"rank {rank} cannot reach rank 0's probe at {where}: {e}; this rank does not stream")
        return _NullProbe()
