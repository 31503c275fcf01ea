import { change, formatChange, formatEuro, formatEuroExact, formatPercent, formatYear } from '../lib/format.ts';
import {
  NOTE_BEGROTING, NOTE_CORONA, NOTE_LASTEN, NOTE_WOONPLAATS, OBS_CTE, ROLE_STYLE, caveatsOf, capitalise, inPlace,
  legendOf, lineChart, noDataSentence, pivotByYear, placeName, provisional, type Series,
} from './shared.ts';
import type { ChartContext, ChartDef, ExploreSpec, PlotOptions } from './types.ts';

export interface KostenRow {
  [k: string]: string | number | null;
  naam: string;
  soort: 'jaarrekening' | 'begroting';
  jaar: number;
  lasten: number | null;
  status: string | null;
}

export const id = 'kosten-trend';
export const title = { nl: 'Uitgaven aan jeugdhulp per jaar', en: 'Spending on youth care per year' };
export const question = 'Hoeveel geeft de gemeente uit aan jeugdhulp, en klopte de begroting met wat er werkelijk is uitgegeven?';

/** Iv3 lasten on the individual youth-care task fields; begroting and jaarrekening stay two series. */
export const sql = `WITH ${OBS_CTE}
SELECT g.name AS naam,
       CASE o.indicator WHEN 'kosten_jeugdhulp_jaarrekening' THEN 'jaarrekening' ELSE 'begroting' END AS soort,
       o.period AS jaar, o.value AS lasten, o.status
FROM o JOIN geo g ON g.geo_code = o.geo_code
WHERE o.geo_code = $geo AND o.indicator IN ('kosten_jeugdhulp_jaarrekening', 'kosten_jeugdhulp_begroting')
ORDER BY soort DESC, jaar`;

export const columns = ['naam', 'soort', 'jaar', 'lasten', 'status'];
export const indicators = ['kosten_jeugdhulp_jaarrekening', 'kosten_jeugdhulp_begroting'];

const LABEL = { jaarrekening: 'Jaarrekening (werkelijk uitgegeven)', begroting: 'Begroting (vooraf verwacht)' };

function seriesOf(rows: KostenRow[]): Series<KostenRow>[] {
  return (['jaarrekening', 'begroting'] as const)
    .filter((s) => rows.some((r) => r.soort === s && r.lasten != null))
    .map((s) => ({ key: s, label: LABEL[s], rows: rows.filter((r) => r.soort === s), ...ROLE_STYLE[s === 'jaarrekening' ? 1 : 2] }));
}

export const hasData = (rows: KostenRow[]) => rows.some((r) => r.lasten != null);

export function plot(rows: KostenRow[], options: PlotOptions): Element {
  return lineChart<KostenRow>(
    {
      series: seriesOf(rows),
      x: 'jaar',
      y: 'lasten',
      yLabel: 'lasten in euro',
      yFormat: (v) => formatEuro(v),
      title: (r) => `${LABEL[r.soort]}, ${formatYear(r.jaar)}: ${formatEuro(r.lasten)}`,
      breaks: [{ year: 2023, label: 'nieuwe taakvelden' }],
      corona: true,
    },
    options,
  );
}

export const legend = (rows: KostenRow[]) => legendOf(seriesOf(rows));

export function summary(rows: KostenRow[], ctx: ChartContext): string {
  if (!hasData(rows)) return empty(ctx);
  const where = capitalise(inPlace(ctx.geo));
  const real = rows.filter((r) => r.soort === 'jaarrekening' && r.lasten != null).sort((a, b) => a.jaar - b.jaar);
  const plan = rows.filter((r) => r.soort === 'begroting' && r.lasten != null).sort((a, b) => a.jaar - b.jaar);
  const parts: string[] = [];
  if (real.length) {
    const last = real[real.length - 1];
    parts.push(`${where} ging in ${last.jaar} volgens de jaarrekening ${formatEuro(last.lasten)} uit aan individuele jeugdhulp.`);
    const b = plan.find((r) => r.jaar === last.jaar);
    if (b) {
      const c = change(b.lasten, last.lasten);
      const diff = c != null && Math.abs(c) >= 0.05 ? `: er ging ${formatPercent(Math.abs(c))} ${c > 0 ? 'meer' : 'minder'} uit dan begroot` : '';
      parts.push(`Begroot was ${formatEuro(b.lasten)}${diff}.`);
    }
    const first = real[0];
    const c = change(first.lasten, last.lasten);
    if (first.jaar < last.jaar && c != null) parts.push(`In ${first.jaar} was dat ${formatEuro(first.lasten)} (${formatChange(c)}).`);
  } else {
    const last = plan[plan.length - 1];
    parts.push(`Er is nog geen jaarrekening. ${where} begrootte voor ${last.jaar} ${formatEuro(last.lasten)} voor individuele jeugdhulp.`);
  }
  const newest = plan[plan.length - 1];
  if (real.length && newest && newest.jaar > real[real.length - 1].jaar) {
    parts.push(`Voor ${newest.jaar} is ${formatEuro(newest.lasten)} begroot.`);
  }
  return parts.join(' ') + provisional(rows);
}

export const empty = (ctx: ChartContext) => noDataSentence(ctx, 'uitgaven aan jeugdhulp (Iv3)');

export function table(rows: KostenRow[], ctx: ChartContext) {
  return pivotByYear(
    `Lasten individuele jeugdhulp, ${placeName(ctx.geo)}: jaarrekening en begroting`,
    (['jaarrekening', 'begroting'] as const).map((s) => ({ label: LABEL[s], rows: rows.filter((r) => r.soort === s) })),
    (r) => formatEuroExact(r.lasten),
  );
}

export const source = {
  tables: ['Iv3 gemeenten (CBS dataderden, o.a. 45063NED, 45067NED, 45071NED)', 'taakvelden 6.72 / 6.72a–6.74c / 6.751–6.763 en 6.792'],
  citation: 'Bron: CBS',
};

export const notes = [NOTE_BEGROTING, NOTE_LASTEN, ...caveatsOf(indicators, [NOTE_CORONA, NOTE_WOONPLAATS])];

export const explore: ExploreSpec = {
  indicator: 'kosten_jeugdhulp_jaarrekening',
  label: 'lasten individuele jeugdhulp (jaarrekening)',
  unit: 'euro',
  base: { indicator: 'bevolking_totaal', factor: 1, label: 'per inwoner' },
};

const chart: ChartDef<KostenRow> = { id, title, question, sql, columns, indicators, hasData, plot, legend, summary, empty, table, source, notes, explore };
export default chart;
