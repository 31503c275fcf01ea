/**
 * A tiny CBS world in the documented formats, for the fake server: three gemeenten in two jeugdregio's,
 * one youth-care table (v3, padded keys, a provisional year and a half-year), population (v4), Gebieden 2022
 * (v4), raw Iv3 2023 (dataderden v3) and boundaries 2022 (cartomap GeoJSON). Rows the fetch must filter out
 * server-side (a province, a half-year, a quarterly verslagsoort, a balance post, Wmo taakveld 6.71 …) are
 * included on purpose.
 */
import type { Source } from '../../../src/fetch/sources.ts';
import type { Row, V3Table, V4Table } from './fake-cbs.ts';

const pad = (s: string, n: number) => s.padEnd(n, ' ');
const GM = [
  { code: 'GM0361', name: 'Alkmaar', jz: 'JZ06', jzName: 'Alkmaar (Noord-Kennemerland)' },
  { code: 'GM0441', name: 'Schagen', jz: 'JZ03', jzName: 'Kop van Noord-Holland' },
  { code: 'GM0362', name: 'Amstelveen', jz: 'JZ13', jzName: 'Amsterdam-Amstelland' },
];

/** The sources of the tiny world (the real config's shapes, with the tiny world's ids and years). */
export const WORLD_SOURCES: Source[] = [
  { kind: 'cbs-v3', id: '85099NED', table: '85099NED', title: 'Jongeren met jeugdzorg; regio' },
  { kind: 'population', id: '03759ned', table: '03759ned', title: 'Bevolking', years: [2022, 2023], measureTitle: /^bevolking op 1 januari$/i, maxAge: 22, ageGroups: ['0 tot 18 jaar', '0 tot 23 jaar'] },
  { kind: 'gebieden', id: 'gebieden', title: 'Gebieden in Nederland', tables: { 2022: '85067NED' } },
  { kind: 'iv3', id: 'iv3', title: 'Iv3', tables: { 2023: '45063NED' }, verslagsoorten: ['X000', 'X005'], categories: ['L', 'B'], extraTaakvelden: ['6.2'] },
  { kind: 'boundaries', id: 'boundaries', title: 'Grenzen', years: [2022, 2022], regions: ['gemeente', 'jeugdregio'] },
];

export function jeugdzorgTable(): V3Table {
  const regions = [...GM.map((g) => g.code), 'JZ06', 'JZ03', 'PV27', 'NL01'];
  const periods = [
    { Key: '2021JJ00', Title: '2021', Description: '', Status: 'Definitief' },
    { Key: '2022JJ00', Title: '2022*', Description: 'Voorlopige cijfers.', Status: 'Voorlopig' },
    { Key: '2022HJ01', Title: '1e halfjaar 2022*', Description: '', Status: 'Voorlopig' },
  ];
  const forms = [
    { Key: 'A045561', Title: 'JZ Totaal jeugdzorg', Description: null, CategoryGroupID: null },
    { Key: 'A027918', Title: 'JH 3 Jeugdhulp met verblijf', Description: null, CategoryGroupID: null },
  ];
  const rows: Row[] = [];
  let id = 0;
  for (const f of forms) {
    for (const r of regions) {
      for (const p of periods) {
        const base = { GM0361: 2790, GM0441: 1105, GM0362: 1510, JZ06: 4300, JZ03: 1105, PV27: 99999, NL01: 440000 }[r]!;
        const value = f.Key === 'A045561' ? base + (p.Key === '2022JJ00' ? 55 : 0) : Math.round(base / 20);
        // A suppressed cell: null in TypedDataSet, never 0.
        rows.push({ ID: id++, VormenVanJeugdzorg: f.Key, RegioS: pad(r, 10), Perioden: p.Key, JongerenMetJeugdzorg_1: r === 'GM0362' && p.Key === '2022JJ00' ? null : value });
      }
    }
  }
  return {
    infos: { ID: 0, Identifier: '85099NED', Title: 'Jongeren met jeugdzorg; regio', Modified: '2025-06-30T02:00:00', Period: '2021-2022' },
    props: [
      { ID: 0, Position: 0, ParentID: null, Type: 'Dimension', Key: 'VormenVanJeugdzorg', Title: 'Vormen van jeugdzorg', Description: null },
      { ID: 1, Position: 1, ParentID: null, Type: 'GeoDimension', Key: 'RegioS', Title: "Regio's", Description: null },
      { ID: 2, Position: 2, ParentID: null, Type: 'TimeDimension', Key: 'Perioden', Title: 'Perioden', Description: null },
      { ID: 3, Position: 3, ParentID: null, Type: 'Topic', Key: 'JongerenMetJeugdzorg_1', Title: 'Jongeren met jeugdzorg', Description: null, Unit: 'aantal', Decimals: 0 },
    ],
    dims: {
      VormenVanJeugdzorg: forms,
      RegioS: regions.map((r) => ({ Key: pad(r, 10), Title: GM.find((g) => g.code === r)?.name ?? r, Description: null })),
      Perioden: periods,
    },
    rows,
  };
}

