import { ensureCsrfCookie, csrfToken } from './http';
import { problemOfResponse, type Problem } from './errors';

export type ImportResult = {
  created: number;
  updated: number;
  unchanged: number;
  /**
   * Each error's code (`ProposalImportErrorCode` in the schema) with its values by name, for the panel to say in the
   * reader's language (i18n/imports), beside the same sentence in English; a page's errors name their section.
   */
  errors: {
    row?: number | null;
    column?: string | null;
    section?: string | null;
    code?: string | null;
    args?: Record<string, string | number> | null;
    message: string;
  }[];
};

/** What an import sends: a CSV file, or a g0v 松後推坑 page (Markdown). */
export type ImportFormat = 'csv' | 'markdown';

/** The format of a chosen file, by its name: `.md` and `.markdown` are pages, anything else CSV. */
export function formatOfFile(name: string): ImportFormat {
  return /\.(md|markdown)$/i.test(name) ? 'markdown' : 'csv';
}

/**
 * Sends a CSV file (or a g0v 松後推坑 page) of proposals to the import endpoint. With `dryRun` nothing is written and
 * the answer says what an import would do; with `skipInvalid` the valid rows are written and the others reported.
 */
export async function importProposals(
  slug: string,
  file: Blob,
  options: { dryRun: boolean; skipInvalid: boolean; format?: ImportFormat },
): Promise<{ result?: ImportResult; problem?: Problem }> {
  await ensureCsrfCookie();
  const query = new URLSearchParams({ dryRun: String(options.dryRun), skipInvalid: String(options.skipInvalid) });
  const contentType = options.format === 'markdown' ? 'text/markdown; charset=UTF-8' : 'text/csv; charset=UTF-8';
  const headers: Record<string, string> = { 'Content-Type': contentType, Accept: 'application/json' };
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

/** The proposals as a g0v 松後推坑 page, to paste into HackMD. */
export function pageExportUrl(slug: string): string {
  return `/api/hackathons/${encodeURIComponent(slug)}/proposals.md`;
}
