import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render as renderBare, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from '../i18n';
import userEvent from '@testing-library/user-event';
import { TableScroll } from './TableScroll';

function Scores({ names }: { names: string[] }) {
  return (
    <TableScroll label="Scores">
      <table>
        <caption>Scores</caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Proposal</th>
            <th scope="col" colSpan={2}>
              Sector <span className="visually-hidden">means</span>
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {names.map((name, index) => (
            <tr key={name}>
              <td>{index + 1}</td>
              <th scope="row">{name}</th>
              <td>7.5</td>
              <td>6</td>
              <td>
                <button type="button">Open {name}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Growing() {
  const [names, setNames] = useState(['公共運輸即時資料']);
  return (
    <>
      <button type="button" onClick={() => setNames([...names, 'Open budget'])}>
        More
      </button>
      <Scores names={names} />
    </>
  );
}

function render(element: ReactElement) {
  return renderBare(<I18nProvider locale="en">{element}</I18nProvider>);
}

describe('TableScroll', () => {
  it('is a focusable region named after its table', () => {
    render(<Scores names={['A']} />);
    const region = screen.getByRole('region', { name: 'Scores' });
    expect(region.tabIndex).toBe(0);
    expect(screen.getByRole('table', { name: 'Scores' })).toBeTruthy();
  });

  it('labels every body cell with its column header, for the cards a phone shows', () => {
    render(<Scores names={['公共運輸即時資料']} />);
    const row = screen.getAllByRole('row')[1];
    const cells = Array.from(row.children).map((cell) => cell.getAttribute('data-label'));
    // A header spanning two columns labels both; a visually hidden header still labels its column.
    expect(cells).toEqual(['Rank', 'Proposal', 'Sector means', 'Sector means', 'Actions']);
    expect(screen.getByRole('columnheader', { name: 'Rank' }).hasAttribute('data-label')).toBe(false);
  });

  it('keeps the table semantics explicit, since cards change how the table is displayed', () => {
    render(<Scores names={['A']} />);
    expect(screen.getByRole('rowheader', { name: 'A' })).toBeTruthy();
    expect(screen.getAllByRole('cell')).toHaveLength(4);
    expect(screen.getAllByRole('columnheader')).toHaveLength(4);
    expect(screen.getAllByRole('rowgroup')).toHaveLength(2);
  });

  it('labels rows added later', async () => {
    render(<Growing />);
    await userEvent.click(screen.getByRole('button', { name: 'More' }));
    const added = screen.getByRole('rowheader', { name: 'Open budget' });
    // The observer runs after the DOM changes, before the next paint.
    await act(async () => {});
    expect(added.getAttribute('data-label')).toBe('Proposal');
    expect(added.parentElement!.firstElementChild!.getAttribute('data-label')).toBe('Rank');
  });

  describe('a table wider than its frame', () => {
    afterEach(() => {
      delete (HTMLElement.prototype as { scrollWidth?: number }).scrollWidth;
      vi.restoreAllMocks();
    });

    function layout(scrollWidth: number) {
      // jsdom lays nothing out: the frame's widths and the observer are the browser's here.
      Object.defineProperty(HTMLElement.prototype, 'scrollWidth', { configurable: true, get: () => scrollWidth });
      vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(390);
      vi.stubGlobal(
        'ResizeObserver',
        class {
          constructor(private readonly callback: () => void) {}
          observe() {
            this.callback();
          }
          disconnect() {}
        },
      );
    }

    it('says it scrolls sideways, for the eye only', () => {
      layout(957);
      render(<Scores names={['A']} />);
      const cue = screen.getByText('Scroll sideways for more →');
      expect(cue.getAttribute('aria-hidden')).toBe('true');
      expect(screen.getByRole('region', { name: 'Scores' }).classList.contains('overflowing')).toBe(true);
    });

    it('says nothing when the table fits', () => {
      layout(390);
      render(<Scores names={['A']} />);
      expect(screen.queryByText('Scroll sideways for more →')).toBeNull();
      expect(screen.getByRole('region', { name: 'Scores' }).classList.contains('overflowing')).toBe(false);
    });
  });
});
