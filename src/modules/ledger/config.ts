// Payout settings (README, "Configuration"): the smallest payout and the days a delivered order's
// money is held before it may be paid out. Both are defaults an operator can override per batch.
import { type Env, envInt } from '../../platform/config.ts';

export interface PayoutSettings {
  minimumSatang: number;
  holdDays: number;
}

export const loadPayoutSettings = (env: Env): PayoutSettings => ({
  minimumSatang: envInt(env, 'PAYOUT_MINIMUM_SATANG', 100_00, 0, 1_000_000_000),
  holdDays: envInt(env, 'PAYOUT_HOLD_DAYS', 7, 0, 365),
});
