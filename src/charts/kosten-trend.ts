import { NL } from '../catalog/places.ts';
import type { IndicatorId } from '../catalog/indicators.ts';
import { change, formatChange, formatEuro, formatEuroExact, formatPercent, formatYear } from '../shared/format.ts';
import {
  NOTE_BEGROTING, NOTE_CORONA, NOTE_NETTO, NOTE_WOONPLAATS, OBS_CTE, ROLE_STYLE, caveatsOf, capitalise, costFlagNotice, inPlace,
  legendOf, lineChart, noDataSentence, pivotByYear, placeName, provisional, type Series,
  exploreOf,
} from './shared.ts';
import type { ChartContext, ChartDef, ExploreSpec, PlotOptions } from './types.ts';

export interface KostenRow {
  [k: string]: string | number | null;
  naam: string;
  soort: 'jaarrekening' | 'begroting';
  jaar: number;
  lasten: number | null;
  baten: number | null;
  netto: number | null;
  aandeel_baten: number | null;
  /** The netto figure's flag: centrumgemeente, elders-geboekt, som-gemeenten(-onvolledig). */
  vlag: string | null;
  /** For a region or Nederland: member gemeenten that book their youth care elsewhere that year. */
  elders: string | null;
  status: string | null;
}

export const id = 'kosten-trend';
export const title = { nl: 'Netto uitgaven aan jeugdhulp per jaar', en: 'Net spending on youth care per year' };
export const question = 'Hoeveel geeft de gemeente netto uit aan jeugdhulp, en klopte de begroting met wat er werkelijk is uitgegeven?';
/** Both lines, not only the jaarrekening indicator's definition. */
export const definition =
  'Netto uitgaven (lasten − baten) op de Iv3-taakvelden van de individuele jeugdhulp (6.72 / 6.72a–6.74c / 6.751–6.763 en 6.792), in euro. De jaarrekening (wat is uitgegeven) en de begroting (wat vooraf werd verwacht) zijn twee aparte lijnen.';

/**
 * Netto (lasten − baten, stored by the pipeline) on the individual youth-care taakvelden; begroting and
 * jaarrekening stay two series and are compared on the same netto measure.
 */
export const sql = `WITH ${OBS_CTE},
soorten(soort) AS (VALUES ('jaarrekening'), ('begroting'))
SELECT g.name AS naam, s.soort, l.period AS jaar, l.value AS lasten, b.value AS baten, n.value AS netto,
       a.value AS aandeel_baten, n.flag AS vlag,
       (SELECT string_agg(eg.name, ', ' ORDER BY eg.name) FROM o e JOIN geo eg ON eg.geo_code = e.geo_code
        WHERE e.indicator = n.indicator AND e.period = n.period AND e.flag = 'elders-geboekt'
          AND (n.geo_code = '${NL}' OR e.geo_code IN (
            SELECT gemeente_code FROM membership WHERE jeugdregio_code = n.geo_code
              AND year = (SELECT max(year) FROM membership WHERE year <= n.period)))) AS elders,
       coalesce(n.status, l.status) AS status
FROM soorten s
JOIN o l ON l.indicator = 'kosten_jeugdhulp_' || s.soort AND l.geo_code = $geo
LEFT JOIN o b ON b.indicator = 'baten_jeugdhulp_' || s.soort AND b.geo_code = l.geo_code AND b.period = l.period
LEFT JOIN o n ON n.indicator = 'netto_jeugdhulp_' || s.soort AND n.geo_code = l.geo_code AND n.period = l.period
LEFT JOIN o a ON a.indicator = 'aandeel_baten_jeugdhulp_' || s.soort AND a.geo_code = l.geo_code AND a.period = l.period
JOIN geo g ON g.geo_code = l.geo_code
ORDER BY s.soort DESC, jaar`;

export const columns = ['naam', 'soort', 'jaar', 'lasten', 'baten', 'netto', 'aandeel_baten', 'vlag', 'elders', 'status'];
export const indicators = ['netto_jeugdhulp_jaarrekening', 'netto_jeugdhulp_begroting', 'kosten_jeugdhulp_jaarrekening', 'baten_jeugdhulp_jaarrekening'] as const satisfies readonly IndicatorId[];

const LABEL = { jaarrekening: 'Jaarrekening (werkelijk uitgegeven)', begroting: 'Begroting (vooraf verwacht)' };

function seriesOf(rows: KostenRow[]): Series<KostenRow>[] {
  return (['jaarrekening', 'begroting'] as const)
    .filter((s) => rows.some((r) => r.soort === s && r.netto != null))
    .map((s) => ({ key: s, label: LABEL[s], rows: rows.filter((r) => r.soort === s), ...ROLE_STYLE[s === 'jaarrekening' ? 1 : 2] }));
}

export const hasData = (rows: KostenRow[]) => rows.some((r) => r.netto != null);

