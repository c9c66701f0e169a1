import { useId } from 'react';

/**
 * The spreadsheet-safe variant of a CSV download: the same URL with `for=spreadsheet`. The server then puts an
 * apostrophe before every cell that starts with = + - @ (or full-width ＝ ＋ － ＠), a tab or a carriage return, so
 * that Excel, LibreOffice or Google Sheets show it as text instead of running it as a formula (CSV injection).
 */
export function spreadsheetCsvUrl(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}for=spreadsheet`;
}

/**
 * A download link for the spreadsheet-safe variant of `href`, with its hint shown next to it (and tied to the link
 * with aria-describedby, so that a screen reader reads it too; a title attribute would not reach keyboard or touch
 * users).
 */
export function SpreadsheetCsvLink({ href, label, hint }: { href: string; label: string; hint: string }) {
  const hintId = useId();
  return (
    <>
      <a href={spreadsheetCsvUrl(href)} download aria-describedby={hintId}>
        {label}
      </a>{' '}
      <span id={hintId} className="hint">
        {hint}
      </span>
    </>
  );
}
