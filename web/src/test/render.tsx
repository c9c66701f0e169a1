import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Provider } from 'urql';
import { I18nProvider, type Locale } from '../i18n';
import { mockClient, type Call, type Handler } from './harness';

/** Renders one component (not the whole panel) with GraphQL answered by `handlers`, in `locale`. */
export function renderWith(node: ReactNode, handlers: Record<string, Handler>, locale: Locale = 'en') {
  const calls: Call[] = [];
  const client = mockClient(handlers, calls);
  const view = render(
    <I18nProvider locale={locale}>
      <Provider value={client}>{node}</Provider>
    </I18nProvider>,
  );
  return { ...view, calls };
}
