import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { JUDGE, PROPOSER, callsNamed, renderPanel, stubAuthOptions, type Answer, type Call } from '../../test/harness';
import { AUTOSAVE } from './useSheetAutosave';
import { draftKey, formOfSheet, missingScores, parseScore, scoreErrors, scoreInputs, weightedTotal } from './sheet';

const SLOW = { timeout: 10000 };

const HACKATHON = { id: 'h1', slug: 'ph-2026', name: { zhTW: '總統盃黑客松', en: 'Presidential Hackathon' }, timeZone: 'Asia/Taipei' };
const ROUND = { id: 'r1', name: { zhTW: '初審', en: 'Preliminary review' }, kind: 'REVIEW', status: 'OPEN', hackathon: HACKATHON };
const CRITERIA = [
  { id: 'impact', name: { zhTW: '影響力', en: 'Impact' }, description: { zhTW: null, en: 'How many people does it help?' }, weight: 3, scaleMin: 1, scaleMax: 10 },
  { id: 'feasibility', name: { zhTW: '可行性', en: 'Feasibility' }, description: { zhTW: null, en: null }, weight: 1, scaleMin: 1, scaleMax: 10 },
];
const PROPOSAL = {
  id: 'p1',
  title: { zhTW: '公車到站', en: 'Bus arrivals' },
  summary: { zhTW: null, en: 'Accessible bus arrival times.' },
  proposerName: 'Ann',
  channel: '#bus',
  needs: ['UX'],
  tags: [],
  links: [{ type: 'REPOSITORY', url: 'https://example.org/repo' }],
  team: {
    id: 'p1',
    size: 2,
    members: [
      { userId: 'u1', displayName: 'Ann', role: 'LEAD', affiliation: null },
      { userId: 'u2', displayName: 'Bo', role: 'PUBLIC_SERVANT', affiliation: 'Ministry of Digital Affairs' },
    ],
    partnerAgency: { name: 'Ministry of Digital Affairs', department: null },
  },
};

type Scores = Record<string, number>;

function sheet(version: number, scores: Scores, status = 'DRAFT', comment: string | null = null) {
  return {
    id: 'r1:u-judge:p1',
    status,
    comment,
    version,
    submittedAt: status === 'SUBMITTED' ? '2026-11-27T02:00:00Z' : null,
    updatedAt: '2026-11-27T01:00:00Z',
    scores: Object.entries(scores).map(([criterionId, value]) => ({ criterionId, value })),
    history: [],
  };
}

function page(current: ReturnType<typeof sheet> | null, options: { roundStatus?: string; assigned?: boolean; conflicts?: unknown[] } = {}): Answer {
  const proposals = [{ proposalId: 'p2', sheet: null }];
  if (options.assigned !== false) proposals.unshift({ proposalId: 'p1', sheet: current as never });
  return {
    data: {
      myAssignments: {
        assigned: proposals.length,
        submitted: 0,
        round: { ...ROUND, status: options.roundStatus ?? 'OPEN', criteria: CRITERIA },
        judge: { id: 'h1:u-judge', sector: 'PUBLIC', conflicts: options.conflicts ?? [] },
        proposals,
      },
      proposal: PROPOSAL,
    },
  };
}

/** A save that answers with the next version of the sheet, as the server does. */
function saving(calls: { n: number } = { n: 0 }, base = 3) {
  return (variables: Record<string, unknown>): Answer => {
    calls.n++;
    const input = variables.input as { scores: { criterionId: string; value: number }[]; comment: string; expectedVersion?: number };
    const scores = Object.fromEntries(input.scores.map((s) => [s.criterionId, s.value]));
    return { data: { saveScoreSheet: { sheet: sheet((input.expectedVersion ?? base - 1) + 1, scores, 'DRAFT', input.comment) } } };
  };
}

const SHEET_PATH = '/judge/rounds/r1/proposals/p1';

function saves(calls: Call[]) {
  return callsNamed(calls, 'SaveScoreSheet').map((call) => call.variables.input as Record<string, unknown>);
}

