/** The audit HMAC key: from JKDA_AUDIT_KEY (hex), or a key file kept in the data folder. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';

export function loadAuditKey(config: Config): Buffer {
  if (config.auditKey) {
    if (!/^[0-9a-f]{64,}$/i.test(config.auditKey))
      throw new Error('JKDA_AUDIT_KEY must be at least 64 hex characters');
    return Buffer.from(config.auditKey, 'hex');
  }
  const file = path.join(config.dataDir, 'audit.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
}
