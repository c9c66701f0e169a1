import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { toPromise } from 'wonka';
import { CreateProposalDocument } from '../screens/proposer/gql/graphql';
import { HackathonDetailDocument } from '../screens/public/gql/graphql';
import { mockClient, renderPanel } from './harness';

/**
 * The error banner once the screen has settled: urql renders the first answer before its effects run, so a banner
 * that an effect then takes away is briefly on screen; waiting for the effects tells it from one that stays.
 */
async function settledAlert(): Promise<HTMLElement> {
  await screen.findByRole('alert');
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  return screen.getByRole('alert');
}

// The harness answers at once, but must not lose what a screen would show from a real client's answer.
describe('test harness', () => {
  it("shows the error of a query's answer that completes at once", async () => {
    renderPanel('/hackathons/g0v-70', null, {
      HackathonDetail: () => ({ errors: [{ message: 'Store closed for maintenance.', extensions: { code: 'UNAVAILABLE' } }] }),
    });
    const alert = await settledAlert();
    expect(alert.textContent).toContain('The service is busy or down for a moment.');
    expect(alert.textContent).toContain('Store closed for maintenance.');
    expect(screen.queryByRole('heading', { name: 'Not found' })).toBeNull();
  });

  it("shows a query's network failure", async () => {
    renderPanel('/hackathons/g0v-70', null, { HackathonDetail: () => ({ networkError: 'offline' }) });
    expect((await settledAlert()).textContent).toContain('Could not reach the server.');
  });

  it('resolves one-off reads and mutations with their answer, error included', async () => {
    const client = mockClient({
      HackathonDetail: () => ({ data: { hackathon: null, proposalTags: [] } }),
      CreateProposal: () => ({ errors: [{ message: 'Title is required.', extensions: { code: 'BAD_USER_INPUT' } }] }),
    });
    const read = await client.query(HackathonDetailDocument, { slug: 'g0v-70' }).toPromise();
    expect(read.data).toEqual({ hackathon: null, proposalTags: [] });
    const mutation = await toPromise(client.executeMutation({ query: CreateProposalDocument, variables: { input: {} as never }, key: 1 }));
    expect(mutation.error?.graphQLErrors[0].message).toBe('Title is required.');
  });
});
