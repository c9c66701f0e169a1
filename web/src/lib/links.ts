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
