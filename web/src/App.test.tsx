import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { format, initialLocale } from './i18n';
import { en } from './i18n/en';
import { zhTW } from './i18n/zh-TW';
import { csrfToken } from './api/http';
import { currentEntry } from './App';
import { JUDGE, ORGANIZER, PROPOSER, renderPanel, stubAuthOptions } from './test/harness';

const EMPTY_HACKATHONS = { Hackathons: () => ({ data: { hackathons: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } }) };

function navNames(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe('shell', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows each role only its own navigation, and hides phase-2 entries', async () => {
    stubAuthOptions();
    renderPanel('/', null, EMPTY_HACKATHONS);
    await screen.findByRole('heading', { name: 'Hackathons', level: 1 });
    expect(navNames()).toEqual(['Hackathons', 'Statistics']);
    cleanup();

    renderPanel('/', PROPOSER, EMPTY_HACKATHONS);
    await screen.findByText('Signed in as Pat Proposer');
    expect(navNames()).toEqual(['Hackathons', 'My teams', 'Statistics', 'My profile']);
    cleanup();

    renderPanel('/', JUDGE, EMPTY_HACKATHONS);
    await screen.findByText('Signed in as Jo Judge');
    expect(navNames()).toEqual(['Hackathons', 'Judging', 'My teams', 'Statistics', 'My profile']);
    cleanup();

    renderPanel('/', ORGANIZER, EMPTY_HACKATHONS);
    await screen.findByText('Signed in as Olivia Organizer');
    expect(navNames()).toEqual(['Hackathons', 'My teams', 'Organize', 'Batch jobs', 'Statistics', 'Outcomes', 'My profile']);
  });

  it('marks the current navigation entry for assistive technology', () => {
    expect(currentEntry('/organize/jobs', ['/hackathons', '/organize', '/organize/jobs'])).toBe('/organize/jobs');
    expect(currentEntry('/organize/hackathons/x', ['/hackathons', '/organize', '/organize/jobs'])).toBe('/organize');
    expect(currentEntry('/hackathons/x', ['/hackathons', '/organize'])).toBe('/hackathons');
  });

  it('asks an anonymous visitor to sign in, and refuses a person without the role', async () => {
    stubAuthOptions();
    renderPanel('/organize', null);
    expect(await screen.findByRole('heading', { name: 'Please sign in' })).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Sign in' })[0].getAttribute('href')).toContain('/sign-in?next=%2Forganize');
    cleanup();

    renderPanel('/organize', PROPOSER);
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeTruthy();
  });

  it('has a skip link to the main content and a demo banner in demo mode', async () => {
    stubAuthOptions({ providers: [], demo: true, personas: [{ id: 'organizer', displayName: 'Demo Organizer' }] });
    renderPanel('/sign-in', null);
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip.getAttribute('href')).toBe('#main');
    expect(document.getElementById('main')).toBeTruthy();
    expect((await screen.findByRole('note')).textContent).toContain('Demo mode');
    expect(await screen.findByRole('button', { name: 'Sign in as Demo Organizer' })).toBeTruthy();
  });

  it('offers configured providers on the sign-in page', async () => {
    stubAuthOptions({ providers: [{ id: 'github', name: 'GitHub', loginUrl: '/oauth2/authorization/github' }], demo: false, personas: [] });
    renderPanel('/sign-in?next=/me', null);
    const link = await screen.findByRole('link', { name: 'Sign in with GitHub' });
    expect(link.getAttribute('href')).toBe('/oauth2/authorization/github');
    // A provider sign-in comes back to "/": the page remembers where to return.
    expect(sessionStorage.getItem('hacktrail.returnTo')).toBe('/me');
  });

  it('switches the interface to zh-TW and remembers the choice', async () => {
    stubAuthOptions();
    renderPanel('/', null, EMPTY_HACKATHONS);
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'zh-TW');
    expect(await screen.findByRole('heading', { name: '黑客松', level: 1 })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-TW');
    expect(localStorage.getItem('hacktrail.locale')).toBe('zh-TW');
  });

  it('puts the navigation, the language and the session behind a menu button that phones show', async () => {
    stubAuthOptions();
    renderPanel('/', JUDGE, EMPTY_HACKATHONS);
    await screen.findByText('Signed in as Jo Judge');
    const toggle = screen.getByRole('button', { name: 'Menu' });
    const menu = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    // What the menu holds (CSS hides it on a phone until it is open).
    expect(within(menu).getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(within(menu).getByLabelText('Language')).toBeTruthy();
    expect(within(menu).getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(menu.closest('header')!.classList.contains('menu-open')).toBe(false);

    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(menu.closest('header')!.classList.contains('menu-open')).toBe(true);
    // Escape closes it from inside and gives the focus back to the button.
    within(menu).getByRole('link', { name: 'Judging' }).focus();
    await userEvent.keyboard('{Escape}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);

    // Going to another page closes it.
    await userEvent.click(toggle);
    await userEvent.click(within(menu).getByRole('link', { name: 'Statistics' }));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    // A click outside the header closes it, and so does the focus leaving the header.
    await userEvent.click(toggle);
    await userEvent.click(document.getElementById('main')!);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    act(() => screen.getByRole('link', { name: 'Skip to content' }).focus());
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('names the menu button in the reader\'s language, and keeps "Sign in" out of the menu', async () => {
    stubAuthOptions();
    renderPanel('/', null, EMPTY_HACKATHONS);
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'zh-TW');
    const toggle = await screen.findByRole('button', { name: '選單' });
    const menu = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    const signIn = screen.getByRole('link', { name: '登入' });
    expect(menu.contains(signIn)).toBe(false);
  });

  it('answers an unknown address with a not-found page', async () => {
    stubAuthOptions();
    renderPanel('/nowhere', null);
    expect(await screen.findByRole('heading', { name: 'Not found' })).toBeTruthy();
  });
});

describe('i18n', () => {
  beforeEach(() => localStorage.clear());

  it('takes the browser language when nothing was chosen', () => {
    expect(initialLocale(['zh-Hant-TW', 'en'])).toBe('zh-TW');
    expect(initialLocale(['en-GB'])).toBe('en');
    expect(initialLocale(['fr'])).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Hi {name}, {missing}', { name: 'Ann' })).toBe('Hi Ann, {missing}');
  });

  it('says one and many as each language does, through ICU plural rules', () => {
    const template = '{count, plural, one {# join request} other {# join requests}} waiting';
    expect(format(template, { count: 1 }, 'en')).toBe('1 join request waiting');
    expect(format(template, { count: 2 }, 'en')).toBe('2 join requests waiting');
    expect(format(template, { count: 0 }, 'en')).toBe('0 join requests waiting');
    // A message without a plural keeps its apostrophes as written.
    expect(format("It's {n} o'clock", { n: 3 })).toBe("It's 3 o'clock");
  });

  it('has every message in both catalogs, with the same placeholders', () => {
    const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\s*(\w+)\s*(?:,|\})/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zhTW[key], key).toBeTruthy();
      expect(placeholders(zhTW[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe('csrfToken', () => {
  it('reads the XSRF-TOKEN cookie', () => {
    expect(csrfToken('a=1; XSRF-TOKEN=abc%3D%3D; b=2')).toBe('abc==');
    expect(csrfToken('a=1')).toBeUndefined();
  });
});
