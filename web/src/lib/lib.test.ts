import { describe, expect, it } from 'vitest';
import { formatDateTime, isoToZonedLocal, zonedLocalToIso } from './dates';
import { guessLinkType, isWebAddress, splitList } from './links';
import { organizerMoves, organizerNeedsReason, nextPhase, previousPhase } from './status';
import { problemFromErrors } from '../api/errors';

describe('dates in the hackathon time zone', () => {
  it('reads a typed wall-clock time in the event zone', () => {
    expect(zonedLocalToIso('2026-07-12T09:00', 'Asia/Taipei')).toBe('2026-07-12T09:00:00+08:00');
    expect(zonedLocalToIso('2026-01-15T09:30', 'America/New_York')).toBe('2026-01-15T09:30:00-05:00');
    // Summer time in New York.
    expect(zonedLocalToIso('2026-07-15T09:30', 'America/New_York')).toBe('2026-07-15T09:30:00-04:00');
    expect(zonedLocalToIso('2026-07-15T09:30', 'Asia/Kolkata')).toBe('2026-07-15T09:30:00+05:30');
    expect(zonedLocalToIso('not a date', 'Asia/Taipei')).toBeUndefined();
    expect(zonedLocalToIso('2026-07-12T09:00', 'Mars/Olympus')).toBeUndefined();
  });

  it('shows an instant as wall-clock time of the event zone, whatever the reader zone', () => {
    expect(isoToZonedLocal('2026-07-12T01:00:00Z', 'Asia/Taipei')).toBe('2026-07-12T09:00');
    expect(isoToZonedLocal('2026-07-12T09:00:00+08:00', 'Europe/London')).toBe('2026-07-12T02:00');
    expect(formatDateTime('2026-07-12T01:00:00Z', 'Asia/Taipei', 'en')).toContain('09:00');
    expect(formatDateTime('2026-07-12T01:00:00Z', 'Asia/Taipei', 'en')).toContain('GMT+8');
  });
});

describe('links and lists', () => {
  it('accepts only absolute http and https addresses', () => {
    expect(isWebAddress('https://g0v.tw/')).toBe(true);
    expect(isWebAddress('http://example.org/a?b=c')).toBe(true);
    expect(isWebAddress('ftp://example.org')).toBe(false);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
    expect(isWebAddress('example.org')).toBe(false);
    expect(isWebAddress('https://exa mple.org')).toBe(false);
  });

  it('splits skills on commas, semicolons and CJK separators', () => {
    expect(splitList('frontend, data;design\n 前端、資料，設計 ')).toEqual(['frontend', 'data', 'design', '前端', '資料', '設計']);
  });
});

describe('lifecycle mirrors', () => {
  it('offers organizers the backend table moves and never OUTSTANDING by hand', () => {
    expect(organizerMoves('SUBMITTED')).toEqual(['PITCHED', 'TEAM_FORMING', 'IN_REVIEW', 'WITHDRAWN']);
    expect(organizerMoves('FINALIST')).toEqual(['WITHDRAWN']);
    expect(organizerMoves('OUTSTANDING')).toEqual([]);
    expect(organizerNeedsReason('NOT_SHORTLISTED', 'IN_REVIEW')).toBe(true);
    expect(organizerNeedsReason('SUBMITTED', 'PITCHED')).toBe(false);
  });

  it('moves phases one step at a time', () => {
    expect(nextPhase('DRAFT')).toBe('OPEN_FOR_PROPOSALS');
    expect(previousPhase('DRAFT')).toBeUndefined();
    expect(nextPhase('ARCHIVED')).toBeUndefined();
  });
});

describe('problems from GraphQL errors', () => {
  it('takes the code from extensions and fields from extensions.field', () => {
    const problem = problemFromErrors([
      { message: 'A title needs at least one letter or digit.', extensions: { code: 'BAD_USER_INPUT', field: 'title' } },
    ]);
    expect(problem.kind).toBe('badInput');
    expect(problem.fields).toEqual({ title: { message: 'A title needs at least one letter or digit.', field: 'title' } });
  });

  it('takes a refusal’s reason code and values from extensions.reason and extensions.args', () => {
    const problem = problemFromErrors([
      {
        message: 'The title is longer than 200 characters.',
        extensions: { code: 'BAD_USER_INPUT', field: 'title', reason: 'TOO_LONG', args: { max: 200, nested: { no: 1 } } },
      },
    ]);
    expect(problem.fields.title).toEqual({ message: 'The title is longer than 200 characters.', field: 'title', reason: 'TOO_LONG', args: { max: 200 } });
    expect(problem.refusals).toEqual([problem.fields.title]);
  });

  it('puts an ended session before a conflict, and a conflict before bad input', () => {
    expect(
      problemFromErrors([
        { message: 'x', extensions: { code: 'BAD_USER_INPUT' } },
        { message: 'y', extensions: { code: 'CONFLICT' } },
      ]).kind,
    ).toBe('conflict');
    expect(
      problemFromErrors([
        { message: 'y', extensions: { code: 'CONFLICT' } },
        { message: 'z', extensions: { code: 'UNAUTHENTICATED' } },
      ]).kind,
    ).toBe('unauthenticated');
    expect(problemFromErrors([{ message: 'boom' }]).kind).toBe('other');
    expect(problemFromErrors([], 401).kind).toBe('unauthenticated');
  });
});

describe('guessLinkType', () => {
  it('reads the kind of link from its host, and says nothing when the host says nothing', () => {
    expect(guessLinkType('https://github.com/g0v/bus')).toBe('REPOSITORY');
    expect(guessLinkType('https://gitlab.com/a/b')).toBe('REPOSITORY');
    expect(guessLinkType('https://www.youtube.com/watch?v=x')).toBe('PITCH_VIDEO');
    expect(guessLinkType('https://youtu.be/x')).toBe('PITCH_VIDEO');
    expect(guessLinkType('https://g0v.hackmd.io/@jothon/abc')).toBe('NOTES');
    expect(guessLinkType('https://docs.google.com/presentation/d/1/edit')).toBe('SLIDES');
    expect(guessLinkType('https://docs.google.com/document/d/1/edit')).toBe('NOTES');
    expect(guessLinkType('https://docs.google.com/spreadsheets/d/1')).toBeUndefined();
    expect(guessLinkType('https://speakerdeck.com/a/b')).toBe('SLIDES');
    expect(guessLinkType('https://notgithub.com/a')).toBeUndefined();
    expect(guessLinkType('https://bus.g0v.tw/')).toBeUndefined();
    expect(guessLinkType('github.com/g0v')).toBeUndefined();
  });
});
