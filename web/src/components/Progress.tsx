import type { MessageKey } from '../i18n';

/** A progress bar with a visible and an accessible label ("42 %"); indeterminate when the fraction is unknown. */
export function ProgressBar({ value, label }: { value: number | null | undefined; label: string }) {
  const known = typeof value === 'number' && Number.isFinite(value);
  // Rounded down: 99.6 % of the work is not 100 %, which would read as done while work is left.
  const percent = known ? Math.floor(Math.min(1, Math.max(0, value)) * 100) : undefined;
  return (
    <span className="progress">
      <progress max={100} value={percent} aria-label={label} />
      <span className="progress-text">{percent === undefined ? '…' : `${percent} %`}</span>
    </span>
  );
}

/**
 * An estimate of the time a running run has left, from its pace so far: elapsed × (1 − p) / p. Said only once the run
 * has done at least 1 % and run 5 s (earlier the pace says little); "finishing" when the reads are done but the run is
 * not (a last step such as a state refresh may follow).
 */
export function timeLeftText(
  run: { progress?: number | null; startedAt?: string | null },
  now: number,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
): string {
  const p = run.progress;
  if (typeof p !== 'number' || !Number.isFinite(p) || !run.startedAt) return t('jobs.timeLeftUnknown');
  if (p >= 1) return t('jobs.finishing');
  const elapsed = now - new Date(run.startedAt).getTime();
  if (p < 0.01 || elapsed < 5000) return t('jobs.estimating');
  const seconds = (elapsed * (1 - p)) / p / 1000;
  if (seconds < 60) return t('jobs.underAMinute');
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return t('jobs.minutesLeft', { n: minutes });
  return t('jobs.hoursLeft', { h: Math.floor(minutes / 60), m: minutes % 60 });
}
