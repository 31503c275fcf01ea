/**
 * A tiny CBS world in the shapes the real captures show (../shared/data/cbs-captures), for the fake server:
 * three gemeenten in two jeugdregio's, one youth-care table (v3, padded keys, TopicGroup rows with an empty
 * Key, a provisional year and a half-year), population (v4, Leeftijd `10000 Totaal` and single years
 * `10010 0 jaar`, `10100 1 jaar` … and no age groups, `ValueAttribute: "Impossible"` rows with null values),
 * 70072ned (v4, PeriodenCodes `Status: null`), a KWB edition (v3, GeoDetail region column, no Perioden,
 * topic titles with a trailing space, wijken and buurten), Gebieden 2022 (v4), raw Iv3 2023 (dataderden v3,
 * padded keys) and boundaries 2022 (cartomap GeoJSON). Rows the fetch must filter out server-side (a
 * province, a quarter, a quarterly verslagsoort, a balance post, Wmo taakveld 6.71, wijken …) are included
 * on purpose.
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
  { kind: 'population', id: '03759ned', table: '03759ned', title: 'Bevolking', years: [2022, 2023], measureTitle: /^bevolking op 1 januari$/i, maxAge: 22 },
  { kind: 'cbs-v4', id: '70072ned', table: '70072ned', title: 'Regionale kerncijfers Nederland', measureTitles: ['Totale bevolking'], years: [2015, 2026], part: 'bevolking' },
  { kind: 'kwb', id: 'kwb', title: 'Kerncijfers wijken en buurten', tables: { 2021: '85039NED' }, topics: ['Gemeentenaam', 'Soort regio', 'Aantal inwoners', 'Jongeren met jeugdzorg in natura', 'Percentage jongeren met jeugdzorg'] },
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
    { Key: '2022KW01', Title: '2022 1e kwartaal*', Description: '', Status: 'Voorlopig' },
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
      // As in every real DataProperties with grouped topics: a TopicGroup row whose Key is "".
      { 'odata.type': 'Cbs.OData.TopicGroup', ID: 3, Position: null, ParentID: null, Type: 'TopicGroup', Key: '', Title: 'Jongeren', Description: null },
      { ID: 4, Position: 3, ParentID: 3, Type: 'Topic', Key: 'JongerenMetJeugdzorg_1', Title: 'Jongeren met jeugdzorg', Description: null, Unit: 'aantal', Decimals: 0 },
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
  // As in the real tables (57 measures): many are titled just "Code" or "Naam"; the description says of what.
  const measures = [
    { Identifier: 'GM000B', Index: 2, Title: 'Code', Description: 'De gemeentecode is gebaseerd op de officiële schrijfwijze van de naam van de gemeente.', DataType: 'String', Unit: 'code' },
    { Identifier: 'GM000C_1', Index: 3, Title: 'Naam', Description: 'Naam van de gemeente in de officiële schrijfwijze van dat jaar.', DataType: 'String', Unit: 'naam' },
    { Identifier: 'GM000C_2', Index: 4, Title: 'Sortering naam', Description: 'Een hulpmiddel voor het sorteren van namen van gemeenten op alfabetische volgorde.', DataType: 'String', Unit: 'naam' },
    { Identifier: 'T001036_2', Index: 86, Title: 'Inwonertal', Description: 'Aantal inwoners op 1 januari.', DataType: 'Long', Unit: 'aantal' },
    { Identifier: 'JZ0001', Index: 28, Title: 'Code', Description: 'Code van de jeugdregio waar de gemeente op 1 januari bij hoort.', DataType: 'String', Unit: 'code' },
    { Identifier: 'JZ0002', Index: 29, Title: 'Naam', Description: 'Naam van die jeugdregio.', DataType: 'String', Unit: 'naam' },
    { Identifier: 'PV0001', Index: 43, Title: 'Code', Description: 'Code van de provincie waar de gemeente bij hoort.', DataType: 'String', Unit: 'code' },
    { Identifier: 'PV0002', Index: 44, Title: 'Naam', Description: 'Naam van die provincie.', DataType: 'String', Unit: 'naam' },
  ];
  const observations: Row[] = [];
  let id = 0;
  for (const g of GM) {
    const obs = (Measure: string, StringValue: string | null, Value: number | null = null) => observations.push({ Id: id++, Measure, ValueAttribute: 'None', Value, StringValue, RegioS: g.code });
    obs('GM000B', pad(g.code, 10));
    obs('GM000C_1', pad(g.name, 50));
    obs('GM000C_2', pad(g.name, 50));
    obs('T001036_2', null, 100000);
    obs('JZ0001', pad(g.jz, 10));
    obs('JZ0002', pad(g.jzName, 50));
    obs('PV0001', pad('PV27', 10));
    obs('PV0002', pad('Noord-Holland', 50));
  }
  return {
    properties: { Identifier: '85067NED', Title: 'Gebieden in Nederland 2022', Modified: '2022-03-01T00:00:00Z', ObservationCount: observations.length },
    measures,
    dimensions: [{ Identifier: 'RegioS', Title: "Regio's", Kind: 'GeoDimension' }],
    codes: { RegioS: GM.map((g) => ({ Identifier: g.code, Title: g.name })) },
    observations,
  };
}

/** 03759ned's real Leeftijd codes: `10000 Totaal`, `10010 0 jaar`, then `10000 + 100·n` for n jaar. */
export const ageCode = (n: number) => String(n === 0 ? 10010 : 10000 + 100 * n);

