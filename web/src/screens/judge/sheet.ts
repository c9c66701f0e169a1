// The score sheet as the judge types it: values are kept as typed text until they are sent, so that "7." or an
// emptied field survive a reload exactly as they were.

export type Criterion = { id: string; weight: number; scaleMin: number; scaleMax: number };

export type SheetForm = {
  /** Typed value per criterion id; '' for not scored. */
  scores: Record<string, string>;
  comment: string;
  /** The version of the sheet these values were based on (sent as expectedVersion); null before the first save. */
  base: number | null;
};

export type SavedSheet = {
  version: number;
  comment?: string | null;
  scores: { criterionId: string; value: number }[];
};

export function formOfSheet(criteria: Criterion[], sheet: SavedSheet | null | undefined): SheetForm {
  const scores: Record<string, string> = {};
  for (const criterion of criteria) scores[criterion.id] = '';
  for (const score of sheet?.scores ?? []) scores[score.criterionId] = String(score.value);
  return { scores, comment: sheet?.comment ?? '', base: sheet ? sheet.version : null };
}

/** Whether two forms hold the same values (the base version aside). */
export function sameValues(a: SheetForm, b: SheetForm): boolean {
  const ids = new Set([...Object.keys(a.scores), ...Object.keys(b.scores)]);
  for (const id of ids) {
    if (parseScore(a.scores[id] ?? '') !== parseScore(b.scores[id] ?? '')) return false;
  }
  return a.comment.trim() === b.comment.trim();
}

/** The number typed (a comma is read as a decimal point), null for an empty field, NaN for anything else. */
export function parseScore(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  if (!/^-?\d+(\.\d*)?$|^-?\.\d+$/.test(trimmed)) return Number.NaN;
  return Number(trimmed);
}

export type ScoreError = 'notNumber' | 'outOfScale';

/** Per criterion: why its value cannot be sent. Empty fields are fine in a draft. */
export function scoreErrors(criteria: Criterion[], form: SheetForm): Record<string, ScoreError> {
  const errors: Record<string, ScoreError> = {};
  for (const criterion of criteria) {
    const value = parseScore(form.scores[criterion.id] ?? '');
    if (value === null) continue;
    if (Number.isNaN(value)) errors[criterion.id] = 'notNumber';
    else if (value < criterion.scaleMin || value > criterion.scaleMax) errors[criterion.id] = 'outOfScale';
  }
  return errors;
}

/** Criteria without a score: a sheet is submitted complete. */
export function missingScores(criteria: Criterion[], form: SheetForm): string[] {
  return criteria.filter((criterion) => parseScore(form.scores[criterion.id] ?? '') === null).map((criterion) => criterion.id);
}

/** The scores to send, in rubric order (empty fields left out: the saved draft then has no score for them). */
export function scoreInputs(criteria: Criterion[], form: SheetForm): { criterionId: string; value: number }[] {
  const inputs: { criterionId: string; value: number }[] = [];
  for (const criterion of criteria) {
    const value = parseScore(form.scores[criterion.id] ?? '');
    if (value !== null && !Number.isNaN(value)) inputs.push({ criterionId: criterion.id, value });
  }
  return inputs;
}

/** Each criterion's share of the total: weights normalised to sum 1, as the ranking uses them. */
export function weightShares(criteria: Criterion[]): Record<string, number> {
  const sum = criteria.reduce((total, criterion) => total + criterion.weight, 0);
  const shares: Record<string, number> = {};
  for (const criterion of criteria) shares[criterion.id] = sum > 0 ? criterion.weight / sum : 0;
  return shares;
}

/** The sheet total r = Σ w_c · s_c with normalised weights, once every criterion has a valid score. */
export function weightedTotal(criteria: Criterion[], form: SheetForm): number | undefined {
  if (criteria.length === 0) return undefined;
  if (missingScores(criteria, form).length > 0 || Object.keys(scoreErrors(criteria, form)).length > 0) return undefined;
  const shares = weightShares(criteria);
  let total = 0;
  for (const criterion of criteria) total += shares[criterion.id] * (parseScore(form.scores[criterion.id]) as number);
  return total;
}

/** Slider steps: halves on short scales such as 1–10, whole numbers on longer ones. */
export function scaleStep(criterion: Criterion): number {
  return criterion.scaleMax - criterion.scaleMin <= 10 ? 0.5 : 1;
}

/** A number for people: at most two decimals, no trailing zeros. */
export function plainNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

export function draftKey(roundId: string, proposalId: string): string {
  return `hacktrail.draft.sheet.${roundId}.${proposalId}`;
}

/** Whether this device holds input for the sheet that has not reached the server yet. */
export function hasLocalDraft(roundId: string, proposalId: string): boolean {
  try {
    return sessionStorage.getItem(draftKey(roundId, proposalId)) !== null;
  } catch {
    return false;
  }
}
