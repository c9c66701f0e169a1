import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ORGANIZER, PROPOSER, callsNamed, renderPanel, type Handler } from '../../test/harness';
import { checkMilestone, toMilestoneInput, type MilestoneFormValues } from './MilestoneForm';
import { toStatisticsFilter } from './StatisticsPage';

// jsdom has no canvas: the chart chunk is replaced by a stand-in with the same accessible name and figures.
vi.mock('./charts', () => ({
  default: ({ label, labels, series }: { label: string; labels: string[]; series: { label: string; values: number[] }[] }) => (
    <div role="img" aria-label={label} data-labels={labels.join('|')} data-values={series.map((s) => s.values.join(',')).join('|')} />
  ),
}));

const PROJECT = {
  id: 'pr1',
  name: { zhTW: '長照資源地圖', en: 'Long-term care map' },
  repositoryUrl: null,
  websiteUrl: null,
  issueAreas: [],
  proposals: [],
};

const FUNDED = {
  id: 'm1',
  projectId: 'pr1',
  type: 'FUNDED',
  date: '2021-03-04',
  agency: 'Ministry of Digital Affairs',
  level: null,
  programme: 'Civic tech grants',
  amount: '1500000',
  currency: 'TWD',
  evidenceUrl: 'https://example.org/grant',
  note: null,
  source: 'ORGANIZER',
  verification: 'VERIFIED',
  verificationReason: null,
  decidedAt: null,
  recordedAt: '2021-03-05T00:00:00Z',
  version: 1,
};

const ADOPTED_PENDING = {
  ...FUNDED,
  id: 'm2',
  type: 'ADOPTED',
  date: '2022-05-01',
  agency: 'Taipei City Government',
  level: 'LOCAL',
  programme: null,
  amount: null,
  currency: null,
  evidenceUrl: 'https://example.org/adopted',
  source: 'SELF_REPORTED',
  verification: 'PENDING',
  version: 3,
};

function trail(overrides: Record<string, unknown> = {}, outcomes: unknown[] = [ADOPTED_PENDING, FUNDED]) {
  return {
    data: {
      project: {
        id: 'pr1',
        name: PROJECT.name,
        followUp: {
          state: 'FUNDED',
          dormant: false,
          lastSignOfLife: '2022-05-01',
          serviceStatus: 'INTEGRATED',
          serviceSince: '2022-03-01',
          teamActivity: 'STOPPED',
          stateIncludingPending: null,
          pendingCount: null,
          followerCount: 4,
          followedByMe: false,
          canRecord: false,
          requests: [],
          ...overrides,
        },
        outcomes,
      },
    },
  };
}

function projectHandlers(trailAnswer: Handler, extra: Record<string, Handler> = {}): Record<string, Handler> {
  return { ProjectDetail: () => ({ data: { project: PROJECT } }), ProjectTrail: trailAnswer, ...extra };
}

async function trailSection() {
  const heading = await screen.findByRole('heading', { name: 'Outcome trail', level: 2 });
  return heading.closest('section') as HTMLElement;
}