export function populationTable(): V4Table {
  const ages = [
    { Identifier: '10000', Index: 1, Title: 'Totaal', Description: '', DimensionGroupId: '1' },
    ...Array.from({ length: 30 }, (_, a) => ({ Identifier: ageCode(a), Index: a + 2, Title: `${a} jaar`, Description: '', DimensionGroupId: '2' })),
  ];
  const sexes = [
    { Identifier: 'T001038', Index: 1, Title: 'Totaal mannen en vrouwen', Description: '', DimensionGroupId: null },
    { Identifier: '3000', Index: 2, Title: 'Mannen', Description: '', DimensionGroupId: null },
  ];
  const staat = [
    { Identifier: 'T001019', Index: 1, Title: 'Totaal burgerlijke staat', Description: null, DimensionGroupId: null },
    { Identifier: '1010', Index: 2, Title: 'Ongehuwd', Description: null, DimensionGroupId: null },
  ];
  const periods = [
    { Identifier: '2021JJ00', Index: 1, Title: '2021', Description: '', DimensionGroupId: '0', Status: 'Definitief' },
    { Identifier: '2022JJ00', Index: 2, Title: '2022', Description: '', DimensionGroupId: '0', Status: 'Definitief' },
  ];
  // 03759ned lists no jeugdregio's: only NL, landsdelen, provinces, COROP and gemeenten (past ones too).
  const regions = [...GM.map((g) => g.code), 'GM0420', 'PV27', 'NL01'];
  const observations: Row[] = [];
  let id = 0;
  for (const p of periods)
    for (const r of regions)
      for (const a of ages)
        for (const s of sexes)
          for (const b of staat)
            for (const measure of ['M000352', 'M000365']) {
              // A gemeente that no longer exists: CBS sends the cell, marked Impossible, with a null value.
              if (r === 'GM0420') {
                observations.push({ Id: id++, Measure: measure, ValueAttribute: 'Impossible', Value: null, StringValue: null, BurgerlijkeStaat: b.Identifier, Geslacht: s.Identifier, Leeftijd: a.Identifier, RegioS: r, Perioden: p.Identifier });
                continue;
              }
              const v = a.Identifier === '10000' ? 100_000 : 1000;
              observations.push({ Id: id++, Measure: measure, ValueAttribute: 'None', Value: v + (r === 'GM0441' ? 1 : 0) + (p.Identifier === '2022JJ00' ? 10 : 0) + (measure === 'M000365' ? 0.5 : 0), StringValue: null, BurgerlijkeStaat: b.Identifier, Geslacht: s.Identifier, Leeftijd: a.Identifier, RegioS: r, Perioden: p.Identifier });
            }
  return {
    properties: { Identifier: '03759ned', Title: 'Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio', Modified: '2025-06-01T00:00:00Z', ObservationCount: observations.length },
    measures: [
      { Identifier: 'M000352', Index: 5, Title: 'Bevolking op 1 januari', Description: '', MeasureGroupId: null, DataType: 'Long', Unit: 'aantal', Decimals: 0, PresentationType: 'Absolute' },
      { Identifier: 'M000365', Index: 6, Title: 'Gemiddelde bevolking ', Description: '', MeasureGroupId: null, DataType: 'Double', Unit: 'aantal', Decimals: 1, PresentationType: 'Absolute' },
    ],
    dimensions: ['BurgerlijkeStaat', 'Geslacht', 'Leeftijd', 'RegioS', 'Perioden'].map((d) => ({ Identifier: d, Title: d, Kind: d === 'RegioS' ? 'GeoDimension' : d === 'Perioden' ? 'TimeDimension' : 'Dimension' })),
    codes: { BurgerlijkeStaat: staat, Geslacht: sexes, Leeftijd: ages, RegioS: regions.map((r, i) => ({ Identifier: r, Index: i + 1, Title: r, Description: '', DimensionGroupId: null })), Perioden: periods },
    observations,
  };
}

