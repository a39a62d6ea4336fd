// The store-only ZIP writer of "Download all", run in Node on real Blobs.
import { expect, test } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { crc32, uniqueNames, zip } from "../../www/src/zip";
import { readStoredZip } from "./helpers";

test("crc32 is the IEEE CRC-32 (check value of '123456789'), also when continued", () => {
  const bytes = new TextEncoder().encode("123456789");
  expect(crc32(bytes)).toBe(0xcbf43926);
  expect(crc32(bytes.subarray(4), crc32(bytes.subarray(0, 4)))).toBe(0xcbf43926);
  expect(crc32(new Uint8Array())).toBe(0);
});

test("a stored zip holds every entry under its UTF-8 name, byte for byte; unzip agrees", async ({}, info) => {
  const big = new Uint8Array(3_000_000).map((_, i) => (i * 7 + 3) & 0xff);
  const entries = [
    { name: "ticket-4711.sanitized.json", data: new Blob(['{"from":"[EMAIL-1]"}']) },
    { name: "überweisung €.sanitized.txt", data: new Blob(["café [IPV4-1]\n"]) },
    { name: "empty.sanitized.log", data: new Blob([]) },
    { name: "reports/big.bin", data: new Blob([big.subarray(0, 1_000_000), new Blob([big.subarray(1_000_000)])]) },
  ];
  const blob = await zip(entries, () => false, new Date(2024, 0, 15, 9, 23, 12));
  const buf = Buffer.from(await blob.arrayBuffer());
  const files = readStoredZip(buf);
  expect([...files.keys()]).toEqual(entries.map((e) => e.name));
  for (const e of entries) expect(Buffer.compare(files.get(e.name)!, Buffer.from(await e.data.arrayBuffer()))).toBe(0);
  if (existsSync("/usr/bin/unzip")) {
    const path = info.outputPath("t.zip");
    writeFileSync(path, buf);
    const r = spawnSync("unzip", ["-t", path], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toContain("No errors detected");
    expect(r.status).toBe(0);
    const list = spawnSync("unzip", ["-Z", "-T", path], { encoding: "utf8" }).stdout;
    expect(list).toContain("20240115.092312");
  }
});

test("zip refuses clearly what would need ZIP64, and stops when cancelled", async () => {
  const huge = { size: 2 ** 32, stream: () => new Blob([]).stream() } as unknown as Blob;
  await expect(zip([{ name: "huge.log", data: huge }])).rejects.toThrow(/4 GB or more.*ZIP64/);
  const many = Array.from({ length: 70_000 }, (_, i) => ({ name: `f${i}`, data: new Blob([]) }));
  await expect(zip(many)).rejects.toThrow(/Too many files/);
  await expect(zip([{ name: "a", data: new Blob(["x"]) }], () => true)).rejects.toThrow("Cancelled.");
});

test("archive names are unique and have no folders", () => {
  expect(uniqueNames(["a.log", "A.log", "a.log", "x/y.txt", "..", ""])).toEqual(["a.log", "A (2).log", "a (3).log", "x_y.txt", "_", "file"]);
});