/** The error message a control is described by (Field wires it with aria-describedby). */
function describedBy(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('outcome trail on the project page', () => {
  it('shows a visitor the state and dated milestones with source, verification and evidence, and no controls', async () => {
    renderPanel('/projects/pr1', null, projectHandlers(() => trail()));
    const section = await trailSection();
    expect(within(section).getByText('Funded', { selector: '.outcome-state' })).toBeTruthy();
    expect(within(section).getByText("Yes: part of an agency's regular operations since Mar 1, 2022")).toBeTruthy();
    expect(within(section).getByText('Stopped the project')).toBeTruthy();
    const items = within(section).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[1]).getByRole('heading', { name: /Mar 4, 2021 Funded/ })).toBeTruthy();
    expect(within(items[1]).getByText('Recorded by an organizer')).toBeTruthy();
    expect(within(items[1]).getByText('Verified')).toBeTruthy();
    expect(within(items[1]).getByRole('link', { name: 'https://example.org/grant' }).getAttribute('href')).toBe('https://example.org/grant');
    expect(items[1].textContent).toContain('1,500,000');
    expect(within(items[0]).getByText('Waiting for verification')).toBeTruthy();
    expect(within(section).queryByRole('button')).toBeNull();
    expect(within(section).queryByRole('heading', { name: 'Report a milestone' })).toBeNull();
  });

  it('lets a signed-in person follow the project', async () => {
    const { calls } = renderPanel(
      '/projects/pr1',
      PROPOSER,
      projectHandlers(() => trail(), {
        FollowProject: () => ({ data: { followProject: { following: true, project: { id: 'pr1', followUp: { followerCount: 5, followedByMe: true } } } } }),
      }),
    );
    const section = await trailSection();
    const follow = within(section).getByRole('button', { name: 'Follow' });
    expect(follow.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(follow);
    expect(callsNamed(calls, 'FollowProject')[0].variables.input).toEqual({ projectId: 'pr1' });
    expect(await within(section).findByText('You follow this project.')).toBeTruthy();
  });

  it('keeps the project page when the trail cannot be loaded', async () => {
    renderPanel('/projects/pr1', null, projectHandlers(() => ({ networkError: 'offline' })));
    const section = await trailSection();
    expect(within(section).getByRole('alert').textContent).toMatch(/server|connection|reach/i);
    expect(screen.getByRole('heading', { name: 'Long-term care map', level: 1 })).toBeTruthy();
  });

  it('asks a team lead for the fields each type requires, next to each field, before sending', async () => {
    const { calls } = renderPanel(
      '/projects/pr1',
      PROPOSER,
      projectHandlers(() => trail({ canRecord: true }), { RecordMilestone: () => ({ data: null }) }),
    );
    const section = await trailSection();
    const form = within(section).getByRole('heading', { name: 'Report a milestone' }).closest('section') as HTMLElement;
    await userEvent.selectOptions(within(form).getByLabelText('Milestone (required)'), 'FUNDED');
    await userEvent.click(within(form).getByRole('button', { name: 'Report milestone' }));
    expect(describedBy(within(form).getByLabelText('Date (required)'))).toContain('Give the date of the milestone.');
    expect(describedBy(within(form).getByLabelText('Funded by (required)'))).toContain('Name who funds the project.');
    expect(describedBy(within(form).getByLabelText('Amount (required)'))).toContain('Give the amount received.');
    expect(describedBy(within(form).getByLabelText('Currency (required)'))).toContain('Give the currency of the amount.');
    expect(describedBy(within(form).getByLabelText('Evidence (link) (required)'))).toContain('needs a link to its evidence');
    expect(within(form).getByLabelText('Evidence (link) (required)').getAttribute('aria-invalid')).toBe('true');
    expect(callsNamed(calls, 'RecordMilestone')).toHaveLength(0);

    // ADOPTED asks for the agency and its level instead of money.
    await userEvent.selectOptions(within(form).getByLabelText('Milestone (required)'), 'ADOPTED');
    expect(within(form).queryByLabelText(/Amount/)).toBeNull();
    await userEvent.click(within(form).getByRole('button', { name: 'Report milestone' }));
    expect(describedBy(within(form).getByLabelText('Level of government (required)'))).toContain('Choose the level of government.');
    expect(describedBy(within(form).getByLabelText('Agency (required)'))).toContain('Name the agency.');
  });

  it('shows the API’s field message next to its field and sends only the fields the type carries', async () => {
    let answer: Record<string, unknown> = {
      errors: [{ message: "'NTD' is not an ISO 4217 currency code.", extensions: { code: 'BAD_USER_INPUT', field: 'currency' } }],
    };
    const { calls } = renderPanel(
      '/projects/pr1',
      PROPOSER,
      projectHandlers(() => trail({ canRecord: true }), { RecordMilestone: () => answer }),
    );
    const section = await trailSection();
    const form = within(section).getByRole('heading', { name: 'Report a milestone' }).closest('section') as HTMLElement;
    await userEvent.selectOptions(within(form).getByLabelText('Milestone (required)'), 'FUNDED');
    await userEvent.type(within(form).getByLabelText('Date (required)'), '2021-03-04');
    await userEvent.type(within(form).getByLabelText('Funded by (required)'), 'Ministry of Digital Affairs');
    await userEvent.type(within(form).getByLabelText('Amount (required)'), '1500000');
    await userEvent.type(within(form).getByLabelText('Currency (required)'), 'ntd');
    await userEvent.type(within(form).getByLabelText('Evidence (link) (required)'), 'https://example.org/grant');
    await userEvent.click(within(form).getByRole('button', { name: 'Report milestone' }));
    expect(callsNamed(calls, 'RecordMilestone')[0].variables.input).toEqual({
      projectId: 'pr1',
      type: 'FUNDED',
      date: '2021-03-04',
      agency: 'Ministry of Digital Affairs',
      amount: '1500000',
      currency: 'NTD',
      evidenceUrl: 'https://example.org/grant',
    });
    const currency = within(form).getByLabelText('Currency (required)');
    expect(describedBy(currency)).toContain("'NTD' is not an ISO 4217 currency code.");
    // Shown at the field, not repeated in the notice above the form.
    expect(within(form).getByRole('alert').textContent).not.toContain('ISO 4217');

    answer = { data: { recordOutcomeMilestone: { created: true, changed: true, milestone: { ...FUNDED, source: 'SELF_REPORTED', verification: 'PENDING' } } } };
    await userEvent.clear(currency);
    await userEvent.type(currency, 'TWD');
    await userEvent.click(within(form).getByRole('button', { name: 'Report milestone' }));
    expect(await within(form).findByText('Reported. It shows publicly once an organizer verifies it.')).toBeTruthy();
  });

  it('lets an organizer verify, and reject only with a reason, sending the version read', async () => {
    const { calls } = renderPanel(
      '/projects/pr1',
      ORGANIZER,
      projectHandlers(() => trail({ canRecord: true, stateIncludingPending: 'ADOPTED', pendingCount: 1 }), {
        VerifyMilestone: () => ({ data: { verifyOutcomeMilestone: { milestone: { ...ADOPTED_PENDING, verification: 'VERIFIED', version: 4 } } } }),
        RejectMilestone: () => ({ errors: [{ message: 'Changed meanwhile.', extensions: { code: 'CONFLICT' } }] }),
      }),
    );
    const section = await trailSection();
    expect(within(section).getByRole('heading', { name: 'Record a milestone' })).toBeTruthy();
    expect(within(section).getByText('Adopted', { selector: '.outcome-state' })).toBeTruthy();
    await userEvent.click(within(section).getByRole('button', { name: 'Verify Adopted by an agency · May 1, 2022' }));
    expect(callsNamed(calls, 'VerifyMilestone')[0].variables.input).toEqual({ id: 'm2', expectedVersion: 3 });

    await userEvent.click(within(section).getByRole('button', { name: 'Reject Adopted by an agency · May 1, 2022' }));
    await userEvent.click(within(section).getByRole('button', { name: 'Reject the milestone' }));
    const reason = within(section).getByLabelText('Why reject Adopted by an agency · May 1, 2022');
    expect(describedBy(reason)).toContain('Say why the milestone is rejected.');
    expect(callsNamed(calls, 'RejectMilestone')).toHaveLength(0);
    await userEvent.type(reason, 'The link shows a press release about another project.');
    await userEvent.click(within(section).getByRole('button', { name: 'Reject the milestone' }));
    expect(callsNamed(calls, 'RejectMilestone')[0].variables.input).toEqual({
      id: 'm2',
      reason: 'The link shows a press release about another project.',
      expectedVersion: 3,
    });
    expect((await within(section).findAllByRole('alert'))[0].textContent).toContain('changed');
  });

  it('shows a team lead the follow-up requests and sends an answer', async () => {
    const { calls } = renderPanel(
      '/projects/pr1',
      PROPOSER,
      projectHandlers(
        () =>
          trail({
            canRecord: true,
            requests: [{ id: 'r1', months: 6, dueOn: '2024-02-01', status: 'OPEN', answeredAt: null, answer: null, hackathon: { id: 'h1', name: { zhTW: null, en: 'Presidential Hackathon 2023' } } }],
          }),
        { AnswerFollowUpRequest: () => ({ data: { answerFollowUpRequest: { request: { id: 'r1', status: 'ANSWERED', answeredAt: 'x', answer: 'Nothing new' } } } }) },
      ),
    );
    const section = await trailSection();
    expect(within(section).getByRole('heading', { name: 'Follow-up requests' })).toBeTruthy();
    await userEvent.type(within(section).getByLabelText('Answer the 6-month request'), 'Nothing new');
    await userEvent.click(within(section).getByRole('button', { name: 'Send answer' }));
    expect(callsNamed(calls, 'AnswerFollowUpRequest')[0].variables.input).toEqual({ id: 'r1', answer: 'Nothing new' });
  });
});

