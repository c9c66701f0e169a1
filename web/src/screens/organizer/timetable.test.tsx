import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ORGANIZER, callsNamed, renderPanel, type Answer } from '../../test/harness';
import { addToOrder, formOfTimetable, moveRow, removeFromOrder, toScheduleInput, type TimetableRow } from './timetableForm';

const title = (en: string, zhTW: string | null = null) => ({ zhTW, en });
const PATH = '/organize/hackathons/ph-2026/judging/rounds/r1/timetable';

const CANDIDATES = [
  { id: 'p1', title: title('Bus arrivals', '公車到站') },
  { id: 'p2', title: title('Flood map', '淹水地圖') },
  { id: 'p3', title: title('Clinic queue', '診所排隊') },
];

function timetable(extra: Record<string, unknown> = {}) {
  return {
    closesAt: '2026-11-30T10:00:00.000Z',
    version: 1,
    updatedAt: '2026-11-29T02:00:00.000Z',
    // p2 pitches first, p1 second; p3 has a room and no place.
    slots: [
      { proposalId: 'p2', pitchOrder: 1, room: 'Room 201' },
      { proposalId: 'p1', pitchOrder: 2, room: null },
      { proposalId: 'p3', pitchOrder: null, room: 'Stage B' },
    ],
    candidates: CANDIDATES,
    ...extra,
  };
}

function round(table: unknown) {
  return {
    judgingRound: {
      id: 'r1',
      name: title('Preliminary review', '初審'),
      method: 'RUBRIC',
      closesAt: null,
      hackathon: { id: 'h1', slug: 'ph-2026', name: title('Presidential Hackathon'), timeZone: 'Asia/Taipei' },
      timetable: table,
    },
  };
}

const saved = (version: number) => ({
  data: { setRoundSchedule: { round: { id: 'r1', closesAt: null, timetable: timetable({ version, updatedAt: '2026-11-29T03:00:00.000Z' }) } } },
});

/** The proposal titles of the pitch order, as the list shows them. */
function order(): string[] {
  const list = screen.getByRole('list', { name: 'Pitch order' });
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.timetable-title')!.textContent!);
}

