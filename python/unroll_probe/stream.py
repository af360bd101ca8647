"""The probe stream, version 1 (docs/probe_stream.md): the writer of its records, and a small
reader used by the probe itself (to forward other ranks' records) and by the tests.

Data only: every record is numbers and short UTF-8 strings behind a length and a CRC-32.
"""
import struct
import zlib

MAGIC = b"UNROLLPS"
ATTACH_MAGIC = b"UNROLLPA"
VERSION = 1
MAX_RECORD_BYTES = 16 << 20
MAX_STRING = 256
MAX_TOKEN = 64

RUN, STEP, END, REFUSED = 1, 2, 3, 4
ROLE_VIEWER, ROLE_FEEDER = 0, 1


class StreamError(Exception):
    """A stream that is not what version 1 of the format says."""


def header():
    return MAGIC + struct.pack("<HH", VERSION, 0)


def _str(s):
    b = s.encode("utf-8")[:MAX_STRING]
    return struct.pack("<H", len(b)) + b


def _frame(body):
    if len(body) > MAX_RECORD_BYTES:
        raise StreamError(f"a record of {len(body)} bytes is over the {MAX_RECORD_BYTES} limit")
    return struct.pack("<II", len(body), zlib.crc32(body) & 0xFFFFFFFF) + body


def run_record(rank, world_size, cell, layers, hidden, input_size, every, param_names):
    parts = [struct.pack("<BII", RUN, rank, world_size), _str(cell),
             struct.pack("<IIIII", layers, hidden, input_size, every, len(param_names))]
    parts += [_str(n) for n in param_names]
    return _frame(b"".join(parts))


def step_record(rank, step, loss, grad_norm, grad_norm_clipped, lr, dropped, param_norms,
                dh=None, dc=None, hidden=None, dynamics=None):
    """dh, dc: [layer][t] lists of floats (or None); hidden: bytes of float32 [layer][t][unit]
    with its H as (H, bytes); dynamics: [(radius, singular)] per layer."""
    parts = [struct.pack("<BIqddddQI", STEP, rank, step, loss, grad_norm, grad_norm_clipped, lr,
                         dropped, len(param_norms)),
             struct.pack(f"<{len(param_norms)}d", *param_norms)]
    L = len(dh) if dh else 0
    T = len(dh[0]) if L else 0
    parts.append(struct.pack("<II", L, T))
    if L:
        parts.append(struct.pack(f"<{L * T}d", *[v for layer in dh for v in layer]))
    parts.append(struct.pack("<B", 1 if dc else 0))
    if dc:
        parts.append(struct.pack(f"<{L * T}d", *[v for layer in dc for v in layer]))
    if hidden:
        H, data = hidden
        parts += [struct.pack("<I", H), data]
    else:
        parts.append(struct.pack("<I", 0))
    dynamics = dynamics or []
    parts.append(struct.pack("<I", len(dynamics)))
    for r, s in dynamics:
        parts.append(struct.pack("<dd", r, s))
    return _frame(b"".join(parts))


def end_record(rank, reason):
    return _frame(struct.pack("<BI", END, rank) + _str(reason))


def refused_record(reason):
    return _frame(struct.pack("<B", REFUSED) + _str(reason))


def attach_request(token, role=ROLE_VIEWER):
    t = token.encode("ascii")
    if len(t) > MAX_TOKEN:
        raise StreamError("the token is longer than 64 characters")
    return ATTACH_MAGIC + struct.pack("<HBB", VERSION, role, len(t)) + t


def read_exact(sock, n):
    """n bytes from a socket, or None when it closes first."""
    chunks = []
    while n:
        b = sock.recv(n)
        if not b:
            return None
        chunks.append(b)
        n -= len(b)
    return b"".join(chunks)


def read_header(read):
    h = read(12)
    if h is None or len(h) < 12:
        raise StreamError("the stream ended inside its header")
    if h[:8] != MAGIC:
        raise StreamError("not an Unroll probe stream")
    version, flags = struct.unpack("<HH", h[8:])
    if version != VERSION or flags:
        raise StreamError(f"stream version {version}; this probe speaks version {VERSION}")


def read_frame(read):
    """The next whole framed record (bytes, CRC checked), or None at a clean end."""
    head = read(8)
    if head is None or len(head) == 0:
        return None
    if len(head) < 8:
        raise StreamError("the stream ended inside a record's length")
    n, crc = struct.unpack("<II", head)
    if n == 0 or n > MAX_RECORD_BYTES:
        raise StreamError(f"a record of {n} bytes (the limit is {MAX_RECORD_BYTES})")
    body = read(n)
    if body is None or len(body) < n:
        raise StreamError("the stream ended inside a record")
    if zlib.crc32(body) & 0xFFFFFFFF != crc:
        raise StreamError("a record's CRC-32 does not match")
    return head + body


def decode(frame):
    """A framed record as a dict (for tests and forwarding)."""
    body = frame[8:]
    kind = body[0]
    at = 1

    def take(fmt):
        nonlocal at
        vals = struct.unpack_from("<" + fmt, body, at)
        at += struct.calcsize("<" + fmt)
        return vals

    def text():
        nonlocal at
        (n,) = take("H")
        s = body[at:at + n].decode("utf-8")
        at += n
        return s

    if kind == RUN:
        rank, world = take("II")
        cell = text()
        layers, hidden, input_size, every, P = take("IIIII")
        return {"type": "run", "rank": rank, "world_size": world, "cell": cell, "layers": layers,
                "hidden": hidden, "input_size": input_size, "every": every,
                "param_names": [text() for _ in range(P)]}
    if kind == STEP:
        rank, step, loss, g, gc, lr, dropped, P = take("IqddddQI")
        norms = list(take(f"{P}d"))
        L, T = take("II")
        flat = take(f"{L * T}d")
        dh = [list(flat[k * T:(k + 1) * T]) for k in range(L)]
        (has_dc,) = take("B")
        dc = []
        if has_dc:
            flat = take(f"{L * T}d")
            dc = [list(flat[k * T:(k + 1) * T]) for k in range(L)]
        (H,) = take("I")
        hidden = list(take(f"{L * T * H}f")) if H else []
        (D,) = take("I")
        dyn = [take("dd") for _ in range(D)]
        return {"type": "step", "rank": rank, "step": step, "loss": loss, "grad_norm": g,
                "grad_norm_clipped": gc, "lr": lr, "dropped": dropped, "param_norms": norms,
                "dh": dh, "dc": dc, "hidden_size": H, "hidden": hidden, "dynamics": dyn}
    if kind == END:
        (rank,) = take("I")
        return {"type": "end", "rank": rank, "reason": text()}
    if kind == REFUSED:
        return {"type": "refused", "reason": text()}
    raise StreamError(f"unknown record type {kind}")
