import { describe, expect, it } from 'vitest';
import { emptyHackathon, toUpdateHackathon, validateHackathon, type HackathonFormState } from './hackathonForm';

function form(overrides: Partial<HackathonFormState>): HackathonFormState {
  return { ...emptyHackathon('Europe/Berlin'), nameEn: 'Civic Tech Berlin', startsAt: '2026-10-31T10:00', endsAt: '2026-11-01T17:00', ...overrides };
}

describe('planned deadlines in the hackathon form', () => {
  it('sends them in the event’s time zone, and none as null', () => {
    const input = toUpdateHackathon('h1', 3, form({ proposalDeadline: '2026-10-20T23:59', judgingDeadline: '2026-11-15T18:00' }));
    expect(input.plannedDeadlines).toEqual({
      proposalDeadline: '2026-10-20T23:59:00+02:00',
      teamFormation: null,
      judging: '2026-11-15T18:00:00+01:00',
    });
  });

  it('names the first deadline out of order, by the server’s field name', () => {
    const errors = validateHackathon(form({ proposalDeadline: '2026-10-20T23:59', teamFormation: '2026-10-19T12:00', judgingDeadline: '2026-11-15T18:00' }), false);
    expect(errors).toEqual({ 'plannedDeadlines.teamFormation': 'deadlineOrder' });
    expect(validateHackathon(form({ proposalDeadline: '2026-10-20T23:59', teamFormation: '2026-10-20T23:59' }), false)).toEqual({});
  });
});