describe('milestone form rules', () => {
  const base: MilestoneFormValues = { type: 'PILOT', date: '2022-01-01', agency: ' Taichung ', level: 'LOCAL', programme: 'x', amount: '5', currency: 'twd', evidenceUrl: '', note: '' };
  it('leaves out what the type does not carry', () => {
    expect(toMilestoneInput('p', base)).toEqual({ projectId: 'p', type: 'PILOT', date: '2022-01-01', agency: 'Taichung', level: 'LOCAL' });
    expect(toMilestoneInput('p', { ...base, type: 'FUNDING_APPLIED' })).toEqual({
      projectId: 'p',
      type: 'FUNDING_APPLIED',
      date: '2022-01-01',
      agency: 'Taichung',
      programme: 'x',
      amount: '5',
      currency: 'TWD',
    });
  });
  it('checks amounts and links the way the API does', () => {
    expect(checkMilestone({ ...base, type: 'FUNDING_APPLIED', amount: '1,500' }).amount).toBe('followup.form.amountFormat');
    expect(checkMilestone({ ...base, evidenceUrl: 'ftp://x' }).evidenceUrl).toBe('followup.form.evidenceFormat');
    expect(checkMilestone({ ...base, type: 'INTEGRATED_INTO_OPERATIONS' })).toEqual({ evidenceUrl: 'followup.form.evidenceRequired' });
    expect(checkMilestone(base)).toEqual({});
  });
});

