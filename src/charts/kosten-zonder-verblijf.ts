import type { IndicatorId } from '../catalog/indicators.ts';
import { formatEuro, formatNumber, listNl } from '../shared/format.ts';
import {
  NOTE_NETTO, NOTE_WOONPLAATS, OBS_CTE, capitalise, caveatsOf, columnOf, columnOrder, costColumns, costFlagNotice, costFormTable, costLegend,
  inPlace, noDataSentence, type CostPart,
} from './shared.ts';
import type { ChartContext, ChartDef, DataTable, PlotOptions } from './types.ts';

export interface KostenZonderVerblijfRow extends CostPart {
  [k: string]: string | number | null;
  naam: string;
  lasten: number | null;
  vlag: string | null;
  status: string | null;
}

export const id = 'kosten-zonder-verblijf';
export const title = { nl: 'Uitgaven aan jeugdhulp zonder verblijf: begeleiding of behandeling (euro)', en: 'Spending on non-residential youth care: support or treatment (euros)' };
export const question = 'Gaat het geld voor jeugdhulp zonder verblijf naar lichte begeleiding of naar behandeling?';

/**
 * Netto euros (stored by the pipeline) per form of non-residential care. Iv3 splits begeleiding (6.72a) and
 * behandeling (6.72b) only in 2023–2024; from 2025 only the ambulant total exists (ord -1, one grey segment).
 */
export const sql = `WITH ${OBS_CTE},
vormen(base, vorm, ord) AS (VALUES
  ('begeleiding', 'Begeleiding (6.72a)', 0),
  ('behandeling', 'Behandeling (6.72b)', 1),
  ('zonder_verblijf_overig', 'Overig: dagbesteding, GGZ zonder verblijf e.a.', 2),
  ('jeugdhulp_zonder_verblijf', 'Zonder verblijf, niet naar vorm', -1)
),
soorten(soort) AS (VALUES ('jaarrekening'), ('begroting')),
cells AS (
  SELECT v.*, s.soort, n.geo_code, n.period AS jaar, n.value AS netto, n.flag AS vlag, n.status, l.value AS lasten
  FROM vormen v CROSS JOIN soorten s
  JOIN o n ON n.indicator = 'netto_' || v.base || '_' || s.soort AND n.geo_code = $geo
  LEFT JOIN o l ON l.indicator = 'kosten_' || v.base || '_' || s.soort AND l.geo_code = n.geo_code AND l.period = n.period
)
-- The total only where that year has no split by form (a window, not NOT EXISTS: the build runs this as a LATERAL).
SELECT g.name AS naam, c.soort, c.jaar, c.ord, c.vorm, c.netto, c.lasten, c.vlag, c.status
FROM (SELECT *, bool_or(ord >= 0) OVER (PARTITION BY soort, jaar) AS per_vorm FROM cells) c
JOIN geo g ON g.geo_code = c.geo_code
WHERE c.ord >= 0 OR NOT c.per_vorm
ORDER BY jaar, soort DESC, ord`;

export const columns = ['naam', 'soort', 'jaar', 'ord', 'vorm', 'netto', 'lasten', 'vlag', 'status'];
export const indicators = [
  'netto_begeleiding_jaarrekening', 'netto_behandeling_jaarrekening', 'netto_zonder_verblijf_overig_jaarrekening',
  'netto_jeugdhulp_zonder_verblijf_jaarrekening',
] as const satisfies readonly IndicatorId[];

/** Only zeros (nothing booked on these taakvelden) is no figure to draw: the note says why. */
export const hasData = (rows: KostenZonderVerblijfRow[]) => rows.some((r) => r.netto != null && r.netto !== 0);

export const plot = (rows: KostenZonderVerblijfRow[], options: PlotOptions) => costColumns(rows, options, 'netto euro');

export const legend = (rows: KostenZonderVerblijfRow[]) => costLegend(rows);

const total = (rows: KostenZonderVerblijfRow[]) => rows.reduce((s, r) => s + (r.netto ?? 0), 0);

export function summary(rows: KostenZonderVerblijfRow[], ctx: ChartContext): string {
  if (!hasData(rows)) return empty(ctx, rows);
  const where = capitalise(inPlace(ctx.geo));
  const known = rows.filter((r) => r.netto != null);
  const split = known.filter((r) => r.ord >= 0);
  // The newest column with a split by form, the jaarrekening before a begroting of the same year.
  const cols = columnOrder(split);
  const parts: string[] = [];
  const pick = [...cols].reverse().find((c) => c.endsWith('jaarrekening')) ?? cols[cols.length - 1];
  if (pick) {
    const col = split.filter((r) => columnOf(r) === pick);
    const t = total(col);
    const [y, soort] = pick.split(' ');
    const biggest = [...col].sort((a, b) => (b.netto ?? 0) - (a.netto ?? 0))[0];
    parts.push(
      `${where} ging in ${y} volgens de ${soort} netto ${formatEuro(t)} naar jeugdhulp zonder verblijf: ${listNl(col.map((r) => `${r.vorm.split(/ \(|:/)[0].toLowerCase()} ${formatEuro(r.netto)}`))}.`,
    );
    if (t > 0 && biggest?.netto) parts.push(`${biggest.vorm.split(/ \(|:/)[0]} was het grootste deel (${formatNumber((100 * biggest.netto) / t)} %).`);
  }
  const unsplit = known.filter((r) => r.ord < 0).sort((a, b) => b.jaar - a.jaar)[0];
  if (unsplit) parts.push(`Voor ${unsplit.jaar} is netto ${formatEuro(unsplit.netto)} ${unsplit.soort === 'begroting' ? 'begroot' : 'uitgegeven'}; vanaf 2025 splitst Iv3 jeugdhulp zonder verblijf niet meer in begeleiding en behandeling.`);
  parts.push('Het gaat om euro’s, niet om aantallen jongeren.');
  return parts.join(' ');
}

export const empty = (ctx: ChartContext, rows: KostenZonderVerblijfRow[] = []) => {
  // Say why there is nothing (booked elsewhere), after the plain "geen cijfers" sentence.
  const why = costFlagNotice(rows, ctx, { onlyElsewhere: true });
  return `${noDataSentence(ctx, 'uitgaven aan jeugdhulp zonder verblijf per vorm')}${why ? ` ${why}` : ''}`;
};

export const notice = (rows: KostenZonderVerblijfRow[], ctx: ChartContext) => (hasData(rows) ? costFlagNotice(rows, ctx) : null);

export const table = (rows: KostenZonderVerblijfRow[], ctx: ChartContext): DataTable => costFormTable(rows, ctx, 'zonder verblijf');

export const source = {
  tables: ['Iv3 gemeenten (CBS dataderden, o.a. 45063NED, 45067NED, 45071NED)', 'taakvelden 6.72a–d, 6.74a (2023–2024), 6.751–6.753 (vanaf 2025)'],
  citation: 'Bron: CBS',
};

export const notes = [
  'Euro’s, geen aantallen jongeren. Licht en zwaar naast elkaar: de uitgaven met verblijf staan in de grafiek "Uitgaven aan jeugdhulp met verblijf, per vorm".',
  'Begeleiding is de lichtere vorm (ondersteuning bij dagelijkse dingen), behandeling richt zich op een stoornis of probleem; GGZ-behandeling zonder verblijf (6.74a) staat bij overig.',
  NOTE_NETTO,
  ...caveatsOf(indicators, [NOTE_WOONPLAATS]),
];

const chart: ChartDef<KostenZonderVerblijfRow> = { id, title, question, sql, columns, indicators, hasData, plot, legend, summary, empty, notice, table, source, notes };
export default chart;
