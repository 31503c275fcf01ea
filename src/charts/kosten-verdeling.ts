import type { IndicatorId } from '../catalog/indicators.ts';
import { formatEuro, formatEuroExact, formatNumber } from '../shared/format.ts';
import {
  OBS_CTE, capitalise, caveatsOf, columnOf, columnOrder, costColumns, costFlagNotice, costLegend, inPlace, noDataSentence, placeName,
  type CostPart,
} from './shared.ts';
import type { ChartContext, ChartDef, DataTable, PlotOptions } from './types.ts';

export interface KostenVerdelingRow extends CostPart {
  [k: string]: string | number | null;
  naam: string;
  /** Null for a segment of the column; for a "waarvan" row the vorm it is part of (table and summary only). */
  deel_van: string | null;
  lasten: number | null;
  vlag: string | null;
  status: string | null;
}

export const id = 'kosten-verdeling';
export const title = { nl: 'Waar gaat het geld heen: sociale basis, toegang, jeugdhulp en jeugdbescherming (euro)', en: 'Where the money goes: social base, access, youth care and child protection (euros)' };
export const question = 'Gaat het geld naar de voorkant (sociale basis en toegang) of naar individuele jeugdhulp en jeugdbescherming?';
export const definition =
  'Netto uitgaven (lasten − baten) per Iv3-taakveld: 6.1 samenkracht en burgerparticipatie, 6.2 toegang en wijkteams (vanaf 2025 6.21–6.23), individuele jeugdhulp (6.72 / 6.72a–6.74c / 6.751–6.763 + 6.792) en jeugdbescherming en -reclassering (6.82). De eerste twee zijn voor alle leeftijden.';

/**
 * Four disjoint groups of taakvelden stacked per year and verslagsoort (ord 0–3), and two "waarvan" figures
 * that are part of a group (ord 4–5: pgb jeugd 6.792 and toegang jeugd 6.22, from 2025), shown in the table.
 */
export const sql = `WITH ${OBS_CTE},
delen(base, vorm, ord, deel_van) AS (VALUES
  ('samenkracht', 'Sociale basis (6.1, alle leeftijden)', 0, NULL),
  ('toegang', 'Toegang en wijkteams (6.2, alle leeftijden)', 1, NULL),
  ('jeugdhulp', 'Individuele jeugdhulp', 2, NULL),
  ('jeugdbescherming_reclassering', 'Jeugdbescherming en -reclassering', 3, NULL),
  ('pgb_jeugd', 'waarvan pgb jeugd (6.792)', 4, 'Individuele jeugdhulp'),
  ('toegang_jeugd', 'waarvan toegang jeugd (6.22)', 5, 'Toegang en wijkteams (6.2, alle leeftijden)')
),
soorten(soort) AS (VALUES ('jaarrekening'), ('begroting'))
SELECT g.name AS naam, s.soort, n.period AS jaar, d.ord, d.vorm, d.deel_van, n.value AS netto, l.value AS lasten, n.flag AS vlag, n.status
FROM delen d CROSS JOIN soorten s
JOIN o n ON n.indicator = 'netto_' || d.base || '_' || s.soort AND n.geo_code = $geo
LEFT JOIN o l ON l.indicator = 'kosten_' || d.base || '_' || s.soort AND l.geo_code = n.geo_code AND l.period = n.period
JOIN geo g ON g.geo_code = n.geo_code
ORDER BY jaar, soort DESC, ord`;

export const columns = ['naam', 'soort', 'jaar', 'ord', 'vorm', 'deel_van', 'netto', 'lasten', 'vlag', 'status'];
export const indicators = [
  'netto_samenkracht_jaarrekening', 'netto_toegang_jaarrekening', 'netto_jeugdhulp_jaarrekening',
  'netto_jeugdbescherming_reclassering_jaarrekening', 'netto_pgb_jeugd_begroting', 'netto_toegang_jeugd_begroting',
] as const satisfies readonly IndicatorId[];

/** At most this many columns are drawn (the newest); the table has every year. */
const MAX_COLUMNS = 6;

const segments = (rows: KostenVerdelingRow[]) => rows.filter((r) => r.deel_van == null);
/** A column is drawn only when all four groups are known: a stack with a gap would read as a smaller total. */
function complete(rows: KostenVerdelingRow[]): KostenVerdelingRow[] {
  const segs = segments(rows);
  const ok = new Set(columnOrder(segs).filter((c) => segs.filter((r) => columnOf(r) === c && r.netto != null).length === 4));
  const keep = [...ok].slice(-MAX_COLUMNS);
  return segs.filter((r) => keep.includes(columnOf(r)));
}

export const hasData = (rows: KostenVerdelingRow[]) => complete(rows).some((r) => r.netto != null && r.netto !== 0);

export const plot = (rows: KostenVerdelingRow[], options: PlotOptions) => costColumns(complete(rows), options, 'netto euro');

