import { configure } from '@testing-library/react';

// Screens are lazily loaded chunks: the first test of a file that opens one waits for its import, which takes well
// over Testing Library's default second on a loaded 2-core machine. `findBy…` and `waitFor` resolve as soon as the
// element is there, so a longer limit costs passing tests nothing; it only keeps a slow machine from failing them.
configure({ asyncUtilTimeout: 10000 });
