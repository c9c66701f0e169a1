import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import type { ReactNode } from 'react';
import { I18nProvider, type Locale } from '../../i18n';
import { callsNamed, mockClient, type Call, type Handler } from '../../test/harness';
import { AwardTracksSection, items } from './AwardTracksSection';
import { filterChoices } from './ProposalPicker';
import { RoundAwardsSection } from './RoundAwardsSection';
import { PublishedAwards } from '../public/PublishedAwards';

afterEach(cleanup);

const title = (en: string) => ({ zhTW: null, en });

const OUTSTANDING = {
  id: 'h1.outstanding',
  slug: 'outstanding',
  name: { zhTW: '卓越團隊', en: 'Outstanding teams' },
  quota: 5,
  eligibility: 'ALL',
  tags: [],
  proposalIds: [],
  sponsor: null,
  sponsorKind: null,
  outstanding: true,
  version: 0,
};

const OPEN_DATA = {
  id: 'h1.open-data',
  slug: 'open-data',
  name: { zhTW: '最佳開放資料應用', en: 'Best use of open data' },
  quota: 1,
  eligibility: 'BY_TAG',
  tags: ['open-data'],
  proposalIds: [],
  sponsor: 'National Development Council',
  sponsorKind: 'AGENCY',
  outstanding: false,
  version: 1,
};

function renderWith(node: ReactNode, handlers: Record<string, Handler>, locale: Locale = 'en') {
  const calls: Call[] = [];
  render(
    <I18nProvider locale={locale}>
      <Provider value={mockClient(handlers, calls)}>{node}</Provider>
    </I18nProvider>,
  );
  return calls;
}

const badInput = (field: string, message: string) => ({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }] });

