import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { JUDGE, callsNamed, renderPanel, stubAuthOptions, type Answer, type Handler } from '../../test/harness';
import { EXPO_RETRY, pendingKey, type PendingAnswer } from './useExpoWalk';

const HACKATHON = { id: 'h1', slug: 'g0v-expo', name: { zhTW: '零時政府展', en: 'g0v expo' }, timeZone: 'Asia/Taipei' };
const ROUND = { id: 'r1', name: { zhTW: '展場評審', en: 'Expo judging' }, kind: 'FINAL', status: 'OPEN', hackathon: HACKATHON };
const PATH = '/judge/rounds/r1/expo';
const KEY = pendingKey(JUDGE!.id, 'r1');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function visit(number: number, proposalId: string, title: { zhTW: string; en: string }, table: number) {
  return {
    id: `r1/h1:u-judge/${number}`,
    number,
    proposalId,
    proposal: { id: proposalId, title, proposerName: 'Ann' },
    table: { proposalId, label: `Table ${table}`, tableNumber: table },
    status: 'OPEN',
  };
}

const BUS = visit(1, 'p1', { zhTW: '公車動態開放資料', en: 'Open bus data' }, 12);
const SHELTER = visit(2, 'p2', { zhTW: '避難地圖', en: 'Shelter map' }, 7);

function next(current: ReturnType<typeof visit> | null, previous: ReturnType<typeof visit> | null, answered: number, remaining: number, done = false): Answer {
  return { data: { nextExpoVisit: { done, answered, remaining, visit: current, previous } } };
}

const page: Handler = () => ({ data: { myExpoRounds: [{ answered: 0, tables: 5, judge: { id: 'h1:u-judge', sector: 'PUBLIC' }, round: ROUND }] } });

/** Answers nextExpoVisit from a list, one per call (the last one again after the list ends). */
function walkOf(...answers: Answer[]): Handler {
  let i = 0;
  return () => answers[Math.min(i++, answers.length - 1)];
}

const recorded = (variables: Record<string, unknown>): Answer => {
  const input = variables.input as { clientId: string; previousProposalId?: string };
  return { data: { recordExpoComparison: { visit: { id: 'v', number: 1, status: input.previousProposalId ? 'COMPARED' : 'VISITED', clientId: input.clientId } } } };
};

function inputOf(call: { variables: Record<string, unknown> }) {
  return call.variables.input as Record<string, unknown>;
}

beforeEach(() => {
  stubAuthOptions();
  localStorage.clear();
  sessionStorage.clear();
  EXPO_RETRY.ms = 1_000_000;
});

