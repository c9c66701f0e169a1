import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { App } from './App';
import { createClient } from './api/client';
import { I18nProvider } from './i18n';
import './styles.css';

const client = createClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider value={client}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </Provider>
  </StrictMode>,
);
