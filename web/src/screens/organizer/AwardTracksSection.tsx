import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  CreateAwardTrackDocument,
  HackathonAwardTracksDocument,
  UpdateAwardTrackDocument,
  type AwardEligibility,
  type AwardJudges,
  type AwardTrackFieldsFragment,
  type SponsorKind,
} from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { TableScroll } from '../../components/TableScroll';
import { useLocalized } from '../../components/Localized';
import { useI18n, type MessageKey } from '../../i18n/judging';
import { ProposalPicker } from './ProposalPicker';
import { TrackDelete } from './TrackDelete';
import { OwnJudgesPicker } from './OwnJudgesPicker';

const ELIGIBILITIES: AwardEligibility[] = ['ALL', 'BY_TAG', 'BY_CHOICE'];
const SPONSOR_KINDS: SponsorKind[] = ['SPONSOR', 'AGENCY'];

/** The form's values: text as typed, lists as the text of their control. */
export type TrackDraft = {
  slug: string;
  zhTW: string;
  en: string;
  quota: string;
  eligibility: AwardEligibility;
  tags: string;
  proposalIds: string[];
  sponsor: string;
  sponsorKind: SponsorKind;
  judges: AwardJudges;
  judgeIds: string[];
};

const EMPTY: TrackDraft = { slug: '', zhTW: '', en: '', quota: '1', eligibility: 'ALL', tags: '', proposalIds: [], sponsor: '', sponsorKind: 'SPONSOR', judges: 'SHARED', judgeIds: [] };

function draftOf(track: AwardTrackFieldsFragment): TrackDraft {
  return {
    slug: track.slug,
    zhTW: track.name.zhTW ?? '',
    en: track.name.en ?? '',
    quota: String(track.quota),
    eligibility: track.eligibility,
    tags: track.tags.join(', '),
    proposalIds: track.proposalIds,
    sponsor: track.sponsor ?? '',
    sponsorKind: track.sponsorKind ?? 'SPONSOR',
    judges: track.judges ?? 'SHARED',
    judgeIds: track.judgeIds ?? [],
  };
}