describe('round timetable (organizers)', () => {
  it('shows the deadline in the event’s zone, named, and the pitch order; moves with buttons and saves with the version read', async () => {
    const user = userEvent.setup();
    const { calls } = renderPanel(PATH, ORGANIZER, {
      RoundTimetable: () => ({ data: round(timetable()) }),
      SetRoundSchedule: () => saved(2),
    });
    const deadline = await screen.findByLabelText('Scoring due (Asia/Taipei time)');
    // 10:00 UTC is 18:00 in Taipei.
    expect((deadline as HTMLInputElement).value).toBe('2026-11-30T18:00');
    expect(screen.getByTestId('timetable-deadline-shown').textContent).toMatch(/^Judges read: Nov 30, 2026, 06:00 PM GMT\+8$/);
    expect(order()).toEqual(['Flood map', 'Bus arrivals']);
    expect(screen.getByRole('list', { name: 'Not in the pitch order' }).textContent).toContain('Clinic queue');
    expect((screen.getByRole('textbox', { name: 'Room or location of Flood map' }) as HTMLInputElement).value).toBe('Room 201');
    // At the ends, the way out is disabled.
    expect((screen.getByRole('button', { name: 'Move Flood map up' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Move Bus arrivals down' }) as HTMLButtonElement).disabled).toBe(true);

    // Flood map goes down: the focus follows it, and the move is announced.
    await user.click(screen.getByRole('button', { name: 'Move Flood map down' }));
    expect(order()).toEqual(['Bus arrivals', 'Flood map']);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Flood map up' })));
    expect(screen.getByRole('status').textContent).toBe('Flood map: pitch 2 of 2.');
    // Clinic queue joins the order last; Bus arrivals leaves it.
    await user.click(screen.getByRole('button', { name: 'Add Clinic queue to the pitch order' }));
    await user.click(screen.getByRole('button', { name: 'Take Bus arrivals out of the pitch order' }));
    expect(order()).toEqual(['Flood map', 'Clinic queue']);
    await user.type(screen.getByRole('textbox', { name: 'Room or location of Bus arrivals' }), ' Hall A ');
    await user.clear(deadline);
    await user.type(deadline, '2026-12-01T09:30');

    await user.click(screen.getByRole('button', { name: 'Save the timetable' }));
    await screen.findByText('Timetable saved: judges see it on their list.');
    expect(callsNamed(calls, 'SetRoundSchedule')[0].variables.input).toEqual({
      roundId: 'r1',
      closesAt: '2026-12-01T09:30:00+08:00',
      expectedVersion: 1,
      slots: [
        { proposalId: 'p2', pitchOrder: 1, room: 'Room 201' },
        { proposalId: 'p3', pitchOrder: 2, room: 'Stage B' },
        { proposalId: 'p1', pitchOrder: null, room: 'Hall A' },
      ],
    });
    // The next save is checked against the version just saved.
    await user.click(screen.getByRole('button', { name: 'Save the timetable' }));
    await waitFor(() => expect(callsNamed(calls, 'SetRoundSchedule')).toHaveLength(2));
    expect((callsNamed(calls, 'SetRoundSchedule')[1].variables.input as { expectedVersion: number }).expectedVersion).toBe(2);
  });

  it('on a concurrent save keeps what was typed, says so, and saves it over the other version only when asked', async () => {
    const user = userEvent.setup();
    let reads = 0;
    const saves: Answer[] = [
      { errors: [{ message: 'Someone else saved this round’s timetable since you read it', extensions: { code: 'CONFLICT' } }] },
      saved(3),
    ];
    const { calls } = renderPanel(PATH, ORGANIZER, {
      // The first read is version 1; after the conflict the panel reads version 2, saved by someone else.
      RoundTimetable: () => ({
        data: round(
          reads++ === 0
            ? timetable()
            : timetable({ version: 2, closesAt: null, updatedAt: '2026-11-29T02:30:00.000Z', slots: [{ proposalId: 'p1', pitchOrder: 1, room: 'Their room' }] }),
        ),
      }),
      SetRoundSchedule: () => saves.shift()!,
    });
    const room = await screen.findByRole('textbox', { name: 'Room or location of Bus arrivals' });
    await user.type(room, 'My room');
    await user.click(screen.getByRole('button', { name: 'Move Bus arrivals up' }));
    await user.click(screen.getByRole('button', { name: 'Save the timetable' }));

    const conflict = await screen.findByTestId('timetable-conflict');
    expect(conflict.textContent).toContain('Someone else saved this timetable while you were editing it.');
    expect(conflict.textContent).toContain('Your changes are not saved and are still here');
    await waitFor(() => expect(conflict.textContent).toContain('The other version was saved'));
    // Nothing typed is lost when the other version is read.
    expect((screen.getByRole('textbox', { name: 'Room or location of Bus arrivals' }) as HTMLInputElement).value).toBe('My room');
    expect(order()).toEqual(['Bus arrivals', 'Flood map']);
    expect((screen.getByLabelText('Scoring due (Asia/Taipei time)') as HTMLInputElement).value).toBe('2026-11-30T18:00');

    await user.click(within(conflict).getByRole('button', { name: 'Save mine in its place' }));
    await screen.findByText('Timetable saved: judges see it on their list.');
    const [first, second] = callsNamed(calls, 'SetRoundSchedule').map((call) => call.variables.input as Record<string, unknown>);
    expect(first.expectedVersion).toBe(1);
    expect(second).toEqual({ ...first, expectedVersion: 2 });
    expect(screen.queryByTestId('timetable-conflict')).toBeNull();
  });

  it('loads the other version instead when the organizer drops theirs', async () => {
    const user = userEvent.setup();
    let reads = 0;
    renderPanel(PATH, ORGANIZER, {
      RoundTimetable: () => ({
        data: round(reads++ === 0 ? timetable() : timetable({ version: 2, closesAt: null, slots: [{ proposalId: 'p3', pitchOrder: 1, room: 'Their room' }] })),
      }),
      SetRoundSchedule: () => ({ errors: [{ message: 'changed', extensions: { code: 'CONFLICT' } }] }),
    });
    await user.click(await screen.findByRole('button', { name: 'Save the timetable' }));
    const conflict = await screen.findByTestId('timetable-conflict');
    const drop = within(conflict).getByRole('button', { name: 'Drop mine and load it' });
    await waitFor(() => expect((drop as HTMLButtonElement).disabled).toBe(false));
    await user.click(drop);
    expect(order()).toEqual(['Clinic queue']);
    expect((screen.getByRole('textbox', { name: 'Room or location of Clinic queue' }) as HTMLInputElement).value).toBe('Their room');
    expect((screen.getByLabelText('Scoring due (Asia/Taipei time)') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('timetable-deadline-shown').textContent).toBe('No deadline.');
  });

  it('refuses a room over 100 characters before saving, and reads in Traditional Chinese', async () => {
    const user = userEvent.setup();
    const { calls } = renderPanel(PATH, ORGANIZER, { RoundTimetable: () => ({ data: round(timetable()) }) }, 'zh-TW');
    const room = await screen.findByRole('textbox', { name: '「淹水地圖」的場地或地點' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('時程表：初審');
    expect(screen.getByLabelText('評分截止（Asia/Taipei 時間）')).toBeTruthy();
    expect(screen.getByRole('button', { name: '將「淹水地圖」下移' })).toBeTruthy();
    // Clearing the deadline leaves the focus on its field, and says there is none.
    const deadline = screen.getByLabelText('評分截止（Asia/Taipei 時間）') as HTMLInputElement;
    await user.click(screen.getByRole('button', { name: '清除截止時間' }));
    expect(deadline.value).toBe('');
    expect(document.activeElement).toBe(deadline);
    expect(screen.getByTestId('timetable-deadline-shown').textContent).toBe('沒有截止時間。');
    await user.type(room, 'x'.repeat(95));
    await user.click(screen.getByRole('button', { name: '儲存時程表' }));
    expect(await screen.findByText('場地最多 100 個字元。')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(room));
    expect(callsNamed(calls, 'SetRoundSchedule')).toHaveLength(0);
  });
});

describe('timetable form', () => {
  const rows = (): TimetableRow[] => formOfTimetable(timetable(), 'Asia/Taipei')!.rows;

  it('keeps moves inside the pitch order', () => {
    const start = rows();
    expect(moveRow(start, 0, -1)).toBe(start);
    expect(moveRow(start, 1, 1)).toBe(start);
    expect(moveRow(start, 2, -1)).toBe(start);
    expect(moveRow(start, 0, 1).map((r) => r.proposalId)).toEqual(['p1', 'p2', 'p3']);
    expect(addToOrder(start, 'p3').map((r) => [r.proposalId, r.inOrder])).toEqual([['p2', true], ['p1', true], ['p3', true]]);
    expect(removeFromOrder(start, 'p2').map((r) => [r.proposalId, r.inOrder])).toEqual([['p1', true], ['p2', false], ['p3', false]]);
  });

  it('sends no slot for a proposal without a place or a room, and no deadline when it is empty', () => {
    const form = { deadline: '', rows: removeFromOrder(rows(), 'p1') };
    expect(toScheduleInput('r1', form, 'Asia/Taipei', 4)).toEqual({
      roundId: 'r1',
      closesAt: null,
      expectedVersion: 4,
      slots: [
        { proposalId: 'p2', pitchOrder: 1, room: 'Room 201' },
        { proposalId: 'p3', pitchOrder: null, room: 'Stage B' },
      ],
    });
  });

  it('has no form while the candidates are not known', () => {
    expect(formOfTimetable(timetable({ candidates: null }), 'Asia/Taipei')).toBeNull();
  });
});
