import { change, formatChange, formatEuro, formatEuroExact, formatNumber, formatYear } from '../lib/format.ts';
import {
  NOTE_CORONA, NOTE_LASTEN, NOTE_WOONPLAATS, OBS_CTE, PLACES_CTE, ROLE_STYLE, caveatsOf, capitalise, inPlace,
  legendOf, lineChart, noDataSentence, pivotByYear, placeName, provisional, type Series,
} from './shared.ts';
import type { ChartContext, ChartDef, ExploreSpec, PlotOptions } from './types.ts';

export interface PerInwonerRow {
  [k: string]: string | number | null;
  ord: number;
  geo_code: string;
  naam: string;
  niveau: string;
  jaar: number;
  lasten: number | null;
  inwoners: number | null;
  per_inwoner: number | null;
  status: string | null;
}

export const id = 'kosten-per-inwoner';
export const title = { nl: 'Uitgaven aan jeugdhulp per inwoner', en: 'Youth-care spending per inhabitant' };
export const question = 'Geeft deze gemeente per inwoner meer of minder uit aan jeugdhulp dan de regio en Nederland?';

/** Jaarrekening lasten divided by all inhabitants on 1 January, computed here from the two counts. */
export const sql = `WITH ${OBS_CTE},
${PLACES_CTE}
SELECT p.ord, g.geo_code, g.name AS naam, g.level AS niveau, k.period AS jaar,
       k.value AS lasten, b.value AS inwoners, k.value / b.value AS per_inwoner,
       k.status
FROM places p
JOIN geo g ON g.geo_code = p.geo_code
JOIN o k ON k.geo_code = p.geo_code AND k.indicator = 'kosten_jeugdhulp_jaarrekening'
JOIN o b ON b.geo_code = k.geo_code AND b.period = k.period AND b.indicator = 'bevolking_totaal'
ORDER BY p.ord, jaar`;

export const columns = ['ord', 'geo_code', 'naam', 'niveau', 'jaar', 'lasten', 'inwoners', 'per_inwoner', 'status'];
export const indicators = ['kosten_jeugdhulp_jaarrekening', 'bevolking_totaal'];

const label = (r: PerInwonerRow) => (r.niveau === 'jeugdregio' ? `Jeugdregio ${r.naam}` : r.naam);

function seriesOf(rows: PerInwonerRow[]): Series<PerInwonerRow>[] {
  const ords = [...new Set(rows.filter((r) => r.per_inwoner != null).map((r) => r.ord))].sort();
  return ords.map((ord) => {
    const sub = rows.filter((r) => r.ord === ord);
    return { key: ord, label: label(sub[0]), rows: sub, ...ROLE_STYLE[ord] };
  });
}

export const hasData = (rows: PerInwonerRow[]) => rows.some((r) => r.per_inwoner != null);

export function plot(rows: PerInwonerRow[], options: PlotOptions): Element {
  return lineChart<PerInwonerRow>(
    {
      series: seriesOf(rows),
      x: 'jaar',
      y: 'per_inwoner',
      yLabel: 'euro per inwoner',
      yFormat: (v) => formatEuro(v),
      title: (r) => `${label(r)}, ${formatYear(r.jaar)}: ${formatEuro(r.per_inwoner)} per inwoner`,
      breaks: [{ year: 2023, label: 'nieuwe taakvelden' }],
      corona: true,
    },
    options,
  );
}

export const legend = (rows: PerInwonerRow[]) => legendOf(seriesOf(rows));

export function summary(rows: PerInwonerRow[], ctx: ChartContext): string {
  const own = rows.filter((r) => r.ord === 1 && r.per_inwoner != null).sort((a, b) => a.jaar - b.jaar);
  if (!own.length) {
    const base = empty(ctx);
    const other = rows.filter((r) => r.per_inwoner != null).sort((a, b) => b.jaar - a.jaar || a.ord - b.ord)[0];
    return other ? `${base} Ter vergelijking: ${other.ord === 3 ? 'landelijk' : `in ${label(other).replace('Jeugdregio', 'jeugdregio')}`} was het in ${other.jaar} ${formatEuro(other.per_inwoner)} per inwoner.` : base;
  }
  const last = own[own.length - 1];
  let s = `${capitalise(inPlace(ctx.geo))} ging in ${last.jaar} ${formatEuro(last.per_inwoner)} per inwoner naar individuele jeugdhulp`;
  const cmp = rows
    .filter((r) => r.ord > 1 && r.jaar === last.jaar && r.per_inwoner != null)
    .map((r) => `${formatEuro(r.per_inwoner)} ${r.ord === 3 ? 'landelijk' : `in jeugdregio ${r.naam}`}`);
  s += cmp.length ? `, tegen ${cmp.join(' en ')}.` : '.';
  const first = own[0];
  const c = change(first.per_inwoner, last.per_inwoner);
  if (first.jaar < last.jaar && c != null) s += ` In ${first.jaar} was het ${formatEuro(first.per_inwoner)} per inwoner (${formatChange(c)}, zonder correctie voor prijsstijgingen).`;
  return s + provisional(own);
}

export const empty = (ctx: ChartContext) => noDataSentence(ctx, 'uitgaven aan jeugdhulp per inwoner');

export function table(rows: PerInwonerRow[], ctx: ChartContext) {
  const ords = [...new Set(rows.map((r) => r.ord))].sort();
  return pivotByYear(
    `Lasten individuele jeugdhulp per inwoner (jaarrekening), ${placeName(ctx.geo)}${ords.length > 1 ? ' en vergelijking' : ''}`,
    ords.map((ord) => {
      const sub = rows.filter((r) => r.ord === ord);
      return { label: label(sub[0]), rows: sub };
    }),
    (r) => (r.per_inwoner == null ? 'onbekend' : `${formatEuro(r.per_inwoner)} (${formatEuroExact(r.lasten)} / ${formatNumber(r.inwoners)} inw.)`),
  );
}

export const source = {
  tables: ['Iv3 gemeenten (CBS dataderden), jaarrekening', '70072ned (inwoners op 1 januari)'],
  citation: 'Bron: CBS',
};

export const notes = [
  'Per inwoner = lasten volgens de jaarrekening gedeeld door alle inwoners op 1 januari van hetzelfde jaar, berekend uit de aantallen. Bedragen zijn niet gecorrigeerd voor inflatie.',
  NOTE_LASTEN,
  ...caveatsOf(indicators, [NOTE_CORONA, NOTE_WOONPLAATS]),
];

export const explore: ExploreSpec = {
  indicator: 'kosten_jeugdhulp_jaarrekening',
  label: 'lasten individuele jeugdhulp (jaarrekening)',
  unit: 'euro',
  base: { indicator: 'bevolking_totaal', factor: 1, label: 'per inwoner' },
};

const chart: ChartDef<PerInwonerRow> = { id, title, question, sql, columns, indicators, hasData, plot, legend, summary, empty, table, source, notes, explore };
export default chart;
