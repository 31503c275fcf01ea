/**
 * Vitest globalSetup of the e2e project: builds the site once (ensureBuilt, see server.ts) before the
 * browser test files start, so parallel test files never build dist/ at the same time. Without
 * chromium nothing is built: the browser tests skip themselves.
 */
import { CHROMIUM_MISSING, ensureBuilt, findChromium } from './server.ts';

export default function setup() {
  if (!findChromium()) {
    console.warn(`\n${CHROMIUM_MISSING}\n`);
    return;
  }
  console.log(`e2e: ${ensureBuilt((s) => console.log(s))}`);
}
