/** A progress bar with a visible and an accessible label ("42 %"); indeterminate when the fraction is unknown. */
export function ProgressBar({ value, label }: { value: number | null | undefined; label: string }) {
  const known = typeof value === 'number' && Number.isFinite(value);
  const percent = known ? Math.round(Math.min(1, Math.max(0, value)) * 100) : undefined;
  return (
    <span className="progress">
      <progress max={100} value={percent} aria-label={label} />
      <span className="progress-text">{percent === undefined ? '…' : `${percent} %`}</span>
    </span>
  );
}
