import { Link } from 'wouter';
import { CursorList } from '../../components/CursorList';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n';
import { HackathonChunk } from '../public/HackathonList';

/** The organizer's start: every hackathon, drafts included, each with its set-up page. */
export default function OrganizerHome() {
  const { t } = useI18n();
  return (
    <Page
      title={t('organize.title')}
      actions={
        <>
          <Link className="button" href="/organize/hackathons/new">
            {t('organize.create')}
          </Link>
          <Link className="button button-secondary" href="/organize/jobs">
            {t('nav.jobs')}
          </Link>
        </>
      }
    >
      <p>{t('organize.intro')}</p>
      <CursorList
        label={t('hackathons.title')}
        empty={t('hackathons.empty')}
        chunk={(props) => <HackathonChunk {...props} href={(h) => `/organize/hackathons/${h.slug}`} />}
      />
    </Page>
  );
}
