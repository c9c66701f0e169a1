/** True for an absolute http or https address with a host, the only links the backend accepts. */
export function isWebAddress(value: string): boolean {
  const trimmed = value.trim();
  if (!trimmed || /\s/.test(trimmed)) return false;
  try {
    const url = new URL(trimmed);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** "a, b;c\nd" → ["a", "b", "c", "d"]: people type lists in whichever way they like. */
export function splitList(value: string): string[] {
  return value
    .split(/[,;\n、，；]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

type GuessedLinkType = 'PITCH_VIDEO' | 'SLIDES' | 'NOTES' | 'REPOSITORY';

/** The same code hosts the page import recognises (backend ProposalMarkdown.CODE_HOSTS). */
const CODE_HOSTS = ['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'gitee.com', 'framagit.org', 'git.sr.ht', 'sr.ht'];
const VIDEO_HOSTS = ['youtube.com', 'youtu.be', 'vimeo.com'];
const SLIDE_HOSTS = ['speakerdeck.com', 'slideshare.net', 'slides.com'];
const NOTE_HOSTS = ['hackmd.io', 'hedgedoc.org', 'notion.so', 'notion.site'];

function onHost(host: string, hosts: string[]): boolean {
  return hosts.some((known) => host === known || host.endsWith(`.${known}`));
}

/**
 * What kind of link an address most likely is, from its host (GitHub → repository, YouTube → pitch video, HackMD →
 * notes, Speaker Deck or Google Slides → slides); undefined when the address says nothing, so the reader's choice
 * stands.
 */
export function guessLinkType(value: string): GuessedLinkType | undefined {
  if (!isWebAddress(value)) return undefined;
  const url = new URL(value.trim());
  const host = url.hostname.toLowerCase();
  if (onHost(host, CODE_HOSTS)) return 'REPOSITORY';
  if (onHost(host, VIDEO_HOSTS)) return 'PITCH_VIDEO';
  if (host === 'docs.google.com') {
    if (url.pathname.startsWith('/presentation/')) return 'SLIDES';
    if (url.pathname.startsWith('/document/')) return 'NOTES';
    return undefined;
  }
  if (onHost(host, SLIDE_HOSTS)) return 'SLIDES';
  if (onHost(host, NOTE_HOSTS)) return 'NOTES';
  return undefined;
}
