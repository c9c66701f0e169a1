import { useState } from 'react';
import { Link } from 'wouter';
import { useMutation, useQuery } from 'urql';
import {
  LinkProposalToProjectDocument,
  ProjectLinkingDocument,
  UnlinkProposalFromProjectDocument,
  type SuggestionReason,
} from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { Localized, useLocalized } from '../../components/Localized';
import { Loading } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n, type MessageKey } from '../../i18n';

/**
 * The proposal's long-lived project, for its proposer and organizers: the current link (unlink, edit the project),
 * projects that look like the same idea with the reasons, linking to one of them, or starting a new project from the
 * proposal. Hacktrail only suggests; a person decides.
 */
export default function ProjectLinking({ proposalId }: { proposalId: string }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProjectLinkingDocument, variables: { proposalId } });
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState<string>();
  const [linking, link] = useMutation(LinkProposalToProjectDocument);
  const [unlinking, unlink] = useMutation(UnlinkProposalFromProjectDocument);
  const busy = linking.fetching || unlinking.fetching;
  const reload = () => refetch({ requestPolicy: 'network-only' });

  async function act(run: () => Promise<{ error?: Parameters<typeof problemOf>[0] }>, success: string) {
    setProblem(undefined);
    setDone(undefined);
    const result = await run();
    if (result.error) setProblem(problemOf(result.error));
    else {
      setDone(success);
      reload();
    }
  }

  const current = data?.proposal?.project;
  return (
    <section aria-labelledby="project-link-heading" className="panel">
      <h2 id="project-link-heading">{t('linking.title')}</h2>
      {fetching && !data && <Loading />}
      {error && !data && <ProblemNotice problem={problemOf(error)} />}
      <ProblemNotice problem={problem} onReload={reload} />
      {done && (
        <p role="status" className="notice notice-ok">
          {done}
        </p>
      )}
      {data && (
        <>
          {current ? (
            <div className="stack">
              <p>
                {t('linking.linkedTo')}{' '}
                <Link href={`/projects/${current.id}`}>
                  <Localized text={current.name} />
                </Link>
              </p>
              <div className="button-row">
                <Link className="button button-secondary" href={`/projects/${current.id}/edit`}>
                  {t('linking.editProject')}
                </Link>
                <button
                  type="button"
                  className="button-danger"
                  disabled={busy}
                  onClick={() => {
                    if (!window.confirm(t('linking.unlinkConfirm'))) return;
                    void act(() => unlink({ input: { proposalId } }), t('linking.unlinked'));
                  }}
                >
                  {t('linking.unlink')}
                </button>
              </div>
            </div>
          ) : (
            <div className="stack">
              <p>{t('linking.notLinked')}</p>
              <button type="button" disabled={busy} onClick={() => act(() => link({ input: { proposalId } }), t('linking.created'))}>
                {t('linking.createProject')}
              </button>
            </div>
          )}

          <h3 id="suggestions-heading">{t('linking.suggestions')}</h3>
          {data.projectSuggestions.length === 0 ? (
            <p>{t('linking.noSuggestions')}</p>
          ) : (
            <ul className="cards" aria-labelledby="suggestions-heading">
              {data.projectSuggestions.map((suggestion, index) => {
                const project = suggestion.project;
                return (
                  <li key={project?.id ?? `unlinked-${index}`} className="card">
                    <h4 className="card-title">
                      {project ? (
                        <Link href={`/projects/${project.id}`}>
                          <Localized text={project.name} />
                        </Link>
                      ) : (
                        t('linking.unlinkedProposals')
                      )}
                    </h4>
                    <p className="chips">
                      <span className="visually-hidden">{t('linking.reasons')}: </span>
                      {suggestion.reasons.map((reason: SuggestionReason) => (
                        <span key={reason} className="chip">
                          {t(`reason.${reason}` as MessageKey)}
                        </span>
                      ))}
                    </p>
                    {suggestion.proposals.length > 0 && (
                      <ul>
                        {suggestion.proposals.map((proposal) => (
                          <li key={proposal.id}>
                            <Link href={`/proposals/${proposal.id}`}>
                              <Localized text={proposal.title} />
                            </Link>{' '}
                            <span className="meta">
                              (<Localized text={proposal.hackathon.name} />)
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                    {project && project.id !== current?.id && (
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() =>
                          act(
                            () => link({ input: { proposalId, projectId: project.id } }),
                            t('linking.linked', { name: localized(project.name) }),
                          )
                        }
                      >
                        {t('linking.linkTo', { name: localized(project.name) })}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
