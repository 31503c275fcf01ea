/** Example queries of the SQL console: each answers one of the site's questions over the warehouse. */
export const EXAMPLES: { title: string; sql: string }[] = [
  {
    title: 'Hoeveel jongeren kregen jeugdhulp, per jaar, in Nederland?',
    sql: `SELECT period AS jaar, value AS jongeren, status
FROM observations
WHERE indicator = 'jongeren_jeugdhulp' AND geo_code = 'NL01'
ORDER BY period;`,
  },
  {
    title: 'Jeugdhulp met verblijf per vorm, landelijk',
    sql: `SELECT o.period AS jaar, i.label_nl AS vorm, o.value AS jongeren, o.status
FROM observations o JOIN indicators i ON i.id = o.indicator
WHERE o.geo_code = 'NL01' AND i.theme = 'verblijf'
ORDER BY jaar, vorm;`,
  },
  {
    title: 'Welke gemeenten horen bij jeugdregio Eemland, en sinds wanneer?',
    sql: `SELECT g.name AS gemeente, min(m.year) AS van, max(m.year) AS tot
FROM membership m JOIN geo g ON g.geo_code = m.gemeente_code
JOIN geo r ON r.geo_code = m.jeugdregio_code
WHERE r.name = 'Eemland'
GROUP BY g.name ORDER BY g.name;`,
  },
  {
    title: 'Netto uitgaven aan jeugdhulp per inwoner, per jeugdregio (jaarrekening)',
    sql: `SELECT g.name AS jeugdregio, k.period AS jaar, round(k.value) AS netto_euro_per_inwoner, k.flag
FROM observations k
JOIN geo g ON g.geo_code = k.geo_code
WHERE k.indicator = 'netto_jeugdhulp_per_inwoner_jaarrekening' AND g.level = 'jeugdregio'
ORDER BY netto_euro_per_inwoner DESC;`,
  },
  {
    title: 'Wat Amsterdam in 2023 op elk jeugdhulp-taakveld boekte (jaarrekening)',
    sql: `SELECT taakveld, taakveld_label, lasten, baten, netto, telt_mee_in
FROM taakvelden
WHERE geo_code = 'GM0363' AND period = 2023 AND verslagsoort = 'jaarrekening'
ORDER BY taakveld;`,
  },
  {
    title: 'Welke cijfers zijn voorlopig?',
    sql: `SELECT indicator, status, count(*) AS cijfers, min(period) AS van, max(period) AS tot
FROM observations WHERE status <> 'definitief'
GROUP BY ALL ORDER BY indicator;`,
  },
];

/** How to read the downloads, as the /data/ page shows it: the SQL and code live here, not in the page. */
export function downloadExamples(site: string) {
  return {
    /** Netto rebuilt from the taakvelden table: shows how observations' cost figures are sums of it. */
    taakvelden: `-- Netto jeugdhulp van Amsterdam in de jaarrekening 2023, opnieuw opgebouwd uit de taakvelden
SELECT sum(lasten) AS lasten, sum(baten) AS baten, sum(netto) AS netto
FROM taakvelden
WHERE geo_code = 'GM0363' AND period = 2023 AND verslagsoort = 'jaarrekening'
  AND list_contains(string_split(telt_mee_in, ', '), 'kosten_jeugdhulp');`,
    duckdb: `SELECT geo_code, period, value FROM '${site}/data/observations.parquet'
WHERE indicator = 'jongeren_jeugdhulp' AND geo_code = 'NL01' ORDER BY period;`,
    r: `obs <- read.csv("${site}/data/observations.csv")
subset(obs, indicator == "jongeren_jeugdhulp" & geo_code == "NL01")`,
    python: `import pandas as pd
obs = pd.read_parquet("${site}/data/observations.parquet")
obs.query("indicator == 'jongeren_jeugdhulp' and geo_code == 'NL01'")`,
  };
}
