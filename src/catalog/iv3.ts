/** Facts about the Iv3 municipal accounts that both the fetch plans and the pipeline need. */

/**
 * The three Iv3 coding regimes for youth care, mapped to stable cost indicators (cbs-api.md §4c):
 *   2017–2022  6.72 (all individual jeugdhulp), 6.82 (JB + JR)
 *   2023–2024  6.72a–d, 6.73a–c, 6.74a–c, 6.82a–b. The old parents 6.72 and 6.82 may no longer be used but
 *              still carry a residual (2023 jaarrekening: € 5,9 mln on 6.72, € 7,5 mln on 6.82, and Asten booked
 *              all its youth care there). They are not subtotals of the refined codes, so the residual is youth-care
 *              money that belongs in the totals; it cannot be assigned to a form of care, so the splits leave it out
 *              (zonder + met verblijf = total − the 6.72 residual).
 *   2025–      6.751–6.753 ambulant, 6.761–6.763 met verblijf, 6.792 pgb jeugd, 6.821–6.822
 * A split only exists where the regime has it: pleegzorg, gezinsgericht and gesloten, begeleiding (6.72a) and
 * behandeling (6.72b) only in 2023–2024; pgb jeugd (6.792) and toegang jeugd (6.22) only from 2025.
 *
 * Besides individual care, the front of the system (Q11, "is money moving to the front?"): 6.1 samenkracht en
 * burgerparticipatie (every year) and 6.2 wijkteams / toegang (2017–2024), split in 2025 into 6.21 Wmo, 6.22 jeugd
 * and 6.23 integraal, whose sum continues the 6.2 series. Both serve every age group, not only young people.
 */
type Regime = Record<string, string[]>;

const range = (prefix: string, letters: string) => [...letters].map((l) => `${prefix}${l}`);

const REGIMES: { from: number; to: number; codes: Regime }[] = [
  { from: 2017, to: 2022, codes: { kosten_jeugdhulp: ['6.72'], kosten_jeugdbescherming_reclassering: ['6.82'], kosten_samenkracht: ['6.1'], kosten_toegang: ['6.2'] } },
  {
    from: 2023,
    to: 2024,
    codes: {
      kosten_jeugdhulp: ['6.72', ...range('6.72', 'abcd'), ...range('6.73', 'abc'), ...range('6.74', 'abc')],
      kosten_jeugdhulp_zonder_verblijf: [...range('6.72', 'abcd'), '6.74a'],
      kosten_jeugdhulp_met_verblijf: [...range('6.73', 'abc'), '6.74b', '6.74c'],
      kosten_pleegzorg: ['6.73a'],
      kosten_gezinsgericht: ['6.73b'],
      kosten_gesloten_plaatsing: ['6.74c'],
      kosten_verblijf_overig: ['6.73c', '6.74b'],
      kosten_begeleiding: ['6.72a'],
      kosten_behandeling: ['6.72b'],
      kosten_zonder_verblijf_overig: ['6.72c', '6.72d', '6.74a'],
      kosten_jeugdbescherming_reclassering: ['6.82', '6.82a', '6.82b'],
      kosten_samenkracht: ['6.1'],
      kosten_toegang: ['6.2'],
    },
  },
  {
    from: 2025,
    to: 9999,
    codes: {
      kosten_jeugdhulp: ['6.751', '6.752', '6.753', '6.761', '6.762', '6.763', '6.792'],
      kosten_jeugdhulp_zonder_verblijf: ['6.751', '6.752', '6.753'],
      kosten_jeugdhulp_met_verblijf: ['6.761', '6.762', '6.763'],
      kosten_pgb_jeugd: ['6.792'],
      kosten_jeugdbescherming_reclassering: ['6.821', '6.822'],
      kosten_samenkracht: ['6.1'],
      kosten_toegang: ['6.21', '6.22', '6.23'],
      kosten_toegang_jeugd: ['6.22'],
    },
  },
];

export function regimeFor(year: number): Regime | undefined {
  return REGIMES.find((r) => year >= r.from && year <= r.to)?.codes;
}

/** Source table of the raw Iv3 data per year (CBS dataderden "Gemeenten JJJJ onbewerkte Iv3-data"). */
export const IV3_TABLES: Record<number, string> = {
  2017: '45038NED', 2018: '45042NED', 2019: '45046NED', 2020: '45050NED', 2021: '45054NED',
  2022: '45059NED', 2023: '45063NED', 2024: '45067NED', 2025: '45071NED', 2026: '45078NED',
};
