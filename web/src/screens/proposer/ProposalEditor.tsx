import { useState, type FormEvent } from 'react';
import { FieldErrorText } from '../../components/RefusalText';
import { Link, useLocation } from 'wouter';
import { useMutation, useQuery } from 'urql';
import {
  CreateProposalDocument,
  NewProposalDataDocument,
  ProposalEditorDataDocument,
  UpdateProposalDocument,
  type LinkType,
  type ProposalEditorDataQuery,
} from './gql/graphql';
import { problemOf, type Problem, type FieldError } from '../../api/errors';
import { Field } from '../../components/Field';
import { useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useDraft } from '../../lib/draft';
import { useI18n, type MessageKey } from '../../i18n';
import { guessLinkType } from '../../lib/links';
import {
  EMPTY_PROPOSAL,
  LINK_TYPES,
  toCreateInput,
  toUpdateInput,
  validateProposal,
  type ProposalFormState,
} from './proposalForm';

type Tag = { id: string; zhTW: string; en: string };

/** Creates (at /hackathons/:slug/propose) or edits (at /proposals/:id/edit) a proposal. */
export default function ProposalEditor({ params }: { params: Record<string, string> }) {
  return params.id ? <EditProposal id={params.id} /> : <NewProposal slug={params.slug} />;
}

function NewProposal({ slug }: { slug: string }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [, navigate] = useLocation();
  const [{ data, error, fetching }] = useQuery({ query: NewProposalDataDocument, variables: { slug } });
  const [, create] = useMutation(CreateProposalDocument);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  if (!data?.hackathon) {
    return (
      <Page title={t('error.notFoundTitle')}>
        <p>{t('hackathon.notFound')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('editor.newTitle', { hackathon: localized(data.hackathon.name) })}>
      <ProposalForm
        draftKey={`hacktrail.draft.new-proposal.${slug}`}
        initial={EMPTY_PROPOSAL}
        tags={data.proposalTags}
        submitLabel={t('editor.create')}
        cancelHref={`/hackathons/${slug}`}
        save={async (form) => {
          const result = await create({ input: toCreateInput(slug, form) });
          if (result.error) return problemOf(result.error);
          navigate(`/proposals/${result.data!.createProposal.proposal.id}`);
          return undefined;
        }}
      />
    </Page>
  );
}

type Existing = NonNullable<ProposalEditorDataQuery['proposal']>;

function fromProposal(proposal: Existing): ProposalFormState {
  return {
    titleZh: proposal.title.zhTW ?? '',
    titleEn: proposal.title.en ?? '',
    summaryZh: proposal.summary.zhTW ?? '',
    summaryEn: proposal.summary.en ?? '',
    channel: proposal.channel ?? '',
    tags: proposal.tags.map((tag) => tag.id),
    needs: proposal.needs.join(', '),
    links: proposal.links.map((link) => ({ type: link.type, url: link.url })),
  };
}

function EditProposal({ id }: { id: string }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [, navigate] = useLocation();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProposalEditorDataDocument, variables: { id } });
  const [, update] = useMutation(UpdateProposalDocument);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  const proposal = data?.proposal;
  if (!proposal) {
    return (
      <Page title={t('error.notFoundTitle')}>
        <p>{t('proposal.notFound')}</p>
      </Page>
    );
  }
  const draftKey = `hacktrail.draft.proposal.${id}`;
  return (
    <Page title={t('editor.editTitle', { title: localized(proposal.title) })}>
      <ProposalForm
        // A newer version from the server (after "load the latest version") starts a fresh form.
        key={proposal.version}
        draftKey={draftKey}
        initial={fromProposal(proposal)}
        tags={data!.proposalTags}
        submitLabel={t('editor.save')}
        cancelHref={`/proposals/${id}`}
        onReload={() => {
          sessionStorage.removeItem(draftKey);
          refetch({ requestPolicy: 'network-only' });
        }}
        save={async (form) => {
          const result = await update({ input: toUpdateInput(id, proposal.version, form) });
          if (result.error) return problemOf(result.error);
          navigate(`/proposals/${id}`);
          return undefined;
        }}
      />
    </Page>
  );
}

const SERVER_LINK_FIELDS: Record<string, LinkType> = {
  pitch_video_url: 'PITCH_VIDEO',
  slides_url: 'SLIDES',
  notes_url: 'NOTES',
  repository_url: 'REPOSITORY',
  website_url: 'WEBSITE',
  other_urls: 'OTHER',
};

