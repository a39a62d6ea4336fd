"""Shared fixtures: the release CLI, the corpus (skipped when absent), a local Spark."""

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT.parent / "shared" / "corpus"
CLI = ROOT / "target" / "release" / "logscrub"
KEY = b"a test key of at least 16 bytes"


@pytest.fixture(scope="session")
def cli():
    if not CLI.exists():
        pytest.skip("the release CLI is not built (scripts/python-setup.sh builds it)")
    return CLI


@pytest.fixture(scope="session")
def corpus():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return CORPUS


@pytest.fixture(scope="session")
def spark():
    pytest.importorskip("pyspark")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    s = (
        SparkSession.builder.master("local[2]")
        .appName("logscrub-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


FIRST = ["Amelia", "Bruno", "Chiara", "Dmitri", "Elif", "Farid", "Greta", "Hiroshi", "Ines", "Jonas"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Haddad", "Novak", "Brennan"]


def zendesk_export(seed: int = 17, tickets: int = 40):
    """A Zendesk-style JSON export (tickets with comments), generated from a fixed seed."""
    rnd = random.Random(seed)
    out = []
    for t in range(tickets):
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        email = f"{first.lower()}.{last.lower()}{rnd.randint(1, 99)}@customer-mail.com"
        ip = f"{rnd.choice([10, 172, 192])}.{rnd.randint(0, 255)}.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}"
        phone = f"+44 20 7946 {rnd.randint(0, 9999):04d}"
        comments = [
            {"author_id": 1000 + t, "public": True,
             "body": f"Hello, I cannot sign in since yesterday. My account is {email}.\n\nThanks,\n{first} {last}"},
            {"author_id": 7, "public": True,
             "body": f"Hi {first}, could you tell us the IP you connect from and a phone number to call?"},
            {"author_id": 1000 + t, "public": True,
             "body": f"Sure: {ip}, phone {phone}. Regards, {first}"},
            {"author_id": 7, "public": False,
             "body": f"Internal note: customer {first} {last} is on the legacy plan, check {ip}"},
        ]
        out.append({"id": 5000 + t, "subject": f"Sign-in problem #{5000 + t}",
                    "requester": {"name": f"{first} {last}", "email": email}, "comments": comments})
    return out


def corpus_rows(corpus: Path):
    """(source, ticket, text) rows from the corpus plus the generated export."""
    rows = []
    for f in sorted((corpus / "loghub" / "raw").glob("*.log")):
        lines = f.read_text(encoding="utf-8", errors="replace").splitlines()
        rows += [("loghub", None, l) for l in lines[:40] if l.strip()]
    dialogues = json.loads((corpus / "ubuntu-dialogue-pimlico" / "dialogues_small.json").read_text())
    rows += [("ubuntu", None, d["text"][:4000]) for d in dialogues[:120]]
    presidio = json.loads((corpus / "presidio-research" / "synth_dataset_v2.json").read_text())
    rows += [("presidio", None, d["full_text"]) for d in presidio[:200]]
    for t in zendesk_export():
        head = {"ticket_id": t["id"], "subject": t["subject"], "requester": t["requester"]}
        rows.append(("zendesk", t["id"], json.dumps(head)))
        for c in t["comments"]:
            rows.append(("zendesk", t["id"], json.dumps({"ticket_id": t["id"], **c})))
    return rows


def run_cli(cli, args, **kw):
    return subprocess.run([str(cli), *map(str, args)], capture_output=True, **kw)
