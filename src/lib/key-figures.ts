/**
 * The key-figure strip at the top of a gemeente or regio page: per figure the place's newest value, its
 * change since the year before it, its rank among the gemeenten (or jeugdregio's) that have the figure
 * that year, and the same figure for its jeugdregio and Nederland. Figures the place has no value for are
 * left out (the page does not show empty boxes). One query per figure for all places, once per build.
 */
import { NL } from '../catalog/places.ts';
import { OBS_CTE } from '../charts/shared.ts';
import { change, formatChange, formatNumber, formatValue } from '../shared/format.ts';
import { query, warehouseDir } from './warehouse.ts';

export interface KeyFigureDef {
  id: string;
  label: string;
  /** Candidates, first with a value for the place wins (e.g. a stored netto figure before gross lasten). */
  sources: { indicator: string; base?: string; factor?: number; definition: string }[];
  unit: 'procent' | 'per1000' | 'euro';
  /** The chart on the page that shows this figure (its anchor). */
  chart: string;
}

export const KEY_FIGURES: KeyFigureDef[] = [
  {
    id: 'jeugdzorg-kwb',
    label: 'Jongeren met jeugdzorg',
    unit: 'procent',
    chart: 'gebruik-kwb',
    sources: [{ indicator: 'kwb_aandeel_jongeren_jeugdzorg', definition: '% van de jongeren tot 23 jaar met jeugdhulp in natura, jeugdbescherming of jeugdreclassering (CBS Kerncijfers wijken en buurten; alleen per gemeente)' }],
  },
  {
    id: 'jeugdhulp',
    label: 'Jongeren met jeugdhulp',
    unit: 'per1000',
    chart: 'gebruik-trend',
    sources: [{ indicator: 'jongeren_jeugdhulp', base: 'bevolking_0_22', factor: 1000, definition: 'per 1.000 jongeren van 0–22 jaar (CBS Beleidsinformatie Jeugd)' }],
  },
  {
    id: 'verblijf',
    label: 'Jeugdhulp met verblijf',
    unit: 'per1000',
    chart: 'verblijf-per-vorm',
    sources: [{ indicator: 'jongeren_jeugdhulp_met_verblijf', base: 'bevolking_0_22', factor: 1000, definition: 'jongeren per 1.000 jongeren van 0–22 jaar (CBS Beleidsinformatie Jeugd)' }],
  },
  {
    id: 'kosten',
    label: 'Uitgaven jeugdhulp per inwoner',
    unit: 'euro',
    chart: 'kosten-per-inwoner',
    sources: [
      { indicator: 'netto_jeugdhulp_per_inwoner_jaarrekening', definition: 'netto (lasten − baten) per inwoner, jaarrekening (Iv3)' },
      { indicator: 'kosten_jeugdhulp_jaarrekening', base: 'bevolking_totaal', factor: 1, definition: 'lasten per inwoner, jaarrekening (Iv3)' },
    ],
  },
];

export interface FigureValue {
  geo_code: string;
  jaar: number;
  waarde: number;
  status: string | null;
  /** 1 = highest among places of the same level with a value that year. */
  rang: number | null;
  van: number;
}

export interface KeyFigure {
  def: KeyFigureDef;
  definition: string;
  indicator: string;
  value: FigureValue;
  previous: FigureValue | null;
  region: FigureValue | null;
  nl: FigureValue | null;
}

/**
 * Every place's values of one source, all years; ranks among current gemeenten (the newest membership year)
 * or among jeugdregio's. Derived only by division and rank; the figures are the warehouse's.
 */
