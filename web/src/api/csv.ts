import { ensureCsrfCookie, csrfToken } from './http';
import { problemOfResponse, type Problem } from './errors';

export type ImportResult = {
  created: number;
  updated: number;
  unchanged: number;
  errors: { row?: number | null; column?: string | null; message: string }[];
};

/**
 * Sends a CSV file of proposals to the import endpoint. With `dryRun` nothing is written and the answer says what an
 * import would do; with `skipInvalid` the valid rows are written and the others reported.
 */
export async function importProposals(
  slug: string,
  file: Blob,
  options: { dryRun: boolean; skipInvalid: boolean },
): Promise<{ result?: ImportResult; problem?: Problem }> {
  await ensureCsrfCookie();
  const query = new URLSearchParams({ dryRun: String(options.dryRun), skipInvalid: String(options.skipInvalid) });
  const headers: Record<string, string> = { 'Content-Type': 'text/csv; charset=UTF-8', Accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  let response: Response;
  try {
    response = await fetch(`/api/hackathons/${encodeURIComponent(slug)}/proposals/import?${query}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: file,
    });
  } catch (error) {
    return { problem: { kind: 'network', messages: [String(error)], fields: {} } };
  }
  // 422 (or 400) with a result body: rows in error stopped the import; the body lists them.
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    const body = await response.clone().json().catch(() => undefined);
    if (body && typeof body.created === 'number') return { result: body as ImportResult };
  }
  if (!response.ok) return { problem: await problemOfResponse(response) };
  return { problem: { kind: 'other', messages: [], fields: {} } };
}

export function exportUrl(slug: string): string {
  return `/api/hackathons/${encodeURIComponent(slug)}/proposals.csv`;
}