beforeEach(() => {
  AUTOSAVE.delayMs = 50;
  AUTOSAVE.retryMs = 1_000_000;
});

describe('the sheet as typed', () => {
  it('reads numbers, checks scales, and totals with normalised weights', () => {
    expect(parseScore(' 7,5 ')).toBe(7.5);
    expect(parseScore('')).toBeNull();
    expect(parseScore('seven')).toBeNaN();
    const form = { ...formOfSheet(CRITERIA, null), scores: { impact: '8', feasibility: '11' } };
    expect(scoreErrors(CRITERIA, form)).toEqual({ feasibility: 'outOfScale' });
    expect(weightedTotal(CRITERIA, form)).toBeUndefined();
    const complete = { ...form, scores: { impact: '8', feasibility: '4' } };
    expect(weightedTotal(CRITERIA, complete)).toBeCloseTo(0.75 * 8 + 0.25 * 4);
    expect(missingScores(CRITERIA, { ...form, scores: { impact: '8', feasibility: ' ' } })).toEqual(['feasibility']);
    expect(scoreInputs(CRITERIA, { ...form, scores: { impact: '8', feasibility: '' } })).toEqual([{ criterionId: 'impact', value: 8 }]);
  });
});

describe("the judge's list", () => {
  const HOME = {
    myJudging: [
      {
        assigned: 3,
        submitted: 1,
        round: { ...ROUND, closesAt: '2026-11-30T10:00:00.000Z' },
        slots: [
          { proposalId: 'p1', pitchOrder: 2, room: 'Room 201' },
          { proposalId: 'p3', pitchOrder: null, room: 'Stage B' },
        ],
        judge: { id: 'h1:u-judge', sector: 'PUBLIC' },
        proposals: [
          { proposalId: 'p1', proposal: { id: 'p1', title: PROPOSAL.title, proposerName: 'Ann' }, sheet: { id: 's1', status: 'SUBMITTED', version: 2, updatedAt: '2026-11-27T01:00:00Z' } },
          { proposalId: 'p2', proposal: { id: 'p2', title: { zhTW: null, en: 'Shelter map' }, proposerName: 'Cy' }, sheet: { id: 's2', status: 'DRAFT', version: 0, updatedAt: '2026-11-27T01:00:00Z' } },
          { proposalId: 'p3', proposal: { id: 'p3', title: { zhTW: null, en: 'Open budget' }, proposerName: 'Di' }, sheet: null },
        ],
      },
    ],
    myJudgeInvitations: [],
  };

  it('lists each round with a progress bar and the state of every sheet, and marks itself ready', async () => {
    performance.clearMarks();
    sessionStorage.setItem(draftKey('r1', 'p3'), JSON.stringify({ scores: { impact: '5' }, comment: '', base: null }));
    renderPanel('/judge', JUDGE, { JudgeHome: () => ({ data: HOME }) });
    const list = await screen.findByRole('list', { name: 'Proposals to score' });
    expect(screen.getByRole('heading', { name: 'Presidential Hackathon · Preliminary review' })).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: '1 of 3 submitted' })).toBeTruthy();
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Submitted'),
      expect.stringContaining('Draft'),
      expect.stringMatching(/Not started.*Unsaved input on this device/),
    ]);
    expect(within(list).getByRole('link', { name: 'Bus arrivals' }).getAttribute('href')).toBe('/judge/rounds/r1/proposals/p1');
    // The deadline in the event's time zone, named; pitch order and room where the organizers set them.
    expect(screen.getByText(/^Scores due: Nov 30, 2026, 06:00 PM GMT\+8$/)).toBeTruthy();
    expect(items[0].textContent).toContain('Pitch 2 · Room: Room 201');
    expect(items[1].textContent).not.toContain('Pitch');
    expect(items[2].textContent).toContain('Room: Stage B');
    expect(items[2].textContent).not.toContain('Pitch');
    // The mark is set by an effect after the list's render: wait for it rather than assume the order of the two.
    await waitFor(() => expect(performance.getEntriesByName('judge-list-ready')).toHaveLength(1));
  });

  it('accepts a pending invitation addressed to the account', async () => {
    const { calls } = renderPanel('/judge', JUDGE, {
      JudgeHome: () => ({
        data: { myJudging: [], myJudgeInvitations: [{ id: 'inv1', sector: 'PRIVATE', invitedAt: '2026-11-20T01:00:00Z', hackathon: HACKATHON }] },
      }),
      AcceptJudgeInvitation: () => ({ data: { acceptJudgeInvitation: { judge: { id: 'h1:u-judge', sector: 'PRIVATE', hackathon: HACKATHON } } } }),
    });
    expect(await screen.findByText(/No assignments yet/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Accept the invitation to ph-2026' }));
    expect(callsNamed(calls, 'AcceptJudgeInvitation')[0].variables.input).toEqual({ invitationId: 'inv1' });
  });
});