describe('the judge at the expo', () => {
  it('sends the judge to a table, has nothing to compare at the first, then asks "better than the previous one?" naming both', async () => {
    const user = userEvent.setup();
    const { calls } = renderPanel(PATH, JUDGE, {
      ExpoRoundPage: page,
      NextExpoVisit: walkOf(next(BUS, null, 0, 5), next(SHELTER, BUS, 1, 4), next(null, SHELTER, 2, 3)),
      RecordExpoComparison: recorded,
    });
    expect(await screen.findByRole('heading', { name: 'Go to table 12: Open bus data' })).toBeTruthy();
    expect(screen.getByTestId('expo-progress').textContent).toContain('0 visits done · 5 tables left for you');
    await user.click(screen.getByRole('button', { name: 'I am at the table' }));
    expect(screen.getByRole('heading', { name: 'First table: just look, then continue' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Seen it, continue' }));

    expect(await screen.findByRole('heading', { name: 'Go to table 7: Shelter map' })).toBeTruthy();
    expect(screen.getByTestId('expo-progress').textContent).toContain('1 visit done · 4 tables left for you');
    await user.click(screen.getByRole('button', { name: 'I am at the table' }));
    expect(screen.getByRole('group', { name: 'Better than the previous one?' })).toBeTruthy();
    const current = screen.getByRole('button', { name: /This one is better/ });
    const previous = screen.getByRole('button', { name: /The previous one is better/ });
    expect(current.textContent).toContain('Shelter map');
    expect(previous.textContent).toContain('Open bus data');
    await user.click(previous);

    await screen.findByText('Every table left for you has judges at it now. Wait a moment, then ask again.');
    const answers = callsNamed(calls, 'RecordExpoComparison').map(inputOf);
    expect(answers).toHaveLength(2);
    expect(answers[0]).toEqual({ roundId: 'r1', clientId: expect.stringMatching(UUID), currentProposalId: 'p1' });
    expect(answers[1]).toEqual({ roundId: 'r1', clientId: expect.stringMatching(UUID), currentProposalId: 'p2', previousProposalId: 'p1', winner: 'PREVIOUS' });
    expect(answers[0].clientId).not.toBe(answers[1].clientId);
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('says where to go in zh-TW: 前往 12 號桌', async () => {
    renderPanel(PATH, JUDGE, { ExpoRoundPage: page, NextExpoVisit: walkOf(next(BUS, null, 0, 5)) }, 'zh-TW');
    expect(await screen.findByRole('heading', { name: '前往 12 號桌：公車動態開放資料' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '我已到這一桌' })).toBeTruthy();
  });

  it('sends a double tap once: the second tap (on either answer) while the first waits does nothing', async () => {
    sessionStorage.setItem('hacktrail.expo.arrived.r1', SHELTER.id);
    const { calls } = renderPanel(PATH, JUDGE, {
      ExpoRoundPage: page,
      NextExpoVisit: walkOf(next(SHELTER, BUS, 1, 4), next(null, SHELTER, 2, 3, false)),
      RecordExpoComparison: recorded,
    });
    const current = await screen.findByRole('button', { name: /This one is better/ });
    const previous = screen.getByRole('button', { name: /The previous one is better/ });
    fireEvent.click(current);
    fireEvent.click(current);
    fireEvent.click(previous);
    await screen.findByText('Every table left for you has judges at it now. Wait a moment, then ask again.');
    const answers = callsNamed(calls, 'RecordExpoComparison');
    expect(answers).toHaveLength(1);
    expect(inputOf(answers[0]).winner).toBe('CURRENT');
  });

  it('keeps an answer the server did not receive, and sends it again with the same client id', async () => {
    sessionStorage.setItem('hacktrail.expo.arrived.r1', SHELTER.id);
    let attempts = 0;
    const { calls } = renderPanel(PATH, JUDGE, {
      ExpoRoundPage: page,
      NextExpoVisit: walkOf(next(SHELTER, BUS, 1, 4), next(null, SHELTER, 2, 3, true)),
      RecordExpoComparison: (variables) => (++attempts === 1 ? { networkError: 'Failed to fetch' } : recorded(variables)),
    });
    fireEvent.click(await screen.findByRole('button', { name: /This one is better/ }));
    expect(await screen.findByText('No connection: your answer is kept on this phone and sent again automatically.')).toBeTruthy();
    expect(screen.getByTestId('expo-kept').textContent).toBe('Your answer: Table 7: This one is better (Shelter map)');
    const kept = JSON.parse(localStorage.getItem(KEY)!) as PendingAnswer;
    expect(kept.kind).toBe('compare');
    expect(kept.input).toMatchObject({ currentProposalId: 'p2', previousProposalId: 'p1', winner: 'CURRENT' });

    fireEvent.click(screen.getByRole('button', { name: 'Send it again now' }));
    expect(await screen.findByTestId('expo-done')).toBeTruthy();
    const answers = callsNamed(calls, 'RecordExpoComparison').map(inputOf);
    expect(answers).toHaveLength(2);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0].clientId).toBe(kept.input.clientId);
    expect(localStorage.getItem(KEY)).toBeNull();
    // Only after the server has the answer is the next table asked for: never two answers for one visit.
    expect(callsNamed(calls, 'NextExpoVisit')).toHaveLength(2);
  });

  it('retries by itself after a pause', async () => {
    EXPO_RETRY.ms = 20;
    sessionStorage.setItem('hacktrail.expo.arrived.r1', SHELTER.id);
    let attempts = 0;
    const { calls } = renderPanel(PATH, JUDGE, {
      ExpoRoundPage: page,
      NextExpoVisit: walkOf(next(SHELTER, BUS, 1, 4), next(null, SHELTER, 2, 3, true)),
      SkipExpoVisit: (variables) =>
        ++attempts < 3
          ? { networkError: 'Failed to fetch' }
          : { data: { skipExpoVisit: { visit: { id: 'v', number: 2, status: 'SKIPPED', clientId: (variables.input as { clientId: string }).clientId } } } },
    });
    await screen.findByRole('button', { name: /This one is better/ });
    fireEvent.click(screen.getByRole('button', { name: 'Skip: the team is absent' }));
    expect(await screen.findByTestId('expo-done')).toBeTruthy();
    const skips = callsNamed(calls, 'SkipExpoVisit').map(inputOf);
    expect(skips).toHaveLength(3);
    expect(new Set(skips.map((s) => s.clientId)).size).toBe(1);
    expect(skips[0]).toEqual({ roundId: 'r1', clientId: expect.stringMatching(UUID), proposalId: 'p2', reason: 'ABSENT' });
  });

  it('after a reload, sends the answer left on the device (its client id) before asking for the next table', async () => {
    const left: PendingAnswer = {
      kind: 'compare',
      visitId: SHELTER.id,
      input: { roundId: 'r1', clientId: 'c0ffee00-0000-4000-8000-000000000001', currentProposalId: 'p2', previousProposalId: 'p1', winner: 'CURRENT' },
    };
    localStorage.setItem(KEY, JSON.stringify(left));
    const { calls } = renderPanel(PATH, JUDGE, {
      ExpoRoundPage: page,
      NextExpoVisit: walkOf(next(null, SHELTER, 2, 0, true)),
      RecordExpoComparison: recorded,
    });
    expect(await screen.findByText('Done: you have seen every table you can judge in this round. Thank you!')).toBeTruthy();
    expect(screen.getByText('2 visits recorded.')).toBeTruthy();
    const names = calls.map((call) => call.name).filter((name) => name === 'RecordExpoComparison' || name === 'NextExpoVisit');
    expect(names[0]).toBe('RecordExpoComparison');
    expect(inputOf(callsNamed(calls, 'RecordExpoComparison')[0])).toEqual(left.input);
    expect(callsNamed(calls, 'RecordExpoComparison')).toHaveLength(1);
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('drops an answer the server refuses for good, says so, and shows where to go now', async () => {
    sessionStorage.setItem('hacktrail.expo.arrived.r1', SHELTER.id);
    const { calls } = renderPanel(PATH, JUDGE, {
      ExpoRoundPage: page,
      NextExpoVisit: walkOf(next(SHELTER, BUS, 1, 4), next(BUS, null, 2, 3)),
      RecordExpoComparison: () => ({ errors: [{ message: 'The round is CLOSED; judges visit tables only while it is OPEN.', extensions: { code: 'BAD_USER_INPUT', field: 'roundId' } }] }),
    });
    fireEvent.click(await screen.findByRole('button', { name: /This one is better/ }));
    expect(await screen.findByText('That answer was not recorded. Here is where to go now.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Go to table 12: Open bus data' })).toBeTruthy();
    expect(callsNamed(calls, 'RecordExpoComparison')).toHaveLength(1);
    expect(localStorage.getItem(KEY)).toBeNull();
  });
});

describe('the judge home', () => {
  it('lists an expo round with the visits done and a way to walk it', async () => {
    renderPanel('/judge', JUDGE, {
      JudgeHome: () => ({
        data: {
          myJudging: [],
          myJudgeInvitations: [],
          myExpoRounds: [{ answered: 3, tables: 5, judge: { id: 'h1:u-judge', sector: 'PUBLIC' }, round: ROUND }],
        },
      }),
    });
    const round = await screen.findByTestId('expo-round');
    expect(round.textContent).toContain('3 visits done · 5 tables in the round');
    expect(screen.getByRole('link', { name: 'Walk the tables' }).getAttribute('href')).toBe('/judge/rounds/r1/expo');
  });
});

describe('a judge of no such round', () => {
  it('says this is not an expo round they judge', async () => {
    renderPanel(PATH, JUDGE, { ExpoRoundPage: () => ({ data: { myExpoRounds: [] } }) });
    await waitFor(() => expect(screen.getByText('This is not an expo round you judge.')).toBeTruthy());
  });
});
