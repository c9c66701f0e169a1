// HTTP helpers shared by the GraphQL client and the few REST calls (sign-in options, demo login, logout).

/** The CSRF token the server put in the XSRF-TOKEN cookie; sent back in X-XSRF-TOKEN on every POST. */
export function csrfToken(cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'XSRF-TOKEN') return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function jsonHeaders(): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
  };
  const token = csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  return headers;
}

/** Makes sure the XSRF-TOKEN cookie exists before the first POST (any GET through the server sets it). */
export async function ensureCsrfCookie(): Promise<void> {
  if (!csrfToken()) {
    await fetch('/api/auth/options', { credentials: 'same-origin' });
  }
}

export async function postJson(url: string, body: unknown): Promise<Response> {
  await ensureCsrfCookie();
  return fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: jsonHeaders(),
    body: JSON.stringify(body),
  });
}
