import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useMutation, useQuery } from 'urql';
import { BallotPageDocument, CastBallotDocument, type BallotPageQuery } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { Localized, useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { formatDateTime } from '../../lib/dates';
import { useI18n } from '../../i18n/judging';

type Round = NonNullable<BallotPageQuery['judgingRound']>;
type Ballot = BallotPageQuery['myBallot'];

/** Credits a quadratic ballot costs: n votes on one proposal cost n². */
export function creditsUsed(votes: Record<string, number>): number {
  return Object.values(votes).reduce((total, n) => total + n * n, 0);
}

/** A signed-in person's ballot in a round's public vote: SIMPLE (one vote per chosen proposal) or QUADRATIC. */
export default function BallotPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [{ data, error, fetching }, refetch] = useQuery({ query: BallotPageDocument, variables: { roundId: params.roundId } });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  const round = data?.judgingRound;
  if (!round || round.hackathon.slug !== params.slug) {
    return (
      <Page title={t('error.notFoundTitle')}>
        <p>{t('judging.round.notFound')}</p>
      </Page>
    );
  }
  const back = (
    <Link className="button button-secondary" href={`/hackathons/${round.hackathon.slug}/results`}>
      {t('results.backToResults')}
    </Link>
  );
  const title = t('results.ballot.title', { round: localized(round.name) });
  if (round.publicVote.mode === 'NONE' || round.status !== 'OPEN') {
    return (
      <Page title={title} actions={back}>
        <p className="notice">{round.publicVote.mode === 'NONE' ? t('results.ballot.noVote') : t('results.ballot.closed')}</p>
      </Page>
    );
  }
  return (
    <Page title={title} actions={back}>
      <p className="muted">
        <Localized text={round.hackathon.name} />
      </p>
      <BallotForm key={data?.myBallot?.version ?? 'new'} round={round} ballot={data?.myBallot} onReload={() => refetch({ requestPolicy: 'network-only' })} />
    </Page>
  );
}

function BallotForm({ round, ballot, onReload }: { round: Round; ballot: Ballot; onReload: () => void }) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const quadratic = round.publicVote.mode === 'QUADRATIC';
  const budget = round.publicVote.credits;
  const proposals = round.voteProposals ?? [];
  const [votes, setVotes] = useState<Record<string, number>>(() => Object.fromEntries((ballot?.votes ?? []).map((v) => [v.proposalId, v.votes])));
  const [text, setText] = useState<Record<string, string>>(() => Object.fromEntries((ballot?.votes ?? []).map((v) => [v.proposalId, String(v.votes)])));
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState<string>();
  const [result, cast] = useMutation(CastBallotDocument);
  const used = quadratic ? creditsUsed(votes) : Object.values(votes).filter((n) => n > 0).length;
  const over = quadratic && used > budget;
  const invalid = Object.entries(text).some(([, value]) => value.trim() !== '' && !/^\d+$/.test(value.trim()));

  function setCount(id: string, value: string) {
    setText({ ...text, [id]: value });
    const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : 0;
    setVotes({ ...votes, [id]: n });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    setSaved(undefined);
    if (over || invalid) return;
    const response = await cast({
      input: {
        roundId: round.id,
        votes: Object.entries(votes)
          .filter(([, n]) => n > 0)
          .map(([proposalId, n]) => ({ proposalId, votes: n })),
        expectedVersion: ballot?.version,
      },
    });
    const cast_ = response.data?.castBallot.ballot;
    if (!cast_) setProblem(problemOf(response.error));
    else {
      setSaved(cast_.updatedAt);
      onReload();
    }
  }

  return (
    <form className="stack ballot" onSubmit={submit} noValidate>
      <p>{quadratic ? t('results.ballot.quadraticIntro', { credits: budget }) : t('results.ballot.simpleIntro')}</p>
      <VoteRules eligibility={round.publicVote.eligibility} />
      <ProblemNotice problem={problem} onReload={onReload} />
      {saved && (
        <p role="status" className="notice notice-ok">
          {t('results.ballot.saved', { time: formatDateTime(saved, round.hackathon.timeZone, locale) })}
        </p>
      )}
      {quadratic && (
        <p className={over ? 'budget notice notice-error' : 'budget notice'} role="status" aria-live="polite">
          {t('results.ballot.budget', { used, credits: budget, left: Math.max(0, budget - used) })}
          {over && <> {t('results.ballot.over')}</>}
        </p>
      )}
      {proposals.length === 0 ? (
        <p>{t('results.ballot.noProposals')}</p>
      ) : (
        <ul className="cards">
          {proposals.map((proposal) => {
            const name = localized(proposal.title);
            const n = votes[proposal.id] ?? 0;
            return (
              <li key={proposal.id} className="card ballot-item">
                {quadratic ? (
                  <div className="field">
                    <label htmlFor={`votes-${proposal.id}`}>{t('results.ballot.votesFor', { title: name })}</label>
                    <span className="hint" id={`votes-${proposal.id}-hint`}>
                      {proposal.proposerName} · {t('results.ballot.cost', { n, cost: n * n })}
                    </span>
                    <input
                      id={`votes-${proposal.id}`}
                      type="number"
                      min={0}
                      inputMode="numeric"
                      aria-describedby={`votes-${proposal.id}-hint`}
                      value={text[proposal.id] ?? ''}
                      onChange={(e) => setCount(proposal.id, e.target.value)}
                    />
                  </div>
                ) : (
                  <label className="checkbox">
                    <input type="checkbox" checked={n > 0} onChange={(e) => setCount(proposal.id, e.target.checked ? '1' : '0')} />
                    <span>
                      {t('results.ballot.voteFor', { title: name })} <span className="muted small">{proposal.proposerName}</span>
                    </span>
                  </label>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {invalid && <p className="field-error">{t('results.ballot.wholeNumbers')}</p>}
      <button type="submit" disabled={result.fetching || over || invalid}>
        {ballot ? t('results.ballot.update') : t('results.ballot.cast')}
      </button>
    </form>
  );
}

/** The round's eligibility rules, as the server enforces them. */
function VoteRules({ eligibility }: { eligibility: Round['publicVote']['eligibility'] }) {
  const { t } = useI18n();
  const rules = (['excludeTeam', 'excludeJudges', 'requireVerifiedEmail'] as const).filter((rule) => eligibility[rule]);
  return (
    <section className="vote-rules" aria-labelledby="vote-rules-title">
      <h2 id="vote-rules-title">{t('results.ballot.rules')}</h2>
      {rules.length === 0 ? (
        <p>{t('results.ballot.rule.none')}</p>
      ) : (
        <ul>
          {rules.map((rule) => (
            <li key={rule}>{t(`results.ballot.rule.${rule}`)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