export function gebiedenTable(): V4Table {
  const measures = [
    { Identifier: 'GM000C_1', Index: 3, Title: 'Naam', Description: 'Naam van de gemeente in de officiële schrijfwijze van dat jaar.', DataType: 'String', Unit: 'naam' },
    { Identifier: 'T001036_2', Index: 5, Title: 'Inwonertal', Description: 'Aantal inwoners op 1 januari.', DataType: 'Long', Unit: 'aantal' },
    { Identifier: 'JZ0001', Index: 28, Title: 'Code', Description: 'Code van de jeugdregio waar de gemeente op 1 januari bij hoort.', DataType: 'String', Unit: 'code' },
    { Identifier: 'JZ0002', Index: 29, Title: 'Naam', Description: 'Naam van die jeugdregio.', DataType: 'String', Unit: 'naam' },
  ];
  const observations: Row[] = [];
  let id = 0;
  for (const g of GM) {
    const obs = (Measure: string, StringValue: string | null, Value: number | null = null) => observations.push({ Id: id++, Measure, ValueAttribute: 'None', Value, StringValue, RegioS: g.code });
    obs('GM000C_1', pad(g.name, 50));
    obs('T001036_2', null, 100000);
    obs('JZ0001', pad(g.jz, 10));
    obs('JZ0002', pad(g.jzName, 50));
  }
  return {
    properties: { Identifier: '85067NED', Title: 'Gebieden in Nederland 2022', Modified: '2022-03-01T00:00:00Z', ObservationCount: observations.length },
    measures,
    dimensions: [{ Identifier: 'RegioS', Title: "Regio's", Kind: 'GeoDimension' }],
    codes: { RegioS: GM.map((g) => ({ Identifier: g.code, Title: g.name })) },
    observations,
  };
}

export function populationTable(): V4Table {
  const ages = [
    { Identifier: '10000', Title: 'Totaal' },
    ...Array.from({ length: 30 }, (_, a) => ({ Identifier: String(10010 + a * 100), Title: `${a} jaar` })),
    { Identifier: '70100', Title: '0 tot 18 jaar' },
    { Identifier: '70200', Title: '0 tot 23 jaar' },
    { Identifier: '70300', Title: '65 jaar of ouder' },
  ];
  const sexes = [
    { Identifier: 'T001038', Title: 'Totaal mannen en vrouwen' },
    { Identifier: '3000', Title: 'Mannen' },
  ];
  const staat = [
    { Identifier: 'T001019', Title: 'Totaal burgerlijke staat' },
    { Identifier: '1010', Title: 'Ongehuwd' },
  ];
  const periods = [
    { Identifier: '2021JJ00', Title: '2021', Status: 'Definitief' },
    { Identifier: '2022JJ00', Title: '2022', Status: 'Definitief' },
  ];
  const regions = [...GM.map((g) => g.code), 'PV27', 'NL01'];
  const observations: Row[] = [];
  let id = 0;
  for (const p of periods)
    for (const r of regions)
      for (const a of ages)
        for (const s of sexes)
          for (const b of staat) {
            const v = a.Title === '0 tot 18 jaar' ? 20000 : a.Title === '0 tot 23 jaar' ? 26000 : 1000;
            observations.push({ Id: id++, Measure: 'M000352', ValueAttribute: 'None', Value: v + (r === 'GM0441' ? 1 : 0) + (p.Identifier === '2022JJ00' ? 10 : 0), StringValue: null, Geslacht: s.Identifier, Leeftijd: a.Identifier, BurgerlijkeStaat: b.Identifier, RegioS: r, Perioden: p.Identifier });
          }
  return {
    properties: { Identifier: '03759ned', Title: 'Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio', Modified: '2025-06-01T00:00:00Z' },
    measures: [
      { Identifier: 'M000352', Title: 'Bevolking op 1 januari', Unit: 'aantal', DataType: 'Long' },
      { Identifier: 'M000353', Title: 'Gemiddelde bevolking', Unit: 'aantal', DataType: 'Double' },
    ],
    dimensions: ['Geslacht', 'Leeftijd', 'BurgerlijkeStaat', 'RegioS', 'Perioden'].map((d) => ({ Identifier: d, Title: d })),
    codes: { Geslacht: sexes, Leeftijd: ages, BurgerlijkeStaat: staat, RegioS: regions.map((r) => ({ Identifier: r, Title: r })), Perioden: periods },
    observations,
  };
}

