import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useMutation, useQuery } from 'urql';
import { MyProfileDocument, UpdateMyProfileDocument, type MyProfileQuery } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { Field } from '../../components/Field';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useDraft } from '../../lib/draft';
import { useI18n, type MessageKey } from '../../i18n';

type Me = NonNullable<MyProfileQuery['me']>;

/** The signed-in person's name and affiliations (used to find conflicts of interest when judging). */
export default function ProfilePage() {
  const { t } = useI18n();
  const [{ data, error, fetching }] = useQuery({ query: MyProfileDocument });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  const me = data?.me;
  if (!me) return <ProblemNotice problem={{ kind: 'unauthenticated', messages: [], fields: {} }} />;
  return (
    <Page title={t('profile.title')} actions={<Link href="/me/tokens">{t('tokens.title')}</Link>}>
      <dl className="facts">
        <dt>{t('profile.userId')}</dt>
        <dd>
          <code className="user-id">{me.id}</code>
          <span className="hint small"> {t('profile.userIdHint')}</span>
        </dd>
        {me.email && (
          <>
            <dt>{t('profile.email')}</dt>
            <dd>{me.email}</dd>
          </>
        )}
        <dt>{t('profile.roles')}</dt>
        <dd>{me.roles.length ? me.roles.map((role) => t(`role.${role}` as MessageKey)).join(', ') : t('profile.noRoles')}</dd>
      </dl>
      <ProfileForm me={me} />
    </Page>
  );
}

function ProfileForm({ me }: { me: Me }) {
  const { t } = useI18n();
  const [form, setForm, clearDraft] = useDraft(`hacktrail.draft.profile.${me.id}`, () => ({
    displayName: me.displayName,
    affiliations: me.affiliations.join('\n'),
  }));
  const [result, update] = useMutation(UpdateMyProfileDocument);
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    setSaved(false);
    const affiliations = form.affiliations
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const response = await update({ input: { displayName: form.displayName.trim(), affiliations } });
    if (response.error) setProblem(problemOf(response.error));
    else {
      clearDraft();
      setSaved(true);
    }
  }

  return (
    <form className="stack form" onSubmit={submit} noValidate>
      <ProblemNotice problem={problem} shownFields={['displayName', 'affiliations']} />
      {saved && (
        <p role="status" className="notice notice-ok">
          {t('common.saved')}
        </p>
      )}
      <Field label={t('profile.displayName')} error={problem?.fields.displayName}>
        {(props) => (
          <input {...props} type="text" required maxLength={100} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
        )}
      </Field>
      <Field label={t('profile.affiliations')} hint={t('profile.affiliationsHint')} error={problem?.fields.affiliations}>
        {(props) => (
          <textarea {...props} rows={4} value={form.affiliations} onChange={(e) => setForm({ ...form, affiliations: e.target.value })} />
        )}
      </Field>
      <div className="button-row">
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
