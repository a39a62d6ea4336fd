"""logscrub: remove personal data, secrets and internal notes from support logs, locally.

The Rust core of the ``logscrub`` command, for Python, pandas, Arrow and Apache Spark::

    import logscrub

    scrubber = logscrub.Scrubber({"strategies": {"ipv4": "partial"}})
    result = scrubber.sanitize("Mail bob@contoso.com from 10.1.2.3")
    result.text          # 'Mail [EMAIL-1] from 10.1.2.[IPV4-1]'
    result.findings[0]   # Finding(category='email', rule=..., start=5, end=20, ...)
    logscrub.restore("Reply to [EMAIL-1]", result.mapping)   # 'Reply to bob@contoso.com'

Nothing is sent anywhere. The policy is the JSON document the web app exports and the CLI
reads (``--policy``). Every error is a :class:`logscrub.Error`; a run whose leak check finds
an original value in its output raises :class:`LeakError` and gives no output.
"""

from __future__ import annotations

import codecs
import json
import os
from dataclasses import dataclass, field
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping as _MappingABC,
    Optional,
    Sequence,
    Tuple,
    Union,
)

from . import _logscrub
from ._logscrub import Error, InputError, LeakError, MappingError, PolicyError

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

__all__ = [
    "Error",
    "PolicyError",
    "LeakError",
    "InputError",
    "MappingError",
    "Finding",
    "Mapping",
    "Result",
    "Scrubber",
    "Stream",
    "Learner",
    "restore",
    "sanitize_arrow",
    "default_policy",
]

PolicyLike = Union[None, str, "os.PathLike[str]", _MappingABC]
KeyLike = Union[None, bytes, str]

#: Bytes read at a time by :meth:`Scrubber.sanitize_file` (as the CLI).
CHUNK = 1 << 20


def _policy_json(policy: PolicyLike) -> Optional[str]:
    if policy is None:
        return None
    if isinstance(policy, _MappingABC):
        return json.dumps(dict(policy))
    if isinstance(policy, (str, os.PathLike)):
        try:
            with open(policy, encoding="utf-8") as f:
                return f.read()
        except OSError as e:
            raise PolicyError(f"cannot read policy {os.fspath(policy)}: {e.strerror}") from None
    raise TypeError("policy must be None, a dict or the path of a policy JSON file")


def _key_bytes(key: KeyLike) -> Optional[bytes]:
    if key is None:
        return None
    if isinstance(key, str):
        return key.encode("utf-8")
    if isinstance(key, (bytes, bytearray, memoryview)):
        return bytes(key)
    raise TypeError("key must be bytes, str or None")


def default_policy() -> Dict[str, Any]:
    """The default policy, every field spelled out (a starting point for your own)."""
    return json.loads(_logscrub.default_policy_json())


@dataclass(frozen=True)
class Finding:
    """One replaced value. ``start``/``end`` are offsets in the *input* string (code points,
    as Python indexes ``str``), so ``text[f.start:f.end]`` is the original value."""

    category: str
    rule: str
    label: str
    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class MappingEntry:
    replacement: str
    original: str
    category: str


