/**
 * Valid HTML: html-validate (npm, pinned) on the built file of one page of every page type
 * (tests/e2e/page-types.ts), with the committed .htmlvalidate.json: html-validate's recommended rules,
 * except
 * - no-inline-style: off. Observable Plot writes style="…" on the SVG it draws (and its <style> block),
 *   and the tile map and legends colour their cells with style attributes; the CSP allows inline
 *   styles on purpose (they cannot run code) — see src/lib/csp.ts.
 * - prefer-native-element: on, but not for role="listbox" (the finder and the comparison panel are
 *   ARIA comboboxes: a <select> cannot filter as you type) nor role="region" (a scrollable table
 *   container needs role, name and tabindex to be reachable by keyboard; a <section> would add a
 *   landmark per table).
 * dist/ is built by the e2e project's global setup (tests/e2e/global-setup.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES } from '../e2e/page-types.ts';
import { DIST } from './dist.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const config = JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData;
const validator = new HtmlValidate(config);
const files = [...new Map(PAGE_TYPES.map((p) => [p.file, p])).values()];

describe('valid HTML (html-validate, .htmlvalidate.json)', () => {
  for (const p of files) {
    it(`${p.file} (${p.type})`, async () => {
      const report = await validator.validateString(readFileSync(join(DIST, p.file), 'utf8'), p.file);
      const messages = report.results.flatMap((r) =>
        r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`),
      );
      expect(messages).toEqual([]);
    });
  }
});
