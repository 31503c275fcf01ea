import { describe, expect, it } from 'vitest';
import { observationsFromPublished } from '../../../src/pipeline/published-map.ts';
import { readPublishedFigures } from '../../../src/pipeline/readers/published-figures.ts';
import { fixture, inputError, names2022, textFile, variant } from './source.ts';

/** CBS figures typed from publications: figures.csv (national) and gemeente_figures.csv (with geography). */
const F = 'published/figures.csv';

describe('published-figures reader', () => {
  it('reads every row with its line; labels and quoted text as written', () => {
    const rs = readPublishedFigures(fixture(F));
    expect(rs).toHaveLength(6);
    expect(rs[0]).toEqual({
      file: F,
      line: 2,
      geography: 'Nederland',
      metric: 'jongeren_met_jeugdbescherming',
      year: '2022* (as first published)',
      value: 40100,
      unit: 'jongeren',
      source_url: 'https://www.cbs.nl/nl-nl/nieuws/2023/18/voorbeeld',
      source_title: 'CBS nieuws (voorbeeld) 2023',
    });
    // Doubled quotes inside a quoted field, and a comma in it.
    expect(rs[2].unit).toBe('jongeren (circa; CBS text says "ruim 11 duizend")');
    expect(rs[4]).toMatchObject({ line: 6, year: '2022H1**', value: 9.8, unit: 'procent' });
    expect(rs.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('gemeente_figures.csv carries a geography column', () => {
    const f = textFile('published/gemeente_figures.csv', 'geography,metric,year,value,unit,source_url,source_title,quote\nSúdwest-Fryslân,jongeren_met_jeugdzorg_totaal_JZ,2022*,2290,jongeren,https://www.cbs.nl/x,CBS StatLine 85099NED,"2.290"\n');
    expect(readPublishedFigures(f)).toEqual([expect.objectContaining({ geography: 'Súdwest-Fryslân', metric: 'jongeren_met_jeugdzorg_totaal_JZ', value: 2290, line: 2 })]);
  });

  it('mapped: a later publication beats "(as first published)", CBS\'s exact figure beats a "circa" one, a half-year is its own series', async () => {
    const obs = observationsFromPublished(readPublishedFigures(fixture(F)), await names2022(), (y) => y);
    expect(obs).toHaveLength(3); // jongeren_tot18_met_jeugdhulp_in_natura is context, not an indicator
    expect(obs.find((o) => o.indicator === 'jongeren_jeugdbescherming')).toMatchObject({ geo_code: 'NL01', period: 2022, value: 40550, status: 'voorlopig', source: 'https://www.cbs.nl/nl-nl/longread/2024/voorbeeld', source_file: F });
    expect(obs.find((o) => o.indicator === 'jongeren_jeugdreclassering')).toMatchObject({ period: 2022, value: 11130, status: 'definitief' });
    expect(obs.some((o) => o.indicator === 'aandeel_jongeren_jeugdhulp_in_natura')).toBe(false);
    expect(obs.find((o) => o.indicator === 'aandeel_jongeren_jeugdhulp_in_natura_h1')).toMatchObject({ period: 2022, value: 9.8, status: 'nader voorlopig' });
  });

  it('a value with a decimal comma, a year that is no CBS label or a row without URL is an error at line and column', async () => {
    const comma = variant(fixture(F), (t) => t.replace(',9.8,', ',"9,8",'));
    expect(await inputError(() => readPublishedFigures(comma))).toMatchObject({ file: F, line: 6, column: 'value', expected: 'a number with a decimal point' });
    const year = variant(fixture(F), (t) => t.replace(',2022,402000,', ',vorig jaar,402000,'));
    expect(await inputError(() => readPublishedFigures(year))).toMatchObject({ line: 7, column: 'year' });
    const url = variant(fixture(F), (t) => t.replace('https://www.cbs.nl/nl-nl/cijfers/detail/85099NED', ''));
    expect(await inputError(() => readPublishedFigures(url))).toMatchObject({ line: 5, column: 'source_url', expected: 'the URL of the publication' });
  });

  it('a negative count is an error when mapped', async () => {
    const neg = variant(fixture(F), (t) => t.replace(',2022,11130,', ',2022,-11130,'));
    const e = await inputError(async () => observationsFromPublished(readPublishedFigures(neg), await names2022(), (y) => y));
    expect(e).toMatchObject({ line: 5, column: 'value', expected: 'zero or more jongeren' });
  });

  it('two figures for one period that disagree, with nothing saying which is newer, are an error', async () => {
    const twice = variant(fixture(F), (t) => `${t}jongeren_met_jeugdreclassering,2022,11310,jongeren,https://www.cbs.nl/nl-nl/cijfers/detail/85099NED,CBS StatLine 85099NED (voorbeeld),"11.310"\n`);
    const e = await inputError(async () => observationsFromPublished(readPublishedFigures(twice), await names2022(), (y) => y));
    expect(e).toMatchObject({ line: 8, column: 'value' });
    expect(e.message).toContain('is 11310 here and 11130 at line 5');
  });
});