const FUNNEL = {
  proposals: 1095,
  teams: 800,
  shortlisted: 120,
  outstanding: 30,
  notSelected: 90,
  funded: 40,
  adopted: 20,
  integrated: 15,
  stages: [
    { name: 'proposals', count: 1095, rateOfProposals: 1, within: null, rateWithin: null },
    { name: 'teams', count: 800, rateOfProposals: 0.7306, within: 'proposals', rateWithin: 0.7306 },
    { name: 'shortlisted', count: 120, rateOfProposals: 0.1096, within: 'proposals', rateWithin: 0.1096 },
    { name: 'outstanding', count: 30, rateOfProposals: 0.0274, within: 'shortlisted', rateWithin: 0.25 },
    { name: 'funded', count: 40, rateOfProposals: 0.0365, within: 'proposals', rateWithin: 0.0365 },
    { name: 'adopted', count: 20, rateOfProposals: 0.0183, within: 'proposals', rateWithin: 0.0183 },
    { name: 'integrated', count: 15, rateOfProposals: 0.0137, within: 'adopted', rateWithin: 0.75 },
  ],
  fundingTotals: [
    { currency: 'TWD', amount: '12500000' },
    { currency: 'USD', amount: '20000.5' },
  ],
  medianMonthsToAdoption: 14,
  outstandingVsNotSelected: {
    outstanding: { count: 30, funded: 20, adopted: 16, integrated: 15, fundedRate: 0.6667, adoptedRate: 0.5333, integratedRate: 0.5 },
    notSelected: { count: 90, funded: 10, adopted: 3, integrated: 0, fundedRate: 0.1111, adoptedRate: 0.0333, integratedRate: 0 },
  },
  awards: 33,
  awardsByTrack: [
    {
      trackId: 'h2019.outstanding',
      slug: 'outstanding',
      name: { zhTW: '卓越團隊', en: 'Outstanding teams' },
      sponsor: null,
      outstanding: true,
      hackathonSlug: 'presidential-2019',
      year: 2019,
      awards: 30,
    },
    {
      trackId: 'h2019.open-data',
      slug: 'open-data',
      name: { zhTW: '最佳開放資料應用', en: 'Best use of open data' },
      sponsor: 'Open Data Society',
      outstanding: false,
      hackathonSlug: 'presidential-2019',
      year: 2019,
      awards: 3,
    },
  ],
};

function statistics(view = 'PUBLIC', computedAt: string | null = '2026-11-27T00:00:00Z') {
  return {
    data: {
      outcomeStatistics: {
        view,
        computedAt,
        total: FUNNEL,
        byYear: [
          { year: 2018, funnel: { proposals: 170, outstanding: 5, awards: 5, funded: 4, adopted: 3, integrated: 2 } },
          { year: 2019, funnel: { proposals: 175, outstanding: 5, awards: 8, funded: 5, adopted: 3, integrated: 3 } },
        ],
      },
    },
  };
}

