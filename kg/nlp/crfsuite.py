"""Read the weights of a CRFsuite model file (the format underthesea ships).

underthesea's Rust featurizer returns every feature as a Python string, which
costs more than the tagging itself; reading the weights lets
:mod:`kg.nlp.segmenter` score tokens from cached per-word sums instead.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

_HEADER = "<4sI4sIIIIIIIII"
_STATE, _TRANSITION = 0, 1


@dataclass
class CRFWeights:
    """Label names, state weights per attribute and the transition matrix."""

    labels: list[str]
    state: dict[str, tuple[float, ...]]  # attribute -> weight per label
    transition: list[list[float]]  # [from_label][to_label]


def _read_cqdb(buf: bytes, off: int) -> list[str | None]:
    """Strings of a CQDB chunk indexed by id, read through its backward array."""
    chunk, _size, _flag, _order, bwd_size, bwd_off = struct.unpack_from("<4sIIIII", buf, off)
    if chunk != b"CQDB":
        raise ValueError(f"not a CQDB chunk at {off}")
    out: list[str | None] = [None] * bwd_size
    for rec_off in struct.unpack_from(f"<{bwd_size}I", buf, off + bwd_off):
        if rec_off:
            ident, ksize = struct.unpack_from("<II", buf, off + rec_off)
            start = off + rec_off + 8
            out[ident] = buf[start : start + ksize - 1].decode("utf-8")
    return out


def load_weights(path: Path | str) -> CRFWeights:
    """Parse a CRFsuite ``lCRF``/``FOMC`` model file.

    Raises:
        ValueError: the file is not a CRFsuite 1d model.
    """
    buf = Path(path).read_bytes()
    magic, _size, kind, _ver, _nf, n_labels, _na, off_f, off_l, off_a, *_ = struct.unpack_from(
        _HEADER, buf, 0
    )
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path}: not a CRFsuite model")
    labels = [s or "" for s in _read_cqdb(buf, off_l)][:n_labels]
    attrs = _read_cqdb(buf, off_a)
    chunk, _fsize, n_feats = struct.unpack_from("<4sII", buf, off_f)
    if chunk != b"FEAT":
        raise ValueError(f"{path}: feature chunk missing")
    state: dict[str, list[float]] = {}
    trans = [[0.0] * n_labels for _ in range(n_labels)]
    for ftype, src, dst, weight in struct.iter_unpack(
        "<IIId", buf[off_f + 12 : off_f + 12 + 20 * n_feats]
    ):
        if ftype == _TRANSITION:
            trans[src][dst] = weight
        elif ftype == _STATE:
            attr = attrs[src]
            if attr is not None:
                state.setdefault(attr, [0.0] * n_labels)[dst] = weight
    return CRFWeights(labels, {a: tuple(w) for a, w in state.items()}, trans)
