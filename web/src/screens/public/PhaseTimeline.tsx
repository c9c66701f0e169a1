import { useI18n, type MessageKey } from '../../i18n';

/** The phases an edition goes through in public, in order (DRAFT is organizers' only). */
export const PUBLIC_PHASES = [
  'OPEN_FOR_PROPOSALS',
  'PITCHING',
  'HACKING',
  'JUDGING',
  'RESULTS_PUBLISHED',
  'FOLLOW_UP',
  'ARCHIVED',
] as const;

/** Phases in which an edition is running: people can take part now. */
export const RUNNING_PHASES: readonly string[] = ['OPEN_FOR_PROPOSALS', 'PITCHING', 'HACKING', 'JUDGING'];

/**
 * Where an edition stands among its phases: an ordered list with the phases done, the current one (aria-current) and
 * those to come. `compact` shows only "step n of 7: phase" with a row of dots, for lists.
 */
export function PhaseTimeline({ phase, name, compact = false }: { phase: string; name: string; compact?: boolean }) {
  const { t } = useI18n();
  const current = PUBLIC_PHASES.indexOf(phase as (typeof PUBLIC_PHASES)[number]);
  if (current < 0) return null;
  const step = t('home.timeline.step', {
    step: current + 1,
    steps: PUBLIC_PHASES.length,
    phase: t(`phase.${phase}` as MessageKey),
  });
  if (compact) {
    return (
      // The step is read as text: aria-label is not allowed on a paragraph (axe: aria-prohibited-attr).
      <p className="phase-steps">
        <span aria-hidden="true" className="phase-dots">
          {PUBLIC_PHASES.map((p, index) => (
            <span key={p} className={index < current ? 'dot done' : index === current ? 'dot current' : 'dot'} />
          ))}
        </span>{' '}
        <span>{step}</span>
      </p>
    );
  }
  return (
    <ol className="phase-timeline" aria-label={t('home.timeline.label', { name })}>
      {PUBLIC_PHASES.map((p, index) => (
        <li
          key={p}
          className={index < current ? 'done' : index === current ? 'current' : undefined}
          aria-current={index === current ? 'step' : undefined}
        >
          {t(`phase.${p}` as MessageKey)}
          {index < current && <span className="visually-hidden"> ({t('home.timeline.done')})</span>}
          {index === current && <span className="visually-hidden"> ({t('home.timeline.current')})</span>}
        </li>
      ))}
    </ol>
  );
}