class Mapping:
    """Replacement -> original of one run (restorable strategies only). It holds original
    values: keep it as safe as the input. ``json()`` is the CLI's ``--mapping`` format."""

    __slots__ = ("_json", "_entries")

    def __init__(self, mapping_json: str) -> None:
        self._json = mapping_json
        self._entries: Optional[List[MappingEntry]] = None

    @classmethod
    def load(
        cls, path: Union[str, "os.PathLike[str]"], passphrase: Optional[str] = None
    ) -> "Mapping":
        """Reads a mapping file written by the CLI (``--mapping``), by :meth:`save` or by the
        page (*Save mapping*, encrypted or not). An encrypted file needs its ``passphrase``;
        a wrong one raises :class:`MappingError`."""
        with open(path, encoding="utf-8") as f:
            return cls(_logscrub.open_mapping(f.read(), passphrase))

    def save(
        self, path: Union[str, "os.PathLike[str]"], passphrase: Optional[str] = None
    ) -> None:
        """Writes the mapping, readable by its owner only. With a ``passphrase`` it is
        encrypted as the page encrypts it (AES-256-GCM, key from PBKDF2-SHA-256 with 600,000
        iterations), and the page's Restore view opens it."""
        doc = self._json if passphrase is None else _logscrub.seal_mapping(self._json, passphrase)
        fd = os.open(os.fspath(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(doc)

    def json(self) -> str:
        return self._json

    @property
    def entries(self) -> List[MappingEntry]:
        if self._entries is None:
            doc = json.loads(self._json)
            self._entries = [
                MappingEntry(e["replacement"], e["original"], e["category"])
                for e in doc.get("entries", [])
            ]
        return self._entries

    def as_dict(self) -> Dict[str, str]:
        """Replacement -> original."""
        return {e.replacement: e.original for e in self.entries}

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[MappingEntry]:
        return iter(self.entries)

    def __repr__(self) -> str:  # never shows originals
        return f"<logscrub.Mapping with {len(self)} entries>"


class Result:
    """The outcome of :meth:`Scrubber.sanitize`: ``text``, ``findings``, ``mapping`` and
    ``report`` (the CLI's ``--report`` document, as a dict, without original values)."""

    __slots__ = ("text", "findings", "mapping", "_report_json", "_report")

    def __init__(self, text: str, findings: List[Finding], mapping: Mapping, report_json: str):
        self.text = text
        self.findings = findings
        self.mapping = mapping
        self._report_json = report_json
        self._report: Optional[Dict[str, Any]] = None

    @property
    def report(self) -> Dict[str, Any]:
        if self._report is None:
            self._report = json.loads(self._report_json)
        return self._report

    def __repr__(self) -> str:
        return f"<logscrub.Result: {len(self.findings)} finding(s), {len(self.text)} chars>"


def _result(raw: Tuple[str, list, str, str]) -> Result:
    text, findings, mapping_json, report_json = raw
    return Result(text, [Finding(*f) for f in findings], Mapping(mapping_json), report_json)


class Learner:
    """The first pass of a two-pass stream: feed the whole input, then :meth:`finish`."""

    def __init__(self, raw: Any) -> None:
        self._raw = raw

    def feed(self, chunk: str) -> None:
        self._raw.feed(chunk)

    def finish(self) -> Any:
        """What the pass learned; give it to :meth:`Scrubber.stream` (once)."""
        return self._raw.finish()


class Stream:
    """Sanitizes a text given in chunks with bounded memory (as the CLI does). ``feed``
    returns the output that is safe to emit so far; ``finish`` returns the rest. Seeded
    with a first pass (:meth:`Scrubber.learner`), the output equals :meth:`Scrubber.sanitize`
    on the whole text."""

    def __init__(self, raw: Any) -> None:
        self._raw = raw
        self.mapping: Optional[Mapping] = None
        self.report: Optional[Dict[str, Any]] = None

    def feed(self, chunk: str) -> str:
        return self._raw.feed(chunk)

    def finish(self) -> str:
        text, mapping_json, report_json = self._raw.finish()
        self.mapping = Mapping(mapping_json)
        self.report = json.loads(report_json)
        return text


def _read_chunks(path: Union[str, "os.PathLike[str]"], chunk: int) -> Iterator[str]:
    # Invalid UTF-8 becomes U+FFFD, one per maximal invalid sequence, as in the CLI.
    dec = codecs.getincrementaldecoder("utf-8")(errors="replace")
    with open(path, "rb") as f:
        while True:
            b = f.read(chunk)
            if not b:
                tail = dec.decode(b"", final=True)
                if tail:
                    yield tail
                return
            yield dec.decode(b)


class Scrubber:
    """A compiled policy. Build once, reuse from any number of threads.

    ``policy``: None (the defaults), a dict (the policy JSON document) or the path of a
    policy file. ``key``: the secret of the ``hash`` strategy (at least 16 bytes), never
    part of the policy. Raises :class:`PolicyError` for an invalid policy or missing key.
    """

    def __init__(self, policy: PolicyLike = None, key: KeyLike = None) -> None:
        self._engine = _logscrub.Engine(_policy_json(policy), _key_bytes(key))

    @property
    def policy(self) -> Dict[str, Any]:
        """The compiled policy as a dict (every field, defaults included)."""
        return json.loads(self._engine.policy_json())

    def sanitize(self, text: str) -> Result:
        """Sanitizes one text (the GIL is released while it runs)."""
        return _result(self._engine.sanitize(text))

    def check(self, text: str) -> List[Finding]:
        """What :meth:`sanitize` would replace, without the output."""
        return self.sanitize(text).findings

    def sanitize_many(self, texts: Sequence[str], threads: Optional[int] = None) -> List[Result]:
        """Sanitizes each text on its own, in parallel on ``threads`` OS threads (default:
        every core) with the GIL released. Results in input order. Any leak fails the call."""
        return [_result(r) for r in self._engine.sanitize_many(list(texts), threads)]

    def learner(self) -> Learner:
        return Learner(self._engine.learner())

    def stream(self, knowledge: Any = None) -> Stream:
        """A stream; pass the ``finish()`` of a :meth:`learner` for two-pass results."""
        return Stream(self._engine.stream(knowledge))

    def sanitize_chunks(self, chunks: Iterable[str], again: Optional[Iterable[str]] = None) -> Iterator[str]:
        """Sanitizes a text given as chunks, yielding output pieces. When ``again`` (the same
        chunks once more) is given, ``chunks`` is read first to learn, then ``again`` is
        sanitized: the output then equals the whole-text result."""
        if again is not None:
            learner = self.learner()
            for c in chunks:
                learner.feed(c)
            stream = self.stream(learner.finish())
            chunks = again
        else:
            stream = self.stream()
        for c in chunks:
            out = stream.feed(c)
            if out:
                yield out
        tail = stream.finish()
        if tail:
            yield tail

    def sanitize_file(
        self,
        src: Union[str, "os.PathLike[str]"],
        dst: Union[str, "os.PathLike[str]"],
        chunk_size: int = CHUNK,
    ) -> Stream:
        """Sanitizes the file ``src`` into ``dst`` with bounded memory, reading it twice as
        the CLI does (two passes: output equal to the whole-text result). ``dst`` is written
        under a temporary name and renamed when complete: after an error (a leak) no output
        is left. Returns the finished stream (``.mapping``, ``.report``)."""
        dst = os.fspath(dst)
        tmp = f"{dst}.logscrub-partial"
        learner = self.learner()
        for c in _read_chunks(src, chunk_size):
            learner.feed(c)
        stream = self.stream(learner.finish())
        try:
            with open(tmp, "w", encoding="utf-8", newline="") as out:
                for c in _read_chunks(src, chunk_size):
                    out.write(stream.feed(c))
                out.write(stream.finish())
            os.replace(tmp, dst)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        return stream

    def sanitize_arrow(self, array: "pa.Array", threads: Optional[int] = None) -> "pa.Array":
        """Sanitizes every string of a pyarrow ``string``/``large_string`` array (or chunked
        array) without a Python loop per row; nulls stay null. Same type out as in."""
        return _sanitize_arrow(self._engine, array, threads)

    def sanitize_series(self, series: Any, threads: Optional[int] = None) -> Any:
        """Sanitizes a pandas Series of strings (through Arrow), keeping its index and name."""
        import pandas as pd
        import pyarrow as pa

        arr = pa.Array.from_pandas(series, type=pa.large_string())
        out = _sanitize_arrow(self._engine, arr, threads)
        return pd.Series(out.to_pandas().to_numpy(), index=series.index, name=series.name)


def _buffers(array: "pa.Array") -> Tuple[bytes, bytes, Optional[bytes], int, int, bool]:
    import pyarrow as pa

    t = array.type
    if pa.types.is_large_string(t):
        large = True
    elif pa.types.is_string(t):
        large = False
    else:
        array = array.cast(pa.large_string())
        large = True
    validity, offsets, data = array.buffers()[:3]
    return (
        offsets.to_pybytes() if offsets is not None else b"\0" * (8 if large else 4),
        data.to_pybytes() if data is not None else b"",
        validity.to_pybytes() if validity is not None and array.null_count else None,
        array.offset,
        len(array),
        large,
    )


def _from_buffers(raw: Tuple[bytes, bytes, Optional[bytes]], length: int, like: Any) -> "pa.Array":
    import pyarrow as pa

    offs, data, valid = raw
    out = pa.Array.from_buffers(
        pa.large_string(),
        length,
        [None if valid is None else pa.py_buffer(valid), pa.py_buffer(offs), pa.py_buffer(data)],
    )
    if pa.types.is_string(like) and len(data) < (1 << 31) - 1:
        out = out.cast(pa.string())
    return out


def _sanitize_arrow(engine: Any, array: Any, threads: Optional[int], table: Any = None, group_ends: Optional[List[int]] = None) -> Any:
    import pyarrow as pa

    if isinstance(array, pa.ChunkedArray):
        if group_ends is not None:
            array = array.combine_chunks()
        else:
            return pa.chunked_array(
                [_sanitize_arrow(engine, c, threads, table) for c in array.chunks],
                type=array.type if pa.types.is_string(array.type) or pa.types.is_large_string(array.type) else pa.large_string(),
            )
    b = _buffers(array)
    raw = engine.sanitize_buffers(*b, threads=threads, table=table, group_ends=group_ends)
    return _from_buffers(raw, len(array), array.type)


def sanitize_arrow(array: "pa.Array", policy: PolicyLike = None, key: KeyLike = None, threads: Optional[int] = None) -> "pa.Array":
    """:meth:`Scrubber.sanitize_arrow` with a scrubber built from ``policy`` and ``key``."""
    return Scrubber(policy, key).sanitize_arrow(array, threads)


def restore(text: str, mapping: Union[Mapping, str, _MappingABC], strict: bool = False) -> str:
    """Puts the originals back into ``text`` (a reply written against sanitized output).
    ``mapping``: a :class:`Mapping`, its JSON, or the CLI's mapping document as a dict.
    Placeholders the mapping does not know are left as they are, or raise
    :class:`MappingError` when ``strict``."""
    if isinstance(mapping, Mapping):
        mj = mapping.json()
    elif isinstance(mapping, str):
        mj = mapping
    elif isinstance(mapping, _MappingABC):
        mj = json.dumps(dict(mapping))
    else:
        raise TypeError("mapping must be a logscrub.Mapping, its JSON or a dict")
    out, unknown = _logscrub.restore(text, mj)
    if strict and unknown:
        raise MappingError(
            f"{len(unknown)} placeholder(s) are not in the mapping: {', '.join(unknown)}"
        )
    return out
