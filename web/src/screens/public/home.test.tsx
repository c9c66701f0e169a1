import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { callsNamed, renderPanel } from '../../test/harness';
import { filtersOf, searchOf } from './HackathonList';

const DAY = 86_400_000;

function edition(id: string, phase: string, startsInDays: number, extra: Record<string, unknown> = {}) {
  const starts = new Date(Date.now() + startsInDays * DAY).toISOString();
  const ends = new Date(Date.now() + (startsInDays + 1) * DAY).toISOString();
  return {
    id,
    slug: `g0v-${id}`,
    name: { zhTW: `零時政府 ${id}`, en: `g0v ${id}` },
    kind: 'COMMUNITY',
    edition: null,
    startsAt: starts,
    endsAt: ends,
    timeZone: 'Asia/Taipei',
    location: 'Taipei',
    phase,
    ...extra,
  };
}

function page(nodes: ReturnType<typeof edition>[]) {
  return {
    data: {
      hackathons: {
        edges: nodes.map((node) => ({ cursor: `c-${node.id}`, node })),
        pageInfo: { hasNextPage: false, endCursor: nodes.length ? `c-${nodes.at(-1)!.id}` : null },
      },
    },
  };
}

describe('home page', () => {
  it('says what Hacktrail is, what is running now with its phase timeline, and what comes next', async () => {
    const running = edition('71', 'HACKING', -1);
    const next = edition('72', 'DRAFT', 10, { phase: 'OPEN_FOR_PROPOSALS' });
    const upcoming = edition('73', 'RESULTS_PUBLISHED', 40);
    const past = edition('60', 'ARCHIVED', -400);
    renderPanel('/', null, { Hackathons: () => page([upcoming, next, running, past]) });

    expect(await screen.findByRole('heading', { name: 'What is Hacktrail?' })).toBeTruthy();
    const now = screen.getByRole('region', { name: 'Happening now' });
    const timeline = await within(now).findByRole('list', { name: 'Phases of g0v 71' });
    // Hacking is the third of seven public phases: two done, the current one marked for assistive technology.
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(7);
    const current = timeline.querySelector('[aria-current="step"]');
    expect(current?.textContent).toContain('Hacking');
    expect(timeline.querySelectorAll('li.done')).toHaveLength(2);
    // Open for proposals counts as running; the next to start is the one with a later start that is not running.
    expect(within(now).getByRole('link', { name: 'g0v 72' })).toBeTruthy();
    const comingNext = screen.getByRole('region', { name: 'Coming next' });
    expect(within(comingNext).getByRole('link', { name: 'g0v 73' })).toBeTruthy();
    expect(within(comingNext).getByText(/Starts in (39|40) days/)).toBeTruthy();
    expect(within(comingNext).queryByRole('link', { name: 'g0v 60' })).toBeNull();
    // Every edition, with a compact "step n of 7".
    const all = screen.getByRole('region', { name: 'Every edition' });
    expect(await within(all).findByText('Step 7 of 7: Archived')).toBeTruthy();
  });

  it('narrows the list by text, kind, phase and year, keeps the filters in the address, and clears them', async () => {
    const { calls, location } = renderPanel('/', null, { Hackathons: () => page([edition('60', 'ARCHIVED', -400)]) });
    await screen.findByRole('heading', { name: 'Every edition' });
    await userEvent.type(screen.getByLabelText('Search editions'), ' 零時 (台南) ');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(location.history?.at(-1)).toBe(`/?${new URLSearchParams({ q: '零時 (台南)' }).toString()}`);
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'PRESIDENTIAL');
    await userEvent.selectOptions(screen.getByLabelText('Phase'), 'FOLLOW_UP');
    await userEvent.selectOptions(screen.getByLabelText('Year'), '2024');
    const last = callsNamed(calls, 'Hackathons').at(-1)!;
    expect(last.variables).toMatchObject({ search: '零時 (台南)', kind: 'PRESIDENTIAL', phase: 'FOLLOW_UP', year: 2024, after: null });
    // With filters on, the list is the page: no "now and next" above it.
    expect(screen.queryByRole('region', { name: 'Happening now' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(location.history?.at(-1)).toBe('/');
    expect(await screen.findByRole('region', { name: 'Happening now' })).toBeTruthy();
  });

  it('reads only filters it knows from the address', () => {
    expect(filtersOf('?q=%20bus%20&kind=COMMUNITY&phase=JUDGING&year=2025')).toEqual({
      search: 'bus',
      kind: 'COMMUNITY',
      phase: 'JUDGING',
      year: 2025,
    });
    expect(filtersOf('?kind=EVIL&phase=DRAFT&year=1990&q=')).toEqual({});
    expect(searchOf({ search: 'a b', year: 2024 })).toBe('?q=a+b&year=2024');
    expect(searchOf({})).toBe('');
  });
});
