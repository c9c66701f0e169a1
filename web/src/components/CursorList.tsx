import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { problemOf } from '../api/errors';
import { useI18n } from '../i18n';
import { ProblemNotice } from './ProblemNotice';

export type PageInfo = { hasNextPage: boolean; endCursor?: string | null };

export type ChunkProps = {
  after: string | null;
  /** Each chunk reports its page position once it has data. */
  onPage: (after: string | null, pageInfo: PageInfo) => void;
  /** The chunk added by "load more" moves focus to its first item. */
  focusFirst: boolean;
};

/**
 * A cursor-paginated list read one page at a time: each page is a chunk with its own query (so the GraphQL cache
 * keeps pages independent), and "load more" appends the next one and moves focus to its first new item.
 */
export function CursorList({
  chunk,
  label,
  empty,
}: {
  chunk: (props: ChunkProps) => ReactNode;
  label: string;
  empty: string;
}) {
  const { t } = useI18n();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [pages, setPages] = useState<Record<string, PageInfo>>({});
  const onPage = useCallback((after: string | null, info: PageInfo) => {
    setPages((previous) => ({ ...previous, [after ?? '']: info }));
  }, []);
  const last = cursors[cursors.length - 1];
  const lastInfo = pages[last ?? ''];
  const firstInfo = pages[''];
  const isEmpty = cursors.length === 1 && firstInfo && !firstInfo.hasNextPage && firstInfo.endCursor == null;
  return (
    <>
      <ul className="cards" aria-label={label}>
        {cursors.map((after, index) => (
          <Chunk key={after ?? ''} render={chunk} after={after} onPage={onPage} focusFirst={index > 0} />
        ))}
      </ul>
      {isEmpty && <p>{empty}</p>}
      {lastInfo?.hasNextPage && lastInfo.endCursor && (
        <button type="button" className="button-secondary" onClick={() => setCursors([...cursors, lastInfo.endCursor!])}>
          {t('common.loadMore')}
        </button>
      )}
    </>
  );
}

function Chunk({ render, ...props }: ChunkProps & { render: (props: ChunkProps) => ReactNode }) {
  return <>{render(props)}</>;
}

/** Focuses the first link inside the returned ref's element once `ready` turns true, when asked to. */
export function useFocusFirstLink<T extends HTMLElement>(ready: boolean, wanted: boolean) {
  const ref = useRef<T>(null);
  const done = useRef(false);
  useEffect(() => {
    if (ready && wanted && !done.current) {
      done.current = true;
      ref.current?.querySelector<HTMLElement>('a, button')?.focus();
    }
  }, [ready, wanted]);
  return ref;
}

/**
 * What every chunk does with its page once the query has it: reports the page's position to the list, and focuses
 * the chunk's first link when "load more" added it. Returns the ref for the element around the first item.
 */
export function useChunkPage(page: { pageInfo: PageInfo } | null | undefined, { after, onPage, focusFirst }: ChunkProps) {
  useEffect(() => {
    if (page) onPage(after, page.pageInfo);
  }, [page, after, onPage]);
  return useFocusFirstLink<HTMLDivElement>(!!page, focusFirst);
}

/** A chunk's list item while it has no page to show: its problem, or a loading line. */
export function ChunkPlaceholder({ error }: { error?: CombinedError }) {
  const { t } = useI18n();
  if (error) {
    return (
      <li>
        <ProblemNotice problem={problemOf(error)} />
      </li>
    );
  }
  return (
    <li role="status" className="loading">
      {t('common.loading')}
    </li>
  );
}