/** Splits a list typed as text (commas or new lines) into its items. */
export function items(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * The hackathon's award tracks for organizers: the outstanding teams (always there) and the others, each editable,
 * and a form to add one (docs/award-tracks.md). The server checks every rule and names the field it refuses.
 */
export function AwardTracksSection({ slug }: { slug: string }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [{ data, error, fetching }, refetch] = useQuery({ query: HackathonAwardTracksDocument, variables: { slug } });
  const [editing, setEditing] = useState<AwardTrackFieldsFragment | 'new' | null>(null);
  const [notice, setNotice] = useState<string>();
  const hackathon = data?.hackathon;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <section aria-labelledby="award-tracks-heading" className="panel">
      <h2 id="award-tracks-heading">{t('awards.tracks.title')}</h2>
      <p className="hint">{t('awards.tracks.hint')}</p>
      {fetching && !data && <Loading />}
      {error && !data && <ProblemNotice problem={problemOf(error)} />}
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {hackathon && (
        <>
          <TableScroll label={t('awards.tracks.caption')}>
            <table>
              <caption>{t('awards.tracks.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('awards.tracks.name')}</th>
                  <th scope="col">{t('awards.tracks.quota')}</th>
                  <th scope="col">{t('awards.tracks.eligibility')}</th>
                  <th scope="col">{t('awards.tracks.sponsor')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('awards.tracks.edit', { name: '' })}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {hackathon.awardTracks.map((track) => (
                  <tr key={track.id}>
                    <th scope="row">
                      {localized(track.name)}
                      {track.outstanding && <div className="muted">{t('awards.tracks.outstandingNote')}</div>}
                    </th>
                    <td>{track.quota}</td>
                    <td>
                      {t(`awards.eligibility.${track.eligibility}` as MessageKey)}
                      {track.tags.length > 0 && <div className="muted">{track.tags.join(', ')}</div>}
                      {track.judges === 'OWN' && <div className="muted">{t('ownJudges.inTable', { count: track.judgeIds?.length ?? 0 })}</div>}
                    </td>
                    <td>{track.sponsor ? `${track.sponsor} (${t(`awards.sponsorKind.${track.sponsorKind ?? 'SPONSOR'}` as MessageKey)})` : '—'}</td>
                    <td>
                      <button type="button" className="button-secondary" onClick={() => (setNotice(undefined), setEditing(track))}>
                        {t('awards.tracks.edit', { name: localized(track.name) })}
                      </button>
                      {!track.outstanding && (
                        <TrackDelete
                          key={`${track.id}-${track.version}`}
                          track={track}
                          onReload={reload}
                          onDeleted={(message) => {
                            if (editing !== 'new' && editing?.id === track.id) setEditing(null);
                            setNotice(message);
                            reload();
                          }}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {editing === null ? (
            <button type="button" onClick={() => (setNotice(undefined), setEditing('new'))}>
              {t('awards.tracks.add')}
            </button>
          ) : (
            <TrackForm
              key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
              hackathonId={hackathon.id}
              slug={hackathon.slug}
              track={editing === 'new' ? undefined : editing}
              onCancel={() => setEditing(null)}
              onSaved={(message) => {
                setEditing(null);
                setNotice(message);
                reload();
              }}
              onReload={reload}
            />
          )}
        </>
      )}
    </section>
  );
}

function TrackForm({
  hackathonId,
  slug,
  track,
  onCancel,
  onSaved,
  onReload,
}: {
  hackathonId: string;
  slug: string;
  track?: AwardTrackFieldsFragment;
  onCancel: () => void;
  onSaved: (message: string) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<TrackDraft>(track ? draftOf(track) : EMPTY);
  const [problem, setProblem] = useState<Problem>();
  const [created, create] = useMutation(CreateAwardTrackDocument);
  const [updated, update] = useMutation(UpdateAwardTrackDocument);
  const set = (field: Exclude<keyof TrackDraft, 'proposalIds' | 'judgeIds'>) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const outstanding = track?.outstanding ?? false;
  const fields = problem?.fields ?? {};

  async function save(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    const name = { zhTW: draft.zhTW, en: draft.en };
    const sponsor = draft.sponsor.trim();
    const common = {
      name,
      eligibility: draft.eligibility,
      tags: draft.eligibility === 'BY_TAG' ? items(draft.tags) : undefined,
      proposalIds: draft.eligibility === 'BY_CHOICE' ? draft.proposalIds : undefined,
      sponsor: sponsor || undefined,
      sponsorKind: sponsor ? draft.sponsorKind : undefined,
      judges: outstanding || draft.judges === (track?.judges ?? 'SHARED') ? undefined : draft.judges,
      judgeIds: draft.judges === 'OWN' ? draft.judgeIds : undefined,
    };
    const response = track
      ? await update({
          input: {
            ...common,
            trackId: track.id,
            expectedVersion: track.version,
            quota: outstanding ? undefined : Number(draft.quota),
            eligibility: outstanding ? undefined : draft.eligibility,
            clearSponsor: !sponsor && !!track.sponsor ? true : undefined,
          },
        })
      : await create({ input: { ...common, hackathonId, slug: draft.slug.trim(), quota: Number(draft.quota) } });
    if (response.error) {
      setProblem(problemOf(response.error));
      return;
    }
    onSaved(t(track ? 'awards.tracks.saved' : 'awards.tracks.created', { name: draft.en || draft.zhTW }));
  }

  const shown = ['slug', 'name.zhTW', 'name.en', 'quota', 'tags', 'proposalIds', 'sponsor', 'judges', 'judgeIds'];
  return (
    <form onSubmit={save} noValidate aria-label={track ? t('awards.tracks.saveEdit') : t('awards.tracks.add')}>
      <ProblemNotice problem={problem} onReload={onReload} shownFields={shown} />
      {!track && (
        <Field label={t('awards.field.slug')} error={fields.slug}>
          {(props) => <input {...props} value={draft.slug} onChange={(e) => set('slug')(e.target.value)} />}
        </Field>
      )}
      <Field label={t('awards.field.nameZhTW')} error={fields['name.zhTW']} lang="zh-TW">
        {(props) => <input {...props} value={draft.zhTW} onChange={(e) => set('zhTW')(e.target.value)} />}
      </Field>
      <Field label={t('awards.field.nameEn')} error={fields['name.en']} lang="en">
        {(props) => <input {...props} value={draft.en} onChange={(e) => set('en')(e.target.value)} />}
      </Field>
      {!outstanding && (
        <>
          <Field label={t('awards.field.quota')} error={fields.quota}>
            {(props) => <input {...props} type="number" min={1} max={100} value={draft.quota} onChange={(e) => set('quota')(e.target.value)} />}
          </Field>
          <Field label={t('awards.field.eligibility')}>
            {(props) => (
              <select {...props} value={draft.eligibility} onChange={(e) => set('eligibility')(e.target.value)}>
                {ELIGIBILITIES.map((e) => (
                  <option key={e} value={e}>
                    {t(`awards.eligibility.${e}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {draft.eligibility === 'BY_TAG' && (
            <Field label={t('awards.field.tags')} error={fields.tags}>
              {(props) => <input {...props} value={draft.tags} onChange={(e) => set('tags')(e.target.value)} />}
            </Field>
          )}
          {draft.eligibility === 'BY_CHOICE' && (
            <ProposalPicker
              slug={slug}
              selected={draft.proposalIds}
              onChange={(proposalIds) => setDraft((d) => ({ ...d, proposalIds }))}
              error={fields.proposalIds}
            />
          )}
          <OwnJudgesPicker
            slug={slug}
            judges={draft.judges}
            judgeIds={draft.judgeIds}
            onChange={(judges, judgeIds) => setDraft((d) => ({ ...d, judges, judgeIds }))}
            error={fields.judgeIds ?? fields.judges}
          />
        </>
      )}
      <Field label={t('awards.field.sponsor')} error={fields.sponsor}>
        {(props) => <input {...props} value={draft.sponsor} onChange={(e) => set('sponsor')(e.target.value)} />}
      </Field>
      {draft.sponsor.trim() && (
        <Field label={t('awards.field.sponsorKind')}>
          {(props) => (
            <select {...props} value={draft.sponsorKind} onChange={(e) => set('sponsorKind')(e.target.value)}>
              {SPONSOR_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`awards.sponsorKind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="actions">
        <button type="submit" disabled={created.fetching || updated.fetching}>
          {track ? t('awards.tracks.saveEdit') : t('awards.tracks.saveNew')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('awards.tracks.cancel')}
        </button>
      </div>
    </form>
  );
}
