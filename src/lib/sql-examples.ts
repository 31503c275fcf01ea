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
