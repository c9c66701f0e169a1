import { useRef, useState, type PointerEvent } from 'react';
import { useLocalized } from '../../components/Localized';
import { useI18n } from '../../i18n/judging';
import { parseScore, plainNumber, scaleStep } from './sheet';
import type { ScoreSheetPageQuery } from './gql/graphql';

type CriterionData = ScoreSheetPageQuery['myAssignments']['round']['criteria'][number];

/** How far (CSS px) a finger may move before a touch is a drag rather than a tap. */
const TAP_SLOP = 8;

type Gesture = { x: number; y: number; scroll: boolean; pending: string | null };

/**
 * One criterion: a slider and a number field bound together.
 *
 * Unscored, the slider shows no thumb and the criterion says "Not scored", so that it cannot be read as the scale's
 * minimum. On a touch screen the slider commits a value only on a deliberate gesture: a tap, or a drag that is more
 * horizontal than vertical. `touch-action: pan-y` (styles.css) lets the browser scroll on a vertical pan, which
 * cancels the pointer; a value the browser moved the thumb to in between is then dropped, so a finger that scrolls
 * the page across the slider never sets a score. Mouse and keyboard change the value at once, as usual.
 */
export function CriterionControl({
  criterion,
  share,
  value,
  error,
  onChange,
}: {
  criterion: CriterionData;
  share: number;
  value: string;
  error: string | undefined;
  onChange: (text: string) => void;
}) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const gesture = useRef<Gesture | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const id = `score-${criterion.id}`;
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const stateId = `${id}-state`;
  const number = parseScore(shown ?? value);
  const scored = number !== null && !Number.isNaN(number);
  const empty = number === null;
  const min = plainNumber(criterion.scaleMin, locale);
  const max = plainNumber(criterion.scaleMax, locale);
  const description = localized(criterion.description);
  const describedBy = [hintId, empty ? stateId : null, error ? errorId : null].filter(Boolean).join(' ');

  function start(event: PointerEvent<HTMLInputElement>) {
    if (event.pointerType === 'mouse') return;
    gesture.current = { x: event.clientX, y: event.clientY, scroll: false, pending: null };
  }

  function move(event: PointerEvent<HTMLInputElement>) {
    const current = gesture.current;
    if (!current || current.scroll) return;
    const dx = Math.abs(event.clientX - current.x);
    const dy = Math.abs(event.clientY - current.y);
    if (dy > TAP_SLOP && dy > dx) {
      current.scroll = true;
      current.pending = null;
      setShown(null);
    }
  }

  function end(commit: boolean) {
    const current = gesture.current;
    gesture.current = null;
    setShown(null);
    if (commit && current && !current.scroll && current.pending !== null) onChange(current.pending);
  }

  function slid(text: string) {
    const current = gesture.current;
    if (!current) {
      onChange(text);
      return;
    }
    if (current.scroll) return;
    current.pending = text;
    setShown(text);
  }

  return (
    <div className={error ? 'field criterion field-invalid' : 'field criterion'}>
      <label id={labelId} htmlFor={id}>
        {localized(criterion.name)}
      </label>
      <span id={hintId} className="hint">
        {description && <>{description} </>}
        {t('judging.sheet.scaleWeight', { min, max, weight: plainNumber(criterion.weight, locale), share: Math.round(share * 100) })}
      </span>
      <div className="score-controls">
        <input
          type="range"
          className={scored ? undefined : 'unscored'}
          min={criterion.scaleMin}
          max={criterion.scaleMax}
          step={scaleStep(criterion)}
          value={scored ? Math.min(criterion.scaleMax, Math.max(criterion.scaleMin, number)) : criterion.scaleMin}
          aria-labelledby={labelId}
          aria-describedby={describedBy}
          aria-valuetext={scored ? plainNumber(number, locale) : t('judging.sheet.notScored')}
          data-gesture={shown !== null ? 'pending' : undefined}
          onPointerDown={start}
          onPointerMove={move}
          onPointerUp={() => end(true)}
          onPointerCancel={() => end(false)}
          onChange={(e) => slid(e.target.value)}
        />
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={criterion.scaleMin}
          max={criterion.scaleMax}
          step="any"
          value={value}
          placeholder="—"
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      {empty && (
        <span id={stateId} className="score-unscored" data-testid={`${id}-unscored`}>
          {t('judging.sheet.unscoredBadge')}
        </span>
      )}
      {error && (
        <span id={errorId} className="field-error">
          {error === 'notNumber' ? t('judging.sheet.notNumber') : t('judging.sheet.outOfScale', { min, max })}
        </span>
      )}
    </div>
  );
}
