"""The Python API: results, offsets, errors, threads, streams, Arrow and pandas."""

import json
import os

import pytest

import logscrub
from logscrub import LeakError, PolicyError, Scrubber

KEY = b"a test key of at least 16 bytes"


def test_sanitize_text_findings_mapping_report():
    s = Scrubber({"strategies": {"ipv4": "partial"}})
    text = "Mail bob@contoso.com from 10.1.2.3"
    r = s.sanitize(text)
    assert r.text == "Mail [EMAIL-1] from 10.1.2.[IPV4-1]"
    assert [(f.category, text[f.start:f.end]) for f in r.findings] == [
        ("email", "bob@contoso.com"),
        ("ipv4", "10.1.2.3"),
    ]
    assert r.mapping.as_dict() == {"[EMAIL-1]": "bob@contoso.com", "10.1.2.[IPV4-1]": "10.1.2.3"}
    assert r.report["findings"] == 2 and r.report["residual"] == 0
    # A report and a repr never hold an original value.
    assert "bob@" not in json.dumps(r.report) and "bob@" not in repr(r.mapping)


def test_offsets_are_code_points_of_the_input():
    text = "Grüße — 🙂 écrire à jürgen@exämple.com ou 2001:db8::1"
    r = Scrubber().sanitize(text)
    got = {f.category: text[f.start:f.end] for f in r.findings}
    assert got["email"] == "jürgen@exämple.com"
    assert got["ipv6"] == "2001:db8::1"


def test_check_equals_the_findings_of_sanitize():
    s = Scrubber()
    text = "call +44 20 7946 0958 or mail a.b@contoso.com"
    assert s.check(text) == s.sanitize(text).findings
    assert {f.category for f in s.check(text)} == {"phone", "email"}


def test_restore_round_trip_and_strict():
    s = Scrubber()
    r = s.sanitize("ticket from jane.roe@contoso.com, IP 203.0.113.77")
    reply = f"Dear {r.findings[0].replacement}, we blocked {r.findings[1].replacement}"
    assert logscrub.restore(reply, r.mapping) == "Dear jane.roe@contoso.com, we blocked 203.0.113.77"
    assert logscrub.restore(reply, r.mapping.json()) == logscrub.restore(reply, r.mapping)
    with pytest.raises(logscrub.MappingError):
        logscrub.restore("who is [EMAIL-9]?", r.mapping, strict=True)
    assert logscrub.restore("who is [EMAIL-9]?", r.mapping) == "who is [EMAIL-9]?"


def test_policy_from_dict_and_path(tmp_path):
    p = tmp_path / "policy.json"
    p.write_text(json.dumps({"strategies": {"email": "label"}}))
    assert Scrubber(str(p)).sanitize("a@contoso.com").text == "[EMAIL]"
    assert Scrubber(p).sanitize("a@contoso.com").text == "[EMAIL]"
    with pytest.raises(PolicyError, match="unknown field"):
        Scrubber({"strategy": {}})
    with pytest.raises(PolicyError, match="cannot read policy"):
        Scrubber(str(tmp_path / "missing.json"))
    assert isinstance(PolicyError("x"), logscrub.Error)


def test_hash_needs_a_key_and_is_stable():
    with pytest.raises(PolicyError, match="needs a secret key"):
        Scrubber({"default_strategy": "hash"})
    with pytest.raises(PolicyError, match="at least 16"):
        Scrubber({"default_strategy": "hash"}, key=b"short")
    a = Scrubber({"default_strategy": "hash"}, key=KEY).sanitize("x bob@contoso.com").text
    b = Scrubber({"default_strategy": "hash"}, key=KEY.decode()).sanitize("y BOB@contoso.com").text
    assert a.startswith("x [EMAIL:") and a[2:] == b[2:]


def test_sanitize_many_equals_one_by_one_in_order():
    s = Scrubber()
    texts = [f"user{i}@contoso.com from 10.0.{i % 7}.{i % 200}" for i in range(300)] + ["", "nothing here"]
    many = s.sanitize_many(texts, threads=2)
    assert [r.text for r in many] == [s.sanitize(t).text for t in texts]
    assert [r.text for r in s.sanitize_many(texts, threads=1)] == [r.text for r in many]


def test_stream_two_pass_equals_whole_text():
    s = Scrubber()
    # `Quillon` is in no name list and `ticket for` is no context phrase (`opened by` is):
    # only the `From:` header at the end says it is a name.
    text = ("ticket for Quillon, reach her as q.roe@contoso.com.au\n"
            + "status unchanged\n" * 5000
            + "From: Quillon Roe <q.roe@contoso.com.au>\n")
    chunks = [text[i:i + 4096] for i in range(0, len(text), 4096)]
    whole = s.sanitize(text).text
    assert "Quillon" not in whole
    assert "".join(s.sanitize_chunks(chunks, again=chunks)) == whole
    forward = "".join(s.sanitize_chunks(chunks))
    assert forward.startswith("ticket for Quillon")  # forward-only: documented


def test_sanitize_file_writes_atomically(tmp_path):
    src = tmp_path / "in.log"
    src.write_bytes("mail a@contoso.com \xff bad byte\n".encode("latin-1"))
    dst = tmp_path / "out.log"
    st = Scrubber().sanitize_file(src, dst)
    assert dst.read_text(encoding="utf-8") == "mail [EMAIL-1] \ufffd bad byte\n"
    assert st.mapping.as_dict() == {"[EMAIL-1]": "a@contoso.com"}
    assert not list(tmp_path.glob("*.logscrub-partial"))


