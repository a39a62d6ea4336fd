"""`npm run bench:python [-- --mb N]`: throughput of the Python package and of logscrub.spark
against the CLI on the same generated support records (many distinct people), and, when
presidio-analyzer is installed, Presidio in a pandas UDF on a slice.

Prints rows/s and MB/s for: the CLI on the records as one file; sanitize_many on 1 and 2
threads; Spark (local, keyed mode) with 1 and 2 partitions, mapInArrow and pandas UDF, and the
numbered mode (two passes). A benchmark, not a test: nothing here is asserted.
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / "target" / "release" / "logscrub"
KEY = b"benchmark key of at least 16 bytes"

FIRST = ["Amelia", "Bruno", "Chiara", "Dmitri", "Elif", "Farid", "Greta", "Hiroshi", "Ines", "Jonas",
         "Kwame", "Lucia", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tomasz"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Haddad", "Novak", "Brennan",
        "Fischer", "Silva", "Nakamura", "Petrov", "Walsh", "Costa", "Jensen", "Rossi"]
LINES = [
    "{ts} INFO auth: login failed for {email} from {ip} (attempt {n})",
    "{ts} WARN gateway: upstream 10.{a}.{b}.{c}:8443 timed out after {n} ms, request {uuid}",
    "Customer {first} {last} ({email}) says the app crashes on Windows 11 build 22631.{n}",
    "Agent: please call {first} back on {phone}, ticket CASE-{n}",
    "{ts} DEBUG sync: user={user} device={mac} version 6.1.{a}.{b} ok",
    "Hi {first}, thanks for the logs. Could you send the output of ipconfig /all?",
    "{ts} ERROR billing: card ending {last4} declined for account {email}",
]


def records(mb: float, seed: int = 7):
    rnd = random.Random(seed)
    out, size = [], 0
    while size < mb * 1e6:
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        n = rnd.randint(1, 99999)
        r = rnd.choice(LINES).format(
            ts=f"2024-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}T1{rnd.randint(0, 9)}:2{rnd.randint(0, 9)}:0{rnd.randint(0, 9)}Z",
            email=f"{first.lower()}.{last.lower()}{rnd.randint(1, 999)}@mail-{rnd.randint(1, 50)}.example.org",
            ip=f"{rnd.randint(11, 223)}.{rnd.randint(0, 255)}.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}",
            n=n, a=rnd.randint(0, 255), b=rnd.randint(0, 255), c=rnd.randint(1, 254),
            uuid="%08x-%04x-4%03x-a%03x-%012x" % (rnd.getrandbits(32), rnd.getrandbits(16), rnd.getrandbits(12), rnd.getrandbits(12), rnd.getrandbits(48)),
            first=first, last=last, phone=f"+44 20 7946 {rnd.randint(0, 9999):04d}",
            user=f"{first[0].lower()}{last.lower()}", last4=f"{rnd.randint(0, 9999):04d}",
            mac=":".join(f"{rnd.randint(0, 255):02x}" for _ in range(6)),
        )
        out.append(r)
        size += len(r.encode()) + 1
    return out


def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def line(name, rows, mbytes, secs, extra=""):
    print(f"{name:<44} {rows / secs:>11,.0f} rows/s {mbytes / secs:>8.2f} MB/s  ({secs:.2f} s){extra}", flush=True)
    return mbytes / secs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=float(os.environ.get("BENCH_MB", "32")),
                    help="size of the generated records in MB (the issue's figure is 1000)")
    ap.add_argument("--presidio-rows", type=int, default=2000)
    ap.add_argument("--skip-spark", action="store_true")
    a = ap.parse_args()

    import logscrub

    recs = records(a.mb)
    mbytes = sum(len(r.encode()) + 1 for r in recs) / 1e6
    print(f"{len(recs):,} records, {mbytes:.1f} MB (seed 7); {os.cpu_count()} cores", flush=True)
    res = {}

    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "records.log"
        f.write_text("\n".join(recs) + "\n", encoding="utf-8")
        t, c = time.perf_counter(), cpu_children()
        subprocess.run([str(CLI), str(f)], stdout=subprocess.DEVNULL, check=True)
        cpu = cpu_children() - c
        res["cli"] = line("CLI, one file (2 passes, 1 core)", len(recs), mbytes, time.perf_counter() - t,
                          f"  {mbytes / cpu:.2f} MB per CPU-s")
        keyed = Path(d) / "keyed.json"
        keyed.write_text(json.dumps({"default_strategy": "hash"}))
        keyf = Path(d) / "key"
        keyf.write_bytes(KEY)
        t, c = time.perf_counter(), cpu_children()
        subprocess.run([str(CLI), "--policy", str(keyed), "--key-file", str(keyf), str(f)],
                       stdout=subprocess.DEVNULL, check=True)
        cpu = cpu_children() - c
        res["cli_keyed_cpu"] = mbytes / cpu
        res["cli_keyed"] = line("CLI, one file, keyed hash", len(recs), mbytes, time.perf_counter() - t,
                                f"  {mbytes / cpu:.2f} MB per CPU-s")

    s = logscrub.Scrubber({"default_strategy": "hash"}, key=KEY)
    # CPU seconds are shown beside wall time: on a shared machine the wall clock measures
    # the neighbours; CPU/wall near the thread count shows the threads ran at once.
    for threads in (1, 2):
        t, c = time.perf_counter(), time.process_time()
        s.sanitize_many(recs, threads=threads)
        wall, cpu = time.perf_counter() - t, time.process_time() - c
        res[f"many{threads}_cpu"] = mbytes / cpu
        res[f"many{threads}"] = line(f"sanitize_many, {threads} thread(s), keyed", len(recs), mbytes, wall,
                                     f"  {mbytes / cpu:.2f} MB per CPU-s, CPU/wall {cpu / wall:.2f}")
    print(f"sanitize_many speed-up 2 threads vs 1: {res['many2'] / res['many1']:.2f}x (wall); "
          f"per CPU-second vs the CLI (keyed): {res['many1_cpu'] / res['cli_keyed_cpu']:.0%}")
    import pyarrow as pa
    arr = pa.array(recs)
    for threads in (1, 2):
        t = time.perf_counter()
        s.sanitize_arrow(arr, threads=threads)
        res[f"arrow{threads}"] = line(f"sanitize_arrow, {threads} thread(s), keyed", len(recs), mbytes, time.perf_counter() - t)

    if not a.skip_spark:
        os.environ["PYSPARK_PYTHON"] = sys.executable
        from pyspark.sql import SparkSession
        from logscrub.spark import sanitize_column

        spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
                 .config("spark.driver.memory", "4g").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        base = spark.createDataFrame([(r,) for r in recs], "body string")
        # Warm-up: JVM, Python workers and their engines, both methods, before any timing.
        for method in ("arrow", "pandas"):
            sanitize_column(base.limit(500), "body", key=KEY, method=method).write.format("noop").mode("overwrite").save()
        for parts in (1, 2):
            df = base.repartition(parts).cache()
            df.count()
            for method in ("arrow", "pandas"):
                t = time.perf_counter()
                sanitize_column(df, "body", key=KEY, method=method).write.format("noop").mode("overwrite").save()
                secs = time.perf_counter() - t
                r = line(f"Spark {parts} partition(s), keyed, {method}", len(recs), mbytes, secs,
                         f"  per core {mbytes / secs / parts:.2f} MB/s")
                res[f"spark{parts}{method}"] = r
            t = time.perf_counter()
            sanitize_column(df, "body").write.format("noop").mode("overwrite").save()
            res[f"spark{parts}num"] = line(f"Spark {parts} partition(s), numbered (2 passes)", len(recs), mbytes, time.perf_counter() - t)
            df.unpersist()
        per_core = res["spark2arrow"] / 2
        print(f"Spark per-core throughput vs the CLI (keyed): {per_core / res['cli_keyed']:.0%} "
              f"(2 partitions, mapInArrow); 1 partition: {res['spark1arrow'] / res['cli_keyed']:.0%}")

        try:
            presidio(spark, recs[: a.presidio_rows], s)
        except ImportError as e:
            print(f"Presidio: not run ({e})")
        spark.stop()


def presidio(spark, recs, s):
    """Presidio's analyzer + anonymizer in a pandas UDF on a slice. No spaCy model is
    installable from PyPI from its authors, so it runs with a blank English pipeline: its
    pattern recognizers only (no NER), i.e. less work than a real deployment does."""
    from presidio_analyzer import AnalyzerEngine  # noqa: F401
    import pandas as pd
    from pyspark.sql import functions as F

    def run(texts: pd.Series) -> pd.Series:
        import spacy
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import SpacyNlpEngine

        import tldextract

        # Offline: the bundled public-suffix snapshot, never a download.
        tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
        global _PRESIDIO
        try:
            engine = _PRESIDIO
        except NameError:
            class Blank(SpacyNlpEngine):
                def load(self):
                    self.nlp = {"en": spacy.blank("en")}
            nlp = Blank(models=[{"lang_code": "en", "model_name": "blank"}])
            nlp.load()
            engine = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
            _PRESIDIO = engine
        out = []
        for t in texts:
            found = engine.analyze(text=t, language="en")
            for r in sorted(found, key=lambda r: -r.start):
                t = t[: r.start] + f"<{r.entity_type}>" + t[r.end:]
            out.append(t)
        return pd.Series(out)

    mbytes = sum(len(r.encode()) + 1 for r in recs) / 1e6
    df = spark.createDataFrame([(r,) for r in recs], "body string").repartition(2).cache()
    df.count()
    udf = F.pandas_udf(run, "string")
    t = time.perf_counter()
    df.select(udf("body")).write.format("noop").mode("overwrite").save()
    p = line("Presidio (patterns only), pandas UDF, 2 parts", len(recs), mbytes, time.perf_counter() - t)
    from logscrub.spark import sanitize_column
    t = time.perf_counter()
    sanitize_column(df, "body", key=KEY).write.format("noop").mode("overwrite").save()
    l = line("logscrub on the same slice, 2 partitions", len(recs), mbytes, time.perf_counter() - t)
    print(f"logscrub vs Presidio on the slice: {l / p:.1f}x")


if __name__ == "__main__":
    main()
