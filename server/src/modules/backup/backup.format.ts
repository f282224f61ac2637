/**
 * The backup file: a plaintext header that holds no personal data, then the body compressed (gzip) and
 * encrypted (SM4-CTR), then an HMAC-SM3 over everything before it (encrypt-then-MAC).
 *
 *   "JKDABAK\n"  8 bytes magic
 *   u32 BE       length of the header
 *   header       JSON (BackupHeader): format, time, migration level, tables with their columns, row counts
 *                and content digests, sequences, the salt and IV, the key id
 *   body         SM4-CTR(gzip(frames)); frames: per table in header order, each row as u32 BE length +
 *                the row's PostgreSQL text form, then END_TABLE; after the last table END_BODY
 *   mac          32 bytes HMAC-SM3(macKey, everything above)
 *
 * Both keys come from the 16-byte backup key by HKDF-SM3 with the file's random salt, so no two files
 * share a key stream; the key id (an HMAC of a constant) tells a wrong key from a damaged file.
 */
import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

export const MAGIC = Buffer.from('JKDABAK\n', 'latin1');
export const FORMAT_VERSION = 1;
const MAC_BYTES = 32;
const MAX_HEADER_BYTES = 64 * 1024 * 1024;
export const END_TABLE = 0xffffffff;
export const END_BODY = 0xfffffffe;

export interface ColumnInfo {
  name: string;
  /** format_type() of the column, e.g. `bigint`, `text[]`, `numeric(5,2)`. */
  type: string;
  /** A stored generated column: in the row text, recomputed on restore. */
  generated: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** Primary key columns (the order rows are read in); empty: read in ctid order. */
  key: string[];
}

export interface TableDigest {
  rows: number;
  /** Order-independent digest of the rows' text forms (backup.snapshot.ts `tableDigests`). */
  digest: string;
}

