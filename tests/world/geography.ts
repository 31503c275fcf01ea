/**
 * The geography of the synthetic world: CBS "Gebieden in Nederland" 2015–2024 as published (the datavakwerk
 * Parquet copies in ../shared/data/raw, read at run time and never copied into the repository). The world's
 * figures are invented; which gemeenten exist, their jeugdregio and their herindelingen are real, so that the
 * pipeline's geography, membership and recasting run on the real structure.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { GEBIEDEN_DIR } from './paths.ts';

export type Row = Record<string, unknown>;

export interface Gemeente {
  code: string;
  name: string;
  jz: string;
  jzName: string;
  /** Province code (PV20 …): the real tables also hold province rows, which fetch must filter out. */
  pv: string;
  /** Inhabitants on 1 January as Gebieden publishes it (the one real number the world uses, as a size). */
  inwoners: number;
}

export interface Geography {
  years: number[];
  /** Gemeenten of each year's indeling (1 January). */
  gemeenten: Map<number, Gemeente[]>;
  /** Gebieden Observations per year, values unchanged (Id and Value as numbers, as the v4 API sends them). */
  observations: Map<number, Row[]>;
  /** Gebieden MeasureCodes (57 measures of 86247NED), as published. */
  measures: Row[];
}

const missing = () => `the synthetic world needs the real Gebieden tables in ${GEBIEDEN_DIR} (../shared/data/raw/datavakwerk-cbs-gebieden beside the repository)`;

export function geographyAvailable(): string | undefined {
  return existsSync(join(GEBIEDEN_DIR, 'cbs_gebieden_measurecodes.parquet')) ? undefined : missing();
}

export async function readGeography(years: number[]): Promise<Geography> {
  const why = geographyAvailable();
  if (why) throw new Error(why);
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const rows = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJS() as Row[];
  const measures = (await rows(`SELECT * FROM '${join(GEBIEDEN_DIR, 'cbs_gebieden_measurecodes.parquet')}' ORDER BY TRY_CAST("Index" AS INTEGER)`)).map((m) => ({
    Identifier: m.Identifier,
    Index: Number(m.Index),
    Title: m.Title,
    Description: m.Description,
    MeasureGroupId: m.MeasureGroupId,
    DataType: m.DataType,
    Unit: m.Unit,
    Decimals: m.Decimals === null ? null : Number(m.Decimals),
    PresentationType: m.PresentationType,
  }));
  const gemeenten = new Map<number, Gemeente[]>();
  const observations = new Map<number, Row[]>();
  for (const year of years) {
    const file = join(GEBIEDEN_DIR, `cbs_gebieden_${year}.parquet`);
    if (!existsSync(file)) throw new Error(`no ${file}: ${missing()}`);
    const obs = (await rows(`SELECT Id, Measure, ValueAttribute, Value, StringValue, RegioS FROM '${file}' ORDER BY CAST(Id AS BIGINT)`)).map((r) => ({
      Id: Number(r.Id),
      Measure: r.Measure,
      ValueAttribute: r.ValueAttribute,
      Value: r.Value === null ? null : Number(r.Value),
      StringValue: r.StringValue,
      RegioS: r.RegioS,
    }));
    observations.set(year, obs);
    const by = new Map<string, Partial<Gemeente>>();
    const text = (v: unknown) => String(v ?? '').trim();
    for (const o of obs) {
      const code = String(o.RegioS);
      const g = by.get(code) ?? { code };
      by.set(code, g);
      if (o.Measure === 'GM000C_1') g.name = text(o.StringValue);
      else if (o.Measure === 'JZ0001') g.jz = text(o.StringValue);
      else if (o.Measure === 'JZ0002') g.jzName = text(o.StringValue);
      else if (o.Measure === 'PV0001') g.pv = text(o.StringValue);
      else if (o.Measure === 'T001036_2') g.inwoners = Number(o.Value);
    }
    const list = [...by.values()].filter((g): g is Gemeente => Boolean(g.name && g.jz && g.jzName && g.pv && g.inwoners));
    if (list.length < 300) throw new Error(`${file}: only ${list.length} gemeenten with name, jeugdregio, province and inhabitants`);
    gemeenten.set(year, list.sort((a, b) => a.code.localeCompare(b.code)));
  }
  con.closeSync();
  return { years, gemeenten, observations, measures };
}
