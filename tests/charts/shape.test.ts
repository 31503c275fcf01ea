/**
 * The chart type follows the data's shape (src/charts/shared.ts): one period is drawn as labelled bars,
 * a missing year breaks a line, up to five series are named at their line ends without overlapping, and
 * long names wrap instead of being cut. Drawn with the real Observable Plot on linkedom, as the build does.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ROLE_STYLE, dodge, endLabelled, lineChart, withGaps, wrapLabel, type Series } from '../../src/charts/shared.ts';

type R = { [k: string]: string | number | null; jaar: number; v: number | null; status: string | null };

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
const series = (label: string, ord: 1 | 2 | 3, pts: [number, number | null][]): Series<R> => ({
  key: label, label, rows: pts.map(([jaar, v]) => ({ jaar, v, status: 'definitief' })), ...ROLE_STYLE[ord],
});
const draw = (s: Series<R>[], width = 720) =>
  lineChart<R>({ series: s, x: 'jaar', y: 'v', yLabel: 'jongeren', yFormat: String, title: (r) => `${r.jaar}: ${r.v}` }, { document: doc(), width });

describe('chart shape', () => {
  it('one period: bars with the name and the value written out, no line', () => {
    const svg = draw([series('Amersfoort', 1, [[2020, 10.9]]), series('Nederland', 3, [[2020, 12]])]);
    expect(svg.querySelectorAll('[aria-label="line"]').length).toBe(0);
    expect(svg.querySelectorAll('[aria-label="bar"] rect').length).toBe(2);
    const text = svg.textContent!;
    expect(text).toContain('Amersfoort');
    expect(text).toContain('Nederland');
    expect(text).toContain('10.9');
    expect(text).toContain('2020'); // the period is in the axis label
    // Every attribute is a value, never a function's source (resvg refuses such an SVG for the OG image).
    expect(svg.outerHTML).not.toContain('=>');
  });

  it('the 2022 savings chart keeps every measure name whole at 320 px: names above the bars, inside the drawing', async () => {
    const { plotMeasures, MEASURES } = await import('../../src/charts/maatregelen-2022.ts');
    const svg = plotMeasures('nl', { document: doc(), width: 320 });
    const names = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    for (const m of MEASURES) expect(names).toContain(m.nl);
    expect(names).toContain('Versterken bestaanszekerheid');
    expect(svg.outerHTML).not.toContain('=>');
  });

  it('a missing year breaks the line into two pieces instead of bridging it', () => {
    const rows = series('Nederland', 3, [[2015, 40], [2016, 44], [2019, 43], [2022, 42], [2023, 41]]).rows;
    expect(withGaps(rows, 'jaar', 'v').map((r) => r.jaar)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    const svg = draw([series('Nederland', 3, [[2015, 40], [2016, 44], [2019, 43], [2022, 42], [2023, 41]])]);
    const d = svg.querySelector('[aria-label="line"] path')!.getAttribute('d')!;
    // Plot starts a new subpath (M) after each gap: 2015–2016, 2019 alone, 2022–2023.
    expect(d.match(/M/g)!.length).toBe(3);
  });

  it('up to five series are named at their line ends, and then no legend is needed', () => {
    const s = [series('Amersfoort', 1, [[2018, 10], [2020, 11]]), series('Jeugdregio Eemland', 2, [[2018, 10.2], [2020, 11.05]])];
    const svg = draw(s);
    expect(endLabelled(s)).toBe(true);
    expect(svg.hasAttribute('data-self-labelled')).toBe(true);
    const labels = [...svg.querySelectorAll('[data-end-labels] text')];
    expect(labels.map((t) => t.textContent)).toEqual(['Amersfoort', 'Jeugdregio Eemland']);
    // Close values, but the labels do not overlap: at least one line apart.
    const ys = labels.map((t) => Number(t.getAttribute('y')));
    expect(Math.abs(ys[0] - ys[1])).toBeGreaterThanOrEqual(14);
    expect(endLabelled(Array.from({ length: 6 }, (_, i) => ({ label: `s${i}` })))).toBe(false);
  });

  it('lines that end in different years keep the legend: no label floats inside the plot', () => {
    const svg = draw([series('Begroting', 1, [[2023, 33], [2024, 55], [2025, 58]]), series('Jaarrekening', 2, [[2023, 53], [2024, null]])]);
    expect(svg.querySelector('[data-end-labels]')).toBeNull();
    expect(svg.hasAttribute('data-self-labelled')).toBe(false);
  });

  it('end labels stay inside a 360 px drawing: long names wrap onto a second line', () => {
    const svg = draw([series('Alle jeugdhulp met verblijf', 3, [[2015, 40], [2023, 41]])], 360);
    // Plot's root says text-anchor="middle"; the labels must start right of the line end, not centre on it.
    expect(svg.querySelector('[data-end-labels]')!.getAttribute('text-anchor')).toBe('start');
    const text = svg.querySelector('[data-end-labels] text')!;
    const x = Number(text.getAttribute('x'));
    const lines = [...text.querySelectorAll('tspan')].map((t) => t.textContent!);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(x + l.length * 7.2).toBeLessThanOrEqual(360 + 2);
  });

  it('wrapLabel keeps words whole; dodge keeps order and spacing inside the frame', () => {
    expect(wrapLabel('Versterken bestaanszekerheid', 80)).toEqual(['Versterken', 'bestaanszekerheid']);
    expect(wrapLabel('Nederland', 200)).toEqual(['Nederland']);
    const pos = dodge([{ y: 100, lines: 1 }, { y: 101, lines: 1 }, { y: 300, lines: 2 }], 0, 290);
    expect(pos[1] - pos[0]).toBeGreaterThanOrEqual(16);
    expect(pos[2] + 2 * 16).toBeLessThanOrEqual(290 + 0.001);
  });
});
