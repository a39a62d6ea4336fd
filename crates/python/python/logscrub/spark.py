"""logscrub in Apache Spark: sanitize string columns of a DataFrame, consistently across
partitions, executors and runs.

    from logscrub.spark import sanitize_column, check

    clean = sanitize_column(df, "body", policy="policy.json", group_by="ticket_id")
    findings = check(df, "body")          # one row per finding, no values

Each batch of rows crosses to the Rust core as Arrow buffers (``mapInArrow``): no Python loop
per row. Two ways to keep pseudonyms consistent (see docs/spark.md):

- ``mode="keyed"`` (the default when a ``key`` is given): every category uses the ``hash``
  strategy (HMAC-SHA-256 with the job's key): ``[EMAIL:3f2a9c1d]`` is the same for the same
  value on every executor, in every run, with no state shared. One pass.
- ``mode="numbered"`` (the default without a key): a first pass collects the values each
  partition replaces, the driver merges them into one table numbered in a fixed order
  (label, then normalised value), broadcasts it, and the second pass replaces with it:
  ``[EMAIL-17]`` is the same value in every partition and, for the same data, in every run.
  ``mapping_path`` saves the table's mapping (for :func:`logscrub.restore`).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union

from . import (
    KeyLike,
    Mapping,
    PolicyLike,
    _buffers,
    _from_buffers,
    _key_bytes,
    _logscrub,
    _policy_json,
)

__all__ = ["sanitize_column", "check", "numbered_table"]

# Per Python worker process: compiled engines and tables, reused by every task it runs.
_ENGINES: Dict[Tuple[Optional[str], Optional[bytes]], Any] = {}
_TABLES: Dict[Tuple[str, Optional[str]], Any] = {}


def _engine(policy_json: Optional[str], key: Optional[bytes]) -> Any:
    e = _ENGINES.get((policy_json, key))
    if e is None:
        e = _logscrub.Engine(policy_json, key)
        _ENGINES[(policy_json, key)] = e
    return e


def _table(engine: Any, bc: Any, policy_json: Optional[str]) -> Any:
    """The broadcast table ``(token, values)``, built once per worker process."""
    token, values = bc
    t = _TABLES.get((token, policy_json))
    if t is None:
        t = engine.table(values.value)
        _TABLES[(token, policy_json)] = t
    return t


def _keyed_policy(policy_json: Optional[str]) -> str:
    """The policy with every numbering strategy turned into the keyed hash."""
    doc = json.loads(policy_json) if policy_json else {}
    doc["default_strategy"] = "hash"
    doc["strategies"] = {
        c: ("hash" if s in ("numbered", "partial", "fake") else s)
        for c, s in doc.get("strategies", {}).items()
    }
    return json.dumps(doc)


def _columns(column: Union[str, Sequence[str]]) -> List[str]:
    return [column] if isinstance(column, str) else list(column)


def _group_ends(batch: Any, group_by: Optional[str]) -> Optional[List[int]]:
    if group_by is None:
        return None
    import pyarrow.compute as pc

    g = batch.column(group_by)
    n = len(g)
    if n == 0:
        return []
    if n == 1:
        return [1]
    changed = pc.fill_null(pc.not_equal(g.slice(1), g.slice(0, n - 1)), True)
    idx = pc.indices_nonzero(changed).to_pylist()
    return [i + 1 for i in idx] + [n]


def _by_group(batches: Iterator[Any], group_by: Optional[str]) -> Iterator[Tuple[Any, Optional[List[int]]]]:
    """Batches cut at group boundaries: a group split by Spark's Arrow batching is carried
    to the next batch, so every group is processed whole."""
    import pyarrow as pa

    if group_by is None:
        for b in batches:
            yield b, None
        return
    carry = None
    for b in batches:
        if carry is not None and carry.num_rows:
            b = pa.Table.from_batches([carry, b]).combine_chunks().to_batches()[0]
        ends = _group_ends(b, group_by) or []
        if len(ends) <= 1:
            carry = b
            continue
        cut = ends[-2]
        carry = b.slice(cut)
        yield b.slice(0, cut), ends[:-1]
    if carry is not None and carry.num_rows:
        yield carry, _group_ends(carry, group_by)


def _grouped(df: Any, group_by: Optional[str], order_by: Optional[Sequence[str]], first: str) -> Any:
    if group_by is None:
        return df
    order = list(order_by) if order_by else [first]
    return df.repartition(df.rdd.getNumPartitions(), group_by).sortWithinPartitions(group_by, *order)


def numbered_table(
    df: Any,
    column: Union[str, Sequence[str]],
    policy: PolicyLike = None,
    key: KeyLike = None,
    group_by: Optional[str] = None,
    order_by: Optional[Sequence[str]] = None,
) -> Tuple[List[Tuple[str, str, str]], Mapping]:
    """The first pass of the numbered mode: the merged, sorted (label, category, value)
    list of every value the column(s) replace, and the mapping of the table it numbers."""
    policy_json = _policy_json(policy)
    kb = _key_bytes(key)
    return _learn(_grouped(df, group_by, order_by, _columns(column)[0]), _columns(column), policy_json, kb, group_by)


def _learn(df: Any, cols: List[str], policy_json: Optional[str], kb: Optional[bytes], group_by: Optional[str]) -> Tuple[List[Tuple[str, str, str]], Mapping]:
    def learn(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        engine = _engine(policy_json, kb)
        for b, ends in _by_group(batches, group_by):
            found = set()
            for c in cols:
                found.update(engine.table_values_buffers(*_buffers(b.column(c)), threads=1, group_ends=ends))
            if found:
                labels, cats, values = zip(*sorted(found))
                yield pa.RecordBatch.from_arrays(
                    [pa.array(labels), pa.array(cats), pa.array(values)],
                    names=["label", "category", "value"],
                )

    keep = cols + ([group_by] if group_by else [])
    learned = df.select(*keep).mapInArrow(learn, "label string, category string, value string").distinct()
    if hasattr(learned, "toArrow"):
        t = learned.toArrow()
        values = list(zip(*(t.column(n).to_pylist() for n in ("label", "category", "value"))))
    else:  # pragma: no cover - Spark < 4
        values = [tuple(r) for r in learned.collect()]
    values.sort()
    table = _engine(policy_json, kb).table(values)
    return values, Mapping(table.mapping_json())


def sanitize_column(
    df: Any,
    column: Union[str, Sequence[str]],
    policy: PolicyLike = None,
    key: KeyLike = None,
    group_by: Optional[str] = None,
    mode: Optional[str] = None,
    mapping_path: Optional[str] = None,
    order_by: Optional[Sequence[str]] = None,
    method: str = "arrow",
    mapping_passphrase: Optional[str] = None,
) -> Any:
    """The DataFrame with the string column(s) ``column`` sanitized.

    ``policy``: None, a dict or the path of a policy JSON file (read on the driver).
    ``key``: the secret of the keyed mode (>= 16 bytes). ``mode``: ``"keyed"`` (default when
    ``key`` is given) or ``"numbered"`` (default otherwise); see the module docs.
    ``group_by``: a column naming the ticket each row belongs to; a name or value learned
    from one row is replaced in the other rows of its ticket. The rows are then
    repartitioned by ticket and sorted by ``(group_by, *order_by)`` (default: by the first
    column sanitized), so the output's row order and partitioning change.
    ``mapping_path`` (numbered mode): where the driver saves the mapping, mode 0600;
    encrypted with ``mapping_passphrase`` when given (the page's format, see
    :meth:`logscrub.Mapping.save`).
    ``method``: ``"arrow"`` (mapInArrow, the default and faster) or ``"pandas"`` (a pandas
    UDF, kept for comparison; no ``group_by``).
    A row whose leak check fails fails the job (no output looks sanitized).
    """
    cols = _columns(column)
    policy_json = _policy_json(policy)
    kb = _key_bytes(key)
    if mode is None:
        mode = "keyed" if kb is not None else "numbered"
    if mode not in ("keyed", "numbered"):
        raise ValueError('mode must be "keyed" or "numbered"')
    if mode == "keyed":
        if kb is None:
            raise _logscrub.PolicyError("the keyed mode needs a key (at least 16 bytes)")
        policy_json = _keyed_policy(policy_json)
    _engine(policy_json, kb)  # policy and key errors surface here, on the driver
    df = _grouped(df, group_by, order_by, cols[0])
    bc = None
    if mode == "numbered":
        values, mapping = _learn(df, cols, policy_json, kb, group_by)
        if mapping_path is not None:
            mapping.save(mapping_path, mapping_passphrase)
        token = hashlib.sha256(json.dumps(values).encode()).hexdigest()
        bc = (token, df.sparkSession.sparkContext.broadcast(values))
    elif mapping_path is not None:
        raise ValueError("mapping_path needs the numbered mode (keyed hashes have no table)")
    if mapping_passphrase is not None and mapping_path is None:
        raise ValueError("mapping_passphrase needs mapping_path")

    if method == "pandas":
        if group_by is not None:
            raise ValueError('method="pandas" does not support group_by')
        return _with_pandas_udf(df, cols, policy_json, kb, bc)
    if method != "arrow":
        raise ValueError('method must be "arrow" or "pandas"')

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        engine = _engine(policy_json, kb)
        table = _table(engine, bc, policy_json) if bc is not None else None
        for b, ends in _by_group(batches, group_by):
            arrays = list(b.columns)
            for c in cols:
                i = b.schema.get_field_index(c)
                arr = b.column(i)
                raw = engine.sanitize_buffers(*_buffers(arr), threads=1, table=table, group_ends=ends)
                arrays[i] = _from_buffers(raw, len(arr), arr.type)
            yield pa.RecordBatch.from_arrays(arrays, schema=b.schema)

    return df.mapInArrow(run, df.schema)


def _with_pandas_udf(df: Any, cols: List[str], policy_json: Optional[str], kb: Optional[bytes], bc: Any) -> Any:
    import pandas
    from pyspark.sql import functions as F

    def scrub(s):  # type: ignore[no-untyped-def]
        import pandas as pd
        import pyarrow as pa

        engine = _engine(policy_json, kb)
        table = _table(engine, bc, policy_json) if bc is not None else None
        arr = pa.Array.from_pandas(s, type=pa.large_string())
        raw = engine.sanitize_buffers(*_buffers(arr), threads=1, table=table)
        out = _from_buffers(raw, len(arr), pa.large_string())
        return pd.Series(out.to_pylist(), index=s.index)

    # Spark reads the kind of pandas UDF from real (not postponed) annotations.
    scrub.__annotations__ = {"s": pandas.Series, "return": pandas.Series}
    udf = F.pandas_udf(scrub, "string")  # type: ignore[call-overload]
    for c in cols:
        df = df.withColumn(c, udf(F.col(c)))
    return df


def check(
    df: Any,
    column: Union[str, Sequence[str]],
    policy: PolicyLike = None,
    key: KeyLike = None,
    id_column: Optional[str] = None,
) -> Any:
    """What would be replaced, one row per finding: ``id`` (``id_column``'s value, or a
    generated row id), ``column``, ``category``, ``rule``, ``start``, ``end`` (code point
    offsets in the cell). Never the values themselves."""
    from pyspark.sql import functions as F

    cols = _columns(column)
    policy_json = _policy_json(policy)
    kb = _key_bytes(key)
    _engine(policy_json, kb)
    if id_column is None:
        df = df.withColumn("__logscrub_id", F.monotonically_increasing_id())
        id_column = "__logscrub_id"
    id_type = df.schema[id_column].dataType.simpleString()
    df = df.select(id_column, *cols)

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        engine = _engine(policy_json, kb)
        for b in batches:
            ids = b.column(0)
            for c in cols:
                found = engine.check_buffers(*_buffers(b.column(c)), threads=1)
                if not found:
                    continue
                rows, cats, rules, starts, ends = zip(*found)
                yield pa.RecordBatch.from_arrays(
                    [
                        ids.take(pa.array(rows, pa.int64())),
                        pa.array([c] * len(rows)),
                        pa.array(cats),
                        pa.array(rules),
                        pa.array(starts, pa.int64()),
                        pa.array(ends, pa.int64()),
                    ],
                    names=["id", "column", "category", "rule", "start", "end"],
                )

    schema = f"id {id_type}, column string, category string, rule string, start long, end long"
    return df.mapInArrow(run, schema)
