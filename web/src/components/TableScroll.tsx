import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

/**
 * The frame of every table in the panel.
 *
 * Wide screens: a horizontal scroller around the table. Someone using only a keyboard must be able to reach it to
 * scroll (WCAG 2.1.1; axe's scrollable-region-focusable): a table of plain figures has nothing else to focus. So the
 * scroller is a focusable region named after its table (its caption, or the heading of its section), which a screen
 * reader announces when it gets focus.
 *
 * Phones (up to 37.5rem, see `.table-scroll` in styles.css): each row reads as a card, one cell per line, each cell
 * labelled with its column's header. A phone in portrait is at most about 430 CSS px wide; even a table of four short
 * columns squeezes its text there (Chinese text may break between any two characters, so a squeezed name stacks one
 * character per line), while 37.5rem leaves tablets and landscape phones their tables. The breakpoint is in rem, so a
 * reader who enlarges the text gets the cards sooner.
 *
 * The labels are written here, from the table's own column headers (`data-label` on every cell, shown by CSS with
 * `attr(data-label)`), again whenever the table's rows change: no screen has to repeat its headers. A cell's label
 * is generated content with empty alternative text, so a screen reader still reads the table as a table; the rows, cells and
 * headers also get their ARIA roles explicitly, because some browsers stop exposing a table as one once its CSS
 * display is no longer `table` (the cards).
 *
 * Between the two, a table wider than its frame scrolls sideways: then a line above it says so ("scroll sideways for
 * more →") and a shadow marks the edge where more columns wait (CSS). Screen readers read the whole table anyway: the
 * line is for the eye only.
 */
export function TableScroll({
  label,
  labelledBy,
  children,
}: {
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  useLayoutEffect(() => {
    const frame = ref.current;
    if (!frame || typeof ResizeObserver === 'undefined') return;
    // The frame follows the screen's width, the table its content (rows added, a language switched).
    // Cards (a phone) never scroll: their frame lets nothing scroll, and no cue is due there.
    const check = () =>
      setOverflowing(getComputedStyle(frame).overflowX !== 'visible' && frame.scrollWidth > frame.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(frame);
    for (const table of Array.from(frame.querySelectorAll('table'))) observer.observe(table);
    check();
    return () => observer.disconnect();
  }, []);
  useLayoutEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    labelCells(frame);
    if (typeof MutationObserver === 'undefined') return;
    // Rows come and go (more loaded, a filter applied, a poll): label the new ones. Setting attributes is not a
    // change of the child list, so labelling does not wake the observer again.
    const observer = new MutationObserver(() => labelCells(frame));
    observer.observe(frame, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return (
    <>
      {overflowing && (
        <p className="scroll-cue" aria-hidden="true">
          {t('table.scrollMore')}
        </p>
      )}
      <div
        ref={ref}
        className={overflowing ? 'table-scroll overflowing' : 'table-scroll'}
        role="region"
        aria-label={label}
        aria-labelledby={labelledBy}
        tabIndex={0}
      >
        {children}
      </div>
    </>
  );
}

/**
 * Sets `data-label` on every cell of every table in the frame to the text of its column's header (the header row in
 * `thead` whose cells span the cell's column), and the ARIA roles of the table's parts.
 */
export function labelCells(frame: HTMLElement) {
  for (const table of Array.from(frame.querySelectorAll('table'))) {
    setAttribute(table, 'role', 'table');
    const headers = columnHeaders(table);
    for (const group of Array.from(table.querySelectorAll(':scope > thead, :scope > tbody, :scope > tfoot'))) {
      setAttribute(group, 'role', 'rowgroup');
    }
    for (const row of Array.from(table.rows)) {
      setAttribute(row, 'role', 'row');
      let column = 0;
      for (const cell of Array.from(row.cells)) {
        const inHead = row.parentElement?.tagName === 'THEAD';
        const role =
          cell.tagName === 'TD'
            ? 'cell'
            : inHead || cell.getAttribute('scope') === 'col'
              ? 'columnheader'
              : 'rowheader';
        setAttribute(cell, 'role', role);
        if (!inHead) {
          const header = headers[column];
          if (header) setAttribute(cell, 'data-label', header);
          else if (cell.hasAttribute('data-label')) cell.removeAttribute('data-label');
        }
        column += Math.max(1, cell.colSpan);
      }
    }
  }
}

/** The header text of each column: the last header row's cells, by column (a cell spanning two labels both). */
function columnHeaders(table: HTMLTableElement): string[] {
  const rows = table.tHead?.rows;
  const last = rows && rows.length > 0 ? rows[rows.length - 1] : undefined;
  const headers: string[] = [];
  if (!last) return headers;
  for (const cell of Array.from(last.cells)) {
    const text = (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
    for (let i = 0; i < Math.max(1, cell.colSpan); i++) headers.push(text);
  }
  return headers;
}

function setAttribute(element: Element, name: string, value: string) {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
