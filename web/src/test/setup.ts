import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { stubAuthOptions } from './harness';

// Screens are lazily loaded chunks: the first test of a file that opens one waits for its import, which takes well
// over Testing Library's default second on a loaded 2-core machine. `findBy…` and `waitFor` resolve as soon as the
// element is there, so a longer limit costs passing tests nothing; it only keeps a slow machine from failing them.
configure({ asyncUtilTimeout: 10000 });

// Every test starts signed out with empty storage and a stubbed `fetch` that answers /api/auth/options (no login
// providers, no demo); a file's own beforeEach runs after this one and may stub other options. With Vitest's globals
// off, Testing Library does not unmount by itself: each test's render is cleaned up here.
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  stubAuthOptions();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