export interface BackupHeader {
  format: number;
  createdAt: string;
  /** `postgres://host:port/database` (no user or password) or `pglite:<folder>`. */
  source: string;
  kind: 'pglite' | 'postgres';
  serverVersion: string;
  migrations: { id: number; name: string; checksum: string }[];
  tables: (TableInfo & TableDigest)[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  cipher: 'sm4-ctr';
  mac: 'hmac-sm3';
  compression: 'gzip';
  salt: string;
  iv: string;
  keyId: string;
}

export class BackupFileError extends Error {}

export function keyId(key: Buffer): string {
  return crypto.createHmac('sm3', key).update('jkda backup key id').digest('hex').slice(0, 16);
}

function deriveKeys(key: Buffer, salt: Buffer): { enc: Buffer; mac: Buffer } {
  const okm = Buffer.from(crypto.hkdfSync('sm3', key, salt, 'jkda backup sm4-ctr + hmac-sm3', 48));
  return { enc: okm.subarray(0, 16), mac: okm.subarray(16) };
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** Length-prefixed frame of one row's text form. */
export function rowFrame(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  return Buffer.concat([u32(body.length), body]);
}
export const endTableFrame = (): Buffer => u32(END_TABLE);
export const endBodyFrame = (): Buffer => u32(END_BODY);

/** Passes bytes through while feeding them to an HMAC; `prefix` goes first (already in the HMAC). */
class MacTap extends Transform {
  constructor(
    private readonly hmac: crypto.Hmac,
    private readonly appendMac: boolean,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hmac.update(chunk);
    cb(null, chunk);
  }
  override _flush(cb: TransformCallback): void {
    cb(null, this.appendMac ? this.hmac.digest() : undefined);
  }
}

export type BackupSeal = Pick<BackupHeader, 'salt' | 'iv' | 'keyId' | 'cipher' | 'mac' | 'compression'>;

export function newSeal(key: Buffer): BackupSeal {
  return {
    cipher: 'sm4-ctr',
    mac: 'hmac-sm3',
    compression: 'gzip',
    salt: crypto.randomBytes(16).toString('hex'),
    iv: crypto.randomBytes(16).toString('hex'),
    keyId: keyId(key),
  };
}

/**
 * Writes a backup file at `file` (created new, 0600): the header, then the body from `frames` compressed,
 * encrypted and MACed as it streams, then the MAC; fsyncs it. Never holds more than a few chunks.
 */
export async function writeBackupFile(
  file: string,
  key: Buffer,
  header: BackupHeader,
  frames: AsyncIterable<Buffer>,
  opts: { level?: number } = {},
): Promise<void> {
  const { enc, mac } = deriveKeys(key, Buffer.from(header.salt, 'hex'));
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const preamble = Buffer.concat([MAGIC, u32(json.length), json]);
  const hmac = crypto.createHmac('sm3', mac).update(preamble);
  const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
  const tap = new MacTap(hmac, true);
  out.write(preamble);
  try {
    await pipeline(
      frames,
      zlib.createGzip({ level: opts.level ?? 3 }),
      crypto.createCipheriv('sm4-ctr', enc, Buffer.from(header.iv, 'hex')),
      tap,
      out,
    );
  } catch (e) {
    // A stopped or failed backup: the file is opened and closed asynchronously, possibly after the
    // rejection; wait for it so the caller's removal of the temporary file comes after, not before.
    if (!out.closed) await once(out, 'close').catch(() => undefined);
    throw e;
  }
  const fh = await fs.promises.open(file, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export interface OpenedBackup {
  header: BackupHeader;
  /** Byte offset where the encrypted body starts. */
  bodyStart: number;
  /** Byte offset where the MAC starts (file size − 32). */
  macStart: number;
}

/** Reads the header (not yet authenticated: only the MAC check makes it trustworthy). */
export async function readHeader(file: string): Promise<OpenedBackup> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(12);
    const { bytesRead } = await fh.read(head, 0, 12, 0);
    if (bytesRead < 12 || !head.subarray(0, 8).equals(MAGIC))
      throw new BackupFileError(`${file} is not a jkda backup file.`);
    const len = head.readUInt32BE(8);
    if (len > MAX_HEADER_BYTES || 12 + len + MAC_BYTES > size)
      throw new BackupFileError(`${file} is damaged: its header length is impossible.`);
    const json = Buffer.alloc(len);
    await fh.read(json, 0, len, 12);
    let header: BackupHeader;
    try {
      header = JSON.parse(json.toString('utf8')) as BackupHeader;
    } catch {
      throw new BackupFileError(`${file} is damaged: its header is not readable.`);
    }
    if (header.format !== FORMAT_VERSION)
      throw new BackupFileError(
        `${file} is backup format ${header.format}; this build reads format ${FORMAT_VERSION}.`,
      );
    return { header, bodyStart: 12 + len, macStart: size - MAC_BYTES };
  } finally {
    await fh.close();
  }
}

function checkKey(file: string, key: Buffer, header: BackupHeader): void {
  if (header.keyId !== keyId(key))
    throw new BackupFileError(
      `${file} was made with another backup key (key id ${header.keyId}; this key's id is ${keyId(key)}). ` +
        'Put the backup.key of the server that made it in the key folder, or set JKDA_BACKUP_KEY.',
    );
}

async function readMac(file: string, at: number): Promise<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const b = Buffer.alloc(MAC_BYTES);
    await fh.read(b, 0, MAC_BYTES, at);
    return b;
  } finally {
    await fh.close();
  }
}

/**
 * Checks the whole file against its MAC (reads it once, holds nothing) and answers its header. Throws
 * BackupFileError on a wrong key or any changed, missing or added byte.
 */
export async function verifyBackupFile(file: string, key: Buffer): Promise<OpenedBackup> {
  const opened = await readHeader(file);
  checkKey(file, key, opened.header);
  const { mac } = deriveKeys(key, Buffer.from(opened.header.salt, 'hex'));
  const hmac = crypto.createHmac('sm3', mac);
  if (opened.macStart > 0) {
    for await (const chunk of fs.createReadStream(file, { start: 0, end: opened.macStart - 1 }))
      hmac.update(chunk as Buffer);
  }
  const expected = await readMac(file, opened.macStart);
  if (!crypto.timingSafeEqual(hmac.digest(), expected))
    throw new BackupFileError(
      `${file} is damaged or was altered: its MAC does not match. Nothing was restored.`,
    );
  return opened;
}

/** One table's rows as they come out of the body (row text forms, in the order they were written). */
export interface TableRows {
  index: number;
  rows: AsyncIterable<string[]>;
}

