import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { useMutation, useQuery } from 'urql';
import { ProjectEditorDataDocument, UpdateProjectDocument, type ProjectEditorDataQuery } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { useSession } from '../../auth/Session';
import { Field } from '../../components/Field';
import { useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { isWebAddress } from '../../lib/links';
import { useI18n } from '../../i18n';

type Project = NonNullable<ProjectEditorDataQuery['project']>;
type Tag = ProjectEditorDataQuery['proposalTags'][number];

export type ProjectForm = {
  nameZh: string;
  nameEn: string;
  repositoryUrl: string;
  websiteUrl: string;
  issueAreas: string[];
  descriptionZh?: string;
  descriptionEn?: string;
  thumbnailUrl?: string;
};

/** Field errors as message keys; empty when the form may be sent. */
export function validateProject(form: ProjectForm): Record<string, 'editor.error.titleRequired' | 'editor.error.linkInvalid'> {
  const errors: Record<string, 'editor.error.titleRequired' | 'editor.error.linkInvalid'> = {};
  if (!form.nameZh.trim() && !form.nameEn.trim()) errors.name = 'editor.error.titleRequired';
  if (form.repositoryUrl.trim() && !isWebAddress(form.repositoryUrl)) errors.repositoryUrl = 'editor.error.linkInvalid';
  if (form.websiteUrl.trim() && !isWebAddress(form.websiteUrl)) errors.websiteUrl = 'editor.error.linkInvalid';
  if (form.thumbnailUrl?.trim() && !isWebAddress(form.thumbnailUrl)) errors.thumbnailUrl = 'editor.error.linkInvalid';
  return errors;
}

/**
 * Edits a project's details (`updateProject`): name, repository, website, description, picture, issue areas, with the version read so an
 * edit made elsewhere in the meantime is refused (CONFLICT) instead of overwritten. Organizers, and the proposers of
 * the project's proposals (the server decides).
 */
export default function ProjectEditor({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProjectEditorDataDocument, variables: { id: params.id } });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  if (!data?.project) {
    return (
      <Page title={t('error.notFoundTitle')}>
        <p>{t('project.notFound')}</p>
      </Page>
    );
  }
  return (
    <EditForm
      key={data.project.version}
      project={data.project}
      tags={data.proposalTags}
      onReload={() => refetch({ requestPolicy: 'network-only' })}
    />
  );
}

function EditForm({ project, tags, onReload }: { project: Project; tags: Tag[]; onReload: () => void }) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const { me, hasRole } = useSession();
  const [, navigate] = useLocation();
  const [form, setForm] = useState<ProjectForm>(() => ({
    nameZh: project.name.zhTW ?? '',
    nameEn: project.name.en ?? '',
    repositoryUrl: project.repositoryUrl ?? '',
    websiteUrl: project.websiteUrl ?? '',
    issueAreas: project.issueAreas.map((tag) => tag.id),
    descriptionZh: project.description?.zhTW ?? '',
    descriptionEn: project.description?.en ?? '',
    thumbnailUrl: project.thumbnailUrl ?? '',
  }));
  const [problem, setProblem] = useState<Problem>();
  const [result, update] = useMutation(UpdateProjectDocument);
  const mayEdit = hasRole('ORGANIZER') || project.proposals.some((proposal) => !!me && proposal.proposerId === me.id);
  const title = t('projectEditor.title', { name: localized(project.name) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors = validateProject(form);
    if (Object.keys(errors).length > 0) {
      setProblem({ kind: 'badInput', messages: [], fields: Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)])) });
      return;
    }
    setProblem(undefined);
    const response = await update({
      input: {
        id: project.id,
        expectedVersion: project.version,
        name: { zhTW: form.nameZh.trim() || null, en: form.nameEn.trim() || null },
        repositoryUrl: form.repositoryUrl.trim(),
        websiteUrl: form.websiteUrl.trim(),
        issueAreas: form.issueAreas,
        description: { zhTW: form.descriptionZh?.trim() || null, en: form.descriptionEn?.trim() || null },
        thumbnailUrl: form.thumbnailUrl?.trim() ?? '',
      },
    });
    if (response.error) setProblem(problemOf(response.error));
    else navigate(`/projects/${project.id}`);
  }

  const fields = ['name', 'repositoryUrl', 'websiteUrl', 'issueAreas', 'description', 'thumbnailUrl'];
  return (
    <Page title={title}>
      {!mayEdit && <p className="notice notice-warn">{t('projectEditor.notYours')}</p>}
      <form className="stack form" onSubmit={submit} noValidate>
        <ProblemNotice problem={problem} shownFields={fields} onReload={onReload} />
        <fieldset>
          <legend>{t('projectEditor.name')}</legend>
          <p className="hint">{t('editor.titleHint')}</p>
          <div className="grid-2">
            <Field label={t('projectEditor.nameZh')} lang="zh-TW" error={problem?.fields.name}>
              {(props) => <input {...props} type="text" maxLength={200} value={form.nameZh} onChange={(e) => setForm({ ...form, nameZh: e.target.value })} />}
            </Field>
            <Field label={t('projectEditor.nameEn')} lang="en" error={problem?.fields.name}>
              {(props) => <input {...props} type="text" maxLength={200} value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} />}
            </Field>
          </div>
        </fieldset>
        <Field label={t('projectEditor.repository')} hint={t('projectEditor.urlHint')} error={problem?.fields.repositoryUrl}>
          {(props) => <input {...props} type="url" value={form.repositoryUrl} onChange={(e) => setForm({ ...form, repositoryUrl: e.target.value })} />}
        </Field>
        <Field label={t('projectEditor.website')} hint={t('projectEditor.urlHint')} error={problem?.fields.websiteUrl}>
          {(props) => <input {...props} type="url" value={form.websiteUrl} onChange={(e) => setForm({ ...form, websiteUrl: e.target.value })} />}
        </Field>
        <fieldset>
          <legend>{t('projectEditor.description')}</legend>
          <Field label={t('projectEditor.descriptionZh')} lang="zh-TW" error={problem?.fields.description}>
            {(props) => <textarea {...props} rows={4} value={form.descriptionZh} onChange={(e) => setForm({ ...form, descriptionZh: e.target.value })} />}
          </Field>
          <Field label={t('projectEditor.descriptionEn')} lang="en" error={problem?.fields.description}>
            {(props) => <textarea {...props} rows={4} value={form.descriptionEn} onChange={(e) => setForm({ ...form, descriptionEn: e.target.value })} />}
          </Field>
        </fieldset>
        <Field label={t('projectEditor.thumbnail')} hint={t('projectEditor.urlHint')} error={problem?.fields.thumbnailUrl}>
          {(props) => <input {...props} type="url" value={form.thumbnailUrl} onChange={(e) => setForm({ ...form, thumbnailUrl: e.target.value })} />}
        </Field>
        <fieldset>
          <legend>{t('projectEditor.issueAreas')}</legend>
          <div className="checkbox-grid">
            {tags.map((tag) => (
              <label key={tag.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={form.issueAreas.includes(tag.id)}
                  onChange={(e) =>
                    setForm({
                      ...form,
                      issueAreas: e.target.checked ? [...form.issueAreas, tag.id] : form.issueAreas.filter((id) => id !== tag.id),
                    })
                  }
                />
                <span>{locale === 'zh-TW' ? tag.zhTW : tag.en}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" disabled={result.fetching}>
            {result.fetching ? t('common.saving') : t('projectEditor.save')}
          </button>
          <Link className="button button-secondary" href={`/projects/${project.id}`}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
