// Demo data for the hub: staff (hub@talad.local manages both hubs, pack@talad.local packs at the
// fulfilment centre); the rice cooperative's and the durian orchard's units for China received and
// put away at the bonded EEC hub (lots with expiry: what cross-border orders are picked from); the dried-mango enterprise has stocked the fulfilment centre (two lots, one
// expiring within the week, one carton short), the coffee cooperative's ASN waits at the dock and
// the durian orchard's waits at the bonded EEC hub; the demo buyer has paid for mango that the
// hub will fulfil (first expired, first out) once the outbox has delivered `order.paid`.
import type { Db } from '../platform/db.ts';
import type { Config } from '../platform/config.ts';
import type { Actor } from '../platform/actor.ts';
import { systemActor } from '../platform/actor.ts';
import { hashRequest } from '../platform/idempotency.ts';
import { createUser } from '../modules/identity/index.ts';
import { addToCarts, cartOwnerKey, cartOwnerOf } from '../modules/cart/index.ts';
import { placeOrdersDurably } from '../modules/orders/index.ts';
import { markGroupPaid } from '../modules/orders/index.ts';
import { HUB_LOCATIONS } from '../modules/inventory/index.ts';
import { setHubStaff } from '../modules/hub/index.ts';
import {
  bangkokDate,
  closeInbound,
  createInbound,
  dockStock,
  moveStock,
  receiveInbound,
} from '../modules/hub/index.ts';
import { DEMO_PASSWORD, DEMO_SHOPS } from './data.ts';
import type { DemoShop } from './shipping.ts';

const user = (id: string): Actor => ({ kind: 'user', userId: id, isOperator: false, guestTokenHash: null });

export async function seedHubDemo(db: Db, config: Config, buyer: Actor, shops: DemoShop[]): Promise<void> {
  const FC = HUB_LOCATIONS.domesticFulfilment.id;
  const EEC = HUB_LOCATIONS.eecBonded.id;
  const manager = await createUser(db, {
    email: 'hub@talad.local',
    password: DEMO_PASSWORD,
    displayName: 'สมชาย คลังดี (หัวหน้าคลัง)',
  });
  const packer = await createUser(db, {
    email: 'pack@talad.local',
    password: DEMO_PASSWORD,
    displayName: 'มาลี แพ็กเร็ว',
  });
  const demo = systemActor('demo');
  await setHubStaff(db, demo, FC, { userId: manager.id, role: 'manager' });
  await setHubStaff(db, demo, EEC, { userId: manager.id, role: 'manager' });
  await setHubStaff(db, demo, FC, { userId: packer.id, role: 'packer' });
  const staff = user(manager.id);
  await stockBondedHub(db, staff, shops);
  const mango = shops.find((s) => s.slug === 'khao-kho-dried-mango');
  const coffee = shops.find((s) => s.slug === 'doi-nan-arabica');
  const durian = shops.find((s) => s.slug === 'monthong-durian-5kg');
  if (!mango || !coffee || !durian) return;

  const asn = await createInbound(db, mango.owner, mango.sellerId, {
    locationId: FC,
    cartons: 5,
    note: 'ล็อตเก่าใกล้หมดอายุ ขายก่อน',
    lines: [
      {
        variantId: mango.variantIds[0],
        quantity: 40,
        lotNumber: 'KK-2569-09',
        productionDate: bangkokDate(new Date(), -175),
        expiryDate: bangkokDate(new Date(), 5),
      },
      {
        variantId: mango.variantIds[0],
        quantity: 60,
        lotNumber: 'KK-2569-11',
        productionDate: bangkokDate(new Date(), -60),
        expiryDate: bangkokDate(new Date(), 120),
      },
    ],
  });
  await db.transaction((tx) => receiveInbound(tx, staff, asn.id, { code: 'KK-2569-09', quantity: 40 }));
  await db.transaction((tx) => receiveInbound(tx, staff, asn.id, { code: 'KK-2569-11', quantity: 57, damaged: 1 }));
  await db.transaction((tx) => closeInbound(tx, staff, asn.id));
  for (const item of await dockStock(db, staff, FC)) {
    if (item.suggestedBin)
      await db.transaction((tx) =>
        moveStock(tx, staff, FC, {
          lotId: item.lotId,
          fromBin: item.binCode,
          toBin: item.suggestedBin!,
          quantity: item.quantity,
        }),
      );
  }
  await createInbound(db, coffee.owner, coffee.sellerId, {
    locationId: FC,
    cartons: 2,
    lines: [{ variantId: coffee.variantIds[0], quantity: 24, lotNumber: 'DN-ROAST-47' }],
  });
  await createInbound(db, durian.owner, durian.sellerId, {
    locationId: EEC,
    cartons: 20,
    note: 'ทุเรียนสำหรับผู้ซื้อในจีน (คลังทัณฑ์บน)',
    lines: [
      {
        variantId: durian.variantIds[0],
        quantity: 200,
        lotNumber: 'CTB-0422',
        productionDate: bangkokDate(),
        expiryDate: bangkokDate(new Date(), 5),
      },
    ],
  });

  // The demo buyer pays for four bags of mango: the units are reserved at the fulfilment centre.
  const ownerKey = cartOwnerKey(buyer);
  if (!ownerKey) return;
  await db.transaction((tx) => addToCarts(tx, [{ ownerKey, variantId: mango.variantIds[0], quantity: 4 }]));
  const input = {
    shippingAddress: {
      name: 'สมศรี ใจดี',
      phone: '0891234567',
      houseNumber: '99/1',
      moo: '4',
      soi: 'ลาดพร้าว 101',
      road: 'ลาดพร้าว',
      subdistrict: 'คลองจั่น',
      district: 'บางกะปิ',
      provinceCode: '10',
      postcode: '10240',
    },
    contactPhone: '0891234567',
  };
  const [answer] = await placeOrdersDurably(
    db,
    [
      {
        actor: buyer,
        owner: cartOwnerOf(buyer)!,
        idempotencyKey: 'demo-hub',
        requestHash: hashRequest('checkout', input),
        input,
      },
    ],
    config,
  );
  if (answer.statusCode === 201 && 'orders' in answer.body)
    await markGroupPaid(db, systemActor('payments'), answer.body.orderGroupId);
}

