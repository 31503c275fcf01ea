import { NL, NL_NAME } from '../catalog/places.ts';
import { byCodePoint } from './compare.ts';
import { InputError } from './errors.ts';
import type { GeoRow, MembershipRow } from './model.ts';
import { normTitle } from '../catalog/indicators.ts';
import { measureKind } from '../catalog/gebieden.ts';
import { checkName } from './readers/text.ts';
import type { CbsRecord } from './readers/types.ts';

export interface Geography {
  geo: GeoRow[];
  membership: MembershipRow[];
  years: number[];
}

/**
 * Gemeenten, jeugdregio's and membership per year from CBS "Gebieden in Nederland" (one table per year,
 * indeling on 1 January). Measures are recognised by Title and Description ("Naam" + "jeugdregio"),
 * never by identifier: identifiers are table specific.
 */
export function geographyFromGebieden(byYear: Map<number, CbsRecord[]>): Geography {
  const names = new Map<string, { name: string; level: GeoRow['level']; years: number[] }>();
  const membership: MembershipRow[] = [];
  const note = (code: string, name: string, level: GeoRow['level'], year: number) => {
    const e = names.get(code) ?? { name, level, years: [] };
    // The latest year's spelling wins: names change (Súdwest-Fryslân, 's-Hertogenbosch …).
    if (year >= Math.max(...e.years, -Infinity)) e.name = name;
    if (!e.years.includes(year)) e.years.push(year);
    names.set(code, e);
  };
  const years = [...byYear.keys()].sort((a, b) => a - b);
  for (const year of years) {
    const perGm = new Map<string, { name?: string; jz?: string; jzName?: string; line: number; file: string }>();
    for (const r of byYear.get(year)!) {
      if (!/^GM\d{4}$/.test(r.region)) continue;
      const kind = measureKind(r);
      if (!kind) continue;
      const e = perGm.get(r.region) ?? { line: r.line, file: r.file };
      // Names go into headings, images and CSVs of the site: each is checked where it was read.
      if (kind === 'gm-name' || kind === 'jz-name') checkName(r.text ?? '', { file: r.file, line: r.line, column: 'StringValue' });
      if (kind === 'gm-name') e.name = r.text ?? undefined;
      if (kind === 'jz-code') e.jz = r.text ?? undefined;
      if (kind === 'jz-name') e.jzName = r.text ?? undefined;
      perGm.set(r.region, e);
    }
    if (!perGm.size) throw new InputError({ file: byYear.get(year)![0]?.file ?? `Gebieden ${year}` }, 'no gemeente rows with a name', 'Gebieden in Nederland observations for GM codes');
    for (const [gm, e] of perGm) {
      if (!e.name) throw new InputError({ file: e.file, line: e.line, column: 'StringValue' }, `gemeente ${gm} has no name in ${year}`, 'a "Naam" measure per gemeente');
      note(gm, e.name, 'gemeente', year);
      if (e.jz) {
        if (!/^JZ\d{2}$/.test(e.jz)) throw new InputError({ file: e.file, line: e.line, column: 'StringValue' }, `"${e.jz}" is not a jeugdregio code`, 'a code like JZ13');
        note(e.jz, e.jzName ?? e.jz, 'jeugdregio', year);
        membership.push({ gemeente_code: gm, jeugdregio_code: e.jz, year });
      }
    }
  }
  const geo: GeoRow[] = [{ geo_code: NL, name: NL_NAME, level: 'land', first_year: years[0], last_year: years[years.length - 1] }];
  for (const [code, e] of names) {
    geo.push({ geo_code: code, name: e.name, level: e.level, first_year: Math.min(...e.years), last_year: Math.max(...e.years) });
  }
  geo.sort((a, b) => byCodePoint(a.geo_code, b.geo_code));
  membership.sort((a, b) => a.year - b.year || byCodePoint(a.gemeente_code, b.gemeente_code));
  return { geo, membership, years };
}

/**
 * Resolve names (as Iv3 files and StatLine exports write them) to codes, per year of indeling.
 * Gemeente and jeugdregio names collide (Groningen is both), so each level has its own index: a label
 * ending in "(JZ)" is a jeugdregio, otherwise a gemeente is preferred. Exact (normalised) match first;
 * then without CBS's disambiguating suffix "(gemeente)".
 */
export class NameIndex {
  private readonly byYear = new Map<string, Map<string, string>>();
  private readonly all = new Map<string, string>();
  private readonly years: number[];

  constructor(geo: Geography) {
    const nameOf = new Map(geo.geo.map((g) => [g.geo_code, g.name]));
    for (const m of geo.membership) {
      this.add('gemeente', m.year, nameOf.get(m.gemeente_code)!, m.gemeente_code);
      this.add('jeugdregio', m.year, nameOf.get(m.jeugdregio_code)!, m.jeugdregio_code);
    }
    for (const g of geo.geo) this.all.set(`${g.level}|${normTitle(g.name)}`, g.geo_code);
    this.years = geo.years;
  }

  private add(level: GeoRow['level'], year: number, name: string, code: string) {
    const k = `${level}|${year}`;
    const m = this.byYear.get(k) ?? new Map<string, string>();
    m.set(normTitle(name), code);
    this.byYear.set(k, m);
  }

  /** The code for a name in a year, or undefined. */
  lookup(name: string, year: number, level?: 'gemeente' | 'jeugdregio'): string | undefined {
    const n = normTitle(name);
    if (n === 'nederland') return level ? undefined : NL;
    const isJz = / \((jz|jeugdregio)\)$/.test(n);
    const bare = n.replace(/ \((gemeente|jz|jeugdregio)\)$/, '');
    const levels: GeoRow['level'][] = level ? [level] : isJz ? ['jeugdregio'] : ['gemeente', 'jeugdregio'];
    const y = this.years.includes(year) ? year : this.years.reduce((b, c) => (Math.abs(c - year) < Math.abs(b - year) ? c : b), this.years[0]);
    for (const lv of levels) {
      for (const candidate of [n, bare]) {
        const code = this.byYear.get(`${lv}|${y}`)?.get(candidate) ?? this.all.get(`${lv}|${candidate}`);
        if (code) return code;
      }
    }
    return undefined;
  }
}