export function figureSql(base?: string): string {
  const val = base ? '$factor * v.value / b.value' : 'v.value';
  return `WITH ${OBS_CTE},
huidig AS (
  SELECT gemeente_code AS geo_code FROM membership WHERE year = (SELECT max(year) FROM membership)
  UNION SELECT geo_code FROM geo WHERE level IN ('jeugdregio', 'land')
),
val AS (
  SELECT v.geo_code, v.period AS jaar, ${val} AS waarde, v.status
  FROM o v ${base ? 'JOIN o b ON b.geo_code = v.geo_code AND b.period = v.period AND b.indicator = $base' : ''}
  WHERE v.indicator = $indicator AND v.value IS NOT NULL AND v.geo_code IN (SELECT geo_code FROM huidig)
)
SELECT geo_code, jaar, waarde, status,
       CASE WHEN geo_code = '${NL}' THEN NULL ELSE rank() OVER (PARTITION BY jaar, substr(geo_code, 1, 2) ORDER BY waarde DESC) END AS rang,
       count(*) OVER (PARTITION BY jaar, substr(geo_code, 1, 2)) AS van
FROM val WHERE waarde IS NOT NULL
ORDER BY geo_code, jaar`;
}

const cache = new Map<string, Promise<Map<string, FigureValue[]>>>();

function valuesOf(src: KeyFigureDef['sources'][number]): Promise<Map<string, FigureValue[]>> {
  const key = `${warehouseDir()}|${src.indicator}|${src.base ?? ''}`;
  let p = cache.get(key);
  if (!p) {
    p = query<FigureValue & Record<string, string | number | null>>(figureSql(src.base), {
      indicator: src.indicator,
      ...(src.base ? { base: src.base, factor: src.factor ?? 1 } : {}),
    }).then((rows) => {
      const m = new Map<string, FigureValue[]>();
      for (const r of rows) m.set(r.geo_code, [...(m.get(r.geo_code) ?? []), r]);
      return m;
    });
    cache.set(key, p);
  }
  return p;
}

/**
 * The place's key figures from per-place value lists (oldest year first): the newest value, the one
 * before it, and the region's and Nederland's value in the same year. Pure, so the rules are tested apart.
 */
export function pickFigure(
  def: KeyFigureDef,
  src: KeyFigureDef['sources'][number],
  values: Map<string, FigureValue[]>,
  geo: string,
  region?: string,
): KeyFigure | null {
  const own = values.get(geo) ?? [];
  if (!own.length) return null;
  const value = own[own.length - 1];
  const sameYear = (code?: string) => (code ? (values.get(code) ?? []).find((v) => v.jaar === value.jaar) ?? null : null);
  return {
    def,
    definition: src.definition,
    indicator: src.indicator,
    value,
    previous: own.length > 1 ? own[own.length - 2] : null,
    region: sameYear(region),
    nl: geo === NL ? null : sameYear(NL),
  };
}

export async function keyFigures(geo: string, region?: string, defs = KEY_FIGURES): Promise<KeyFigure[]> {
  const out: KeyFigure[] = [];
  for (const def of defs) {
    for (const src of def.sources) {
      const f = pickFigure(def, src, await valuesOf(src), geo, region);
      if (f) {
        out.push(f);
        break;
      }
    }
  }
  return out;
}

// ---- words -------------------------------------------------------------------------------------

export function formatFigure(unit: KeyFigureDef['unit'], v: number): string {
  return unit === 'per1000' ? `${formatValue(v, 'per_1000')} per 1.000` : formatValue(v, unit);
}

/** "+0,4 procentpunt sinds 2020" for a percentage, "+3,1 % sinds 2022" otherwise; null without an earlier year. */
export function changeText(f: KeyFigure): string | null {
  if (!f.previous) return null;
  if (f.def.unit === 'procent') {
    const d = f.value.waarde - f.previous.waarde;
    const r = Math.round(d * 10) / 10;
    const sign = r > 0 ? '+' : r < 0 ? '−' : '±';
    return `${sign}${formatNumber(Math.abs(r), 1, 1)} procentpunt sinds ${f.previous.jaar}`;
  }
  const c = change(f.previous.waarde, f.value.waarde);
  return c == null ? null : `${formatChange(c)} sinds ${f.previous.jaar}`;
}

/** "plaats 57 van 342 gemeenten (1 = hoogste)". */
export function rankText(f: KeyFigure, level: 'gemeente' | 'jeugdregio' | 'land'): string | null {
  if (f.value.rang == null || level === 'land') return null;
  return `plaats ${f.value.rang} van ${f.value.van} ${level === 'gemeente' ? 'gemeenten' : "jeugdregio's"} (1 = hoogste)`;
}
