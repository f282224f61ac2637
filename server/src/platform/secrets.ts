/**
 * The server's keys, kept in a key folder outside the data folder (JKDA_KEY_DIR; by default `jkda-keys`
 * beside the data folder), so that a copy of the database or of its data folder holds none of them.
 * docs/adr/0008-key-handling.md says why.
 *
 * - `audit.key`: HMAC-SM3 key of the audit log (row MACs at insert and the seal chain); JKDA_AUDIT_KEY (hex)
 *   takes its place.
 * - `backup.key`: SM4 key of the backup files; JKDA_BACKUP_KEY (hex, 32 characters) takes its place.
 * - `checkpoint-sm2.pem` / `checkpoint-sm2.pub.pem`: SM2 key pair that signs the audit checkpoints.
 * - `totp.key`: SM4 key (HKDF-SM3 from 32 bytes) of the stored TOTP secrets, also the HMAC-SM3 key of the recovery codes;
 *   JKDA_TOTP_KEY (hex, 64 characters) takes its place.
 *
 * - `field-<version>.key`: SM4 field keys of the ID numbers and phones (platform/field-crypto.ts); the highest
 *   version seals new values, `jkda keys rotate` adds the next one. JKDA_FIELD_KEYS (`1:hex,2:hex`) takes their place.
 * - `index.key`: HMAC-SM3 key of the blind indexes those values are searched by; JKDA_INDEX_KEY (hex, 64
 *   characters) takes its place.
 *
 * A missing key is made on first use (the folder 0700, each file 0600). An audit key left in the data folder
 * by an earlier release is moved to the key folder, so the chain it sealed still verifies.
 */
import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import type { FieldKeys } from './field-crypto.ts';

export interface ServerKeys {
  /** HMAC-SM3 key of the audit log. */
  audit: Buffer;
  /** SM4 key (16 bytes) of the backups. */
  backup: Buffer;
  /** Signs the audit checkpoints (SM2 with SM3). */
  checkpointPrivate: KeyObject;
  /** Verifies them; also written to the checkpoint folder's `checkpoint-sm2.pub.pem`. */
  checkpointPublic: KeyObject;
  /** AES-256-GCM key (32 bytes) of the TOTP secrets and HMAC key of the recovery codes. */
  totp: Buffer;
  /** Field keys by version and the blind index key (platform/field-crypto.ts). */
  fields: FieldKeys;
}

/** Random keys for a test: nothing is read from or written to disk. */
export function ephemeralKeys(): ServerKeys {
  const pair = crypto.generateKeyPairSync('ec', { namedCurve: 'SM2' });
  return {
    audit: crypto.randomBytes(32),
    backup: crypto.randomBytes(16),
    checkpointPrivate: pair.privateKey,
    checkpointPublic: pair.publicKey,
    totp: crypto.randomBytes(32),
    fields: { versions: new Map([[1, crypto.randomBytes(32)]]), index: crypto.randomBytes(32) },
  };
}

function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = fs.statSync(dir);
  if (st.mode & 0o077) fs.chmodSync(dir, 0o700);
}

