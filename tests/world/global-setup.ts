/**
 * Vitest globalSetup of the world project: builds the synthetic world and a site from it once (ensureWorld,
 * see build.ts) before its test files run. Without ../shared/data the tests say they were skipped.
 */
import { ensureWorld } from './build.ts';

export default function setup() {
  console.log(`world: ${ensureWorld((s) => console.log(s))}`);
}
