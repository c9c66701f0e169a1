import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider, type Client } from 'urql';
import { fromValue, never } from 'wonka';
import { App } from './App';
import { I18nProvider, format, initialLocale } from './i18n';
import { csrfToken } from './api/http';

function clientReturning(me: unknown): Client {
  return {
    executeQuery: () => fromValue({ data: { me }, stale: false, hasNext: false }),
    executeMutation: () => never,
    executeSubscription: () => never,
  } as unknown as Client;
}

function mockOptions(options: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(options), { status: 200, headers: { 'Content-Type': 'application/json' } })),
  );
}

describe('App', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the signed-in user and a sign-out button', async () => {
    mockOptions({ providers: [], demo: false, personas: [] });
    render(
      <Provider value={clientReturning({ id: 'u1', displayName: 'Audrey', roles: ['ORGANIZER'] })}>
        <I18nProvider locale="en">
          <App />
        </I18nProvider>
      </Provider>,
    );
    expect(screen.getByRole('heading', { name: 'Hacktrail' })).toBeTruthy();
    expect(screen.getByText('Signed in as Audrey')).toBeTruthy();
    expect(screen.getByText('Roles: Organizer')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('offers configured providers and demo personas to an anonymous visitor', async () => {
    mockOptions({
      providers: [{ id: 'github', name: 'GitHub', loginUrl: '/oauth2/authorization/github' }],
      demo: true,
      personas: [{ id: 'organizer', displayName: 'Demo Organizer' }],
    });
    render(
      <Provider value={clientReturning(null)}>
        <I18nProvider locale="en">
          <App />
        </I18nProvider>
      </Provider>,
    );
    const link = await screen.findByRole('link', { name: 'Sign in with GitHub' });
    expect(link.getAttribute('href')).toBe('/oauth2/authorization/github');
    expect(await screen.findByRole('button', { name: 'Sign in as Demo Organizer' })).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('Demo mode');
  });

  it('switches the interface to zh-TW and remembers the choice', async () => {
    mockOptions({ providers: [], demo: false, personas: [] });
    render(
      <Provider value={clientReturning(null)}>
        <I18nProvider locale="en">
          <App />
        </I18nProvider>
      </Provider>,
    );
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'zh-TW');
    expect(screen.getByRole('heading', { name: 'Hacktrail 黑客松追蹤' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-TW');
    expect(localStorage.getItem('hacktrail.locale')).toBe('zh-TW');
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
});

describe('csrfToken', () => {
  it('reads the XSRF-TOKEN cookie', () => {
    expect(csrfToken('a=1; XSRF-TOKEN=abc%3D%3D; b=2')).toBe('abc==');
    expect(csrfToken('a=1')).toBeUndefined();
  });
});
