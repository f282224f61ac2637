/**
 * The rule of the program registry (docs/adr/0005): no file outside a program's own folders names one of
 * its programs (a register id) or service types. Generic code reads the registry instead.
 *
 * For every name the registry stores (the registers' program ids, program_enrolment.program, and the
 * service types, service_record.type) this runs `git grep` over the repository's files (tracked and
 * untracked, not ignored) for the name as a whole word — or as the start of a camelCase identifier
 * (`<name>Program`) — and leaves out:
 * - the owning program's folders, packages/domain/src/programs/<folder>/ and web/src/programs/<folder>/,
 *   <folder> being the domain folder whose *.program.ts defines the program;
 * - the two registries that list the programs (packages/domain/src/programs/registry.ts and
 *   web/src/programs/index.ts), and this file;
 * - server/migrations/, tests (*.test.ts, *.test.tsx, web/e2e/, server/test/, test/durations.json), the
 *   generated API files (web/src/api/openapi.json, web/src/api/schema.ts) and Markdown;
 * - the few exceptions of ALLOWED below, each with its reason.
 * It lists every other hit (path:line: text) and exits 1 when there is one.
 *
 *   npx tsx scripts/check-program-names.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { programRegistry, type ProgramDef } from '@jkda/domain';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROGRAMS_DIR = path.join(ROOT, 'packages/domain/src/programs');

/** Files left out for every name. */
const EXCLUDED = [
  // The two registries list the programs, one line each.
  'packages/domain/src/programs/registry.ts',
  'web/src/programs/index.ts',
  // This check: its exceptions name them.
  'scripts/check-program-names.ts',
  'server/migrations/**',
  '**/*.test.ts',
  '**/*.test.tsx',
  'web/e2e/**',
  'server/test/**',
  'web/src/api/openapi.json',
  'web/src/api/schema.ts',
  // The test files' durations (npm run test:durations): test file paths.
  'test/durations.json',
  '**/*.md',
];

/**
 * Names a file (or every file under a folder, `path` ending in /) outside the programs' folders may use,
 * and why. `names: '*'` allows every program name there. Each entry is a decision to revisit, not a hole.
 */
const ALLOWED: readonly { path: string; names: readonly string[] | '*'; why: string }[] = [
  {
    path: 'web/src/programs/healthcheck/HealthCheckFields.tsx',
    names: ['elderly'],
    why: "the health check's own section for residents of 65 and over: its test id hc-elderly",
  },
  {
    path: 'server/src/modules/seed/',
    names: '*',
    why: 'the synthetic demo and benchmark county plays a history of named programs on purpose, as tests do',
  },
  {
    path: 'bench/',
    names: '*',
    why: 'the benchmarks measure the worklists and follow-ups of named programs',
  },
  {
    path: 'packages/domain/src/index.ts',
    names: '*',
    why: "the package's export list names the program folders' files, as registry.ts lists the programs",
  },
  {
    path: 'packages/domain/src/programs/chronic/',
    names: ['hypertension', 'diabetes', 'elderly'],
    why: 'the rule library the two chronic programs share (targets by age, emergency criteria by disease); called only from their folders',
  },
  {
    path: 'packages/domain/src/programs/program-messages.ts',
    names: ['hypertension', 'diabetes', 'elderly'],
    why: "words for the chronic rule library's codes (annual-check reasons), and its import path",
  },
  ...[
    'packages/domain/src/code-tables.ts',
    'packages/domain/src/resident.schema.ts',
    'server/src/modules/registry/registry.repo.ts',
    'server/src/modules/registry/registry.service.ts',
    'web/src/pages/residents/columns.tsx',
  ].map((path) => ({
    path,
    names: ['hypertension', 'diabetes', 'elderly'],
    why: 'the key population tag codes of the record (重点人群), spelled like the registers that give them',
  })),
];

const allowed = (file: string, name: string) =>
  ALLOWED.some(
    (a) =>
      (a.path.endsWith('/') ? file.startsWith(a.path) : file === a.path) &&
      (a.names === '*' || a.names.includes(name)),
  );

/** The domain folder (under packages/domain/src/programs/) of each program id: where its definition is. */
async function programFolders(): Promise<Map<string, string>> {
  const folders = new Map<string, string>();
  for (const folder of fs.readdirSync(PROGRAMS_DIR, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const file of fs.readdirSync(path.join(PROGRAMS_DIR, folder.name))) {
      if (!file.endsWith('.program.ts')) continue;
      const mod = (await import(pathToFileURL(path.join(PROGRAMS_DIR, folder.name, file)).href)) as Record<
        string,
        unknown
      >;
      for (const value of Object.values(mod)) {
        const def = value as Partial<ProgramDef> | null;
        if (def && typeof def.id === 'string' && Array.isArray(def.services))
          folders.set(def.id, folder.name);
      }
    }
  }
  return folders;
}

interface Name {
  name: string;
  /** What it is, for the report. */
  kind: 'register' | 'service type';
  /** The domain folder of the program that owns it. */
  folder: string;
}

async function names(): Promise<Name[]> {
  const folders = await programFolders();
  const folderOf = (program: string | undefined): string => {
    const f = program === undefined ? undefined : folders.get(program);
    if (!f) throw new Error(`no folder under packages/domain/src/programs/ defines program ${program}`);
    return f;
  };
  const out: Name[] = [];
  for (const r of programRegistry.registers) {
    const owner = programRegistry.programs.find((p) => p.register?.program === r.program);
    out.push({ name: r.program, kind: 'register', folder: folderOf(owner?.id) });
  }
  for (const type of programRegistry.serviceTypes)
    out.push({ name: type, kind: 'service type', folder: folderOf(programRegistry.programOfType(type)?.id) });
  return out;
}

interface Hit {
  file: string;
  line: number;
  text: string;
}

/** The name as a word of its own (not inside a longer snake_case or lower-case word); case-sensitive. */
const patternOf = (name: string) => `(^|[^a-z0-9_])${name}([^a-z0-9_]|$)`;

function grep(n: Name): Hit[] {
  const pathspecs = [
    '.',
    ...EXCLUDED.map((p) => `:(exclude,glob)${p}`),
    `:(exclude)packages/domain/src/programs/${n.folder}/`,
    `:(exclude)web/src/programs/${n.folder}/`,
  ];
  let out: string;
  try {
    out = execFileSync(
      'git',
      ['grep', '--untracked', '-n', '-I', '-E', patternOf(n.name), '--', ...pathspecs],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  } catch (e) {
    // git grep exits 1 when nothing matches.
    if ((e as { status?: number }).status === 1) return [];
    throw e;
  }
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const m = /^(.*?):(\d+):(.*)$/.exec(l)!;
      return { file: m[1]!, line: Number(m[2]), text: m[3]!.trim() };
    })
    .filter((h) => !allowed(h.file, n.name));
}

const all = await names();
let total = 0;
for (const n of all) {
  const hits = grep(n);
  if (!hits.length) continue;
  total += hits.length;
  console.log(`\n${n.kind} '${n.name}' (program folder ${n.folder}/): ${hits.length}`);
  for (const h of hits) console.log(`  ${h.file}:${h.line}: ${h.text.slice(0, 160)}`);
}
if (total) {
  console.log(
    `\n${total} place(s) outside the programs' own folders name a program or service type: read programRegistry (@jkda/domain) or the web's registry (web/src/programs) instead.`,
  );
  process.exit(1);
}
console.log(`program names: none outside their programs' folders (${all.length} names checked)`);
