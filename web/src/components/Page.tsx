import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n';

/**
 * Focus after navigation: the shell marks that a navigation happened; the next page heading to mount takes focus,
 * so a screen-reader user hears where they arrived and keyboard users start from the top of the new content.
 */
export const FocusRequest = createContext<{ consume: () => boolean }>({ consume: () => false });

export function Page({ title, children, actions }: { title: string; children?: ReactNode; actions?: ReactNode }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const focus = useContext(FocusRequest);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (focus.consume()) heading.current?.focus();
    // Only on mount: a later title change (e.g. data arriving) must not steal focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <article className="page">
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </article>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}
