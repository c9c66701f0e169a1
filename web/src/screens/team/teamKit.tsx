import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { OperationResult } from 'urql';
import type { TeamFieldsFragment, TeamRole } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { Field } from '../../components/Field';
import { ProblemNotice } from '../../components/ProblemNotice';
import { notificationsChanged } from '../../lib/notifications';
import { useI18n, type MessageKey } from '../../i18n';

export type Team = TeamFieldsFragment;
export type TeamPosition = Team['positions'][number];

export const TEAM_ROLES: TeamRole[] = ['LEAD', 'DEVELOPER', 'DESIGNER', 'DATA', 'PM', 'DOMAIN_EXPERT', 'PUBLIC_SERVANT', 'OTHER'];

/** Roles a person may offer or be offered when joining; LEAD is given by an organizer or a lead's hand-over. */
export const JOIN_ROLES: TeamRole[] = TEAM_ROLES.filter((role) => role !== 'LEAD');

export function roleLabel(t: (key: MessageKey) => string, role: TeamRole | null | undefined): string {
  return role ? t(`teamRole.${role}` as MessageKey) : '';
}

/** What the team screens share: the team shown, how to show a newer one, and the proposal's facts. */
export type TeamContextValue = {
  team: Team;
  proposalId: string;
  proposerId: string | null | undefined;
  timeZone: string;
  /** Shows a team returned by a mutation, unless a newer one is already shown. */
  apply: (team: Team) => void;
  reload: () => void;
  /**
   * Says that an action succeeded, in one status line at the top of the team: the control that acted often goes away
   * with its success (an accepted request leaves the list), so a message beside it would vanish unread.
   */
  announce: (message: string) => void;
};

export const TeamContext = createContext<TeamContextValue | null>(null);

export function useTeam(): TeamContextValue {
  const value = useContext(TeamContext);
  if (!value) throw new Error('useTeam outside TeamContext');
  return value;
}

/** The team to show: the one with the higher version (a mutation's answer may be newer than the query's). */
export function newerTeam(a: Team | null | undefined, b: Team | null | undefined): Team | null | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.version >= a.version ? b : a;
}

/** A refusal for one form, shown next to it. */
export function useOutcome() {
  const [problem, setProblem] = useState<Problem>();
  const reset = useCallback(() => setProblem(undefined), []);
  return { problem, setProblem, reset };
}

export type Outcome = ReturnType<typeof useOutcome>;

export function OutcomeNotice({ outcome, shownFields }: { outcome: Outcome; shownFields?: string[] }) {
  const { reload } = useTeam();
  return (
    <ProblemNotice
      problem={outcome.problem}
      shownFields={shownFields}
      onReload={() => {
        outcome.reset();
        reload();
      }}
    />
  );
}

/**
 * Runs a team mutation: reports a refusal on `outcome` (beside the form), else shows the team the answer carries (or
 * reloads it), announces `success` (or clears an earlier announcement), and lets the header's bell look again.
 * Resolves true on success.
 */
export function useTeamRun() {
  const { apply, reload, announce } = useTeam();
  return useCallback(
    async <D,>(
      outcome: Outcome,
      mutate: () => Promise<OperationResult<D>>,
      pick: (data: D) => Team | null | undefined,
      success?: string,
    ): Promise<boolean> => {
      outcome.reset();
      announce('');
      const result = await mutate();
      if (result.error) {
        outcome.setProblem(problemOf(result.error));
        return false;
      }
      const team = result.data ? pick(result.data) : undefined;
      if (team) apply(team);
      else reload();
      announce(success ?? '');
      notificationsChanged();
      return true;
    },
    [apply, reload, announce],
  );
}

export function RoleSelect({
  label,
  value,
  onChange,
  roles = JOIN_ROLES,
  hint,
  empty,
}: {
  label: string;
  value: TeamRole | '';
  onChange: (role: TeamRole | '') => void;
  roles?: TeamRole[];
  hint?: string;
  /** A first option meaning "no choice", with this text. */
  empty?: string;
}) {
  const { t } = useI18n();
  return (
    <Field label={label} hint={hint}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value as TeamRole | '')}>
          {empty !== undefined && <option value="">{empty}</option>}
          {roles.map((role) => (
            <option key={role} value={role}>
              {roleLabel(t, role)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A choice among the positions with a free seat, or none. */
export function PositionSelect({
  label,
  positions,
  value,
  onChange,
  hint,
}: {
  label: string;
  positions: TeamPosition[];
  value: string;
  onChange: (id: string) => void;
  hint?: string;
}) {
  const { t } = useI18n();
  return (
    <Field label={label} hint={hint}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('team.noPosition')}</option>
          {positions
            .filter((position) => position.openings > 0)
            .map((position) => (
              <option key={position.id} value={position.id}>
                {t('team.positionOption', { skill: position.skill, role: roleLabel(t, position.role), openings: position.openings })}
              </option>
            ))}
        </select>
      )}
    </Field>
  );
}

/** A section of the team panel with its own heading. */
export function TeamPart({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="team-part">
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}
