import { useId } from 'react';
import type { FieldError } from '../../api/errors';
import type { HackathonKind } from './gql/graphql';
import { Field } from '../../components/Field';
import { timeZones } from '../../lib/dates';
import { useI18n, type MessageKey } from '../../i18n';
import { DEADLINES, type HackathonFormState } from './hackathonForm';

const KINDS: HackathonKind[] = ['COMMUNITY', 'PRESIDENTIAL', 'OTHER'];

/** The hackathon set-up fields shared by "create" and "edit". Dates are typed in the event's own time zone. */
export function HackathonFields({
  form,
  setForm,
  errors,
  creating,
}: {
  form: HackathonFormState;
  setForm: (update: (previous: HackathonFormState) => HackathonFormState) => void;
  errors: Record<string, FieldError | undefined>;
  creating: boolean;
}) {
  const { t } = useI18n();
  const zonesId = useId();
  const set = <K extends keyof HackathonFormState>(key: K, value: HackathonFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <>
      {creating && (
        <Field label={t('setup.slug')} hint={t('setup.slugHint')} error={errors.slug}>
          {(props) => (
            <input {...props} type="text" autoCapitalize="none" spellCheck={false} value={form.slug} onChange={(e) => set('slug', e.target.value.toLowerCase())} />
          )}
        </Field>
      )}
      <fieldset>
        <legend>{t('setup.name')}</legend>
        <p className="hint">{t('setup.nameHint')}</p>
        <Field label={t('setup.nameZh')} lang="zh-TW" error={errors.name}>
          {(props) => <input {...props} type="text" value={form.nameZh} onChange={(e) => set('nameZh', e.target.value)} />}
        </Field>
        <Field label={t('setup.nameEn')} lang="en" error={errors.name}>
          {(props) => <input {...props} type="text" value={form.nameEn} onChange={(e) => set('nameEn', e.target.value)} />}
        </Field>
      </fieldset>
      <div className="grid-2">
        <Field label={t('setup.kind')} error={errors.kind}>
          {(props) => (
            <select {...props} value={form.kind} onChange={(e) => set('kind', e.target.value as HackathonKind)}>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind.${kind}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('setup.edition')} error={errors.edition}>
          {(props) => <input {...props} type="number" min={0} inputMode="numeric" value={form.edition} onChange={(e) => set('edition', e.target.value)} />}
        </Field>
      </div>
      <Field label={t('setup.timeZone')} hint={t('setup.timeZoneHint')} error={errors.timeZone}>
        {(props) => (
          <>
            <input {...props} type="text" list={zonesId} value={form.timeZone} onChange={(e) => set('timeZone', e.target.value)} />
            <datalist id={zonesId}>
              {timeZones().map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <div className="grid-2">
        <Field label={t('setup.startsAt', { zone: form.timeZone })} error={errors.startsAt}>
          {(props) => <input {...props} type="datetime-local" value={form.startsAt} onChange={(e) => set('startsAt', e.target.value)} />}
        </Field>
        <Field label={t('setup.endsAt', { zone: form.timeZone })} error={errors.endsAt}>
          {(props) => <input {...props} type="datetime-local" value={form.endsAt} onChange={(e) => set('endsAt', e.target.value)} />}
        </Field>
      </div>
      {!creating && (
        <fieldset>
          <legend>{t('setup.deadlines')}</legend>
          <p className="hint">{t('setup.deadlinesHint')}</p>
          <div className="grid-2">
            {DEADLINES.map(([field, key]) => (
              <Field key={field} label={t(`setup.deadline.${key}` as MessageKey, { zone: form.timeZone })} error={errors[field]}>
                {(props) => <input {...props} type="datetime-local" value={form[key] ?? ''} onChange={(e) => set(key, e.target.value)} />}
              </Field>
            ))}
          </div>
        </fieldset>
      )}
      <Field label={t('setup.location')} error={errors.location}>
        {(props) => <input {...props} type="text" value={form.location} onChange={(e) => set('location', e.target.value)} />}
      </Field>
      <Field label={t('setup.quota')} hint={t('setup.quotaHint')} error={errors.outstandingQuota}>
        {(props) => (
          <input {...props} type="number" min={0} inputMode="numeric" value={form.outstandingQuota} onChange={(e) => set('outstandingQuota', e.target.value)} />
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={form.requirePartnerAgencyForFinalist} onChange={(e) => set('requirePartnerAgencyForFinalist', e.target.checked)} />
        <span>{t('setup.requirePartner')}</span>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={form.allowMultipleTeams} onChange={(e) => set('allowMultipleTeams', e.target.checked)} />
        <span>{t('setup.multipleTeams')}</span>
      </label>
    </>
  );
}