def test_leak_error_is_an_error():
    assert issubclass(LeakError, logscrub.Error)


def test_arrow_array_nulls_slices_chunks_and_types():
    pa = pytest.importorskip("pyarrow")
    s = Scrubber()
    values = ["x bob@contoso.com", None, "call +44 20 7946 0958", "", "plain"] * 20
    for typ in (pa.string(), pa.large_string()):
        arr = pa.array(values, type=typ)
        out = s.sanitize_arrow(arr, threads=2)
        assert out.type == typ
        assert out.to_pylist() == [None if v is None else s.sanitize(v).text for v in values]
        sliced = s.sanitize_arrow(arr.slice(3, 11))
        assert sliced.to_pylist() == out.to_pylist()[3:14]
    chunked = pa.chunked_array([values[:7], values[7:]])
    assert s.sanitize_arrow(chunked).to_pylist() == s.sanitize_arrow(pa.array(values)).to_pylist()


def test_pandas_series():
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    ser = pd.Series(["a@contoso.com", None, "10.1.2.3"], index=[5, 6, 7], name="body")
    out = Scrubber().sanitize_series(ser)
    assert list(out.index) == [5, 6, 7] and out.name == "body"
    assert out[5] == "[EMAIL-1]" and out[6] is None and out[7] == "[IPV4-1]"


def test_default_policy_round_trips():
    p = logscrub.default_policy()
    assert p["default_strategy"] == "numbered"
    assert Scrubber(p).policy == p


# The page's own decryption (www/src/crypto.ts), in Node's WebCrypto: what the page does with
# a mapping file written here, and how it writes one.
_NODE_OPEN = r"""
const fs = await import("node:fs");
const doc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const b = (s) => Uint8Array.from(Buffer.from(s, "base64"));
const base = await crypto.subtle.importKey("raw", new TextEncoder().encode(process.env.PASS), "PBKDF2", false, ["deriveKey"]);
const key = await crypto.subtle.deriveKey({ name: "PBKDF2", salt: b(doc.salt), iterations: doc.iterations, hash: "SHA-256" }, base, { name: "AES-GCM", length: 256 }, false, ["decrypt"]);
const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: b(doc.iv) }, key, b(doc.data));
process.stdout.write(new TextDecoder().decode(plain));
"""

_NODE_SEAL = r"""
const salt = crypto.getRandomValues(new Uint8Array(16));
const iv = crypto.getRandomValues(new Uint8Array(12));
const base = await crypto.subtle.importKey("raw", new TextEncoder().encode(process.env.PASS), "PBKDF2", false, ["deriveKey"]);
const key = await crypto.subtle.deriveKey({ name: "PBKDF2", salt, iterations: 600000, hash: "SHA-256" }, base, { name: "AES-GCM", length: 256 }, false, ["encrypt"]);
const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(process.env.MAPPING));
const b64 = (u) => Buffer.from(new Uint8Array(u)).toString("base64");
process.stdout.write(JSON.stringify({ format: "logscrub-mapping-v1", kdf: "PBKDF2-SHA256", iterations: 600000, cipher: "AES-256-GCM", salt: b64(salt), iv: b64(iv), data: b64(data) }));
"""


def test_encrypted_mapping_round_trip_and_page_format(tmp_path):
    import shutil
    import subprocess

    r = Scrubber().sanitize("Ticket from Jane Roe <jane.roe@contoso.com>, call +1 415 555 0199")
    assert len(r.mapping) >= 2
    path = tmp_path / "map.enc.json"
    r.mapping.save(path, "correct horse battery")
    raw = path.read_text()
    assert (path.stat().st_mode & 0o777) == 0o600
    assert "jane" not in raw.lower() and "555" not in raw
    assert json.loads(raw)["format"] == "logscrub-mapping-v1"
    assert logscrub.Mapping.load(path, "correct horse battery").json() == r.mapping.json()
    with pytest.raises(logscrub.MappingError, match="passphrase"):
        logscrub.Mapping.load(path)
    with pytest.raises(logscrub.MappingError, match="wrong passphrase"):
        logscrub.Mapping.load(path, "wrong")
    # A plain mapping loads without a passphrase, as before.
    plain = tmp_path / "map.json"
    r.mapping.save(plain)
    assert logscrub.Mapping.load(plain).json() == r.mapping.json()
    # The page opens what Python wrote, and Python opens what the page writes.
    node = shutil.which("node")
    assert node, "node is needed to check the page's format"
    env = dict(os.environ, PASS="correct horse battery", MAPPING=r.mapping.json())
    out = subprocess.run([node, "--input-type=module", "-e", _NODE_OPEN, str(path)],
                         env=env, capture_output=True, text=True, check=True).stdout
    assert out == r.mapping.json()
    sealed = subprocess.run([node, "--input-type=module", "-e", _NODE_SEAL],
                            env=env, capture_output=True, text=True, check=True).stdout
    from_page = tmp_path / "from-page.json"
    from_page.write_text(sealed)
    back = logscrub.Mapping.load(from_page, "correct horse battery")
    assert logscrub.restore("Reply to [EMAIL-1]", back) == "Reply to jane.roe@contoso.com"
