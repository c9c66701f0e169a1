import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CreateApiTokenDocument, MyTokensDocument, RevokeApiTokenDocument } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { Field } from '../../components/Field';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n } from '../../i18n';
import { TableScroll } from '../../components/TableScroll';

function formatInstant(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** API tokens for scripts: create (the secret is shown once), list, revoke. */
export default function ApiTokensPage() {
  const { t, locale } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: MyTokensDocument });
  const [creating, create] = useMutation(CreateApiTokenDocument);
  const [, revoke] = useMutation(RevokeApiTokenDocument);
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [secret, setSecret] = useState<{ name: string; value: string }>();
  const [problem, setProblem] = useState<Problem>();
  const [copied, setCopied] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    setSecret(undefined);
    setCopied(false);
    if (!name.trim()) {
      setProblem({ kind: 'badInput', messages: [], fields: { name: t('tokens.nameRequired') } });
      return;
    }
    // An expiry date means the end of that day in the reader's own time zone.
    const expiresAt = expires ? new Date(`${expires}T23:59:59`).toISOString() : undefined;
    const response = await create({ input: { name: name.trim(), expiresAt } });
    if (response.error) {
      setProblem(problemOf(response.error));
      return;
    }
    const payload = response.data!.createApiToken;
    setSecret({ name: payload.token.name, value: payload.secret });
    setName('');
    setExpires('');
    refetch({ requestPolicy: 'network-only' });
  }

  async function revokeToken(id: string, tokenName: string) {
    if (!window.confirm(t('tokens.revokeConfirm', { name: tokenName }))) return;
    const response = await revoke({ input: { id } });
    if (response.error) setProblem(problemOf(response.error));
    else refetch({ requestPolicy: 'network-only' });
  }

  const tokens = data?.me?.apiTokens ?? [];
  return (
    <Page title={t('tokens.title')}>
      <p>{t('tokens.intro')}</p>
      <ProblemNotice problem={problem} shownFields={['name', 'expiresAt']} />
      {secret && (
        <div className="notice notice-ok secret" role="status">
          <p>{t('tokens.secretOnce', { name: secret.name })}</p>
          <p>
            <code aria-label={t('tokens.secret')}>{secret.value}</code>
          </p>
          <div className="button-row">
            <button
              type="button"
              onClick={async () => {
                await navigator.clipboard?.writeText(secret.value).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? t('tokens.copied') : t('tokens.copy')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setSecret(undefined)}>
              {t('tokens.hideSecret')}
            </button>
          </div>
        </div>
      )}
      <section aria-labelledby="new-token-heading" className="panel">
        <h2 id="new-token-heading">{t('tokens.create')}</h2>
        <form className="stack form" onSubmit={submit} noValidate>
          <Field label={t('tokens.name')} hint={t('tokens.nameHint')} error={problem?.fields.name}>
            {(props) => <input {...props} type="text" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label={t('tokens.expires')} hint={t('tokens.expiresHint')} error={problem?.fields.expiresAt}>
            {(props) => <input {...props} type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />}
          </Field>
          <div className="button-row">
            <button type="submit" disabled={creating.fetching}>
              {t('tokens.createButton')}
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t('tokens.list')}</h2>
        {fetching && !data ? (
          <Loading />
        ) : error && !data ? (
          <ProblemNotice problem={problemOf(error)} />
        ) : tokens.length === 0 ? (
          <p>{t('tokens.none')}</p>
        ) : (
          <TableScroll labelledBy="tokens-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('tokens.name')}</th>
                  <th scope="col">{t('tokens.prefix')}</th>
                  <th scope="col">{t('tokens.created')}</th>
                  <th scope="col">{t('tokens.expires')}</th>
                  <th scope="col">{t('tokens.state')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <td>{token.name}</td>
                    <td>
                      <code>{token.prefix}…</code>
                    </td>
                    <td>{formatInstant(token.createdAt, locale)}</td>
                    <td>{formatInstant(token.expiresAt, locale)}</td>
                    <td>{token.active ? t('tokens.active') : token.revokedAt ? t('tokens.revoked') : t('tokens.expired')}</td>
                    <td>
                      {token.active && (
                        <button type="button" className="button-danger" onClick={() => revokeToken(token.id, token.name)}>
                          {t('tokens.revoke', { name: token.name })}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </Page>
  );
}