export const legend = (rows: KostenVerdelingRow[]) => costLegend(complete(rows));

export function summary(rows: KostenVerdelingRow[], ctx: ChartContext): string {
  if (!hasData(rows)) return empty(ctx, rows);
  const drawn = complete(rows);
  const cols = columnOrder(drawn);
  // The newest jaarrekening if there is one (what was spent), else the newest begroting.
  const pick = [...cols].reverse().find((c) => c.endsWith('jaarrekening')) ?? cols[cols.length - 1];
  const col = drawn.filter((r) => columnOf(r) === pick);
  const [y, soort] = pick.split(' ');
  const val = (ord: number) => col.find((r) => r.ord === ord)?.netto ?? 0;
  const total = col.reduce((s, r) => s + (r.netto ?? 0), 0);
  const front = val(0) + val(1);
  const parts = [
    `${capitalise(inPlace(ctx.geo))} ging in ${y} volgens de ${soort} netto ${formatEuro(front)} naar de sociale basis en de toegang en ${formatEuro(val(2))} naar individuele jeugdhulp; jeugdbescherming en -reclassering kostten ${formatEuro(val(3))}.`,
  ];
  if (total > 0) parts.push(`De voorkant was ${formatNumber((100 * front) / total)} % van deze vier samen; die taakvelden zijn voor alle leeftijden, dus het aandeel voor jeugd is lager.`);
  const first = cols.find((c) => c.endsWith(soort));
  if (first && first !== pick) {
    const then = drawn.filter((r) => columnOf(r) === first);
    const tTotal = then.reduce((s, r) => s + (r.netto ?? 0), 0);
    const tFront = then.filter((r) => r.ord <= 1).reduce((s, r) => s + (r.netto ?? 0), 0);
    if (tTotal > 0 && total > 0) {
      const d = (100 * front) / total - (100 * tFront) / tTotal;
      parts.push(`In ${first.split(' ')[0]} was dat ${formatNumber((100 * tFront) / tTotal)} %: ${Math.abs(d) < 0.5 ? 'vrijwel gelijk' : d > 0 ? 'meer geld naar de voorkant' : 'minder geld naar de voorkant'}.`);
    }
  }
  const pgb = rows.filter((r) => r.ord === 4 && r.netto != null).sort((a, b) => b.jaar - a.jaar)[0];
  if (pgb) parts.push(`Van de individuele jeugdhulp ging in ${pgb.jaar} (${pgb.soort}) ${formatEuro(pgb.netto)} naar pgb.`);
  return parts.join(' ');
}

export const empty = (ctx: ChartContext, rows: KostenVerdelingRow[] = []) => {
  const why = costFlagNotice(rows, ctx, { onlyElsewhere: true });
  return `${noDataSentence(ctx, 'de verdeling van de uitgaven over de taakvelden')}${why ? ` ${why}` : ''}`;
};

export const notice = (rows: KostenVerdelingRow[], ctx: ChartContext) => (hasData(rows) ? costFlagNotice(rows, ctx) : null);

export function table(rows: KostenVerdelingRow[], ctx: ChartContext): DataTable {
  const cols = columnOrder(rows);
  const parts = [...new Map(rows.map((r) => [r.ord, r.vorm])).entries()].sort((a, b) => a[0] - b[0]);
  const cell = (c: string, ord: number) => {
    const r = rows.find((x) => columnOf(x) === c && x.ord === ord);
    return !r ? '–' : r.netto == null ? (r.vlag === 'elders-geboekt' ? 'elders geboekt' : 'onbekend') : formatEuroExact(r.netto);
  };
  return {
    caption: `Netto uitgaven per groep taakvelden (euro), ${placeName(ctx.geo)}`,
    head: ['Taakvelden', ...cols],
    body: parts.map(([ord, vorm]) => [vorm, ...cols.map((c) => cell(c, ord))]),
    rowHeader: 0,
  };
}

export const source = {
  tables: ['Iv3 gemeenten (CBS dataderden, o.a. 45063NED, 45067NED, 45071NED)', 'taakvelden 6.1, 6.2 (6.21–6.23), 6.72–6.74c / 6.751–6.763 + 6.792, 6.82 (6.821–6.822)'],
  citation: 'Bron: CBS',
};

export const notes = [
  'De sociale basis (6.1) en de toegang (6.2) dienen alle inwoners, ook volwassenen (Wmo): Iv3 splitst ze niet naar leeftijd. Alleen vanaf 2025 is de toegang voor jeugd (6.22) apart zichtbaar.',
  'Een kolom wordt alleen getekend als alle vier de groepen een bedrag hebben; de tabel toont elk jaar.',
  ...caveatsOf(indicators),
];

const chart: ChartDef<KostenVerdelingRow> = { id, title, question, definition, sql, columns, indicators, hasData, plot, legend, summary, empty, notice, table, source, notes };
export default chart;