/** Reads a key file, making it with `make` when absent (0600, never overwriting one made meanwhile). */
function keyFile(file: string, make: () => string): string {
  if (!fs.existsSync(file)) {
    try {
      fs.writeFileSync(file, make(), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const st = fs.statSync(file);
  if (st.mode & 0o077) fs.chmodSync(file, 0o600);
  return fs.readFileSync(file, 'utf8').trim();
}

function hexKey(name: string, value: string, bytes: number, exact: boolean): Buffer {
  const ok = exact ? value.length === bytes * 2 : value.length >= bytes * 2;
  if (!ok || !/^[0-9a-f]+$/i.test(value))
    throw new Error(`${name} must be ${exact ? '' : 'at least '}${bytes * 2} hex characters`);
  return Buffer.from(value, 'hex');
}

export function loadKeys(config: Config): ServerKeys {
  ensureDir(config.keyDir);
  const auditFile = path.join(config.keyDir, 'audit.key');
  const legacy = path.join(config.dataDir, 'audit.key');
  if (!config.auditKey && !fs.existsSync(auditFile) && fs.existsSync(legacy))
    fs.renameSync(legacy, auditFile);
  const audit = config.auditKey
    ? hexKey('JKDA_AUDIT_KEY', config.auditKey, 32, false)
    : hexKey(
        auditFile,
        keyFile(auditFile, () => crypto.randomBytes(32).toString('hex')),
        32,
        false,
      );
  const backupHex =
    config.backupKey ??
    keyFile(path.join(config.keyDir, 'backup.key'), () => crypto.randomBytes(16).toString('hex'));
  const backup = hexKey(config.backupKey ? 'JKDA_BACKUP_KEY' : 'backup.key', backupHex, 16, true);
  const privateFile = path.join(config.keyDir, 'checkpoint-sm2.pem');
  const pem = keyFile(privateFile, () => {
    const pair = crypto.generateKeyPairSync('ec', { namedCurve: 'SM2' });
    return pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  });
  const checkpointPrivate = crypto.createPrivateKey(pem);
  const checkpointPublic = crypto.createPublicKey(checkpointPrivate);
  const publicFile = path.join(config.keyDir, 'checkpoint-sm2.pub.pem');
  if (!fs.existsSync(publicFile))
    fs.writeFileSync(publicFile, checkpointPublic.export({ type: 'spki', format: 'pem' }).toString(), {
      mode: 0o644,
    });
  const totpHex =
    config.totpKey ??
    keyFile(path.join(config.keyDir, 'totp.key'), () => crypto.randomBytes(32).toString('hex'));
  const totp = hexKey(config.totpKey ? 'JKDA_TOTP_KEY' : 'totp.key', totpHex, 32, true);
  return { audit, backup, checkpointPrivate, checkpointPublic, totp, fields: loadFieldKeys(config) };
}

/** The field keys and the blind index key (read again when a running server meets a newer key version). */
export function loadFieldKeys(config: Config): FieldKeys {
  ensureDir(config.keyDir);
  return {
    versions: config.fieldKeys ? fieldKeysOf(config.fieldKeys) : fieldKeyFiles(config.keyDir),
    index: hexKey(
      config.indexKey ? 'JKDA_INDEX_KEY' : 'index.key',
      config.indexKey ??
        keyFile(path.join(config.keyDir, 'index.key'), () => crypto.randomBytes(32).toString('hex')),
      32,
      true,
    ),
  };
}

const FIELD_KEY_FILE = /^field-(\d{1,5})\.key$/;

/** `1:hex,2:hex` from the environment. */
function fieldKeysOf(spec: string): Map<number, Buffer> {
  const out = new Map<number, Buffer>();
  for (const part of spec.split(',')) {
    const m = /^\s*(\d{1,5}):([0-9a-fA-F]+)\s*$/.exec(part);
    if (!m) throw new Error('JKDA_FIELD_KEYS must be version:hex pairs separated by commas');
    out.set(Number(m[1]), hexKey(`JKDA_FIELD_KEYS version ${m[1]}`, m[2]!, 32, true));
  }
  return out;
}

/** The key folder's field keys; field-1.key is made when there is none. */
function fieldKeyFiles(dir: string): Map<number, Buffer> {
  const out = new Map<number, Buffer>();
  const names = fs.readdirSync(dir).filter((f) => FIELD_KEY_FILE.test(f));
  if (names.length === 0) names.push('field-1.key');
  for (const name of names) {
    const file = path.join(dir, name);
    const version = Number(FIELD_KEY_FILE.exec(name)![1]);
    out.set(
      version,
      hexKey(
        name,
        keyFile(file, () => crypto.randomBytes(32).toString('hex')),
        32,
        true,
      ),
    );
  }
  return out;
}

/**
 * Adds the next field key to the key folder and returns its version (`jkda keys rotate`); the values sealed
 * with earlier keys open until the re-encryption has passed over them (modules/fieldkeys).
 */
export function addFieldKey(config: Config): number {
  if (config.fieldKeys)
    throw new Error('the field keys come from JKDA_FIELD_KEYS: add the next version there');
  ensureDir(config.keyDir);
  const next = Math.max(0, ...fieldKeyFiles(config.keyDir).keys()) + 1;
  keyFile(path.join(config.keyDir, `field-${next}.key`), () => crypto.randomBytes(32).toString('hex'));
  return next;
}