/**
 * Streams the body of a verified file: decrypts, decompresses and splits it into rows, table by table, in
 * batches of about `batchBytes`. The MAC is computed again while reading; `macOk()` answers it at the end
 * (a file changed between the check and the read is caught before the restore commits).
 */
export function readBackupBody(
  file: string,
  key: Buffer,
  opened: OpenedBackup,
  opts: { batchBytes?: number; batchRows?: number } = {},
): { tables: AsyncGenerator<TableRows>; macOk: () => Promise<boolean> } {
  const { header, bodyStart, macStart } = opened;
  const { enc, mac } = deriveKeys(key, Buffer.from(header.salt, 'hex'));
  const hmac = crypto.createHmac('sm3', mac);
  const batchBytes = opts.batchBytes ?? 4 * 1024 * 1024;
  const batchRows = opts.batchRows ?? 5000;
  let digest: Buffer | null = null;
  const macOk = async () => {
    if (!digest) return false;
    return crypto.timingSafeEqual(digest, await readMac(file, macStart));
  };

  async function* plainChunks(): AsyncGenerator<Buffer> {
    // The bytes before the body go into the MAC as they are on disk.
    const fh = await fs.promises.open(file, 'r');
    try {
      const pre = Buffer.alloc(bodyStart);
      await fh.read(pre, 0, bodyStart, 0);
      hmac.update(pre);
    } finally {
      await fh.close();
    }
    const decipher = crypto.createDecipheriv('sm4-ctr', enc, Buffer.from(header.iv, 'hex'));
    const gunzip = zlib.createGunzip();
    const source = fs.createReadStream(file, { start: bodyStart, end: macStart - 1 });
    const done = pipeline(source, new MacTap(hmac, false), decipher, gunzip).then(() => {
      digest = hmac.digest();
    });
    done.catch(() => undefined);
    for await (const chunk of gunzip) yield chunk as Buffer;
    await done;
  }

  // A byte reader over the chunks: frames cross chunk boundaries.
  const it = plainChunks()[Symbol.asyncIterator]();
  let buf: Buffer = Buffer.alloc(0);
  let pos = 0;
  const need = async (n: number): Promise<void> => {
    while (buf.length - pos < n) {
      const next = await it.next();
      if (next.done) throw new BackupFileError(`${file} ends early: the body is cut short.`);
      buf = pos === buf.length ? next.value : Buffer.concat([buf.subarray(pos), next.value]);
      pos = 0;
    }
  };
  const take = async (n: number): Promise<Buffer> => {
    await need(n);
    const b = buf.subarray(pos, pos + n);
    pos += n;
    return b;
  };

  let tableDone = true;
  async function* rowsOfTable(): AsyncGenerator<string[]> {
    let batch: string[] = [];
    let bytes = 0;
    for (;;) {
      const len = (await take(4)).readUInt32BE(0);
      if (len === END_TABLE) break;
      if (len === END_BODY) throw new BackupFileError(`${file}: a table's rows end without their end mark.`);
      const text = (await take(len)).toString('utf8');
      batch.push(text);
      bytes += len;
      if (bytes >= batchBytes || batch.length >= batchRows) {
        yield batch;
        batch = [];
        bytes = 0;
      }
    }
    if (batch.length) yield batch;
    tableDone = true;
  }

  async function* tables(): AsyncGenerator<TableRows> {
    for (let index = 0; index < header.tables.length; index++) {
      if (!tableDone) throw new Error('read every row of a table before the next one');
      tableDone = false;
      yield { index, rows: rowsOfTable() };
    }
    if (!tableDone) throw new Error('read every row of a table before the next one');
    const end = (await take(4)).readUInt32BE(0);
    if (end !== END_BODY) throw new BackupFileError(`${file}: data after the last table.`);
    // Drain the rest so the MAC covers the whole body; nothing may follow the end mark.
    for (;;) {
      const next = await it.next();
      if (next.done) break;
      if (next.value.length) throw new BackupFileError(`${file}: data after the end of the body.`);
    }
    if (buf.length - pos) throw new BackupFileError(`${file}: data after the end of the body.`);
  }

  return { tables: tables(), macOk };
}
