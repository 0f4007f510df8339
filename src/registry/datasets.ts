import { mkdir, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { EXTENSIONS, openRecords } from '../data/open.js';
import { msg } from '../i18n/text.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { may } from './access.js';
import { audit, nowText, type RegistryContext } from './context.js';
import { bytesDigest } from './digest.js';
import type { Actor, Outcome } from './outcome.js';
import type { DatasetRecord } from './records.js';
import { notFound, refuse } from './refuse.js';

/** 256 MiB: a business unit's customer base as CSV; larger data belongs in a warehouse (issue 17). */
export const DEFAULT_MAX_DATASET_BYTES = 256 * 1024 * 1024;

// Shown, never used as a path: no separators, no control characters, not . or ..
const NAME = /^(?!\.\.?$)[^/\\\p{Cc}]{1,200}$/u;

export interface Upload {
  businessUnit: string;
  name: string;
  kind: DatasetRecord['kind'];
  bytes: Uint8Array;
  maxBytes?: number;
}

/**
 * Keeps an uploaded customer list or transaction log. The bytes go to a content-addressed file
 * (written whole, then renamed) and are read through once with the readers every command uses;
 * only a file that reads is recorded, so a crash or a refusal leaves no dataset half-stored.
 */
export async function uploadDataset(
  ctx: RegistryContext,
  actor: Actor,
  upload: Upload,
): Promise<Outcome<DatasetRecord>> {
  const denied = may(actor, 'upload', upload.businessUnit);
  if (denied) return denied;
  if (!NAME.test(upload.name))
    return refuse('invalid', 'TW1215', msg('registry.badDatasetName', { name: upload.name.slice(0, 200) }), {
      pointer: '/name',
    });
  const format = EXTENSIONS[extname(upload.name).toLowerCase()];
  if (format === undefined) {
    // openRecords names the formats it reads, without opening anything, for a name it cannot read.
    const opened = await openRecords(upload.name);
    return { refused: 'invalid', diagnostics: 'code' in opened ? [opened] : [] };
  }
  const limit = upload.maxBytes ?? DEFAULT_MAX_DATASET_BYTES;
  if (upload.bytes.byteLength > limit)
    return refuse(
      'invalid',
      'TW1215',
      msg('registry.datasetTooLarge', { bytes: upload.bytes.byteLength, limit }),
    );
  const digest = bytesDigest(upload.bytes);
  const relative = join('datasets', `${digest.slice('sha256:'.length)}.${format}`);
  const path = join(ctx.dataDir, relative);
  await mkdir(join(ctx.dataDir, 'datasets'), { recursive: true });
  await writeFileAtomic(path, upload.bytes);
  const rows = await countRows(path, upload.name);
  if (typeof rows !== 'number') {
    const used = await ctx.store.read(async (r) => (await r.listDatasets()).some((d) => d.path === relative));
    if (!used) await rm(path, { force: true });
    return { refused: 'invalid', diagnostics: rows };
  }
  const at = nowText(ctx);
  return ctx.store.write(async (tx) => {
    const record: DatasetRecord = {
      id: `ds-${await tx.nextId('ds')}`,
      businessUnit: upload.businessUnit,
      name: upload.name,
      kind: upload.kind,
      path: relative,
      format,
      bytes: upload.bytes.byteLength,
      digest,
      rows,
      uploadedBy: actor.name,
      uploadedAt: at,
    };
    await tx.insertDataset(record);
    await audit(tx, {
      at,
      actor: actor.name,
      action: 'dataset.upload',
      subject: record.id,
      after: digest,
      reason: record.name,
    });
    return record;
  });
}

/** Reads the file through; the diagnostics name the dataset, never the server's path. */
async function countRows(path: string, name: string) {
  const source = await openRecords(path);
  const named = <T extends { file?: string }>(d: T): T => ({ ...d, file: name });
  if ('code' in source) return [named(source)];
  let rows = 0;
  for await (const record of source.records()) if (!('problem' in record && record.problem)) rows++;
  return rows;
}

/** Where a dataset's bytes are, for a reader allowed to see the business unit's data. */
export async function datasetFile(
  ctx: RegistryContext,
  actor: Actor,
  id: string,
): Promise<Outcome<{ dataset: DatasetRecord; path: string }>> {
  const dataset = await ctx.store.read((r) => r.getDataset(id));
  if (!dataset) return notFound('dataset', id);
  // Customer data is the business unit's: reading it needs the unit in the token, like a write.
  const denied = may(actor, 'readData', dataset.businessUnit);
  if (denied) return denied;
  return { dataset, path: join(ctx.dataDir, dataset.path) };
}