/** Each product sold to China has its bonded units received at the EEC hub from an ASN and put away. */
async function stockBondedHub(db: Db, staff: Actor, shops: DemoShop[]): Promise<void> {
  const EEC = HUB_LOCATIONS.eecBonded.id;
  for (const product of DEMO_SHOPS.flatMap((s) => s.products)) {
    const shop = shops.find((s) => s.slug === product.slug);
    if (!shop || !product.crossBorder) continue;
    const lines = Object.entries(product.crossBorder.bondedStock).map(([sku, quantity]) => {
      const variantId = shop.variantIds[product.variants.findIndex((v) => v.sku === sku)];
      const lotNumber = `${sku}-EEC-01`;
      // Fresh produce keeps its shelf life from the day it was packed; rice a year.
      const days = product.perishable ? (product.shelfLifeDays ?? 5) : 365;
      return {
        variantId,
        quantity,
        lotNumber,
        productionDate: bangkokDate(),
        expiryDate: bangkokDate(new Date(), days),
      };
    });
    const asn = await createInbound(db, shop.owner, shop.sellerId, {
      locationId: EEC,
      cartons: lines.length,
      note: 'สินค้าสำหรับผู้ซื้อในจีน (คลังทัณฑ์บน)',
      lines,
    });
    for (const l of lines)
      await db.transaction((tx) => receiveInbound(tx, staff, asn.id, { code: l.lotNumber, quantity: l.quantity }));
    await db.transaction((tx) => closeInbound(tx, staff, asn.id));
  }
  for (const item of await dockStock(db, staff, EEC)) {
    if (item.suggestedBin)
      await db.transaction((tx) =>
        moveStock(tx, staff, EEC, {
          lotId: item.lotId,
          fromBin: item.binCode,
          toBin: item.suggestedBin!,
          quantity: item.quantity,
        }),
      );
  }
}