const FILTERS = {
  data: {
    proposalTags: [
      { id: 'health', zhTW: '醫療', en: 'Health' },
      { id: 'transport', zhTW: '交通', en: 'Transport' },
    ],
    openDataLicence: { licence: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/', attribution: 'Hacktrail' },
  },
};

describe('statistics', () => {
  it('shows the funnel and adoption by year as charts with tables of the same figures, rates, funding and open data', async () => {
    renderPanel('/statistics', null, { StatisticsFilters: () => FILTERS, OutcomeStatistics: () => statistics() });
    await screen.findByRole('heading', { name: 'Adoption statistics', level: 1 });
    const funnelChart = await screen.findByRole('img', { name: /Bar chart of the funnel/ });
    expect(funnelChart.getAttribute('data-values')).toBe('1095,800,120,30,40,20,15');
    const funnel = screen.getByRole('table', { name: 'Funnel: count at each stage and rates' });
    const integrated = within(funnel).getByRole('row', { name: /Integrated/ });
    expect(integrated.textContent).toContain('15');
    expect(integrated.textContent).toContain('1.4%');
    // Each rate says what it is a share of: integrations of the adoptions, outstanding of the shortlisted,
    // funded of the proposals (a funded proposal need not be outstanding: 40 of 30 would read as 133%).
    expect(integrated.textContent).toContain('75% of Adopted');
    expect(within(funnel).getByRole('row', { name: /Funded/ }).textContent).toContain('3.7% of Proposals');
    expect(within(funnel).getByRole('row', { name: /Funded/ }).textContent).not.toContain('133');
    expect(within(funnel).getByRole('row', { name: /Outstanding/ }).textContent).toContain('25% of Shortlisted');
    expect(within(funnel).getByRole('columnheader', { name: 'Share of the stage it belongs to' })).toBeTruthy();
    const years = screen.getByRole('table', { name: 'Outcomes by year of the hackathon' });
    expect(within(years).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('img', { name: /funded, adopted and integrated projects by year/ }).getAttribute('data-labels')).toBe('2018|2019');
    expect(screen.getByText('14 months')).toBeTruthy();
    expect(screen.getByText(/12,500,000/)).toBeTruthy();
    expect(screen.getByText(/20,000\.5/)).toBeTruthy();
    const compare = screen.getByRole('table', { name: 'Outcomes of outstanding teams against finalists not selected' });
    expect(within(compare).getByRole('row', { name: /Outstanding/ }).textContent).toContain('15 (50%)');
    expect(screen.getByRole('link', { name: 'Download projects.csv' }).getAttribute('href')).toBe('/api/opendata/projects.csv');
    expect(screen.getByRole('link', { name: 'CSV for spreadsheet apps', description: /^Formulas neutralised/ }).getAttribute('href')).toBe(
      '/api/opendata/projects.csv?for=spreadsheet',
    );
    expect(screen.getByRole('link', { name: 'Download projects.json' }).getAttribute('href')).toBe('/api/opendata/projects.json');
    expect(screen.getByRole('link', { name: 'CC-BY-4.0' }).getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/');
    // The public has no choice of data; the API gives it the public view.
    expect(screen.queryByLabelText('Data')).toBeNull();
  });

  it('names the track of each award, apart from the funnel’s outstanding stage', async () => {
    renderPanel('/statistics', null, { StatisticsFilters: () => FILTERS, OutcomeStatistics: () => statistics() });
    const awards = await screen.findByRole('table', { name: 'Awards per award track of each hackathon' });
    const openData = within(awards).getByRole('row', { name: /Best use of open data/ });
    expect(openData.textContent).toContain('presidential-2019 (2019)');
    expect(openData.textContent).toContain('Open Data Society');
    expect(openData.textContent).toContain('3');
    expect(within(awards).getByRole('row', { name: /Outstanding teams/ }).textContent).toContain('30');
    expect(within(awards).getByRole('row', { name: /All tracks/ }).textContent).toContain('33');
    expect(screen.getByText(/counts the outstanding teams’ track only/)).toBeTruthy();
    // The funnel still counts 30 outstanding proposals, not the 33 awards.
    const funnel = screen.getByRole('table', { name: 'Funnel: count at each stage and rates' });
    expect(within(funnel).getByRole('row', { name: /Outstanding/ }).textContent).toContain('30');
    const years = screen.getByRole('table', { name: 'Outcomes by year of the hackathon' });
    expect(within(years).getByRole('columnheader', { name: 'Awards (all tracks)' })).toBeTruthy();
    expect(within(years).getByRole('row', { name: /2019/ }).textContent).toContain('8');
  });

  it('names the tracks in Traditional Chinese', async () => {
    renderPanel('/statistics', null, { StatisticsFilters: () => FILTERS, OutcomeStatistics: () => statistics() }, 'zh-TW');
    const awards = await screen.findByRole('table', { name: '各場黑客松每個獎項類別的得獎數' });
    expect(within(awards).getByRole('row', { name: /最佳開放資料應用/ }).textContent).toContain('Open Data Society');
    expect(within(awards).getByRole('row', { name: /所有類別/ }).textContent).toContain('33');
    expect(within(awards).getByRole('columnheader', { name: '獎項類別' })).toBeTruthy();
  });

  it('sends the filters, and refuses a malformed year at its field', async () => {
    const { calls } = renderPanel('/statistics', ORGANIZER, { StatisticsFilters: () => FILTERS, OutcomeStatistics: () => statistics('ORGANIZER', null) });
    await screen.findByRole('table', { name: 'Funnel: count at each stage and rates' });
    expect(screen.getByText(/Not computed yet/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Refresh them with the “Statistics roll-up” job' }).getAttribute('href')).toBe('/organize/jobs');
    await userEvent.selectOptions(screen.getByLabelText('Kind of hackathon'), 'PRESIDENTIAL');
    await userEvent.type(screen.getByLabelText('From year'), '19');
    await userEvent.click(screen.getByRole('button', { name: 'Show statistics' }));
    expect(describedBy(screen.getByLabelText('From year'))).toContain('four digits');
    const before = callsNamed(calls, 'OutcomeStatistics').length;
    await userEvent.clear(screen.getByLabelText('From year'));
    await userEvent.type(screen.getByLabelText('From year'), '2019');
    await userEvent.type(screen.getByLabelText('To year'), '2021');
    await userEvent.selectOptions(screen.getByLabelText('Issue area'), 'health');
    await userEvent.selectOptions(screen.getByLabelText('Data'), 'PUBLIC');
    await userEvent.click(screen.getByRole('button', { name: 'Show statistics' }));
    const sent = callsNamed(calls, 'OutcomeStatistics').slice(before);
    expect(sent.at(-1)!.variables).toEqual({ filter: { kind: 'PRESIDENTIAL', fromYear: 2019, toYear: 2021, issueArea: 'health' }, view: 'PUBLIC' });
  });

  it('says so when the statistics cannot be loaded, and still offers the open data', async () => {
    renderPanel('/statistics', null, {
      StatisticsFilters: () => FILTERS,
      OutcomeStatistics: () => ({ errors: [{ message: 'Only organizers see that view.', extensions: { code: 'FORBIDDEN' } }] }),
    });
    expect((await screen.findByRole('alert')).textContent).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download projects.csv' })).toBeTruthy();
  });

  it('checks the year range', () => {
    expect(toStatisticsFilter({ kind: '', fromYear: '2022', toYear: '2019', issueArea: '', view: '' }).errors).toEqual({ toYear: 'stats.filter.yearOrder' });
    expect(toStatisticsFilter({ kind: '', fromYear: '', toYear: '', issueArea: '', view: '' })).toEqual({ filter: undefined, errors: {} });
  });
});

describe('milestones to verify', () => {
  it('lists them with a link to the project and verifies one', async () => {
    const { calls } = renderPanel('/organize/outcomes', ORGANIZER, {
      MilestonesToVerify: () => ({
        data: {
          outcomeMilestonesToVerify: [
            { ...ADOPTED_PENDING, project: { id: 'pr1', name: PROJECT.name } },
            { ...FUNDED, id: 'm9', projectId: 'gone', verification: 'PENDING', project: null },
          ],
        },
      }),
      VerifyMilestone: () => ({ data: { verifyOutcomeMilestone: { milestone: { ...ADOPTED_PENDING, verification: 'VERIFIED' } } } }),
    });
    await screen.findByRole('heading', { name: 'Milestones to verify', level: 1 });
    expect((await screen.findByRole('link', { name: 'Long-term care map' })).getAttribute('href')).toBe('/projects/pr1');
    // Without its project (removed), the link still leads to the project's address.
    expect(screen.getByRole('link', { name: 'Project of Funded · Mar 4, 2021' }).getAttribute('href')).toBe('/projects/gone');
    expect(screen.getByRole('link', { name: 'Import outcomes' }).getAttribute('href')).toBe('/organize/outcomes/import');
    await userEvent.click(screen.getByRole('button', { name: 'Verify Adopted by an agency · May 1, 2022' }));
    expect(callsNamed(calls, 'VerifyMilestone')[0].variables.input).toEqual({ id: 'm2', expectedVersion: 3 });
  });

  it('verifies the ticked milestones with one decision and a note, after confirming the count', async () => {
    let answered = false;
    const { calls } = renderPanel('/organize/outcomes', ORGANIZER, {
      MilestonesToVerify: () => ({
        data: {
          outcomeMilestonesToVerify: answered
            ? []
            : [
                { ...ADOPTED_PENDING, project: { id: 'pr1', name: PROJECT.name } },
                { ...FUNDED, id: 'm9', projectId: 'pr1', verification: 'PENDING', project: { id: 'pr1', name: PROJECT.name } },
              ],
        },
      }),
      VerifyMilestones: () => {
        answered = true;
        return { data: { verifyOutcomeMilestones: { decisionId: 'd1', verifiedCount: 1, unchangedIds: ['m9'] } } };
      },
    });
    const verify = await screen.findByRole('button', { name: 'Verify 0 milestones' });
    expect((verify as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Select all 2 shown' }));
    expect(screen.getByText('2 selected')).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Include Adopted by an agency · May 1, 2022 in the decision' }));
    expect(screen.getByText('1 selected')).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Include Adopted by an agency · May 1, 2022 in the decision' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Note for every selected milestone' }), 'On the ministry list of 2026-11');
    await userEvent.click(screen.getByRole('button', { name: 'Verify 2 milestones' }));
    expect(callsNamed(calls, 'VerifyMilestones')).toHaveLength(0);
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('These 2 milestones become public');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Verify them' }));
    expect(callsNamed(calls, 'VerifyMilestones')[0].variables.input).toEqual({ ids: ['m9', 'm2'], note: 'On the ministry list of 2026-11' });
    expect(await screen.findByText('1 verified; 1 had been decided by someone else meanwhile and were left as they were.')).toBeTruthy();
  });

  it('says so when the list cannot be loaded', async () => {
    renderPanel('/organize/outcomes', ORGANIZER, { MilestonesToVerify: () => ({ networkError: 'offline' }) });
    expect(await screen.findByRole('alert')).toBeTruthy();
  });

  it('is for organizers only', async () => {
    renderPanel('/organize/outcomes', PROPOSER, {});
    expect(await screen.findByRole('heading', { name: /not allowed|permission|Not for you/i, level: 1 })).toBeTruthy();
  });
});

describe('batch jobs history', () => {
  const run = (id: string, jobName: string) => ({
    id,
    jobName,
    status: 'COMPLETED',
    exitCode: 'COMPLETED',
    exitDescription: null,
    createdAt: '2026-01-01T00:00:00Z',
    startedAt: '2026-01-01T00:00:01Z',
    endedAt: '2026-01-01T00:00:05Z',
    readCount: 10,
    writeCount: 10,
    skipCount: 0,
    total: 10,
    progress: 1,
    parameters: [],
  });

  it('shows the runs of one job and older runs on request', async () => {
    const { calls } = renderPanel('/organize/jobs', ORGANIZER, {
      Jobs: (variables) => ({
        data: {
          jobNames: ['outcomeImport', 'statisticsRollup'],
          jobRuns: Array.from({ length: Number(variables.first) }, (_, i) => run(String(100 - i), String(variables.jobName ?? 'statisticsRollup'))),
        },
      }),
    });
    await screen.findByRole('heading', { name: 'Batch jobs', level: 1 });
    expect((await screen.findAllByRole('progressbar')).length).toBe(20);
    await userEvent.selectOptions(screen.getByLabelText('Show runs of'), 'outcomeImport');
    expect(callsNamed(calls, 'Jobs').at(-1)!.variables).toEqual({ first: 20, jobName: 'outcomeImport' });
    await userEvent.click(screen.getByRole('button', { name: 'Show older runs' }));
    expect(callsNamed(calls, 'Jobs').at(-1)!.variables).toEqual({ first: 40, jobName: 'outcomeImport' });
    expect(screen.getByRole('link', { name: 'Import outcomes' }).getAttribute('href')).toBe('/organize/outcomes/import');
  });
});
