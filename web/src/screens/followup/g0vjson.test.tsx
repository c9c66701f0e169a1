import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ORGANIZER, callsNamed, renderPanel, type Handler } from '../../test/harness';
import { g0vJsonEn } from '../../i18n/g0vjson/en';
import { g0vJsonZhTW } from '../../i18n/g0vjson/zh-TW';

const PROJECT = {
  id: 'pr1',
  name: { zhTW: '真的假的', en: 'Cofacts' },
  repositoryUrl: 'https://github.com/cofacts/rumors-api',
  websiteUrl: 'https://cofacts.tw/',
  thumbnailUrl: null,
  description: null,
  issueAreas: [],
  proposals: [],
};

const CHECK = {
  checkedAt: '2026-12-01T02:00:00Z',
  found: true,
  sourceUrl: 'https://github.com/cofacts/rumors-api/blob/main/g0v.json',
  status: 'Beta',
  problem: null,
  sourceCommit: 'c0ffee1234567',
  sourceCommittedAt: '2024-05-01T08:00:00Z',
};

const HOMEPAGE = {
  id: 'pr1:HOMEPAGE',
  field: 'HOMEPAGE',
  current: 'https://cofacts.tw/',
  proposed: 'https://rumors.hacktabl.org/',
  sourceUrl: CHECK.sourceUrl,
  proposedAt: '2026-12-01T02:00:00Z',
  status: 'PENDING',
};

const DESCRIPTION = { ...HOMEPAGE, id: 'pr1:DESCRIPTION_ZH', field: 'DESCRIPTION_ZH', current: null, proposed: '開放大眾編輯的闢謠平台。' };

function handlers(g0vJson: Handler, extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    ProjectDetail: () => ({ data: { project: PROJECT } }),
    ProjectTrail: () => ({ data: { project: null } }),
    ProjectG0vJson: g0vJson,
    ...extra,
  };
}

function answer(check: unknown, updates: unknown[] | null) {
  return () => ({ data: { project: { id: 'pr1', g0vJson: check, metadataUpdates: updates } } });
}

async function section(name = 'Updates from g0v.json') {
  const heading = await screen.findByRole('heading', { name, level: 2 });
  return heading.closest('section') as HTMLElement;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('g0v.json updates on the project page', () => {
  it('has every message in both catalogs with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(g0vJsonEn) as (keyof typeof g0vJsonEn)[]) {
      expect(g0vJsonZhTW[key], key).toBeTruthy();
      expect(placeholders(g0vJsonZhTW[key]), key).toEqual(placeholders(g0vJsonEn[key]));
    }
  });

  it('lets an organizer accept one update and shows what was applied', async () => {
    let updates = [DESCRIPTION, HOMEPAGE];
    const { calls } = renderPanel(
      '/projects/pr1',
      ORGANIZER,
      handlers(() => answer(CHECK, updates)(), {
        AcceptMetadataUpdate: () => {
          updates = [DESCRIPTION];
          return {
            data: {
              acceptProjectMetadataUpdate: {
                update: { id: HOMEPAGE.id, status: 'ACCEPTED' },
                project: { ...PROJECT, websiteUrl: HOMEPAGE.proposed },
              },
            },
          };
        },
      }),
    );
    const box = await section();
    expect(box.textContent).toContain('(commit c0ffee1, ');
    expect(within(box).getByText('The file says its status is “Beta” (shown only: the project’s state comes from its verified outcomes).')).toBeTruthy();
    const rows = within(box).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByRole('rowheader').textContent).toBe('Description (Chinese)');
    expect(within(rows[1]).getByText('(empty)')).toBeTruthy();
    expect(within(rows[2]).getByText('https://rumors.hacktabl.org/')).toBeTruthy();

    await userEvent.click(within(box).getByRole('button', { name: 'Accept: Website' }));

    expect(callsNamed(calls, 'AcceptMetadataUpdate')[0].variables.input).toEqual({ id: 'pr1:HOMEPAGE' });
    expect(await within(box).findByText('Applied: Website.')).toBeTruthy();
    expect(callsNamed(calls, 'DismissMetadataUpdate')).toHaveLength(0);
  });

  it('shows the refusal when the project changed since the update was proposed', async () => {
    renderPanel(
      '/projects/pr1',
      ORGANIZER,
      handlers(answer(CHECK, [HOMEPAGE]), {
        AcceptMetadataUpdate: () => ({
          errors: [
            {
              message: "The project's HOMEPAGE is now 'https://cofacts.tw/new', not 'https://cofacts.tw/' as when this update was proposed; nothing was changed.",
              extensions: { code: 'CONFLICT' },
            },
          ],
        }),
      }),
    );
    const box = await section();
    await userEvent.click(within(box).getByRole('button', { name: 'Accept: Website' }));
    expect(await within(box).findByRole('alert')).toBeTruthy();
    expect(within(box).queryByText('Applied: Website.')).toBeNull();
  });

  it('shows everyone a broken file’s problem, in Chinese too, and no decisions to those who may not decide', async () => {
    renderPanel(
      '/projects/pr1',
      null,
      handlers(answer({ ...CHECK, status: null, problem: 'g0v.json is not valid JSON at line 14, column 4' }, null)),
      'zh-TW',
    );
    const box = await section('來自 g0v.json 的更新');
    expect(within(box).getByText('g0v.json 有問題：g0v.json is not valid JSON at line 14, column 4')).toBeTruthy();
    expect(within(box).queryByRole('button')).toBeNull();
    expect(within(box).queryByRole('table')).toBeNull();
  });

  it('shows nothing when the repository never had a g0v.json', async () => {
    renderPanel('/projects/pr1', ORGANIZER, handlers(answer(null, [])));
    await screen.findByRole('heading', { name: 'Cofacts', level: 1 });
    expect(screen.queryByRole('heading', { name: 'Updates from g0v.json' })).toBeNull();
  });
});