export function plot(rows: KostenRow[], options: PlotOptions): Element {
  return lineChart<KostenRow>(
    {
      series: seriesOf(rows),
      x: 'jaar',
      y: 'netto',
      yLabel: 'netto uitgaven in euro',
      yFormat: (v) => formatEuro(v),
      title: (r) => `${LABEL[r.soort]}, ${formatYear(r.jaar)}: netto ${formatEuro(r.netto)} (lasten ${formatEuro(r.lasten)} − baten ${formatEuro(r.baten)})`,
      breaks: [{ year: 2023, label: 'nieuwe taakvelden' }],
      corona: true,
    },
    options,
  );
}

export const legend = (rows: KostenRow[]) => legendOf(seriesOf(rows));

export function summary(rows: KostenRow[], ctx: ChartContext): string {
  if (!hasData(rows)) return empty(ctx, rows);
  const where = capitalise(inPlace(ctx.geo));
  const real = rows.filter((r) => r.soort === 'jaarrekening' && r.netto != null).sort((a, b) => a.jaar - b.jaar);
  const plan = rows.filter((r) => r.soort === 'begroting' && r.netto != null).sort((a, b) => a.jaar - b.jaar);
  const parts: string[] = [];
  if (real.length) {
    const last = real[real.length - 1];
    const gross = last.baten ? ` (lasten ${formatEuro(last.lasten)} min ${formatEuro(last.baten)} baten)` : '';
    parts.push(`${where} ging in ${last.jaar} volgens de jaarrekening netto ${formatEuro(last.netto)} naar individuele jeugdhulp${gross}.`);
    const b = plan.find((r) => r.jaar === last.jaar);
    if (b) {
      const c = change(b.netto, last.netto);
      // change() is in percent: within 1 % the begroting was about right.
      const diff = c != null && Math.abs(c) >= 1 ? `: er ging ${formatPercent(Math.abs(c))} ${c > 0 ? 'meer' : 'minder'} uit dan begroot` : ', ongeveer wat er uitging';
      parts.push(`Begroot was netto ${formatEuro(b.netto)}${diff}.`);
    }
    const first = real[0];
    const c = change(first.netto, last.netto);
    if (first.jaar < last.jaar && c != null) parts.push(`In ${first.jaar} was dat ${formatEuro(first.netto)} (${formatChange(c)}).`);
  } else {
    const last = plan[plan.length - 1];
    const booked = rows.some((r) => r.soort === 'jaarrekening' && r.vlag === 'elders-geboekt');
    parts.push(`${booked ? 'De jaarrekening heeft geen netto bedrag (zie de toelichting).' : 'Er is nog geen jaarrekening.'} ${where} begrootte voor ${last.jaar} netto ${formatEuro(last.netto)} voor individuele jeugdhulp.`);
  }
  const newest = plan[plan.length - 1];
  if (real.length && newest && newest.jaar > real[real.length - 1].jaar) {
    parts.push(`Voor ${newest.jaar} is netto ${formatEuro(newest.netto)} begroot.`);
  }
  return parts.join(' ') + provisional(rows);
}

export const empty = (ctx: ChartContext, rows: KostenRow[] = []) => {
  // Say why there is nothing (booked elsewhere), after the plain "geen cijfers" sentence.
  const why = costFlagNotice(rows, ctx, { onlyElsewhere: true });
  return `${noDataSentence(ctx, 'uitgaven aan jeugdhulp (Iv3)')}${why ? ` ${why}` : ''}`;
};

export const notice = (rows: KostenRow[], ctx: ChartContext) => (hasData(rows) ? costFlagNotice(rows, ctx) : null);

export function table(rows: KostenRow[], ctx: ChartContext) {
  const cell = (r: KostenRow) =>
    r.netto == null
      ? r.vlag === 'elders-geboekt' ? 'elders geboekt' : 'onbekend'
      : `${formatEuroExact(r.netto)} (${formatEuroExact(r.lasten)} − ${formatEuroExact(r.baten)})`;
  return pivotByYear(
    `Netto uitgaven individuele jeugdhulp (lasten − baten), ${placeName(ctx.geo)}: jaarrekening en begroting`,
    (['jaarrekening', 'begroting'] as const).map((s) => ({ label: `${LABEL[s]}: netto (lasten − baten)`, rows: rows.filter((r) => r.soort === s) })),
    cell,
  );
}

export const source = {
  tables: ['Iv3 gemeenten (CBS dataderden, o.a. 45063NED, 45067NED, 45071NED)', 'taakvelden 6.72 / 6.72a–6.74c / 6.751–6.763 en 6.792'],
  citation: 'Bron: CBS',
};

export const notes = [NOTE_NETTO, NOTE_BEGROTING, ...caveatsOf(indicators, [NOTE_CORONA, NOTE_WOONPLAATS])];

export const explore: ExploreSpec = exploreOf('netto_jeugdhulp_jaarrekening_per_inwoner');

const chart: ChartDef<KostenRow> = { id, title, question, definition, sql, columns, indicators, hasData, plot, legend, summary, empty, notice, table, source, notes, explore };
export default chart;

