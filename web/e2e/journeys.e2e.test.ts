/**
 * The browser journeys, one file: they run one after another on the run's one stack (global-setup.ts), in
 * one worker, so no worker waits for another's journey and the stack is shared without a lock. Each
 * journey module is a describe block with its own browser and data. One journey: `npx vitest run
 * web/e2e/journeys.e2e.test.ts -t "mothers"`.
 */
import './admin-households.journey.ts';
import './create-edit.journey.ts';
import './find-and-language.journey.ts';
import './mother-child.journey.ts';
import './read-only.journey.ts';
import './services.journey.ts';
import './worklist.journey.ts';
