/**
 * Signed checkpoints of the audit chain, kept outside the database: the chain's head (position and hash)
 * signed with the server's SM2 key, one file per checkpoint in the checkpoint folder, and a digest short
 * enough to write down or send to the county office. Someone who cuts rows from the chain's tail and moves
 * its head back can make the database agree with itself, but not with a checkpoint written before: `jkda
 * audit verify` reports `cut_tail` for every checkpoint past the chain's end.
 *
 * The server writes one when the county's day changes and when it stops; `jkda audit checkpoint` writes one
 * on demand.
 */
import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';

const KIND = 'jkda-audit-checkpoint';

interface Payload {
  kind: typeof KIND;
  version: 1;
  chainPos: number;
  hash: string;
  /** When the head was sealed, and when the checkpoint was written (ISO). */
  sealedAt: string;
  writtenAt: string;
}

/** A checkpoint read back from its file. */
export interface Checkpoint {
  file: string;
  chainPos: number;
  hash: string;
  writtenAt: string;
  /** Whether its SM2 signature verifies with the server's public key. */
  signatureOk: boolean;
}

/** The SM3 digest of a checkpoint, in groups of 8 hex digits for reading aloud or writing down. */
export function checkpointDigest(payload: string): string {
  const hex = crypto.createHash('sm3').update(payload).digest('hex');
  return hex.match(/.{8}/g)!.join(' ');
}

const fileName = (day: string, p: Payload) =>
  `audit-checkpoint-${day}-${p.writtenAt.slice(11, 19).replace(/:/g, '')}-${p.chainPos}.json`;

/**
 * Writes a checkpoint of the chain's head as it is now (nothing when nothing is sealed yet). `day` is the
 * county's local date, the file name's first part. Written to a temporary name and renamed, owner-only.
 */
export async function writeCheckpoint(
  db: Kysely<DB>,
  keys: { checkpointPrivate: KeyObject; checkpointPublic: KeyObject },
  dir: string,
  day: string,
): Promise<{ file: string; digest: string; chainPos: number } | null> {
  const head = await db
    .selectFrom('audit_chain_head')
    .select(['chain_pos', 'hash', 'sealed_at'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!head) return null;
  const p: Payload = {
    kind: KIND,
    version: 1,
    chainPos: head.chain_pos,
    hash: head.hash,
    sealedAt: head.sealed_at.toISOString(),
    writtenAt: new Date().toISOString(),
  };
  const payload = JSON.stringify(p);
  const signature = crypto.sign('sm3', Buffer.from(payload), keys.checkpointPrivate).toString('base64');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Whoever checks the checkpoints off this machine needs the public key beside them.
  const pub = path.join(dir, 'checkpoint-sm2.pub.pem');
  if (!fs.existsSync(pub))
    fs.writeFileSync(pub, keys.checkpointPublic.export({ type: 'spki', format: 'pem' }).toString());
  const file = path.join(dir, fileName(day, p));
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify({ payload, signature }, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return { file, digest: checkpointDigest(payload), chainPos: p.chainPos };
}

/** Whether a checkpoint of this county day is already in the folder. */
export function hasCheckpointOf(dir: string, day: string): boolean {
  if (!fs.existsSync(dir)) return false;
  return fs.readdirSync(dir).some((f) => f.startsWith(`audit-checkpoint-${day}-`) && f.endsWith('.json'));
}

/** Reads every checkpoint file of a folder (or one file). A file that cannot be read counts as unsigned. */
export function readCheckpoints(where: string, publicKey: KeyObject): Checkpoint[] {
  if (!fs.existsSync(where)) return [];
  const files = fs.statSync(where).isDirectory()
    ? fs
        .readdirSync(where)
        .filter((f) => /^audit-checkpoint-.*\.json$/.test(f))
        .sort()
        .map((f) => path.join(where, f))
    : [where];
  return files.map((file) => {
    try {
      const { payload, signature } = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        payload: string;
        signature: string;
      };
      const p = JSON.parse(payload) as Payload;
      const signatureOk =
        p.kind === KIND &&
        crypto.verify('sm3', Buffer.from(payload), publicKey, Buffer.from(signature, 'base64'));
      return { file, chainPos: p.chainPos, hash: p.hash, writtenAt: p.writtenAt, signatureOk };
    } catch {
      return { file, chainPos: 0, hash: '', writtenAt: '', signatureOk: false };
    }
  });
}