export function ProposalForm({
  draftKey,
  initial,
  tags,
  submitLabel,
  cancelHref,
  save,
  onReload,
}: {
  draftKey: string;
  initial: ProposalFormState;
  tags: Tag[];
  submitLabel: string;
  cancelHref: string;
  save: (form: ProposalFormState) => Promise<Problem | undefined>;
  onReload?: () => void;
}) {
  const { t, locale } = useI18n();
  const [form, setForm, clearDraft] = useDraft<ProposalFormState>(draftKey, () => initial);
  const [problem, setProblem] = useState<Problem>();
  const [checked, setChecked] = useState(false);
  const [saving, setSaving] = useState(false);
  // Link rows whose type the proposer chose (or that were saved with one): the address no longer changes it.
  const [chosenTypes, setChosenTypes] = useState<Set<number>>(
    () => new Set(form.links.flatMap((link, index) => (link.url.trim() ? [index] : []))),
  );
  const local = validateProposal(form);
  const localMessage = (key: string | undefined) => (key ? t(`editor.error.${key}` as MessageKey) : undefined);

  function fieldError(field: string): FieldError | undefined {
    return (checked ? localMessage(local[field]) : undefined) ?? problem?.fields[field];
  }
  function linkError(index: number): FieldError | undefined {
    const own = checked ? localMessage(local[`links.${index}`]) : undefined;
    if (own) return own;
    const type = form.links[index]?.type;
    const server = Object.entries(problem?.fields ?? {}).find(([field]) => SERVER_LINK_FIELDS[field] === type);
    return server?.[1];
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    setProblem(undefined);
    if (Object.keys(local).length > 0) {
      // Move focus to the first field in error, so the message is read out.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    const failure = await save(form);
    setSaving(false);
    if (failure) setProblem(failure);
    else clearDraft();
  }

  const set = <K extends keyof ProposalFormState>(key: K, value: ProposalFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const serverShown = ['title', 'summary', 'channel', 'tags', 'needs', 'links', ...Object.keys(SERVER_LINK_FIELDS)];

  return (
    <form className="stack form" onSubmit={submit} noValidate>
      <ProblemNotice problem={problem} onReload={onReload} shownFields={serverShown} />
      <fieldset>
        <legend>{t('editor.titleLegend')}</legend>
        <p className="hint">{t('editor.titleHint')}</p>
        <Field label={t('editor.titleZh')} lang="zh-TW" error={fieldError('title')}>
          {(props) => <input {...props} type="text" maxLength={200} value={form.titleZh} onChange={(e) => set('titleZh', e.target.value)} />}
        </Field>
        <Field label={t('editor.titleEn')} lang="en" error={fieldError('title')}>
          {(props) => <input {...props} type="text" maxLength={200} value={form.titleEn} onChange={(e) => set('titleEn', e.target.value)} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('editor.summaryLegend')}</legend>
        <Field label={t('editor.summaryZh')} lang="zh-TW" error={fieldError('summary')}>
          {(props) => <textarea {...props} rows={6} value={form.summaryZh} onChange={(e) => set('summaryZh', e.target.value)} />}
        </Field>
        <Field label={t('editor.summaryEn')} lang="en">
          {(props) => <textarea {...props} rows={6} value={form.summaryEn} onChange={(e) => set('summaryEn', e.target.value)} />}
        </Field>
      </fieldset>
      <Field label={t('editor.channel')} hint={t('editor.channelHint')} error={fieldError('channel')}>
        {(props) => <input {...props} type="text" value={form.channel} onChange={(e) => set('channel', e.target.value)} />}
      </Field>
      <fieldset>
        <legend>{t('editor.tags')}</legend>
        {problem?.fields.tags && (
          <p className="field-error">
            <FieldErrorText error={problem.fields.tags} />
          </p>
        )}
        <div className="checkbox-grid">
          {tags.map((tag) => (
            <label key={tag.id} className="checkbox">
              <input
                type="checkbox"
                checked={form.tags.includes(tag.id)}
                onChange={(e) => set('tags', e.target.checked ? [...form.tags, tag.id] : form.tags.filter((id) => id !== tag.id))}
              />
              <span>{locale === 'zh-TW' ? tag.zhTW : tag.en}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t('editor.needs')} hint={t('editor.needsHint')} error={fieldError('needs')}>
        {(props) => <input {...props} type="text" value={form.needs} onChange={(e) => set('needs', e.target.value)} />}
      </Field>
      <fieldset>
        <legend>{t('editor.links')}</legend>
        <p className="hint">{t('editor.linksHint')}</p>
        {problem?.fields.links && (
          <p className="field-error">
            <FieldErrorText error={problem.fields.links} />
          </p>
        )}
        {form.links.map((link, index) => (
          <div key={index} className="link-row">
            <Field label={t('editor.linkType', { n: index + 1 })}>
              {(props) => (
                <select
                  {...props}
                  value={link.type}
                  onChange={(e) => {
                    setChosenTypes(new Set(chosenTypes).add(index));
                    set('links', form.links.map((l, i) => (i === index ? { ...l, type: e.target.value as LinkType } : l)));
                  }}
                >
                  {LINK_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`link.${type}` as MessageKey)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('editor.linkUrl', { n: index + 1 })} error={linkError(index)}>
              {(props) => (
                <input
                  {...props}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  value={link.url}
                  onChange={(e) => {
                    const url = e.target.value;
                    // A type the proposer chose stays; otherwise the address suggests one (GitHub → repository).
                    const guessed = chosenTypes.has(index) ? undefined : guessLinkType(url);
                    set('links', form.links.map((l, i) => (i === index ? { ...l, url, type: guessed ?? l.type } : l)));
                  }}
                />
              )}
            </Field>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                // Rows after the removed one move up: their "chosen" marks move with them.
                setChosenTypes(new Set([...chosenTypes].filter((i) => i !== index).map((i) => (i > index ? i - 1 : i))));
                set('links', form.links.filter((_, i) => i !== index));
              }}
            >
              {t('editor.removeLink', { n: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button-secondary"
          onClick={() => set('links', [...form.links, { type: nextLinkType(form.links), url: '' }])}
        >
          {t('editor.addLink')}
        </button>
      </fieldset>
      <div className="button-row">
        <button type="submit" disabled={saving}>
          {saving ? t('common.saving') : submitLabel}
        </button>
        <Link href={cancelHref} onClick={() => clearDraft()}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}

function nextLinkType(links: { type: LinkType }[]): LinkType {
  return LINK_TYPES.find((type) => type !== 'OTHER' && !links.some((link) => link.type === type)) ?? 'OTHER';
}

