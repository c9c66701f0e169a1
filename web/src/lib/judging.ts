// Judging values shown on several screens (organizers' ranking, public results): sectors, numbers, columns.

export type SectorName = 'PUBLIC' | 'PRIVATE' | 'ACADEMIC' | 'CIVIL_SOCIETY';

export const SECTORS: SectorName[] = ['PUBLIC', 'PRIVATE', 'ACADEMIC', 'CIVIL_SOCIETY'];

/** A number for people: at most `digits` decimals, grouped as the locale writes them. */
export function num(value: number, locale: string, digits = 2): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

type RankingShape = {
  summary: { sectorWeights: { sector: SectorName; weight: number }[] };
  lines: { sectorScores: { sector: SectorName }[] }[];
};

/** Sectors shown as ranking columns: those weighted in the round, and any that scored although unweighted. */
export function sectorColumns(ranking: RankingShape): SectorName[] {
  const present = new Set<SectorName>();
  for (const weight of ranking.summary.sectorWeights) if (weight.weight > 0) present.add(weight.sector);
  for (const line of ranking.lines) for (const score of line.sectorScores) present.add(score.sector);
  return SECTORS.filter((sector) => present.has(sector));
}

/** What results.json holds that the GraphQL ranking does not: every counted sheet's score per criterion. */
export type OpenDataRound = {
  id: string;
  rubric: { id: string; name: { zhTW?: string | null; en?: string | null } | null }[];
  sheets: { proposal: string; scores: Record<string, number> }[];
};

/** Mean score per proposal and criterion over the counted sheets, with how many sheets each mean is of. */
export function criterionMeans(round: OpenDataRound): Record<string, Record<string, { mean: number; sheets: number }>> {
  const sums: Record<string, Record<string, { sum: number; sheets: number }>> = {};
  for (const sheet of round.sheets) {
    const perProposal = (sums[sheet.proposal] ??= {});
    for (const [criterion, value] of Object.entries(sheet.scores)) {
      const entry = (perProposal[criterion] ??= { sum: 0, sheets: 0 });
      entry.sum += value;
      entry.sheets += 1;
    }
  }
  const means: Record<string, Record<string, { mean: number; sheets: number }>> = {};
  for (const [proposal, criteria] of Object.entries(sums)) {
    means[proposal] = {};
    for (const [criterion, { sum, sheets }] of Object.entries(criteria)) means[proposal][criterion] = { mean: sum / sheets, sheets };
  }
  return means;
}
