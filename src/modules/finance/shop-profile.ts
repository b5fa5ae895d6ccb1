// The shop sees its own credit profile first: every figure, the points each earns against the most
// it could, the score with its range, scorecard version and date, and what would improve it.
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { type Locale, translate } from '../../platform/i18n.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { explain } from './applications.ts';
import { CURRENT_SCORECARD } from './decision.ts';
import { computeProfile } from './profile.ts';
import { score } from './scorecard.ts';

export async function shopProfile(db: Executor, actor: Actor, sellerId: string, locale: Locale) {
  await requireSellerAccess(db, actor, sellerId);
  const profile = await computeProfile(db, sellerId);
  const { crossborderSharePct, ...features } = profile.features;
  const scored = score(CURRENT_SCORECARD, features);
  const max = new Map(CURRENT_SCORECARD.variables.map((v) => [v.feature, Math.max(...v.bins.map((b) => b.points))]));
  const lost = scored.points.filter((p) => p.pointsLost > 0).sort((a, b) => b.pointsLost - a.pointsLost);
  return {
    asOf: profile.asOf,
    monthly: profile.monthly,
    ledger: profile.ledger,
    features: [
      ...scored.points.map((p) => ({
        code: p.code,
        label: translate(`finance.feature.${p.code}`, locale),
        value: p.value,
        points: p.points,
        maxPoints: max.get(p.code)!,
        scored: true,
      })),
      {
        code: 'crossborderSharePct',
        label: translate('finance.feature.crossborderSharePct', locale),
        value: crossborderSharePct,
        points: null,
        maxPoints: null,
        scored: false,
      },
    ],
    explanation: explain(scored, scored.reasons, [], locale),
    improvements: lost.map((p) => ({
      code: p.code,
      pointsLost: p.pointsLost,
      text: translate(`finance.improve.${p.code}`, locale),
    })),
  };
}
