/**
 * `jkda keys rotate | status | reencrypt`: rotation of the field keys of the ID numbers and phones
 * (docs/operations.md, docs/adr/0009-field-encryption.md), and the start-up step every server runs.
 */
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Config } from '../../platform/config.ts';
import type { DB } from '../../platform/db-types.ts';
import { FieldCrypto } from '../../platform/field-crypto.ts';
import { addFieldKey, loadFieldKeys, loadKeys } from '../../platform/secrets.ts';
import { AuditMac } from '../audit/audit.mac.ts';
import {
  legacyPlaintextLeft,
  passNeeded,
  passStatus,
  runSealingPass,
  type PassTable,
} from './fieldkeys.pass.ts';

type WithDatabase = (fn: (db: Kysely<DB>, config: Config) => Promise<void>) => Promise<void>;

const progress = () => {
  let shown = 0;
  return (table: PassTable, lastId: number, sealed: number) => {
    if (Date.now() - shown < 2000) return;
    shown = Date.now();
    console.log(`  ${table}: up to id ${lastId}, ${sealed} rows sealed…`);
  };
};

/**
 * Before a server answers: plaintext left by an earlier release is sealed first (searches find only sealed
 * values); a pass after a rotation runs in the background, the old keys opening what it has not reached.
 */
export async function sealAtStart(
  db: Kysely<DB>,
  fields: FieldCrypto,
  auditMac: AuditMac,
  log: { info: (msg: string) => void; error: (o: object, msg: string) => void },
): Promise<void> {
  if (await legacyPlaintextLeft(db)) {
    log.info('sealing the ID numbers and phones an earlier release stored in plaintext…');
    const r = await runSealingPass(db, fields, auditMac, { onProgress: progress() });
    log.info(
      `sealed: ${r.sealed.resident} residents, ${r.sealed.resident_version} versions, ${r.sealed.app_user} accounts`,
    );
    return;
  }
  if (!(await passNeeded(db, fields))) return;
  void runSealingPass(db, fields, auditMac)
    .then((r) =>
      log.info(
        `field key ${fields.current}: ${r.sealed.resident} residents, ${r.sealed.resident_version} versions, ${r.sealed.app_user} accounts re-encrypted`,
      ),
    )
    .catch((err: unknown) =>
      log.error({ err }, 'the re-encryption pass stopped; it resumes at the next start'),
    );
}

/** Runs (or resumes) the pass in the foreground with the key folder's keys, and says what it did. */
async function reencrypt(db: Kysely<DB>, config: Config): Promise<void> {
  const fields = new FieldCrypto(loadFieldKeys(config));
  const r = await runSealingPass(db, fields, new AuditMac(loadKeys(config).audit), {
    onProgress: progress(),
  });
  console.log(
    `Key ${fields.current}: ${r.sealed.resident} residents, ${r.sealed.resident_version} versions, ${r.sealed.app_user} accounts re-encrypted.`,
  );
}

export function addKeyCommands(program: Command, withDatabase: WithDatabase): void {
  const keys = program.command('keys').description('Field keys of the ID numbers and phones');
  keys
    .command('rotate')
    .description('Add the next field key; new values are sealed with it, and a pass re-encrypts the rest')
    .action(() =>
      withDatabase(async (db, config) => {
        const v = addFieldKey(config);
        console.log(`Field key ${v} added to ${config.keyDir}.`);
        await reencrypt(db, config);
        console.log(
          'Running servers take the new key when they first meet a value sealed with it; restart them to seal new values with it at once.',
        );
        console.log(
          'Keep a copy of the key folder with the backups: a backup opens only with the keys it was sealed with.',
        );
      }),
    );
  keys
    .command('reencrypt')
    .description('Run (or resume) the pass that brings every value to the newest field key')
    .action(() =>
      withDatabase(async (db, config) => {
        await reencrypt(db, config);
      }),
    );
  keys
    .command('status')
    .description('The field key versions and how far the re-encryption pass has got')
    .action(() =>
      withDatabase(async (db, config) => {
        const fields = new FieldCrypto(loadFieldKeys(config));
        console.log(
          `Newest field key: ${fields.current} (${config.fieldKeys ? 'JKDA_FIELD_KEYS' : config.keyDir})`,
        );
        for (const s of await passStatus(db, fields))
          console.log(
            `  ${s.table.padEnd(17)} ${s.finished ? 'done' : `key ${s.targetVersion || '-'}, up to id ${s.lastId}`} (${s.sealed} rows sealed)`,
          );
      }),
    );
}
