import { Link } from 'wouter';
import { useQuery } from 'urql';
import { HackathonsDocument, type HackathonsQuery } from './gql/graphql';
import { ChunkPlaceholder, CursorList, useChunkPage, type ChunkProps } from '../../components/CursorList';
import { Localized } from '../../components/Localized';
import { Page } from '../../components/Page';
import { formatRange } from '../../lib/dates';
import { useI18n, type MessageKey } from '../../i18n';

export type HackathonSummary = HackathonsQuery['hackathons']['edges'][number]['node'];

const PAGE_SIZE = 20;

/** Public list of hackathons, latest first. */
export default function HackathonList() {
  const { t } = useI18n();
  return (
    <Page title={t('hackathons.title')}>
      <p className="lead">{t('hackathons.intro')}</p>
      <CursorList
        label={t('hackathons.title')}
        empty={t('hackathons.empty')}
        chunk={(props) => <HackathonChunk {...props} href={(h) => `/hackathons/${h.slug}`} />}
      />
    </Page>
  );
}

export function HackathonChunk({
  after,
  onPage,
  focusFirst,
  href,
}: ChunkProps & { href: (hackathon: HackathonSummary) => string }) {
  const { t, locale } = useI18n();
  const [{ data, error, fetching }] = useQuery({
    query: HackathonsDocument,
    variables: { first: PAGE_SIZE, after },
  });
  const page = data?.hackathons;
  const ref = useChunkPage(page, { after, onPage, focusFirst });
  if (error) return <ChunkPlaceholder error={error} />;
  if (fetching && !page) return <ChunkPlaceholder />;
  return (
    <>
      {page?.edges.map(({ node }, index) => (
        <li key={node.id} className="card">
          <div ref={index === 0 ? ref : undefined}>
            <h2 className="card-title">
              <Link href={href(node)}>
                <Localized text={node.name} />
              </Link>
            </h2>
            <p className="meta">
              <span className={`badge phase-${node.phase.toLowerCase()}`}>{t(`phase.${node.phase}` as MessageKey)}</span>{' '}
              {t(`kind.${node.kind}` as MessageKey)}
              {node.edition != null && <> · {t('hackathon.edition', { edition: node.edition })}</>}
            </p>
            <p className="meta">
              {formatRange(node.startsAt, node.endsAt, node.timeZone, locale)}
              {node.location && <> · {node.location}</>}
            </p>
          </div>
        </li>
      ))}
    </>
  );
}
