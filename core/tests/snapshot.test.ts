import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { getAddress, sha256, stringToHex } from "viem";

import { dataPackage, snapshotCsvName } from "../src/api/datapackage.ts";
import { batchRequestSchema } from "../src/api/gateway.ts";
import { cidFromDigest } from "../src/cid.ts";
import { coSignedBatchMetadata } from "../src/co-signed-metadata.ts";
import { demoAgencyKeys, keySigner } from "../src/cosignature.ts";
import { DATASETS } from "../src/datasets.ts";
import { parseBatchMetadata } from "../src/metadata.ts";
import {
  SNAPSHOT_SCHEMA_ID,
  type SnapshotManifest,
  formatSnapshotManifest,
  parseSnapshotManifest,
  snapshotNumber,
  snapshotRequestKey,
  snapshotSlot,
} from "../src/snapshot.ts";

const file = (name: string, text: string) => ({ name, dataset: "documents", mediaType: "text/csv", sha256: sha256(stringToHex(text)), size: text.length, rows: 1 });
const manifest: SnapshotManifest = {
  schema: SNAPSHOT_SCHEMA_ID,
  number: "OPEN-DATA-2026-12-04T00:00Z",
  takenAt: "2026-12-04T00:00:05.000Z",
  source: "http://127.0.0.1:42069",
  indexedBlock: 120,
  files: [file("documents.csv", "id\r\n1\r\n"), file("proposals.csv", "id\r\n2\r\n")],
};

describe("open-data snapshots (core/src/snapshot.ts)", () => {
  it("numbers a snapshot by the start of its slot, and keys its gateway request by the slot", () => {
    const at = Date.parse("2026-12-04T14:33:20Z") / 1000;
    assert.equal(snapshotNumber(snapshotSlot(at, 86_400)), "OPEN-DATA-2026-12-04T00:00Z");
    assert.equal(snapshotNumber(snapshotSlot(at, 3_600)), "OPEN-DATA-2026-12-04T14:00Z");
    assert.equal(snapshotRequestKey(snapshotSlot(at, 86_400)), snapshotRequestKey(snapshotSlot(at + 3_600, 86_400)));
    assert.notEqual(snapshotRequestKey(snapshotSlot(at, 86_400)), snapshotRequestKey(snapshotSlot(at + 86_400, 86_400)));
  });

  it("reads back the manifest it writes, and refuses one that names a file twice or by a path", () => {
    assert.deepEqual(parseSnapshotManifest(formatSnapshotManifest(manifest)), manifest);
    assert.throws(() => parseSnapshotManifest({ ...manifest, files: [manifest.files[0], manifest.files[0]] }), /files: must not name a file twice/);
    assert.throws(() => parseSnapshotManifest({ ...manifest, files: [{ ...manifest.files[0], name: "../etc/passwd" }] }), /files\.0\.name: must be a plain file name/);
    assert.throws(() => parseSnapshotManifest({ ...manifest, files: [{ ...manifest.files[0], sha256: "0xABC" }] }), /files\.0\.sha256/);
  });

  it("describes the snapshot's own CSV files in its data package (relative paths, every row)", () => {
    const pkg = dataPackage("https://data.example.kz", manifest.takenAt, { inSnapshot: true });
    const csvSets = DATASETS.filter((d) => d.formats.includes("csv"));
    assert.deepEqual(pkg.resources.map((r) => r.path), csvSets.map((d) => snapshotCsvName(d.key)));
    assert.ok(pkg.resources.every((r) => r.description.endsWith("Every row, newest first, as of the snapshot.")));
    assert.ok(dataPackage("https://data.example.kz", manifest.takenAt).resources.every((r) => r.path.startsWith("https://data.example.kz/api/v1/")));
  });

  it("names the manifest in the co-signed batch metadata, which the chain's digest then binds", async () => {
    const manifestCid = cidFromDigest(sha256(formatSnapshotManifest(manifest)));
    const batch = await coSignedBatchMetadata(
      { type: "notice", agency: { id: 3, name: "Office of the Government" }, number: manifest.number, title: { kk: "к", ru: "р", en: "e" }, dates: { adopted: "2026-12-04" }, mediaType: "multipart/mixed", contentHashes: manifest.files.map((f) => f.sha256), manifestCid },
      keySigner(demoAgencyKeys(3)),
      31337,
      getAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3"),
    );
    assert.equal(parseBatchMetadata(batch.metadata).batch.manifestCid, manifestCid);
    const request = { type: "notice", number: manifest.number, title: { kk: "к", ru: "р", en: "e" }, dates: { adopted: "2026-12-04" }, mediaType: "multipart/mixed", contentHashes: [manifest.files[0]?.sha256] };
    assert.equal(batchRequestSchema.safeParse({ ...request, manifestCid }).success, true);
    const refused = batchRequestSchema.safeParse({ ...request, manifestCid: "QmNotARawSha256Cid" });
    assert.equal(refused.success, false);
    assert.match(refused.error?.issues[0]?.message ?? "", /CIDv1 \(raw, sha2-256\)/);
  });
});
