import { Client, cacheExchange, fetchExchange } from 'urql';
import { jsonHeaders } from './http';

// POST only: Spring for GraphQL 2.0 answers GET /graphql with 405.
export function createClient(url = '/graphql'): Client {
  return new Client({
    url,
    preferGetMethod: false,
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: () => ({ credentials: 'same-origin', headers: jsonHeaders() }),
  });
}
