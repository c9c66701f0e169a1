import type { CreateProposalInput, LinkType, ProposalLinkInput, UpdateProposalInput } from './gql/graphql';
import { isWebAddress, splitList } from '../../lib/links';

export const LINK_TYPES: LinkType[] = ['PITCH_VIDEO', 'SLIDES', 'NOTES', 'REPOSITORY', 'WEBSITE', 'OTHER'];

/** The editor's state: plain strings, as typed. */
export type ProposalFormState = {
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  channel: string;
  tags: string[];
  needs: string;
  links: { type: LinkType; url: string }[];
};

export const EMPTY_PROPOSAL: ProposalFormState = {
  titleZh: '',
  titleEn: '',
  summaryZh: '',
  summaryEn: '',
  channel: '',
  tags: [],
  needs: '',
  links: [],
};

/** Problems found before asking the server, keyed like the server's `extensions.field` (links by row: `links.0`). */
export function validateProposal(form: ProposalFormState): Record<string, 'titleRequired' | 'titleTooLong' | 'linkInvalid' | 'linkDuplicate'> {
  const errors: Record<string, 'titleRequired' | 'titleTooLong' | 'linkInvalid' | 'linkDuplicate'> = {};
  if (!form.titleZh.trim() && !form.titleEn.trim()) errors.title = 'titleRequired';
  else if (form.titleZh.trim().length > 200 || form.titleEn.trim().length > 200) errors.title = 'titleTooLong';
  const seen = new Set<LinkType>();
  form.links.forEach((link, index) => {
    if (!link.url.trim()) return;
    if (!isWebAddress(link.url)) errors[`links.${index}`] = 'linkInvalid';
    else if (link.type !== 'OTHER' && seen.has(link.type)) errors[`links.${index}`] = 'linkDuplicate';
    seen.add(link.type);
  });
  return errors;
}

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

function links(form: ProposalFormState): ProposalLinkInput[] {
  return form.links.filter((link) => link.url.trim()).map((link) => ({ type: link.type, url: link.url.trim() }));
}

export function toCreateInput(slug: string, form: ProposalFormState): CreateProposalInput {
  return {
    hackathonSlug: slug,
    title: { zhTW: text(form.titleZh), en: text(form.titleEn) },
    summary: { zhTW: form.summaryZh.trim() ? form.summaryZh : null, en: form.summaryEn.trim() ? form.summaryEn : null },
    channel: text(form.channel),
    tags: form.tags,
    needs: splitList(form.needs),
    links: links(form),
  };
}

/** Every field is sent, so clearing one in the form clears it on the server (an empty list or string clears). */
export function toUpdateInput(id: string, version: number, form: ProposalFormState): UpdateProposalInput {
  return {
    id,
    expectedVersion: version,
    title: { zhTW: text(form.titleZh), en: text(form.titleEn) },
    summary: { zhTW: form.summaryZh.trim() ? form.summaryZh : null, en: form.summaryEn.trim() ? form.summaryEn : null },
    channel: form.channel.trim(),
    tags: form.tags,
    needs: splitList(form.needs),
    links: links(form),
  };
}
