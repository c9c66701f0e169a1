import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { useMutation } from 'urql';
import { CreateHackathonDocument } from './gql/graphql';
import { problemOf, type Problem, type FieldError } from '../../api/errors';
import { Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useDraft } from '../../lib/draft';
import { useI18n, type MessageKey } from '../../i18n';
import { HackathonFields } from './HackathonFields';
import { emptyHackathon, toCreateHackathon, validateHackathon } from './hackathonForm';

const FIELDS = ['slug', 'name', 'kind', 'edition', 'startsAt', 'endsAt', 'timeZone', 'location', 'outstandingQuota'];

/** Creates a hackathon in phase DRAFT, then opens its set-up page. */
export default function HackathonCreate() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [form, setForm, clearDraft] = useDraft('hacktrail.draft.new-hackathon', () => emptyHackathon());
  const [result, create] = useMutation(CreateHackathonDocument);
  const [problem, setProblem] = useState<Problem>();
  const [checked, setChecked] = useState(false);
  const local = validateHackathon(form, true);
  const errors: Record<string, FieldError | undefined> = {};
  for (const field of FIELDS) {
    const own = checked ? local[field] : undefined;
    errors[field] = own ? t(`setup.error.${own}` as MessageKey) : problem?.fields[field];
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    setProblem(undefined);
    if (Object.keys(local).length > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const response = await create({ input: toCreateHackathon(form) });
    if (response.error) {
      setProblem(problemOf(response.error));
      return;
    }
    clearDraft();
    navigate(`/organize/hackathons/${response.data!.createHackathon.hackathon.slug}`);
  }

  return (
    <Page title={t('setup.createTitle')}>
      <form className="stack form" onSubmit={submit} noValidate>
        <ProblemNotice problem={problem} shownFields={FIELDS} />
        <HackathonFields form={form} setForm={setForm} errors={errors} creating />
        <div className="button-row">
          <button type="submit" disabled={result.fetching}>
            {t('setup.createButton')}
          </button>
          <Link href="/organize" onClick={() => clearDraft()}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