describe('accepting an invitation link', () => {
  it('accepts with the token of the link and says where the person now judges', async () => {
    const { calls } = renderPanel('/judging/invitations/accept?token=hti_secret', PROPOSER, {
      MyJudgeInvitations: () => ({ data: { myJudgeInvitations: [] } }),
      AcceptJudgeInvitation: () => ({ data: { acceptJudgeInvitation: { judge: { id: 'h1:u-prop', sector: 'PUBLIC', hackathon: HACKATHON } } } }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Accept the invitation' }));
    expect(callsNamed(calls, 'AcceptJudgeInvitation')[0].variables.input).toEqual({ token: 'hti_secret' });
    expect((await screen.findByRole('status')).textContent).toContain('You joined the judge panel (Public sector) of');
    expect(screen.getByRole('link', { name: 'Go to my judging' })).toBeTruthy();
  });

  it('asks an anonymous visitor to sign in on the same page, keeping the link', async () => {
    stubAuthOptions({ providers: [], demo: true, personas: [{ id: 'judge-public', displayName: 'Demo Judge' }] });
    renderPanel('/judging/invitations/accept?token=hti_secret', null);
    expect(await screen.findByText(/Sign in to accept the invitation/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Sign in as Demo Judge' })).toBeTruthy();
  });
});

describe('the score sheet', () => {
  it('shows the proposal beside one labelled number input and slider per criterion, bound together', async () => {
    renderPanel(SHEET_PATH, JUDGE, { ScoreSheetPage: () => page(sheet(3, { impact: 6 })) });
    const number = (await screen.findByRole('spinbutton', { name: 'Impact' })) as HTMLInputElement;
    const slider = screen.getByRole('slider', { name: 'Impact' }) as HTMLInputElement;
    expect(number.value).toBe('6');
    expect(slider.value).toBe('6');
    expect(number.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(number.getAttribute('aria-describedby')!)!.textContent).toBe(
      'How many people does it help? Scale 1–10; weight 3 (75 % of the total).',
    );
    // Not scored yet: the slider says so instead of pretending to be at the minimum.
    expect(screen.getByRole('slider', { name: 'Feasibility' }).getAttribute('aria-valuetext')).toBe('not scored');
    fireEvent.change(slider, { target: { value: '8.5' } });
    expect(number.value).toBe('8.5');
    fireEvent.change(number, { target: { value: '3' } });
    expect(slider.value).toBe('3');
    // Keyboard only: the slider and the number field are both reached with Tab.
    slider.focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(number);
    // The proposal beside the sheet: summary, links, team.
    expect(screen.getByText('Accessible bus arrival times.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Repository' }).getAttribute('href')).toBe('https://example.org/repo');
    expect(screen.getByText(/Bo · Public servant/)).toBeTruthy();
  });

  it('folds the proposal above the sheet on a narrow screen, keeping all of it one tap away', async () => {
    const narrow = (query: string) => ({ matches: !query.includes('min-width'), media: query, addEventListener() {}, removeEventListener() {} });
    vi.stubGlobal('matchMedia', narrow);
    renderPanel(SHEET_PATH, JUDGE, { ScoreSheetPage: () => page(sheet(3, { impact: 6 })) });
    await screen.findByRole('spinbutton', { name: 'Impact' });
    const about = screen.getByText('About the proposal').closest('details')!;
    expect(about.open).toBe(false);
    // Folded, not left out.
    expect(within(about).getByText('Accessible bus arrival times.')).toBeTruthy();
    await userEvent.click(screen.getByText('About the proposal'));
    expect(about.open).toBe(true);
  });

  it('shows the proposal open beside the sheet on a wide screen', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: true, media: query, addEventListener() {}, removeEventListener() {} }));
    renderPanel(SHEET_PATH, JUDGE, { ScoreSheetPage: () => page(sheet(3, { impact: 6 })) });
    await screen.findByRole('spinbutton', { name: 'Impact' });
    expect(screen.getByText('About the proposal').closest('details')!.open).toBe(true);
  });

  it('autosaves a debounced draft with the version read, then with the version the save returned', async () => {
    const { calls } = renderPanel(SHEET_PATH, JUDGE, { ScoreSheetPage: () => page(sheet(3, { impact: 6 })), SaveScoreSheet: saving() });
    const impact = await screen.findByRole('spinbutton', { name: 'Impact' });
    fireEvent.change(impact, { target: { value: '7' } });
    fireEvent.change(impact, { target: { value: '7.5' } });
    expect(screen.getByText('Not saved yet: saving in a moment…').getAttribute('role')).toBe('status');
    await screen.findByText(/^Draft saved/, undefined, SLOW);
    expect(saves(calls)).toEqual([{ roundId: 'r1', proposalId: 'p1', scores: [{ criterionId: 'impact', value: 7.5 }], comment: '', expectedVersion: 3 }]);
    fireEvent.change(screen.getByRole('textbox', { name: 'Comment' }), { target: { value: 'Clear' } });
    await waitFor(() => expect(saves(calls).at(-1)).toMatchObject({ comment: 'Clear', expectedVersion: 4 }), SLOW);
    await screen.findByText(/^Draft saved/, undefined, SLOW);
    // Everything reached the server: nothing is left on this device.
    expect(sessionStorage.getItem(draftKey('r1', 'p1'))).toBeNull();
  });

  it('keeps unsaved input across a reload and sends it again', async () => {
    AUTOSAVE.delayMs = 1_000_000;
    renderPanel(SHEET_PATH, JUDGE, { ScoreSheetPage: () => page(sheet(3, { impact: 6 })) });
    fireEvent.change(await screen.findByRole('spinbutton', { name: 'Impact' }), { target: { value: '8' } });
    expect(screen.getByText('Not saved yet: saving in a moment…')).toBeTruthy();
    cleanup();

    const { calls } = renderPanel(SHEET_PATH, JUDGE, { ScoreSheetPage: () => page(sheet(3, { impact: 6 })), SaveScoreSheet: saving() });
    expect(((await screen.findByRole('spinbutton', { name: 'Impact' })) as HTMLInputElement).value).toBe('8');
    await screen.findByText(/^Draft saved/, undefined, SLOW);
    expect(saves(calls)[0]).toMatchObject({ scores: [{ criterionId: 'impact', value: 8 }], expectedVersion: 3 });
  });

  it('on a CONFLICT offers the latest version and keeps the judge’s values beside it', async () => {
    let latest = false;
    let conflicted = true;
    const save = saving();
    const { calls } = renderPanel(SHEET_PATH, JUDGE, {
      ScoreSheetPage: () => page(latest ? sheet(5, { impact: 4 }, 'DRAFT', 'From my phone') : sheet(3, { impact: 6 })),
      SaveScoreSheet: (variables) => (conflicted ? { errors: [{ message: 'The sheet changed since you read it.', extensions: { code: 'CONFLICT' } }] } : save(variables)),
    });
    fireEvent.change(await screen.findByRole('spinbutton', { name: 'Impact' }), { target: { value: '9' } });
    const alert = await screen.findByRole('alert', undefined, SLOW);
    expect(alert.textContent).toContain('saved from another window or device');
    expect(screen.getByText('Not saved.')).toBeTruthy();
    // Saving stops until the judge decides: another edit sends nothing.
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Impact' }), { target: { value: '9.5' } });
    expect(saves(calls)).toHaveLength(1);

    latest = true;
    conflicted = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Load the latest version' }));
    const kept = await screen.findByRole('region', { name: 'Your values (not saved)' });
    expect(within(kept).getByText('9.5')).toBeTruthy();
    expect(((screen.getByRole('spinbutton', { name: 'Impact' })) as HTMLInputElement).value).toBe('4');
    expect((screen.getByRole('textbox', { name: 'Comment' }) as HTMLTextAreaElement).value).toBe('From my phone');

    await userEvent.click(within(kept).getByRole('button', { name: 'Use my values' }));
    expect(((screen.getByRole('spinbutton', { name: 'Impact' })) as HTMLInputElement).value).toBe('9.5');
    await waitFor(() => expect(saves(calls).at(-1)).toMatchObject({ scores: [{ criterionId: 'impact', value: 9.5 }], expectedVersion: 5 }), SLOW);
    await screen.findByText(/^Draft saved/, undefined, SLOW);
    expect(screen.queryByRole('region', { name: 'Your values (not saved)' })).toBeNull();
  });

  it('says when the session ended and keeps the draft on this device', async () => {
    renderPanel(SHEET_PATH, JUDGE, {
      ScoreSheetPage: () => page(sheet(3, { impact: 6 })),
      SaveScoreSheet: () => ({ errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] }),
    });
    fireEvent.change(await screen.findByRole('spinbutton', { name: 'Impact' }), { target: { value: '2' } });
    expect(await screen.findByText(/your session ended\. Your input is kept on this device/, undefined, SLOW)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in again' })).toBeTruthy();
    expect(JSON.parse(sessionStorage.getItem(draftKey('r1', 'p1'))!).scores.impact).toBe('2');
    expect(((screen.getByRole('spinbutton', { name: 'Impact' })) as HTMLInputElement).value).toBe('2');
  });

  it('keeps input the server could not be reached with, and tries again', async () => {
    let down = true;
    const save = saving();
    const { calls } = renderPanel(SHEET_PATH, JUDGE, {
      ScoreSheetPage: () => page(null),
      SaveScoreSheet: (variables) => (down ? { networkError: 'Failed to fetch' } : save(variables)),
    });
    fireEvent.change(await screen.findByRole('spinbutton', { name: 'Feasibility' }), { target: { value: '5' } });
    expect(await screen.findByText(/the server cannot be reached/, undefined, SLOW)).toBeTruthy();
    expect(sessionStorage.getItem(draftKey('r1', 'p1'))).toContain('"feasibility":"5"');
    down = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again now' }));
    await screen.findByText(/^Draft saved/, undefined, SLOW);
    // A first save names no version: there was no sheet yet.
    expect(saves(calls).at(-1)).toEqual({ roundId: 'r1', proposalId: 'p1', scores: [{ criterionId: 'feasibility', value: 5 }], comment: '', expectedVersion: undefined });
  });

  it('does not send a score outside its scale', async () => {
    const { calls } = renderPanel(SHEET_PATH, JUDGE, { ScoreSheetPage: () => page(sheet(3, {})), SaveScoreSheet: saving() });
    const impact = await screen.findByRole('spinbutton', { name: 'Impact' });
    fireEvent.change(impact, { target: { value: '12' } });
    expect(screen.getByText('Enter a number from 1 to 10.')).toBeTruthy();
    expect(impact.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Not saved: fix the marked scores.')).toBeTruthy();
    expect(saves(calls)).toHaveLength(0);
  });

  it('submits a complete sheet after an accessible confirmation, then shows it read-only', async () => {
    AUTOSAVE.delayMs = 1_000_000;
    const { calls } = renderPanel(SHEET_PATH, JUDGE, {
      ScoreSheetPage: () => page(sheet(3, { impact: 6 })),
      SubmitScoreSheet: (variables) => {
        const input = variables.input as { scores: { criterionId: string; value: number }[] };
        return { data: { submitScoreSheet: { sheet: sheet(4, Object.fromEntries(input.scores.map((s) => [s.criterionId, s.value])), 'SUBMITTED') } } };
      },
    });
    const submit = await screen.findByRole('button', { name: 'Submit scores' });
    await userEvent.click(submit);
    expect((await screen.findByRole('alert')).textContent).toBe('Score every criterion before submitting. Missing: Feasibility.');
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.change(screen.getByRole('spinbutton', { name: 'Feasibility' }), { target: { value: '7' } });
    expect(screen.getByText('Weighted total: 6.25')).toBeTruthy();
    await userEvent.click(submit);
    let dialog = await screen.findByRole('dialog', { name: 'Submit these scores?' });
    // Focus goes to the harmless choice and stays inside the dialog.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await userEvent.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Submit' }));
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    // Escape closes it and gives focus back.
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(submit));
    expect(callsNamed(calls, 'SubmitScoreSheet')).toHaveLength(0);

    await userEvent.click(submit);
    dialog = await screen.findByRole('dialog', { name: 'Submit these scores?' });
    // The confirmation names the weighted total the judge is about to lock in.
    expect(within(dialog).getByText('Weighted total: 6.25')).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Submit' }));
    expect(callsNamed(calls, 'SubmitScoreSheet')[0].variables.input).toEqual({
      roundId: 'r1',
      proposalId: 'p1',
      scores: [
        { criterionId: 'impact', value: 6 },
        { criterionId: 'feasibility', value: 7 },
      ],
      comment: '',
      expectedVersion: 3,
    });
    expect(await screen.findByText(/^Submitted \(/)).toBeTruthy();
    expect(screen.queryByRole('spinbutton')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit scores' })).toBeNull();
    expect(sessionStorage.getItem(draftKey('r1', 'p1'))).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Submitted/));
    // The way on: the next proposal of the round not submitted yet.
    expect(screen.getByRole('link', { name: 'Next proposal' }).getAttribute('href')).toBe('/judge/rounds/r1/proposals/p2');
    expect(screen.getByText('Still to submit in this round: 1')).toBeTruthy();
  });

  it('says the round is done instead of offering a next proposal when every other sheet is submitted', async () => {
    const answer = page(sheet(4, { impact: 6, feasibility: 7 }, 'SUBMITTED')) as { data: { myAssignments: { proposals: { proposalId: string; sheet: unknown }[] } } };
    answer.data.myAssignments.proposals[1].sheet = { ...sheet(2, { impact: 5, feasibility: 5 }, 'SUBMITTED'), id: 'r1:u-judge:p2' };
    renderPanel(SHEET_PATH, JUDGE, { ScoreSheetPage: () => answer as Answer });
    expect(await screen.findByText('Every proposal of this round is submitted. Thank you!')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Next proposal' })).toBeNull();
  });

  it('shows an unscored criterion as not scored, not as the scale minimum, and an untouched sheet as neutral', async () => {
    renderPanel(SHEET_PATH, JUDGE, { ScoreSheetPage: () => page(null) });
    const slider = (await screen.findByRole('slider', { name: 'Feasibility' })) as HTMLInputElement;
    expect(slider.classList.contains('unscored')).toBe(true);
    expect(slider.getAttribute('aria-valuetext')).toBe('not scored');
    expect(screen.getByTestId('score-feasibility-unscored').textContent).toBe('Not scored');
    expect((screen.getByRole('spinbutton', { name: 'Feasibility' }) as HTMLInputElement).value).toBe('');
    const status = screen.getByText('Nothing entered yet.');
    expect(status.className).not.toContain('save-ok');
    expect(status.className).toContain('save-idle');
    // Touched: a value, a thumb, and no "not scored" any more.
    fireEvent.change(slider, { target: { value: '4' } });
    expect(slider.classList.contains('unscored')).toBe(false);
    expect(screen.queryByTestId('score-feasibility-unscored')).toBeNull();
  });

  it('does not take a score from a finger scrolling the page across a slider, but does from a horizontal drag', async () => {
    const { calls } = renderPanel(SHEET_PATH, JUDGE, { ScoreSheetPage: () => page(null), SaveScoreSheet: saving() });
    const slider = (await screen.findByRole('slider', { name: 'Impact' })) as HTMLInputElement;
    const number = screen.getByRole('spinbutton', { name: 'Impact' }) as HTMLInputElement;
    // A vertical pan: the browser moves the thumb under the finger, then takes the gesture over for scrolling.
    fireEvent.pointerDown(slider, { pointerType: 'touch', clientX: 100, clientY: 100 });
    fireEvent.change(slider, { target: { value: '3' } });
    fireEvent.pointerMove(slider, { pointerType: 'touch', clientX: 103, clientY: 160 });
    fireEvent.pointerCancel(slider, { pointerType: 'touch' });
    expect(number.value).toBe('');
    expect(slider.classList.contains('unscored')).toBe(true);
    // A vertical move that ends on the slider does not count either.
    fireEvent.pointerDown(slider, { pointerType: 'touch', clientX: 100, clientY: 100 });
    fireEvent.change(slider, { target: { value: '9' } });
    fireEvent.pointerMove(slider, { pointerType: 'touch', clientX: 100, clientY: 140 });
    fireEvent.pointerUp(slider, { pointerType: 'touch', clientX: 100, clientY: 140 });
    expect(number.value).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(saves(calls)).toEqual([]);
    // A deliberate horizontal drag sets the score when the finger lifts.
    fireEvent.pointerDown(slider, { pointerType: 'touch', clientX: 100, clientY: 100 });
    fireEvent.change(slider, { target: { value: '7' } });
    fireEvent.pointerMove(slider, { pointerType: 'touch', clientX: 180, clientY: 104 });
    expect(number.value).toBe('');
    fireEvent.pointerUp(slider, { pointerType: 'touch', clientX: 180, clientY: 104 });
    expect(number.value).toBe('7');
    // The keyboard (and a mouse) still change it at once.
    fireEvent.change(slider, { target: { value: '7.5' } });
    expect(number.value).toBe('7.5');
  });

  it('declares a conflict of interest with a reason, after confirmation', async () => {
    const { calls } = renderPanel(SHEET_PATH, JUDGE, {
      ScoreSheetPage: () => page(sheet(3, { impact: 6 })),
      DeclareConflict: () => ({ data: { declareConflict: { judge: { id: 'h1:u-judge', conflicts: [] } } } }),
    });
    await userEvent.click(await screen.findByText('Declare a conflict of interest'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'OTHER');
    await userEvent.click(screen.getByRole('button', { name: 'Declare the conflict' }));
    expect(screen.getByText('Say what the connection is.')).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: 'The connection' }), 'My sister is on the team');
    await userEvent.click(screen.getByRole('button', { name: 'Declare the conflict' }));
    const dialog = await screen.findByRole('dialog', { name: 'Declare a conflict of interest?' });
    expect(dialog.textContent).toContain('“Bus arrivals” will be taken away from you');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Declare the conflict' }));
    expect(callsNamed(calls, 'DeclareConflict')[0].variables.input).toEqual({
      hackathonId: 'h1',
      proposalId: 'p1',
      reason: 'OTHER',
      comment: 'My sister is on the team',
    });
  });

  it('explains a proposal that is no longer assigned because of a conflict', async () => {
    renderPanel(SHEET_PATH, JUDGE, {
      ScoreSheetPage: () => page(null, { assigned: false, conflicts: [{ proposalId: 'p1', status: 'ACTIVE', source: 'FOUND', reason: null }] }),
    });
    expect(await screen.findByText(/You have a conflict of interest with this proposal/)).toBeTruthy();
    expect(screen.queryByRole('spinbutton')).toBeNull();
  });

  it('shows a closed round’s sheet read-only', async () => {
    renderPanel(SHEET_PATH, JUDGE, { ScoreSheetPage: () => page(sheet(3, { impact: 6 }), { roundStatus: 'CLOSED' }) });
    expect(await screen.findByText('The round is Closed: scores cannot be changed now.')).toBeTruthy();
    expect(screen.queryByRole('spinbutton')).toBeNull();
  });
});
