import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { RecordMilestoneDocument, type AgencyLevel, type MilestoneType, type RecordOutcomeMilestoneInput } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { Field } from '../../components/Field';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n, type MessageKey } from '../../i18n';
import { MILESTONE_TYPES } from './followupKit';

const LEVELS: AgencyLevel[] = ['CENTRAL', 'LOCAL', 'OTHER'];

/** The types whose evidence an organizer must be able to check (the API refuses them without a URL). */
export const EVIDENCE_REQUIRED: MilestoneType[] = ['FUNDED', 'ADOPTED', 'INTEGRATED_INTO_OPERATIONS', 'SERVICE_RETIRED'];
const AGENCY_REQUIRED: MilestoneType[] = ['FUNDED', 'ADOPTED', 'INTEGRATED_INTO_OPERATIONS', 'SERVICE_RETIRED'];
const AGENCY_SHOWN: MilestoneType[] = ['FUNDING_APPLIED', 'FUNDED', 'PILOT', 'ADOPTED', 'INTEGRATED_INTO_OPERATIONS', 'SERVICE_RETIRED'];
const LEVEL_SHOWN: MilestoneType[] = ['PILOT', 'ADOPTED', 'INTEGRATED_INTO_OPERATIONS', 'SERVICE_RETIRED'];
const MONEY_SHOWN: MilestoneType[] = ['FUNDING_APPLIED', 'FUNDED'];

export type MilestoneFormValues = {
  type: MilestoneType | '';
  date: string;
  agency: string;
  level: AgencyLevel | '';
  programme: string;
  amount: string;
  currency: string;
  evidenceUrl: string;
  note: string;
};

const EMPTY: MilestoneFormValues = {
  type: '',
  date: '',
  agency: '',
  level: '',
  programme: '',
  amount: '',
  currency: '',
  evidenceUrl: '',
  note: '',
};

type FieldName = keyof MilestoneFormValues;

/**
 * What the form can tell before sending, as message keys by field: the API's own rules per type (evidence for
 * FUNDED, ADOPTED and INTEGRATED_INTO_OPERATIONS; amount and currency for FUNDED; agency and level for ADOPTED). The
 * API checks everything again; its field messages are shown the same way.
 */
export function checkMilestone(values: MilestoneFormValues): Partial<Record<FieldName, MessageKey>> {
  const errors: Partial<Record<FieldName, MessageKey>> = {};
  if (!values.type) {
    errors.type = 'followup.form.typeRequired';
    return errors;
  }
  const type = values.type;
  if (!values.date) errors.date = 'followup.form.dateRequired';
  if (AGENCY_REQUIRED.includes(type) && !values.agency.trim()) {
    errors.agency = type === 'FUNDED' ? 'followup.form.funderRequired' : 'followup.form.agencyRequired';
  }
  if (type === 'ADOPTED' && !values.level) errors.level = 'followup.form.levelRequired';
  if (type === 'FUNDED') {
    if (!values.amount.trim()) errors.amount = 'followup.form.amountRequired';
    if (!values.currency.trim()) errors.currency = 'followup.form.currencyRequired';
  }
  if (MONEY_SHOWN.includes(type) && values.amount.trim() && !/^\d+(\.\d{1,4})?$/.test(values.amount.trim())) {
    errors.amount = 'followup.form.amountFormat';
  }
  if (EVIDENCE_REQUIRED.includes(type) && !values.evidenceUrl.trim()) errors.evidenceUrl = 'followup.form.evidenceRequired';
  else if (values.evidenceUrl.trim() && !/^https?:\/\/\S+$/i.test(values.evidenceUrl.trim())) errors.evidenceUrl = 'followup.form.evidenceFormat';
  return errors;
}

/** The form's values as the API's input: only the fields the type carries, blanks left out. */
export function toMilestoneInput(projectId: string, values: MilestoneFormValues): RecordOutcomeMilestoneInput {
  const type = values.type as MilestoneType;
  const text = (value: string) => (value.trim() ? value.trim() : undefined);
  const input: RecordOutcomeMilestoneInput = { projectId, type, date: values.date };
  if (AGENCY_SHOWN.includes(type)) input.agency = text(values.agency);
  if (LEVEL_SHOWN.includes(type) && values.level) input.level = values.level;
  if (MONEY_SHOWN.includes(type)) {
    input.programme = text(values.programme);
    input.amount = text(values.amount);
    input.currency = text(values.currency)?.toUpperCase();
  }
  input.evidenceUrl = text(values.evidenceUrl);
  input.note = text(values.note);
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as RecordOutcomeMilestoneInput;
}

