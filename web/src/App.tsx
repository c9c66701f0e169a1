import { LOCALES, useI18n, type Locale } from './i18n';
import { Session, useAuthOptions } from './auth/Session';

export function App() {
  const { t, locale, setLocale } = useI18n();
  const options = useAuthOptions();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {options?.demo && (
        <div className="demo-banner" role="note">
          {t('demo.banner')}
        </div>
      )}
      <header className="app-header">
        <h1 className="app-name">{t('app.name')}</h1>
        <label className="locale">
          <span>{t('lang.label')}</span>
          <select value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
            {LOCALES.map((option) => (
              <option key={option.id} value={option.id} lang={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main id="main">
        <p className="tagline">{t('app.tagline')}</p>
        <Session options={options} />
      </main>
    </>
  );
}
