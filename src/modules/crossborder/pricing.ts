// CNY landed prices: THB prices converted at the operator's THB->CNY rate (payments/fx.ts, rows with
// source and date), rounded half up to 0.01 CNY per unit price (so price x quantity = the line, as
// customs checks), plus international freight (converted the same way) and the cross-border tax.
import { AppError } from '../../platform/errors.ts';
import type { Config } from '../../platform/config.ts';
import type { Executor } from '../../platform/db.ts';
import type { VariantForSale } from '../catalog/index.ts';
import { convertMinor, currentRate, FX_ROUNDING, type FxRate } from '../payments/index.ts';
import { freightSatang, landedPrice, type Landed } from './rules.ts';
import type { ProductTerms } from './terms.ts';
import './messages.ts';

export const CNY_ROUNDING = `${FX_ROUNDING} to 0.01 CNY per unit price and on the freight; tax per line half up to the fen`;

/** The THB->CNY rate to sell with: refused when missing or older than CBEC_FX_MAX_AGE_HOURS. */
export async function sellingRate(db: Executor, config: Config, now = new Date()): Promise<FxRate> {
  const rate = await currentRate(db, 'THB', 'CNY', now);
  if (!rate) throw new AppError(409, 'fx_rate_missing', { from: 'THB', to: 'CNY' });
  const ageHours = (now.getTime() - Date.parse(rate.validFrom)) / 3600_000;
  if (ageHours > config.cbecFxMaxAgeHours) {
    throw new AppError(409, 'fx_rate_stale', {
      validFrom: rate.validFrom.slice(0, 10),
      maxAgeHours: config.cbecFxMaxAgeHours,
      source: rate.source,
    });
  }
  return rate;
}

export interface PricedLine {
  v: VariantForSale;
  quantity: number;
  terms: ProductTerms;
  unitPriceFen: number;
}
export interface OrderQuote {
  sellerId: string;
  lines: PricedLine[];
  freightSatang: number;
  weightGrams: number;
  landed: Landed;
}

/** One shop's lines as one landed order. */
export function quoteOrder(
  config: Config,
  rate: FxRate,
  sellerId: string,
  lines: { v: VariantForSale; quantity: number; terms: ProductTerms }[],
): OrderQuote {
  const priced = lines.map((l) => ({ ...l, unitPriceFen: convertMinor(l.v.priceSatang, rate.rate) }));
  const weightGrams = lines.reduce((s, l) => s + (l.v.weightGrams + l.terms.packagingGrams) * l.quantity, 0);
  const freight = freightSatang(weightGrams, config.cbecFreightBaseSatang, config.cbecFreightPerKgSatang);
  const landed = landedPrice(
    priced.map((l) => ({ unitPriceFen: l.unitPriceFen, quantity: l.quantity, tax: l.terms })),
    convertMinor(freight, rate.rate),
  );
  return { sellerId, lines: priced, freightSatang: freight, weightGrams, landed };
}