describe('award tracks for organizers', () => {
  it('splits typed lists on commas and new lines', () => {
    expect(items(' open-data, health\nculture ,, ')).toEqual(['open-data', 'health', 'culture']);
  });

  it('lists the tracks and creates one by tag, showing the server’s refusal next to its field', async () => {
    let attempt = 0;
    const calls = renderWith(<AwardTracksSection slug="ph-2026" />, {
      HackathonAwardTracks: () => ({ data: { hackathon: { id: 'h1', slug: 'ph-2026', awardTracks: [OUTSTANDING, OPEN_DATA] } } }),
      CreateAwardTrack: () =>
        ++attempt === 1
          ? badInput('name.en', 'Give the track’s name in English (en) too: awards are announced in both languages.')
          : { data: { createAwardTrack: { track: { ...OPEN_DATA, id: 'h1.health', slug: 'health' } } } },
    });
    const table = await screen.findByRole('table', { name: 'The hackathon’s award tracks' });
    expect(within(table).getByRole('row', { name: /Outstanding teams/ }).textContent).toContain('The FINAL round’s selection');
    expect(within(table).getByRole('row', { name: /Best use of open data/ }).textContent).toContain('National Development Council (Government agency)');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add an award track' }));
    await user.type(screen.getByLabelText(/Short name/), 'health');
    await user.type(screen.getByLabelText('Name in Chinese'), '健康獎');
    await user.clear(screen.getByLabelText('Quota (1 to 100)'));
    await user.type(screen.getByLabelText('Quota (1 to 100)'), '2');
    await user.selectOptions(screen.getByLabelText('Eligible proposals'), 'BY_TAG');
    await user.type(screen.getByLabelText('Tags (separated by commas)'), 'health, social-welfare');
    await user.click(screen.getByRole('button', { name: 'Create the track' }));
    const english = await screen.findByLabelText('Name in English');
    expect(english.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/announced in both languages/)).toBeTruthy();

    await user.type(english, 'Health award');
    await user.click(screen.getByRole('button', { name: 'Create the track' }));
    expect(await screen.findByRole('status')).toBeTruthy();
    const sent = callsNamed(calls, 'CreateAwardTrack');
    expect(sent).toHaveLength(2);
    expect(sent[1].variables.input).toEqual({
      hackathonId: 'h1',
      slug: 'health',
      name: { zhTW: '健康獎', en: 'Health award' },
      quota: 2,
      eligibility: 'BY_TAG',
      tags: ['health', 'social-welfare'],
    });
  });

  it('edits the outstanding track’s names only, with the version it was loaded at', async () => {
    const calls = renderWith(<AwardTracksSection slug="ph-2026" />, {
      HackathonAwardTracks: () => ({ data: { hackathon: { id: 'h1', slug: 'ph-2026', awardTracks: [OUTSTANDING] } } }),
      UpdateAwardTrack: () => ({ data: { updateAwardTrack: { track: { ...OUTSTANDING, version: 1 } } } }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit Outstanding teams' }));
    expect(screen.queryByLabelText('Quota (1 to 100)')).toBeNull();
    await user.type(screen.getByLabelText('Sponsor or agency (optional)'), 'Office of the President');
    await user.click(screen.getByRole('button', { name: 'Save the track' }));
    await screen.findByRole('status');
    const input = callsNamed(calls, 'UpdateAwardTrack')[0].variables.input as Record<string, unknown>;
    expect(input.trackId).toBe('h1.outstanding');
    expect(input.expectedVersion).toBe(0);
    expect(input.quota).toBeUndefined();
    expect(input.sponsor).toBe('Office of the President');
  });

  it('filters choices by title in either language, proposer or id, ignoring case', () => {
    const choices = [
      { id: 'p1', title: { zhTW: '開放預算', en: 'Open budget' }, proposerName: 'Lin', status: 'FINALIST' },
      { id: 'p2', title: { zhTW: null, en: 'Air quality map' }, proposerName: 'Chen', status: 'FINALIST' },
    ] as Parameters<typeof filterChoices>[0];
    expect(filterChoices(choices, '  ').map((c) => c.id)).toEqual(['p1', 'p2']);
    expect(filterChoices(choices, 'BUDGET').map((c) => c.id)).toEqual(['p1']);
    expect(filterChoices(choices, '預算').map((c) => c.id)).toEqual(['p1']);
    expect(filterChoices(choices, 'chen').map((c) => c.id)).toEqual(['p2']);
    expect(filterChoices(choices, 'p2').map((c) => c.id)).toEqual(['p2']);
    expect(filterChoices(choices, 'nothing')).toEqual([]);
  });

  it('chooses BY_CHOICE proposals with checkboxes and a filter, by keyboard, and sends their ids', async () => {
    const CHOICES = {
      data: {
        proposals: {
          edges: [
            { node: { id: 'p1', title: { zhTW: '開放預算', en: 'Open budget' }, proposerName: 'Lin', status: 'FINALIST' } },
            { node: { id: 'p2', title: { zhTW: '空氣品質地圖', en: 'Air quality map' }, proposerName: 'Chen', status: 'FINALIST' } },
            { node: { id: 'p3', title: { zhTW: '公車到站', en: 'Bus arrivals' }, proposerName: 'Wang', status: 'SUBMITTED' } },
          ],
          pageInfo: { hasNextPage: false, endCursor: null },
        },
      },
    };
    const calls = renderWith(<AwardTracksSection slug="ph-2026" />, {
      HackathonAwardTracks: () => ({ data: { hackathon: { id: 'h1', slug: 'ph-2026', awardTracks: [OUTSTANDING] } } }),
      TrackProposalChoices: () => CHOICES,
      CreateAwardTrack: () => ({ data: { createAwardTrack: { track: { ...OPEN_DATA, id: 'h1.jury', slug: 'jury' } } } }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add an award track' }));
    await user.type(screen.getByLabelText(/Short name/), 'jury');
    await user.type(screen.getByLabelText('Name in Chinese'), '評審團獎');
    await user.type(screen.getByLabelText('Name in English'), 'Jury award');
    await user.selectOptions(screen.getByLabelText('Eligible proposals'), 'BY_CHOICE');
    const picker = screen.getByRole('group', { name: 'Chosen proposals' });
    expect(await within(picker).findByRole('checkbox', { name: /Open budget/ })).toBeTruthy();
    expect(within(picker).getAllByRole('checkbox')).toHaveLength(3);
    expect(callsNamed(calls, 'TrackProposalChoices')[0].variables).toEqual({ slug: 'ph-2026', after: null });

    await user.type(within(picker).getByLabelText('Filter by title, proposer or id'), 'air');
    expect(within(picker).getAllByRole('checkbox')).toHaveLength(1);
    // Keyboard: Tab from the filter to the checkbox, Space ticks it.
    await user.tab();
    expect(document.activeElement).toBe(within(picker).getByRole('checkbox', { name: /Air quality map/ }));
    await user.keyboard(' ');
    await user.clear(within(picker).getByLabelText('Filter by title, proposer or id'));
    await user.click(within(picker).getByRole('checkbox', { name: /Bus arrivals/ }));
    expect(within(picker).getByRole('status').textContent).toBe('2 chosen · 3 of 3 shown');
    await user.type(within(picker).getByLabelText('Filter by title, proposer or id'), 'zzz');
    expect(within(picker).getByText('No proposal matches the filter.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Create the track' }));
    expect(await screen.findByText('The track Jury award was created.')).toBeTruthy();
    const sent = callsNamed(calls, 'CreateAwardTrack');
    expect(sent).toHaveLength(1);
    expect(sent[0].variables.input).toEqual({
      hackathonId: 'h1',
      slug: 'jury',
      name: { zhTW: '評審團獎', en: 'Jury award' },
      quota: 1,
      eligibility: 'BY_CHOICE',
      proposalIds: ['p2', 'p3'],
    });
  });

  it('keeps a chosen proposal that is not listed, and shows the server’s refusal at the picker', async () => {
    const CHOSEN = { ...OPEN_DATA, eligibility: 'BY_CHOICE', tags: [], proposalIds: ['p1', 'gone'] };
    const calls = renderWith(
      <AwardTracksSection slug="ph-2026" />,
      {
        HackathonAwardTracks: () => ({ data: { hackathon: { id: 'h1', slug: 'ph-2026', awardTracks: [OUTSTANDING, CHOSEN] } } }),
        TrackProposalChoices: () => ({
          data: {
            proposals: {
              edges: [{ node: { id: 'p1', title: { zhTW: '開放預算', en: 'Open budget' }, proposerName: 'Lin', status: 'FINALIST' } }],
              pageInfo: { hasNextPage: false, endCursor: null },
            },
          },
        }),
        UpdateAwardTrack: () => badInput('proposalIds', "'gone' is not a proposal of this hackathon."),
      },
      'zh-TW',
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '編輯最佳開放資料應用' }));
    const picker = screen.getByRole('group', { name: '選定的提案' });
    expect((await within(picker).findByRole('checkbox', { name: /開放預算/ }) as HTMLInputElement).checked).toBe(true);
    expect(within(picker).getByText('另已選定（不在上方清單中）：')).toBeTruthy();
    expect((within(picker).getByRole('checkbox', { name: 'gone' }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: '儲存獎項' }));
    expect(await within(picker).findByText(/is not a proposal of this hackathon/)).toBeTruthy();
    expect(picker.getAttribute('aria-invalid')).toBe('true');
    expect(callsNamed(calls, 'UpdateAwardTrack')[0].variables.input).toMatchObject({ proposalIds: ['p1', 'gone'], eligibility: 'BY_CHOICE' });
  });

  it('deletes a track after a confirmation, with its version, and says why the server refuses one', async () => {
    let attempt = 0;
    const calls = renderWith(<AwardTracksSection slug="ph-2026" />, {
      HackathonAwardTracks: () => ({ data: { hackathon: { id: 'h1', slug: 'ph-2026', awardTracks: [OUTSTANDING, OPEN_DATA] } } }),
      DeleteAwardTrack: () =>
        ++attempt === 1
          ? {
              errors: [
                {
                  message: "The track 'open-data' was awarded in a published round (r1); published results keep their awards, so it cannot be deleted.",
                  extensions: { code: 'BAD_USER_INPUT', field: 'trackId', rule: 'PUBLISHED_AWARDS' },
                },
              ],
            }
          : { data: { deleteAwardTrack: { trackId: 'h1.open-data' } } },
    });
    const table = await screen.findByRole('table', { name: 'The hackathon’s award tracks' });
    // The outstanding track cannot be deleted: no button.
    expect(within(table).queryByRole('button', { name: 'Delete Outstanding teams' })).toBeNull();
    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: 'Delete Best use of open data' }));
    expect(callsNamed(calls, 'DeleteAwardTrack')).toHaveLength(0);
    await user.click(within(table).getByRole('button', { name: 'Yes, delete Best use of open data' }));
    expect(await within(table).findByText(/cannot be deleted/)).toBeTruthy();
    await user.click(within(table).getByRole('button', { name: 'Delete Best use of open data' }));
    await user.click(within(table).getByRole('button', { name: 'Yes, delete Best use of open data' }));
    expect(await screen.findByText('The track Best use of open data was deleted.')).toBeTruthy();
    const sent = callsNamed(calls, 'DeleteAwardTrack');
    expect(sent).toHaveLength(2);
    expect(sent[1].variables.input).toEqual({ trackId: 'h1.open-data', expectedVersion: 1 });
  });

  it('asks before deleting in Traditional Chinese, and cancelling sends nothing', async () => {
    const calls = renderWith(
      <AwardTracksSection slug="ph-2026" />,
      { HackathonAwardTracks: () => ({ data: { hackathon: { id: 'h1', slug: 'ph-2026', awardTracks: [OUTSTANDING, OPEN_DATA] } } }) },
      'zh-TW',
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '刪除最佳開放資料應用' }));
    const confirm = screen.getByRole('group', { name: /要刪除獎項「最佳開放資料應用」嗎/ });
    expect(within(confirm).getByRole('button', { name: '確定刪除最佳開放資料應用' })).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: '取消' }));
    expect(screen.getByRole('button', { name: '刪除最佳開放資料應用' })).toBeTruthy();
    expect(callsNamed(calls, 'DeleteAwardTrack')).toHaveLength(0);
  });

  it('is in Traditional Chinese for a zh-TW reader', async () => {
    renderWith(
      <AwardTracksSection slug="ph-2026" />,
      { HackathonAwardTracks: () => ({ data: { hackathon: { id: 'h1', slug: 'ph-2026', awardTracks: [OUTSTANDING, OPEN_DATA] } } }) },
      'zh-TW',
    );
    expect(await screen.findByRole('heading', { name: '獎項類別' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '新增獎項類別' })).toBeTruthy();
    expect(screen.getByText('帶有其中一個標籤的提案')).toBeTruthy();
  });
});

