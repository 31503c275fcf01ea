/**
 * What a citation needs besides title and URL: which version of the data it quotes. The warehouse's own
 * checksum (sha256 of observations.parquet in datapackage.json) names the exact figures; CBS's modification
 * date (from the fetch manifests) says how recent CBS's tables were. The access date is the reader's, so the
 * browser fills it in (src/client/chart-tools.ts); without JavaScript the text asks for it.
 */
import { datapackageFull } from './warehouse.ts';

export interface DataVersion {
  /** First 12 hex digits of the observations table's sha256, or null for a warehouse without one. */
  checksum: string | null;
  /** Newest CBS modification date (YYYY-MM-DD) of the sources, or null when no manifest carried one. */
  cbsModified: string | null;
}

export function dataVersion(): DataVersion {
  const dp = datapackageFull();
  const obs = (dp?.resources ?? []).find((r: { name?: string }) => r.name === 'observations');
  const hash = typeof obs?.hash === 'string' ? obs.hash.replace(/^sha256:/, '').slice(0, 12) : null;
  const dates = (dp?.sources ?? [])
    .map((s: { modified?: unknown }) => (typeof s.modified === 'string' ? s.modified.slice(0, 10) : null))
    .filter((d: string | null): d is string => Boolean(d && /^\d{4}-\d{2}-\d{2}$/.test(d)))
    .sort();
  return { checksum: hash, cbsModified: dates.at(-1) ?? null };
}

/** "dataversie a2a920824f2d, CBS-tabellen bijgewerkt t/m 2025-06-30" */
export function versionText(v: DataVersion, lang: 'nl' | 'en' = 'nl'): string {
  const parts: string[] = [];
  if (v.checksum) parts.push(lang === 'nl' ? `dataversie ${v.checksum}` : `data version ${v.checksum}`);
  if (v.cbsModified) parts.push(lang === 'nl' ? `CBS-tabellen gewijzigd t/m ${v.cbsModified}` : `CBS tables modified up to ${v.cbsModified}`);
  return parts.join(', ');
}

export { ACCESS_PLACEHOLDER } from './site.ts';
