import { DuckDBInstance } from '@duckdb/node-api';
const con = await (await DuckDBInstance.create(':memory:')).connect();
const q = async (s) => { for (const r of (await con.runAndReadAll(s)).getRowObjectsJS()) console.log(JSON.stringify(r)); };
const R='/work/shared/data/raw/';
await q(`describe select * from '${R}datavakwerk-cbs-70072ned/cbs_70072ned_regiocodes.parquet'`);
await q(`select * from '${R}datavakwerk-cbs-70072ned/cbs_70072ned_regiocodes.parquet' where Identifier in ('GM0457','GM0081','GM0140','GM1949','GM0058') `);
await q(`select * from '${R}datavakwerk-cbs-70072ned/cbs_70072ned_periodencodes.parquet' limit 3`);
await q(`select Measure, count(*) from '${R}datavakwerk-cbs-70072ned/cbs_70072ned_motorvoertuigen_gemeente.parquet' group by 1`);
