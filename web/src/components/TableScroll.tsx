import type { ReactNode } from 'react';

/**
 * The horizontal scroller around a wide table. On a phone the table scrolls sideways inside it, and someone using
 * only a keyboard must be able to reach it to scroll (WCAG 2.1.1; axe's scrollable-region-focusable): a table of
 * plain figures has nothing else to focus. So the scroller is a focusable region named after its table (its
 * caption, or the heading of its section), which a screen reader announces when it gets focus.
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
  return (
    <div className="table-scroll" role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
