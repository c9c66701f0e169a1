import { render } from '@testing-library/react';
import { CombinedError, type Client } from 'urql';
import { concat, fromValue, never, take, toPromise } from 'wonka';
import { vi } from 'vitest';
import { memoryLocation } from 'wouter/memory-location';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { Root } from '../App';
import { I18nProvider, type Locale } from '../i18n';

type GraphQlError = { message: string; extensions?: Record<string, unknown> };
/** An answer: data and/or GraphQL errors, or a network failure (`networkError`: the server was not reached). */
export type Answer = { data?: unknown; errors?: GraphQlError[]; networkError?: string };
export type Handler = (variables: Record<string, unknown>) => Answer;
export type Call = { name: string; variables: Record<string, unknown> };

export type Me = { id: string; displayName: string; roles: string[] } | null;

export const ORGANIZER: Me = { id: 'u-org', displayName: 'Olivia Organizer', roles: ['ORGANIZER'] };
export const PROPOSER: Me = { id: 'u-prop', displayName: 'Pat Proposer', roles: [] };
export const JUDGE: Me = { id: 'u-judge', displayName: 'Jo Judge', roles: ['JUDGE'] };

function operationName(query: DocumentNode): string {
  const definition = query.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  return definition.name!.value;
}

/**
 * A GraphQL client that answers each operation by name from `handlers` and records every call.
 *
 * A query's answer stays open after its one result, as a real client's does (it keeps the stream for cache updates
 * until the screen lets go): urql's useQuery clears the error when a query's stream ends (it then sets
 * `{ fetching: false }`, which takes the error away), so an answer that completed at once lost its error before the
 * screen could show it. A mutation's answer completes after its result, as a real client's does.
 */
export function mockClient(handlers: Record<string, Handler>, calls: Call[] = []): Client {
  const respond = (request: { query: DocumentNode; variables?: Record<string, unknown> }) => {
    const name = operationName(request.query);
    const variables = request.variables ?? {};
    calls.push({ name, variables });
    const handler = handlers[name];
    if (!handler) return never;
    const answer = handler(variables);
    const error = answer.networkError
      ? new CombinedError({ networkError: new Error(answer.networkError) })
      : answer.errors
        ? new CombinedError({ graphQLErrors: answer.errors })
        : undefined;
    return fromValue({ data: answer.data, error, stale: false, hasNext: false });
  };
  const executeQuery = (request: { query: DocumentNode; variables?: Record<string, unknown> }) => concat([respond(request), never]);
  // client.query(…).toPromise(), as screens use it for a one-off read: the first result, as urql's toPromise takes.
  const query = (document: DocumentNode, variables?: Record<string, unknown>) => ({
    toPromise: () => toPromise(take(1)(executeQuery({ query: document, variables }))),
  });
  return { executeQuery, executeMutation: respond, executeSubscription: () => never, query } as unknown as Client;
}

export function stubAuthOptions(options: unknown = { providers: [], demo: false, personas: [] }, extra?: (url: string, init?: RequestInit) => Response | undefined) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const custom = extra?.(String(url), init);
    if (custom) return custom;
    if (String(url).startsWith('/api/auth/options')) {
      return new Response(JSON.stringify(options), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    return new Response('', { status: 204 });
  });
  vi.stubGlobal('fetch', fetchMock);
  // jsdom has no layout: scrolling to the top after navigation is a no-op here.
  vi.stubGlobal('scrollTo', () => undefined);
  return fetchMock;
}

/** Renders the whole panel at `path`, signed in as `me`, with GraphQL answered by `handlers`. */
export function renderPanel(path: string, me: Me, handlers: Record<string, Handler> = {}, locale: Locale = 'en') {
  const calls: Call[] = [];
  const [pathname, search = ''] = path.split('?');
  const location = memoryLocation({ path: pathname, searchPath: search, record: true });
  const client = mockClient({ Me: () => ({ data: { me } }), ...handlers }, calls);
  const view = render(
    <I18nProvider locale={locale}>
      <Root makeClient={() => client} location={location} />
    </I18nProvider>,
  );
  return { ...view, calls, location };
}

export function callsNamed(calls: Call[], name: string): Call[] {
  return calls.filter((call) => call.name === name);
}
