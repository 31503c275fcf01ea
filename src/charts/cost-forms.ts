/**
 * A cost-by-form chart (kosten-verblijf, kosten-zonder-verblijf): netto euros per form of care as stacked
 * columns per year and verslagsoort. The two charts differ only in their forms and words; the SQL, the
 * summary, the table and the notes are written once here, so a fix to one is a fix to both.
 */
import type { IndicatorId } from '../catalog/indicators.ts';
import { formatEuro, formatNumber, listNl } from '../shared/format.ts';
import {
  NOTE_NETTO, NOTE_WOONPLAATS, OBS_CTE, capitalise, caveatsOf, columnOf, columnOrder, costColumns, costFlagNotice, costFormTable, costLegend,
  inPlace, noDataSentence, type CostPart,
} from './shared.ts';
import type { ChartDef, ChartSource } from './types.ts';

export interface CostFormRow extends CostPart {
  [k: string]: string | number | null;
  naam: string;
  lasten: number | null;
  vlag: string | null;
  status: string | null;
}

export interface CostFormSpec {
  id: string;
  title: { nl: string; en: string };
  question: string;
  /** 'met verblijf' or 'zonder verblijf': the words of the summary, table and empty sentence. */
  what: string;
  /**
   * The forms: indicator base (netto_<base>_<soort>), label and stack order; ord -1 is the total for years
   * Iv3 does not split by form (drawn as one grey segment, and only where that year has no split).
   */
  forms: { base: string; vorm: string; ord: number }[];
  /** The jaarrekening indicators of `forms`: typed, so a misspelt base fails the typecheck. */
  indicators: readonly IndicatorId[];
  /** What the summary says after the unsplit total, e.g. "vanaf 2025 maakt Iv3 geen onderscheid meer naar vorm". */
  unsplitNote: string;
  /** What the empty sentence says there are no figures about. */
  emptyWhat: string;
  /** The taakvelden per Iv3 regime, for the definition: "6.73a–c en 6.74b–c (2023–2024), 6.761–6.763 (vanaf 2025)". */
  taakvelden: string;
  source: ChartSource;
  /** Notes before the netto note and the indicators' caveats. */
  notes: string[];
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The label's short name: "Gezinsgericht (gezinshuis)" → "Gezinsgericht", "Overig: dagbesteding …" → "Overig". */
const shortName = (vorm: string) => vorm.split(/ \(|:/)[0];

export function costFormChart(spec: CostFormSpec): ChartDef<CostFormRow> {
  const { id, title, question, what, indicators } = spec;
  const sql = `WITH ${OBS_CTE},
vormen(base, vorm, ord) AS (VALUES
${spec.forms.map((f) => `  (${quote(f.base)}, ${quote(f.vorm)}, ${f.ord})`).join(',\n')}
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

  /** Only zeros (nothing booked on these taakvelden) is no figure to draw: the note says why. */
  const hasData = (rows: CostFormRow[]) => rows.some((r) => r.netto != null && r.netto !== 0);
  const total = (rows: CostFormRow[]) => rows.reduce((s, r) => s + (r.netto ?? 0), 0);

  const empty = (ctx: Parameters<ChartDef<CostFormRow>['empty']>[0], rows: CostFormRow[] = []) => {
    // Say why there is nothing (booked elsewhere), after the plain "geen cijfers" sentence.
    const why = costFlagNotice(rows, ctx, { onlyElsewhere: true });
    return `${noDataSentence(ctx, spec.emptyWhat)}${why ? ` ${why}` : ''}`;
  };

  return {
    id,
    title,
    question,
    // The chart's own definition: its first indicator's would describe one form (pleegzorg) of one verslagsoort.
    definition: `Netto uitgaven (lasten − baten) van de gemeente aan jeugdhulp ${what}, per vorm, op de Iv3-taakvelden ${spec.taakvelden}. Jaarrekening is wat is uitgegeven, begroting wat vooraf werd verwacht.`,
    sql,
    columns: ['naam', 'soort', 'jaar', 'ord', 'vorm', 'netto', 'lasten', 'vlag', 'status'],
    indicators,
    hasData,
    plot: (rows, options) => costColumns(rows, options, 'netto euro'),
    legend: (rows) => costLegend(rows),
    summary(rows, ctx) {
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
        parts.push(`${where} ging in ${y} volgens de ${soort} netto ${formatEuro(t)} naar jeugdhulp ${what}: ${listNl(col.map((r) => `${shortName(r.vorm).toLowerCase()} ${formatEuro(r.netto)}`))}.`);
        if (t > 0 && biggest?.netto) parts.push(`${shortName(biggest.vorm)} was het grootste deel (${formatNumber((100 * biggest.netto) / t)} %).`);
      }
      const unsplit = known.filter((r) => r.ord < 0).sort((a, b) => b.jaar - a.jaar)[0];
      if (unsplit) parts.push(`Voor ${unsplit.jaar} is netto ${formatEuro(unsplit.netto)} ${unsplit.soort === 'begroting' ? 'begroot' : 'uitgegeven'}; ${spec.unsplitNote}.`);
      parts.push('Het gaat om euro’s, niet om aantallen jongeren.');
      return parts.join(' ');
    },
    empty,
    notice: (rows, ctx) => (hasData(rows) ? costFlagNotice(rows, ctx) : null),
    table: (rows, ctx) => costFormTable(rows, ctx, what),
    source: spec.source,
    notes: [...spec.notes, NOTE_NETTO, ...caveatsOf(indicators, [NOTE_WOONPLAATS])],
  };
}
