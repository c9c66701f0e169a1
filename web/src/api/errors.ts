import type { CombinedError } from 'urql';
import type { RefusalLike } from '../i18n/refusals';

/**
 * One refusal of the server: its English `message` and, when the server coded it (`extensions.reason`, issue #17),
 * the reason, the field and the values to say it in the reader's language (see `RefusalText`).
 */
export type Refusal = RefusalLike;

/** What is wrong with a field: the panel's own sentence (already in the reader's language), or a server refusal. */
export type FieldError = string | Refusal;

/** What went wrong, in the terms the panel reacts to: the backend's `extensions.code`, or the network. */
export type ProblemKind =
  | 'unauthenticated'
  | 'forbidden'
  | 'conflict'
  | 'badInput'
  | 'notFound'
  | 'unavailable'
  | 'network'
  | 'other';

export type Problem = {
  kind: ProblemKind;
  /** The server's messages (written for people, in English), in order. */
  messages: string[];
  /** The same refusals with their reason codes where the server gave them, in order (else `messages` are said). */
  refusals?: Refusal[];
  /** BAD_USER_INPUT refusals by `extensions.field` (e.g. `title`, `slug`, `links`), shown next to their controls. */
  fields: Record<string, FieldError>;
  /** The server's `extensions.rule` names (e.g. `positionFull`, `lastLead`), for a message in the reader's language. */
  rules?: string[];
  /** The other plain values of the errors that name a rule (e.g. `status`), for that message's placeholders. */
  ruleValues?: Record<string, string | number>;
};

const KIND_BY_CODE: Record<string, ProblemKind> = {
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  CONFLICT: 'conflict',
  BAD_USER_INPUT: 'badInput',
  NOT_FOUND: 'notFound',
  UNAVAILABLE: 'unavailable',
};

// When one response carries several errors, the one that needs the person's action first wins: an ended session
// before a conflict, a conflict before field messages.
const PRIORITY: ProblemKind[] = ['unauthenticated', 'conflict', 'badInput', 'forbidden', 'notFound', 'unavailable', 'network', 'other'];

type RawError = { message: string; extensions?: Record<string, unknown> };

/** The refusal an error says: its message, and its `reason`, `field` and `args` extensions when given. */
export function refusalOf(error: RawError): Refusal {
  const extensions = error.extensions ?? {};
  const refusal: Refusal = { message: error.message };
  if (typeof extensions.reason === 'string') refusal.reason = extensions.reason;
  if (typeof extensions.field === 'string') refusal.field = extensions.field;
  if (extensions.args && typeof extensions.args === 'object') {
    const args: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(extensions.args as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number') args[name] = value;
    }
    refusal.args = args;
  }
  return refusal;
}

export function problemFromErrors(errors: RawError[], status?: number): Problem {
  const fields: Record<string, FieldError> = {};
  const kinds: ProblemKind[] = [];
  const rules: string[] = [];
  const ruleValues: Record<string, string | number> = {};
  for (const error of errors) {
    const code = typeof error.extensions?.code === 'string' ? error.extensions.code : undefined;
    kinds.push((code && KIND_BY_CODE[code]) || 'other');
    const field = error.extensions?.field;
    if (typeof field === 'string' && !(field in fields)) fields[field] = refusalOf(error);
    const rule = error.extensions?.rule;
    if (typeof rule === 'string' && !rules.includes(rule)) rules.push(rule);
    if (typeof rule === 'string') {
      for (const [name, value] of Object.entries(error.extensions ?? {})) {
        if (!(name in ruleValues) && (typeof value === 'string' || typeof value === 'number')) ruleValues[name] = value;
      }
    }
  }
  if (status === 401) kinds.push('unauthenticated');
  if (status === 403) kinds.push('forbidden');
  if (status === 413) kinds.push('badInput');
  const kind = PRIORITY.find((candidate) => kinds.includes(candidate)) ?? 'other';
  return { kind, messages: errors.map((error) => error.message), refusals: errors.map(refusalOf), fields, ...(rules.length > 0 ? { rules, ruleValues } : {}) };
}

/** The problem in an urql result's error, or undefined when there is none. */
export function problemOf(error: CombinedError | undefined | null): Problem | undefined {
  if (!error) return undefined;
  if (error.graphQLErrors.length > 0) {
    const status = (error.response as Response | undefined)?.status;
    return problemFromErrors(
      error.graphQLErrors.map((e) => ({ message: e.message, extensions: e.extensions as Record<string, unknown> })),
      status,
    );
  }
  const status = (error.response as Response | undefined)?.status;
  if (status === 401) return { kind: 'unauthenticated', messages: [], refusals: [], fields: {} };
  const messages = error.networkError ? [error.networkError.message] : [];
  return { kind: 'network', messages, refusals: messages.map((message) => ({ message })), fields: {} };
}

/** A REST error body (`{code, message, errors}`) as a problem. */
export async function problemOfResponse(response: Response): Promise<Problem> {
  let body: { message?: string; errors?: RawError[] } | undefined;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const errors = body?.errors ?? (body?.message ? [{ message: body.message }] : []);
  return problemFromErrors(errors, response.status);
}
