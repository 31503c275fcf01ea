/**
 * Vitest globalSetup of the e2e project: builds the site once (ensureBuilt, see server.ts) before the
 * browser tests (tests/e2e/) and the tests over the built files (tests/site/) start, so parallel test
 * files never build dist/ at the same time. Without chromium the browser tests skip themselves; the
 * site is still built, for tests/site/.
 */
import { CHROMIUM_MISSING, ensureBuilt, findChromium } from './server.ts';

export default function setup() {
  if (!findChromium()) console.warn(`\n${CHROMIUM_MISSING}\n`);
  console.log(`e2e: ${ensureBuilt((s) => console.log(s))}`);
}
