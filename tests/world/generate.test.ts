/**
 * The generator and its server on their own (two years, to stay quick): the same seed gives the same bytes,
 * another seed other figures in the same shapes; the server answers like CBS (capped ODataApi, ODataFeed
 * pages with an absolute next link on the CBS host that keeps $filter, v4 empty result for an unknown table).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld, rowCounts, type World } from './generate.ts';
import { worldAvailable } from './paths.ts';
import { startWorldServer, type WorldServer } from './server.ts';

const skip = worldAvailable();
const sha = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');
const YEARS = [2023, 2024];

describe.skipIf(Boolean(skip))(skip ? `world generator skipped: ${skip}` : 'the world generator', () => {
  let a: World;
  let server: WorldServer;
  beforeAll(async () => {
    a = await generateWorld({ years: YEARS });
    server = await startWorldServer(a, { v3Page: 1000 });
  });
  afterAll(() => server?.close());

  it('is deterministic for a seed, and a seed changes the figures, not the shapes', async () => {
    const again = await generateWorld({ years: YEARS });
    const other = await generateWorld({ years: YEARS, seed: 1 });
    for (const id of ['85099NED', '85984NED', '45067NED']) {
      expect(sha(again.v3[id]), id).toBe(sha(a.v3[id]));
      expect(sha(other.v3[id].rows), id).not.toBe(sha(a.v3[id].rows));
      expect(sha(other.v3[id].props), id).toBe(sha(a.v3[id].props));
    }
    expect(sha(again.v4['03759ned'].observations)).toBe(sha(a.v4['03759ned'].observations));
    expect(rowCounts(other)).toEqual(rowCounts(a));
  });

  it('marks every table it serves as synthetic test data', () => {
    for (const [id, t] of Object.entries(a.v3)) expect(JSON.stringify([t.infos, t.props]), id).toContain('synthetische testgegevens');
    for (const [id, t] of Object.entries(a.v4)) expect(JSON.stringify(t.measures), id).toContain('synthetische testgegevens');
  });

  it('has CBS’s shapes: TopicGroups with an empty Key, padded keys, GeoDetail KWB without periods, Impossible rows', () => {
    const t = a.v3['85099NED'];
    expect(t.props.filter((p) => p.Type === 'TopicGroup').map((p) => p.Key)).toEqual(['']);
    expect(t.rows[0].RegioS).toMatch(/^NL01 {6}$/);
    expect(t.dims.Perioden.map((p) => p.Key)).toEqual(expect.arrayContaining(['2024JJ00', '2024HJ01', '2025HJ01']));
    const kwb = a.v3['85984NED'];
    expect(kwb.props.find((p) => p.Key === 'WijkenEnBuurten')?.Type).toBe('GeoDetail');
    expect(kwb.props.some((p) => p.Type === 'TimeDimension')).toBe(false);
    expect(kwb.props.filter((p) => /jeugdzorg/.test(String(p.Title))).map((p) => p.Title)).toEqual(['Jongeren met jeugdzorg in natura ', 'Percentage jongeren met jeugdzorg ']);
    const pop = a.v4['03759ned'];
    expect(pop.codes.Leeftijd.some((c) => /tot 18|tot 23/.test(String(c.Title)))).toBe(false);
    expect(pop.observations.some((o) => o.ValueAttribute === 'Impossible' && o.Value === null)).toBe(true);
    expect(a.v3['45067NED'].rows[0].Gemeenten).toMatch(/^GM\d{4} {3}$/);
  });

  it('pages ODataFeed with an absolute next link on the CBS host that keeps $filter; ODataApi stops at its cap', async () => {
    const filter = "startswith(RegioS,'GM') and Perioden eq '2024JJ00'";
    const url = `${server.base}/opendata/ODataFeed/odata/85099NED/TypedDataSet?$format=json&$filter=${encodeURIComponent(filter)}`;
    const first = await (await fetch(url)).json();
    expect(first.value).toHaveLength(1000);
    expect(first['odata.nextLink']).toMatch(/^https:\/\/opendata\.cbs\.nl\/ODataFeed\/odata\/85099NED\/TypedDataSet\?\$format=json&\$filter=startswith\(RegioS,'GM'\)%20and%20Perioden%20eq%20'2024JJ00'&\$skip=1000$/);
    const next = await (await fetch(first['odata.nextLink'].replace('https://opendata.cbs.nl', `${server.base}/opendata`))).json();
    expect(next.value[0].ID).not.toBe(first.value[0].ID);
    expect(next.value.every((r: { RegioS: string }) => r.RegioS.startsWith('GM'))).toBe(true);
    const api = await (await fetch(url.replace('ODataFeed', 'ODataApi'))).json();
    expect(api.value).toHaveLength(1000);
    expect(api['odata.nextLink']).toBeUndefined();
  });

  it('answers an unknown v4 table with an empty result and an unknown v3 table with 404', async () => {
    const v4 = await fetch(`${server.base}/datasets/odata/v1/CBS/99999ned/Observations`);
    expect(v4.status).toBe(200);
    expect((await v4.json()).value).toEqual([]);
    expect((await fetch(`${server.base}/opendata/ODataApi/odata/99999NED/TableInfos?$format=json`)).status).toBe(404);
  });
});
