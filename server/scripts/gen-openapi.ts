/**
 * `npm run gen:api`: writes the API contract files of the web app from the server routes.
 * `npm run check:api` (`--check`): generates them into a temporary folder and fails when the committed
 * ones differ, i.e. when a route's schema changed without regenerating.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildOpenApiDocument,
  contractDrift,
  readContracts,
  renderContracts,
  writeContracts,
} from './openapi.ts';

const files = await renderContracts(await buildOpenApiDocument());
if (process.argv.includes('--check')) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-api-'));
  try {
    writeContracts(files, tmp);
    const drift = contractDrift(readContracts(), readContracts(tmp) as typeof files);
    if (drift.length) {
      console.error(
        `API contract drift: ${drift.join(', ')} ${drift.length > 1 ? 'are' : 'is'} not what the server routes ` +
          'generate. Run `npm run gen:api` and commit the result.',
      );
      process.exit(1);
    }
    console.log('API contract files are up to date with the routes.');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
} else {
  writeContracts(files);
  console.log('Wrote web/src/api/openapi.json and web/src/api/schema.ts.');
}