/** Team leads report a milestone (pending until verified); organizers record one (verified at once). */
export function MilestoneForm({ projectId, organizer, onRecorded }: { projectId: string; organizer: boolean; onRecorded: () => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<MilestoneFormValues>(EMPTY);
  const [checked, setChecked] = useState<Partial<Record<FieldName, MessageKey>>>({});
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState<string>();
  const [result, record] = useMutation(RecordMilestoneDocument);
  const type = values.type;
  const set = (field: FieldName) => (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value });
  // A field's message: what the form found, else what the API said about that field.
  const error = (field: FieldName) => (checked[field] ? t(checked[field]!) : problem?.fields[field]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    setDone(undefined);
    const found = checkMilestone(values);
    setChecked(found);
    if (Object.keys(found).length > 0) return;
    const response = await record({ input: toMilestoneInput(projectId, values) });
    if (response.error) {
      setProblem(problemOf(response.error));
      return;
    }
    const payload = response.data?.recordOutcomeMilestone;
    setDone(
      t(
        !payload?.changed ? 'followup.form.unchanged' : organizer ? 'followup.form.recorded' : 'followup.form.reported',
      ),
    );
    setValues(EMPTY);
    onRecorded();
  }

  const shown = (list: MilestoneType[]) => !!type && list.includes(type);
  const required = (list: MilestoneType[]) => !!type && list.includes(type);
  const label = (key: MessageKey, isRequired: boolean) => (isRequired ? t('followup.form.required', { label: t(key) }) : t(key));
  const title = t(organizer ? 'followup.form.recordTitle' : 'followup.form.reportTitle');

  return (
    <section aria-labelledby="milestone-form-heading" className="panel">
      <h3 id="milestone-form-heading">{title}</h3>
      <p className="muted">{t(organizer ? 'followup.form.recordIntro' : 'followup.form.reportIntro')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <ProblemNotice problem={problem} shownFields={Object.keys(EMPTY)} />
        {done && (
          <p role="status" className="notice notice-ok">
            {done}
          </p>
        )}
        <div className="grid-2">
          <Field label={label('followup.field.type', true)} error={error('type')}>
            {(props) => (
              <select {...props} value={values.type} onChange={set('type')}>
                <option value="">{t('common.choose')}</option>
                {MILESTONE_TYPES.map((option) => (
                  <option key={option} value={option}>
                    {t(`followup.type.${option}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={label('followup.field.date', true)} error={error('date')}>
            {(props) => <input {...props} type="date" value={values.date} onChange={set('date')} />}
          </Field>
          {shown(AGENCY_SHOWN) && (
            <Field
              label={label(type === 'FUNDED' || type === 'FUNDING_APPLIED' ? 'followup.field.funder' : 'followup.field.agency', required(AGENCY_REQUIRED))}
              error={error('agency')}
            >
              {(props) => <input {...props} type="text" maxLength={200} value={values.agency} onChange={set('agency')} />}
            </Field>
          )}
          {shown(LEVEL_SHOWN) && (
            <Field label={label('followup.field.level', type === 'ADOPTED')} error={error('level')}>
              {(props) => (
                <select {...props} value={values.level} onChange={set('level')}>
                  <option value="">{t('common.choose')}</option>
                  {LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {t(`followup.level.${level}` as MessageKey)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {shown(MONEY_SHOWN) && (
            <>
              <Field label={t('followup.field.programme')} error={error('programme')}>
                {(props) => <input {...props} type="text" maxLength={200} value={values.programme} onChange={set('programme')} />}
              </Field>
              <Field label={label('followup.field.amount', type === 'FUNDED')} hint={t('followup.form.amountHint')} error={error('amount')}>
                {(props) => <input {...props} type="text" inputMode="decimal" value={values.amount} onChange={set('amount')} />}
              </Field>
              <Field label={label('followup.field.currency', type === 'FUNDED')} hint={t('followup.form.currencyHint')} error={error('currency')}>
                {(props) => <input {...props} type="text" maxLength={3} autoCapitalize="characters" value={values.currency} onChange={set('currency')} />}
              </Field>
            </>
          )}
          {type && (
            <Field
              label={label('followup.field.evidence', required(EVIDENCE_REQUIRED))}
              hint={t('followup.form.evidenceHint')}
              error={error('evidenceUrl')}
            >
              {(props) => <input {...props} type="url" value={values.evidenceUrl} onChange={set('evidenceUrl')} />}
            </Field>
          )}
        </div>
        {type && (
          <Field label={t('followup.field.note')} error={error('note')}>
            {(props) => <textarea {...props} rows={3} maxLength={2000} value={values.note} onChange={set('note')} />}
          </Field>
        )}
        <button type="submit" disabled={result.fetching}>
          {t(organizer ? 'followup.form.recordButton' : 'followup.form.reportButton')}
        </button>
      </form>
    </section>
  );
}
