import { describe, expect, it } from 'vitest';

// Astro 7 and Vitest 5 need Node >= 22.12. Vitest itself runs silently on Node 20, so this guard is the
// only thing that notices when `npm test` fell back to the machine's Node (e.g. after --ignore-scripts).
describe('runtime', () => {
  it('runs on the Node that the project brings (>= 22.12)', () => {
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(major * 1000 + minor).toBeGreaterThanOrEqual(22 * 1000 + 12);
  });
});
