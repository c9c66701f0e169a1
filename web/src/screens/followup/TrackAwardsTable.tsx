import { useMemo } from 'react';
import type { FunnelFieldsFragment } from './gql/graphql';
import { TableScroll } from '../../components/TableScroll';
import { useLocalized } from '../../components/Localized';
import { useI18n } from '../../i18n';

/**
 * Awards per award track (each track belongs to one hackathon), the outstanding track first within a hackathon, with
 * the total over every track. The funnel's outstanding stage stays the outstanding track only; this table says so.
 */
export function TrackAwardsTable({ funnel }: { funnel: FunnelFieldsFragment }) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const tracks = funnel.awardsByTrack;
  return (
    <section aria-labelledby="stats-awards-heading">
      <h2 id="stats-awards-heading">{t('stats.awards.title')}</h2>
      {tracks.length === 0 ? (
        <p>{t('stats.awards.empty')}</p>
      ) : (
        <TableScroll label={t('stats.awards.caption')}>
          <table>
            <caption>{t('stats.awards.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.awards.hackathon')}</th>
                <th scope="col">{t('stats.awards.track')}</th>
                <th scope="col">{t('stats.awards.sponsor')}</th>
                <th scope="col">{t('stats.awards.count')}</th>
              </tr>
            </thead>
            <tbody>
              {tracks.map((track) => (
                <tr key={track.trackId}>
                  <td>
                    {track.hackathonSlug} ({track.year})
                  </td>
                  <th scope="row">{localized(track.name)}</th>
                  <td>{track.sponsor ?? '—'}</td>
                  <td>{number.format(track.awards)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('stats.awards.total')}
                </th>
                <td>{number.format(funnel.awards)}</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
      <p className="muted">{t('stats.awards.note')}</p>
    </section>
  );
}