/** 70072ned: "Totale bevolking" among other measures; PeriodenCodes with `Status: null`, as CBS sends them. */
export function regionaleKerncijfersTable(): V4Table {
  const periods = ['2021JJ00', '2022JJ00', '2023JJ00'].map((k, i) => ({ Identifier: k, Index: i + 1, Title: k.slice(0, 4), Description: '', DimensionGroupId: '0', Status: null }));
  const regions = [...GM.map((g) => g.code), 'JZ06', 'PV27', 'NL01'];
  const observations: Row[] = [];
  let id = 0;
  for (const p of periods)
    for (const r of regions)
      for (const m of ['M000352_3', 'A018943_1']) observations.push({ Id: id++, Measure: m, ValueAttribute: 'None', Value: m === 'M000352_3' ? 100_000 + id : 42, StringValue: null, RegioS: r, Perioden: p.Identifier });
  return {
    properties: { Identifier: '70072ned', Title: 'Regionale kerncijfers Nederland', Modified: '2025-05-01T00:00:00Z', ObservationCount: observations.length },
    measures: [
      { Identifier: 'M000352_3', Index: 4, Title: 'Totale bevolking', Description: 'Bevolking op 1 januari.', MeasureGroupId: 'M000352_2', DataType: 'Double', Unit: 'aantal', Decimals: '0', PresentationType: 'Absolute' },
      { Identifier: 'A018943_1', Index: 20, Title: 'Personenauto\'s', Description: '', MeasureGroupId: null, DataType: 'Double', Unit: 'aantal', Decimals: '0', PresentationType: 'Absolute' },
    ],
    dimensions: [{ Identifier: 'RegioS', Title: "Regio's", Kind: 'GeoDimension' }, { Identifier: 'Perioden', Title: 'Perioden', Kind: 'TimeDimension' }],
    codes: { RegioS: regions.map((r, i) => ({ Identifier: r, Index: i + 1, Title: r, Description: '', DimensionGroupId: r.slice(0, 2) })), Perioden: periods },
    observations,
  };
}

