import type { CreateHackathonInput, HackathonAdminFragment, HackathonKind, UpdateHackathonInput } from './gql/graphql';
import { isTimeZone, isoToZonedLocal, zonedLocalToIso } from '../../lib/dates';

export type HackathonFormState = {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: HackathonKind;
  edition: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location: string;
  outstandingQuota: string;
  requirePartnerAgencyForFinalist: boolean;
  allowMultipleTeams: boolean;
  /** Planned deadlines, typed in the event's time zone; empty is none. */
  proposalDeadline: string;
  teamFormation: string;
  judgingDeadline: string;
};

/** The planned deadlines in their order, by the server's field names. */
export const DEADLINES = [
  ['plannedDeadlines.proposalDeadline', 'proposalDeadline'],
  ['plannedDeadlines.teamFormation', 'teamFormation'],
  ['plannedDeadlines.judging', 'judgingDeadline'],
] as const;

export type HackathonFormError =
  | 'slug'
  | 'name'
  | 'startsAt'
  | 'endsAt'
  | 'endBeforeStart'
  | 'timeZone'
  | 'edition'
  | 'outstandingQuota'
  | 'deadline'
  | 'deadlineOrder';

export function emptyHackathon(timeZone = 'Asia/Taipei'): HackathonFormState {
  return {
    slug: '',
    nameZh: '',
    nameEn: '',
    kind: 'COMMUNITY',
    edition: '',
    startsAt: '',
    endsAt: '',
    timeZone,
    location: '',
    outstandingQuota: '',
    requirePartnerAgencyForFinalist: false,
    allowMultipleTeams: true,
    proposalDeadline: '',
    teamFormation: '',
    judgingDeadline: '',
  };
}

export function fromHackathon(hackathon: HackathonAdminFragment): HackathonFormState {
  return {
    slug: hackathon.slug,
    nameZh: hackathon.name.zhTW ?? '',
    nameEn: hackathon.name.en ?? '',
    kind: hackathon.kind,
    edition: hackathon.edition == null ? '' : String(hackathon.edition),
    startsAt: isoToZonedLocal(hackathon.startsAt, hackathon.timeZone),
    endsAt: isoToZonedLocal(hackathon.endsAt, hackathon.timeZone),
    timeZone: hackathon.timeZone,
    location: hackathon.location ?? '',
    outstandingQuota: String(hackathon.outstandingQuota),
    requirePartnerAgencyForFinalist: hackathon.requirePartnerAgencyForFinalist,
    allowMultipleTeams: hackathon.allowMultipleTeams,
    proposalDeadline: zoned(hackathon.plannedDeadlines?.proposalDeadline, hackathon.timeZone),
    teamFormation: zoned(hackathon.plannedDeadlines?.teamFormation, hackathon.timeZone),
    judgingDeadline: zoned(hackathon.plannedDeadlines?.judging, hackathon.timeZone),
  };
}

function zoned(iso: string | null | undefined, timeZone: string): string {
  return iso ? isoToZonedLocal(iso, timeZone) : '';
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checks the server would make too, so a person learns of them before sending. Keys are the server's field names. */
export function validateHackathon(form: HackathonFormState, creating: boolean): Partial<Record<string, HackathonFormError>> {
  const errors: Partial<Record<string, HackathonFormError>> = {};
  if (creating && (form.slug.length < 3 || form.slug.length > 64 || !SLUG.test(form.slug))) errors.slug = 'slug';
  if (!form.nameZh.trim() && !form.nameEn.trim()) errors.name = 'name';
  if (!isTimeZone(form.timeZone)) errors.timeZone = 'timeZone';
  const start = zonedLocalToIso(form.startsAt, form.timeZone);
  const end = zonedLocalToIso(form.endsAt, form.timeZone);
  if (!form.startsAt || (!start && !errors.timeZone)) errors.startsAt = 'startsAt';
  if (!form.endsAt || (!end && !errors.timeZone)) errors.endsAt = 'endsAt';
  else if (start && end && new Date(end) <= new Date(start)) errors.endsAt = 'endBeforeStart';
  if (form.edition && !/^\d+$/.test(form.edition)) errors.edition = 'edition';
  if (form.outstandingQuota && !/^\d+$/.test(form.outstandingQuota)) errors.outstandingQuota = 'outstandingQuota';
  // Planned deadlines (edit only): each a date and time, in order; equal is allowed, as on the server.
  let previous: string | undefined;
  for (const [field, key] of DEADLINES) {
    const value = form[key] ?? '';
    if (!value || errors.timeZone) continue;
    const iso = zonedLocalToIso(value, form.timeZone);
    if (!iso) errors[field] = 'deadline';
    else if (previous && new Date(iso) < new Date(previous)) errors[field] = 'deadlineOrder';
    if (iso) previous = iso;
  }
  return errors;
}

function optionalInt(value: string): number | undefined {
  return value.trim() ? Number(value) : undefined;
}

export function toCreateHackathon(form: HackathonFormState): CreateHackathonInput {
  return {
    slug: form.slug,
    name: { zhTW: form.nameZh.trim() || null, en: form.nameEn.trim() || null },
    kind: form.kind,
    edition: optionalInt(form.edition),
    startsAt: zonedLocalToIso(form.startsAt, form.timeZone)!,
    endsAt: zonedLocalToIso(form.endsAt, form.timeZone)!,
    timeZone: form.timeZone,
    location: form.location.trim() || undefined,
    outstandingQuota: optionalInt(form.outstandingQuota),
    requirePartnerAgencyForFinalist: form.requirePartnerAgencyForFinalist,
    allowMultipleTeams: form.allowMultipleTeams,
  };
}

export function toUpdateHackathon(id: string, version: number, form: HackathonFormState): UpdateHackathonInput {
  return {
    id,
    expectedVersion: version,
    name: { zhTW: form.nameZh.trim() || null, en: form.nameEn.trim() || null },
    kind: form.kind,
    edition: optionalInt(form.edition),
    startsAt: zonedLocalToIso(form.startsAt, form.timeZone)!,
    endsAt: zonedLocalToIso(form.endsAt, form.timeZone)!,
    timeZone: form.timeZone,
    location: form.location.trim(),
    outstandingQuota: optionalInt(form.outstandingQuota),
    requirePartnerAgencyForFinalist: form.requirePartnerAgencyForFinalist,
    allowMultipleTeams: form.allowMultipleTeams,
    plannedDeadlines: {
      proposalDeadline: deadline(form.proposalDeadline, form.timeZone),
      teamFormation: deadline(form.teamFormation, form.timeZone),
      judging: deadline(form.judgingDeadline, form.timeZone),
    },
  };
}

function deadline(local: string | undefined, timeZone: string): string | null {
  return local ? (zonedLocalToIso(local, timeZone) ?? null) : null;
}
