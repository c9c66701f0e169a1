import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import type { ReactNode } from 'react';
import { I18nProvider, type Locale } from '../../i18n';
import { callsNamed, mockClient, type Call, type Handler } from '../../test/harness';
import { ownJudgesEn } from '../../i18n/judging/ownJudges.en';
import { ownJudgesZhTW } from '../../i18n/judging/ownJudges.zh-TW';
import { AwardTracksSection } from './AwardTracksSection';
import { RoundAwardsSection } from './RoundAwardsSection';

afterEach(cleanup);

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
  judges: 'SHARED',
  judgeIds: [],
  outstanding: true,
  version: 0,
};

const OWN = {
  ...OUTSTANDING,
  id: 'h1.open-data',
  slug: 'open-data',
  name: { zhTW: '最佳開放資料應用', en: 'Best use of open data' },
  quota: 1,
  eligibility: 'BY_TAG',
  tags: ['open-data'],
  judges: 'OWN',
  judgeIds: ['h1:u1', 'h1:u3'],
  outstanding: false,
  version: 1,
};

const SHARED = { ...OWN, id: 'h1.city', slug: 'city', name: { zhTW: '城市獎', en: 'City award' }, judges: 'SHARED', judgeIds: [] };

const PANEL = {
  data: {
    judges: [
      { id: 'h1:u1', displayName: 'Amy Lin', sector: 'PUBLIC', status: 'ACTIVE' },
      { id: 'h1:u2', displayName: 'Ben Chen', sector: 'PRIVATE', status: 'ACTIVE' },
      { id: 'h1:u3', displayName: 'Cai Wu', sector: 'PUBLIC', status: 'DROPPED' },
      { id: 'h1:u4', displayName: 'Dee Ho', sector: 'PRIVATE', status: 'DROPPED' },
    ],
  },
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

describe('award tracks with judges of their own', () => {
  it('has every message in both languages', () => {
    expect(Object.keys(ownJudgesZhTW).sort()).toEqual(Object.keys(ownJudgesEn).sort());
    for (const [key, text] of Object.entries(ownJudgesZhTW)) expect(text, key).not.toBe(ownJudgesEn[key as keyof typeof ownJudgesEn]);
  });

  it('creates an OWN track with judges chosen among the active panel, showing the server’s refusal by the list', async () => {
    let attempt = 0;
    const calls = renderWith(<AwardTracksSection slug="ph-2026" />, {
      HackathonAwardTracks: () => ({ data: { hackathon: { id: 'h1', slug: 'ph-2026', awardTracks: [OUTSTANDING] } } }),
      TrackJudgeChoices: () => PANEL,
      CreateAwardTrack: () =>
        ++attempt === 1
          ? { errors: [{ message: "'h1:u2' is not an ACTIVE judge of ph-2026's panel.", extensions: { code: 'BAD_USER_INPUT', field: 'judgeIds' } }] }
          : { data: { createAwardTrack: { track: OWN } } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add an award track' }));
    await user.type(screen.getByLabelText(/Short name/), 'open-data');
    await user.type(screen.getByLabelText('Name in Chinese'), '最佳開放資料應用');
    await user.type(screen.getByLabelText('Name in English'), 'Best use of open data');
    expect(screen.queryByRole('group', { name: 'The track’s judges' })).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Judges of its own, in a round dedicated to the track' }));
    const picker = await screen.findByRole('group', { name: 'The track’s judges' });
    await within(picker).findByRole('checkbox', { name: /Amy Lin/ });
    expect(within(picker).getAllByRole('checkbox')).toHaveLength(2);
    expect(within(picker).queryByText(/Cai Wu/)).toBeNull();
    await user.click(within(picker).getByRole('checkbox', { name: /Ben Chen/ }));
    await user.click(screen.getByRole('button', { name: 'Create the track' }));
    expect(await within(picker).findByText(/is not an ACTIVE judge/)).toBeTruthy();

    await user.click(within(picker).getByRole('checkbox', { name: /Ben Chen/ }));
    await user.click(within(picker).getByRole('checkbox', { name: /Amy Lin/ }));
    await user.click(screen.getByRole('button', { name: 'Create the track' }));
    await screen.findByRole('status');
    const sent = callsNamed(calls, 'CreateAwardTrack');
    expect(sent).toHaveLength(2);
    expect(sent[0].variables.input).toMatchObject({ judges: 'OWN', judgeIds: ['h1:u2'] });
    expect(sent[1].variables.input).toMatchObject({ slug: 'open-data', judges: 'OWN', judgeIds: ['h1:u1'] });
  });

  it('edits an OWN track’s judges with its version, keeping a dropped judge listed to uncheck, in Chinese', async () => {
    const calls = renderWith(
      <AwardTracksSection slug="ph-2026" />,
      {
        HackathonAwardTracks: () => ({ data: { hackathon: { id: 'h1', slug: 'ph-2026', awardTracks: [OUTSTANDING, OWN] } } }),
        TrackJudgeChoices: () => PANEL,
        UpdateAwardTrack: () => ({ data: { updateAwardTrack: { track: { ...OWN, version: 2 } } } }),
      },
      'zh-TW',
    );
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('row', { name: /最佳開放資料應用/ }).textContent).toContain('自有評審（2 位）');
    const user = userEvent.setup();
    await user.click(within(table).getAllByRole('button').find((b) => b.textContent?.includes('最佳開放資料應用'))!);
    const picker = await screen.findByRole('group', { name: '本獎項的評審' });
    const dropped = await within(picker).findByRole('checkbox', { name: /Cai Wu（已不在任）/ });
    expect((dropped as HTMLInputElement).checked).toBe(true);
    await user.click(dropped);
    await user.click(within(picker).getByRole('checkbox', { name: /Ben Chen/ }));
    await user.click(screen.getByRole('button', { name: '儲存獎項' }));
    await screen.findByRole('status');
    const input = callsNamed(calls, 'UpdateAwardTrack')[0].variables.input as Record<string, unknown>;
    expect(input.trackId).toBe('h1.open-data');
    expect(input.expectedVersion).toBe(1);
    expect(input.judges).toBeUndefined();
    expect(input.judgeIds).toEqual(['h1:u1', 'h1:u2']);
  });

  it('dedicates a DRAFT REVIEW round to an OWN track, and keeps OWN tracks out of an ordinary round’s feeds', async () => {
    const round = {
      id: 'r1',
      kind: 'REVIEW',
      status: 'DRAFT',
      awardTracksVersion: 0,
      dedicatedTrack: null,
      hackathon: { id: 'h1', awardTracks: [OUTSTANDING, OWN, SHARED] },
      awardTracks: [],
    };
    const calls = renderWith(<RoundAwardsSection roundId="r1" />, {
      RoundAwardTracks: () => ({ data: { judgingRound: round } }),
      DedicateRoundToTrack: () => ({ data: { dedicateRoundToTrack: { round: { id: 'r1', awardTracksVersion: 1, dedicatedTrack: { id: OWN.id } } } } }),
    });
    const feeds = await screen.findByRole('group', { name: 'Tracks this round feeds' });
    expect(within(feeds).queryByText(/Best use of open data/)).toBeNull();
    expect(within(feeds).getByText(/City award/)).toBeTruthy();
    const select = screen.getByRole('combobox', { name: 'Dedicated to an award track' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Not dedicated (an ordinary round)', 'Best use of open data']);
    const user = userEvent.setup();
    await user.selectOptions(select, OWN.id);
    await user.click(screen.getByRole('button', { name: 'Save the dedication' }));
    expect(await screen.findByText(/Run the assignment again/)).toBeTruthy();
    expect(callsNamed(calls, 'DedicateRoundToTrack')[0].variables.input).toEqual({ roundId: 'r1', trackId: OWN.id, expectedVersion: 0 });
  });

  it('says which track an open round is dedicated to, without the feeds form', async () => {
    const round = {
      id: 'r1',
      kind: 'REVIEW',
      status: 'OPEN',
      awardTracksVersion: 1,
      dedicatedTrack: { id: OWN.id },
      hackathon: { id: 'h1', awardTracks: [OUTSTANDING, OWN] },
      awardTracks: [{ quota: 1, track: OWN, eligibleProposals: [], selection: null }],
    };
    renderWith(<RoundAwardsSection roundId="r1" />, { RoundAwardTracks: () => ({ data: { judgingRound: round } }) });
    expect(await screen.findByText('The round is dedicated to Best use of open data: its selection is that track’s.')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Tracks this round feeds' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save the dedication' })).toBeNull();
  });
});

describe('award-track refusals by their rule (#17)', () => {
  it('says a dedicated-round refusal in Chinese, with the server’s English only below it', async () => {
    await import('../../i18n/judging');
    const { ProblemNotice } = await import('../../components/ProblemNotice');
    const { problemFromErrors } = await import('../../api/errors');
    const english = 'The round r1 feeds this track with its whole panel; take the track out of that round first.';
    const { container } = render(
      <I18nProvider locale="zh-TW">
        <ProblemNotice
          problem={problemFromErrors([
            { message: english, extensions: { code: 'BAD_USER_INPUT', field: 'judges', rule: 'SHARED_ROUND', roundId: 'r1' } },
          ])}
        />
      </I18nProvider>,
    );
    expect(container.querySelector('strong')?.textContent).toBe(ownJudgesZhTW['rule.SHARED_ROUND']);
    expect(container.textContent).not.toContain('rule.SHARED_ROUND');
  });
});