export function iv3Table(): V3Table {
  const gms = GM.map((g) => ({ Key: pad(g.code, 9), Title: `${g.name} (gemeente)`, Description: null }));
  const soorten = ['2023X000', '2023X001', '2023X005'].map((k) => ({ Key: k, Title: k.endsWith('X000') ? 'begroting' : k.endsWith('X005') ? 'jaarrekening' : '1e kwartaal', Description: null }));
  const cats = ['L1.1', 'L7.1', 'B2.1', 'A1'].map((k) => ({ Key: pad(k, 8), Title: k, Description: null }));
  const posts = ['6.2', '6.71', '6.72a', '6.73a', '6.82a', 'A1.1'].map((k) => ({ Key: k, Title: k, Description: null }));
  const rows: Row[] = [];
  let id = 0;
  for (const g of gms)
    for (const s of soorten)
      for (const c of cats)
        for (const p of posts) rows.push({ ID: id++, Gemeenten: g.Key, Verslagsoort: s.Key, Categorie: c.Key, TaakveldBalanspost: p.Key, k_1ePlaatsing_1: 100, k_2ePlaatsing_2: g.Key.startsWith('GM0361') ? 412 : 200 });
  return {
    infos: { ID: 0, Identifier: '45063NED', Title: 'Gemeenten 2023 onbewerkte Iv3-data', Modified: '2025-03-01T02:00:00' },
    props: [
      { ID: 0, Type: 'GeoDimension', Key: 'Gemeenten', Title: 'Gemeenten' },
      { ID: 1, Type: 'Dimension', Key: 'Verslagsoort', Title: 'Verslagsoort' },
      { ID: 2, Type: 'Dimension', Key: 'Categorie', Title: 'Categorie' },
      { ID: 3, Type: 'Dimension', Key: 'TaakveldBalanspost', Title: 'Taakveld/Balanspost' },
      { ID: 4, Type: 'Topic', Key: 'k_1ePlaatsing_1', Title: '1e plaatsing', Unit: 'x 1 000 euro' },
      { ID: 5, Type: 'Topic', Key: 'k_2ePlaatsing_2', Title: '2e plaatsing', Unit: 'x 1 000 euro' },
    ],
    dims: { Gemeenten: gms, Verslagsoort: soorten, Categorie: cats, TaakveldBalanspost: posts },
    rows,
  };
}

export function boundaries(): Record<string, unknown> {
  const fc = (features: { code: string; name: string }[]) => ({
    type: 'FeatureCollection',
    features: features.map((f, i) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[4 + i, 52], [4.1 + i, 52], [4.1 + i, 52.1], [4 + i, 52]]] }, properties: { statcode: f.code, statnaam: f.name }, id: f.code })),
  });
  return {
    gemeente_2022: fc(GM.map((g) => ({ code: g.code, name: g.name }))),
    jeugdregio_2022: fc([{ code: 'JZ03', name: 'Kop van Noord-Holland' }, { code: 'JZ06', name: 'Alkmaar (Noord-Kennemerland)' }, { code: 'JZ13', name: 'Amsterdam-Amstelland' }]),
  };
}

export const world = () => ({
  v3: { '85099NED': jeugdzorgTable(), '45063NED': iv3Table() },
  v4: { '85067NED': gebiedenTable(), '03759ned': populationTable() },
  geo: boundaries(),
});