const ROUND = {
  id: 'r2',
  kind: 'FINAL',
  status: 'CLOSED',
  awardTracksVersion: 1,
  hackathon: { id: 'h1', awardTracks: [OUTSTANDING, OPEN_DATA, { ...OPEN_DATA, id: 'h1.city', slug: 'city', name: title('City award'), sponsor: null, sponsorKind: null }] },
  awardTracks: [
    { quota: 2, track: OUTSTANDING, eligibleProposals: [], selection: null },
    {
      quota: 1,
      track: OPEN_DATA,
      eligibleProposals: [
        { id: 'p1', title: title('Bus arrivals') },
        { id: 'p3', title: title('Open budget') },
      ],
      selection: null,
    },
  ],
};

describe('a round’s award tracks', () => {
  it('sets the tracks the round feeds, the outstanding one always', async () => {
    const calls = renderWith(<RoundAwardsSection roundId="r2" />, {
      RoundAwardTracks: () => ({ data: { judgingRound: ROUND } }),
      ConfigureRoundAwardTracks: () => ({ data: { configureRoundAwardTracks: { round: { id: 'r2', awardTracksVersion: 2 } } } }),
    });
    const feeds = await screen.findByRole('group', { name: 'Tracks this round feeds' });
    const outstanding = within(feeds).getByRole('checkbox', { name: /Outstanding teams/ }) as HTMLInputElement;
    expect(outstanding.checked).toBe(true);
    expect(outstanding.disabled).toBe(true);
    const user = userEvent.setup();
    await user.click(within(feeds).getByRole('checkbox', { name: /City award/ }));
    await user.click(screen.getByRole('button', { name: 'Save the round’s tracks' }));
    await screen.findByText('The round’s tracks were saved.');
    expect(callsNamed(calls, 'ConfigureRoundAwardTracks')[0].variables.input).toEqual({
      roundId: 'r2',
      trackIds: ['h1.outstanding', 'h1.open-data', 'h1.city'],
      expectedVersion: 1,
    });
  });

  it('selects a track’s winners among its eligible proposals and shows a refusal', async () => {
    let attempt = 0;
    const calls = renderWith(<RoundAwardsSection roundId="r2" />, {
      RoundAwardTracks: () => ({ data: { judgingRound: ROUND } }),
      SelectTrackWinners: () =>
        ++attempt === 1
          ? badInput('justification', 'Write why this selection differs from the track’s top 1 [p1]; it is published with the results.')
          : { data: { selectTrackWinners: { round: { id: 'r2', awardTracksVersion: 2 } } } },
    });
    const form = await screen.findByRole('form', { name: 'Best use of open data: select the winners' });
    expect(within(form).getAllByRole('checkbox').map((box) => box.closest('label')!.textContent?.trim())).toEqual(['Bus arrivals', 'Open budget', 'Select more or fewer than the quota (an override)']);
    const user = userEvent.setup();
    await user.click(within(form).getByRole('checkbox', { name: 'Open budget' }));
    await user.click(within(form).getByRole('button', { name: 'Select the winners of Best use of open data' }));
    const justification = await within(form).findByLabelText(/^Justification/);
    expect(justification.getAttribute('aria-invalid')).toBe('true');
    await user.type(justification, 'The agency committed budget to the open budget tool.');
    await user.click(within(form).getByRole('button', { name: 'Select the winners of Best use of open data' }));
    const sent = callsNamed(calls, 'SelectTrackWinners');
    expect(sent).toHaveLength(2);
    expect(sent[1].variables.input).toEqual({
      roundId: 'r2',
      trackId: 'h1.open-data',
      proposalIds: ['p3'],
      justification: 'The agency committed budget to the open budget tool.',
      expectedVersion: 1,
    });
  });

  it('waits for the round to close before selecting', async () => {
    renderWith(<RoundAwardsSection roundId="r2" />, { RoundAwardTracks: () => ({ data: { judgingRound: { ...ROUND, status: 'OPEN' } } }) });
    expect(await screen.findByText('Select each track’s winners once the round is CLOSED.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: /select the winners/ })).toBeNull();
  });
});

describe('awards on the results page', () => {
  it('lists each track’s winners, its giver and a published override; one proposal can win two tracks', async () => {
    const winner = { id: 'p1', title: title('Bus arrivals') };
    renderWith(<PublishedAwards roundId="r2" />, {
      RoundPublishedAwards: () => ({
        data: {
          judgingRound: {
            id: 'r2',
            publishedAwards: [
              { track: { id: 'h1.outstanding', slug: 'outstanding', outstanding: true }, name: OUTSTANDING.name, sponsor: null, sponsorKind: null, winners: [winner], selection: { kind: 'TOP_N', justification: null, tieResolution: null } },
              { track: { id: 'h1.open-data', slug: 'open-data', outstanding: false }, name: OPEN_DATA.name, sponsor: 'National Development Council', sponsorKind: 'AGENCY', winners: [winner], selection: { kind: 'OVERRIDE', justification: 'Its data is already used by three cities.', tieResolution: null } },
            ],
          },
        },
      }),
    });
    expect(await screen.findByRole('heading', { name: 'Awards' })).toBeTruthy();
    const open = screen.getByTestId('award-open-data');
    expect(open.textContent).toContain('Best use of open data');
    expect(open.textContent).toContain('given by National Development Council');
    expect(open.textContent).toContain('Override: Its data is already used by three cities.');
    expect(within(open).getByRole('link', { name: 'Bus arrivals' }).getAttribute('href')).toBe('/proposals/p1');
    expect(within(screen.getByTestId('award-outstanding')).getByRole('link', { name: 'Bus arrivals' })).toBeTruthy();
  });

  it('shows nothing for a round that awarded nothing', async () => {
    renderWith(<PublishedAwards roundId="r1" />, { RoundPublishedAwards: () => ({ data: { judgingRound: { id: 'r1', publishedAwards: [] } } }) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('heading', { name: 'Awards' })).toBeNull();
  });
});
