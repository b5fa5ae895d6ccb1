// The public page a certificate's QR code opens (/academy/verify/<id>, /zh/..., /en/...): whether the
// credential is valid, each check the server made (signature, issuer, dates, revocation), who earned
// it, for which course and when (Buddhist era in Thai).
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { PageTitle } from '../components/ui.tsx';
import '../messages/academy.ts';

type Check = 'format' | 'signature' | 'issuer' | 'dates' | 'revocation';
interface VerifyData {
  id: string;
  learnerName: string;
  courseId: string;
  valid: boolean;
  checks: Record<Check, boolean>;
  credential: { name?: string; validFrom?: string; credentialSubject?: { achievement?: { name?: string } } } | null;
  revokedAt: string | null;
}

const CHECKS: Check[] = ['format', 'signature', 'issuer', 'dates', 'revocation'];

export const verifyPage: PageModule<VerifyData> = {
  load: ({ api, params }) => api.get<VerifyData>(`/academy/credentials/${encodeURIComponent(params.id)}/verify`),
  head: (_d, { t }) => ({ title: t('academy.verify.title'), description: t('academy.verify.title') }),
  Page({ data: d }) {
    const { t, locale } = useApp();
    const tag = locale === 'th' ? 'th-TH-u-ca-buddhist' : locale === 'zh' ? 'zh-Hans-CN' : 'en-GB';
    const issued = d.credential?.validFrom
      ? new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'Asia/Bangkok' }).format(
          new Date(d.credential.validFrom),
        )
      : '';
    return (
      <article className="academy-verify" style={{ maxWidth: '40rem', overflowWrap: 'anywhere' }}>
        <PageTitle>{t('academy.verify.title')}</PageTitle>
        <p
          role="status"
          data-valid={d.valid ? 'true' : 'false'}
          style={{ fontWeight: 700, color: d.valid ? '#1b5e20' : '#b71c1c' }}
        >
          {d.valid ? t('academy.verify.valid') : t('academy.verify.invalid')}
        </p>
        <dl>
          <dt>{t('academy.verify.learner')}</dt>
          <dd lang="th">{d.learnerName}</dd>
          <dt>{t('academy.verify.course')}</dt>
          <dd lang="th">{d.credential?.credentialSubject?.achievement?.name ?? d.courseId}</dd>
          <dt>{t('academy.verify.issued')}</dt>
          <dd>{issued}</dd>
        </dl>
        <ul>
          {CHECKS.map((c) => (
            <li key={c}>
              {d.checks[c] ? '✓' : '✗'} {t(`academy.check.${c}`)}
            </li>
          ))}
        </ul>
      </article>
    );
  },
};