/** A KWB edition: GeoDetail `WijkenEnBuurten` (gemeenten, wijken, buurten), no Perioden, TopicGroups, padded titles. */
export function kwbTable(): V3Table {
  const areas = [
    ...GM.map((g) => ({ Key: pad(g.code, 10), Title: g.name, Description: `Gemeente '${g.name}' (${g.code})`, Municipality: g.code, DetailRegionCode: g.code })),
    { Key: pad('WK036100', 10), Title: 'Wijk 00 Alkmaar', Description: null, Municipality: 'GM0361', DetailRegionCode: 'WK036100' },
    { Key: pad('BU03610000', 10), Title: 'Centrum', Description: null, Municipality: 'GM0361', DetailRegionCode: 'BU03610000' },
    { Key: pad('NL00', 10), Title: 'Nederland', Description: null, Municipality: '', DetailRegionCode: '' },
  ];
  const soort = (k: string) => (k.startsWith('GM') ? 'Gemeente' : k.startsWith('WK') ? 'Wijk' : k.startsWith('BU') ? 'Buurt' : 'Land');
  const rows: Row[] = areas.map((a, i) => ({
    ID: i,
    WijkenEnBuurten: a.Key,
    Gemeentenaam_1: pad(a.Title, 40),
    SoortRegio_2: pad(soort(a.Key), 10),
    Codering_3: a.Key,
    AantalInwoners_5: 10_000 * (i + 1),
    JongerenMetJeugdzorgInNatura_87: a.Key.startsWith('GM0362') ? null : 300 + i,
    PercentageJongerenMetJeugdzorg_88: a.Key.startsWith('GM0362') ? null : 10.8,
    WmoClienten_89: 5,
  }));
  const topic = (ID: number, ParentID: number, Key: string, Title: string, Unit: string) => ({ 'odata.type': 'Cbs.OData.Topic', ID, Position: ID, ParentID, Type: 'Topic', Key, Title, Description: null, MapYear: null, Datatype: ['naam', 'omschrijving', 'code'].includes(Unit) ? 'String' : Unit === '%' ? 'Double' : 'Long', Unit, Decimals: Unit === '%' ? 1 : 0, Default: 'Impossible', PresentationType: ['naam', 'omschrijving', 'code'].includes(Unit) ? '' : 'Absolute' });
  const group = (ID: number, Title: string) => ({ 'odata.type': 'Cbs.OData.TopicGroup', ID, Position: null, ParentID: null, Type: 'TopicGroup', Key: '', Title, Description: null, MapYear: null, Datatype: null, Unit: null, Decimals: null, Default: null, PresentationType: null });
  return {
    infos: { ID: 0, Identifier: '85039NED', Title: 'Kerncijfers wijken en buurten 2021', ShortTitle: 'Kerncijfers wijken en buurten 2021', Modified: '2022-03-01T02:00:00', Period: '2021', Frequency: 'Perjaar' },
    props: [
      { 'odata.type': 'Cbs.OData.GeoDetail', ID: 0, Position: 0, ParentID: null, Type: 'GeoDetail', Key: 'WijkenEnBuurten', Title: 'Wijken en buurten', Description: '', MapYear: 2021 },
      group(1, 'Regioaanduiding'),
      topic(2, 1, 'Gemeentenaam_1', 'Gemeentenaam', 'naam'),
      topic(3, 1, 'SoortRegio_2', 'Soort regio', 'omschrijving'),
      topic(4, 1, 'Codering_3', 'Codering', 'code'),
      group(5, 'Bevolking'),
      topic(6, 5, 'AantalInwoners_5', 'Aantal inwoners', 'aantal'),
      group(7, 'Zorg'),
      topic(8, 7, 'JongerenMetJeugdzorgInNatura_87', 'Jongeren met jeugdzorg in natura ', 'aantal'),
      topic(9, 7, 'PercentageJongerenMetJeugdzorg_88', 'Percentage jongeren met jeugdzorg ', '%'),
      topic(10, 7, 'WmoClienten_89', 'Wmo-cliënten ', 'aantal'),
    ],
    dims: { WijkenEnBuurten: areas },
    rows,
  };
}

export function iv3Table(): V3Table {
  const gms = GM.map((g) => ({ Key: pad(g.code, 9), Title: `${g.name} (gemeente)`, Description: null }));
  const soorten = ['2023X000', '2023X001', '2023X005'].map((k) => ({ Key: k, Title: k.endsWith('X000') ? 'begroting' : k.endsWith('X005') ? 'jaarrekening' : '1e kwartaal', Description: null }));
  const cats = ['L1.1', 'L7.1', 'B2.1', 'A1'].map((k) => ({ Key: pad(k, 8), Title: k, Description: null }));
  // Padded like every v3 key (the provincies capture 45012NED pads its post keys to 6).
  const posts = ['6.2', '6.71', '6.72a', '6.73a', '6.82a', 'A1.1'].map((k) => ({ Key: pad(k, 6), Title: k, Description: null }));
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
  v3: { '85099NED': jeugdzorgTable(), '45063NED': iv3Table(), '85039NED': kwbTable() },
  v4: { '85067NED': gebiedenTable(), '03759ned': populationTable(), '70072ned': regionaleKerncijfersTable() },
  geo: boundaries(),
});
