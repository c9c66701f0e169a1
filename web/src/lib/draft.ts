import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Form state that survives a reload and a sign-in round trip (an OAuth2 sign-in leaves the page): kept in
 * sessionStorage under `key` until `clear()` is called after a successful save. A null key keeps state in memory only.
 */
export function useDraft<T>(key: string | null, initial: () => T): [T, (update: T | ((previous: T) => T)) => void, () => void, boolean] {
  const restored = useRef(false);
  const [value, setValue] = useState<T>(() => {
    if (key) {
      try {
        const saved = sessionStorage.getItem(key);
        if (saved) {
          restored.current = true;
          return JSON.parse(saved) as T;
        }
      } catch {
        // Storage refused or corrupt: start afresh.
      }
    }
    return initial();
  });
  const dirty = useRef(false);
  useEffect(() => {
    if (!key || !dirty.current) return;
    try {
      sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or refused: the state still lives in memory.
    }
  }, [key, value]);
  const update = useCallback((next: T | ((previous: T) => T)) => {
    dirty.current = true;
    setValue(next);
  }, []);
  const clear = useCallback(() => {
    dirty.current = false;
    if (key) sessionStorage.removeItem(key);
  }, [key]);
  return [value, update, clear, restored.current];
}
