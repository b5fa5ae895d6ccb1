// Every page of the web app. Storefront pages are in the main bundle (they hydrate at once);
// checkout, the seller centre and the operator console load as their own chunks.
import type { PageModule, Route } from './app/router.ts';
import { homePage } from './pages/Home.tsx';
import { listingPage } from './pages/Listing.tsx';
import { searchPage } from './pages/Search.tsx';
import { productPage } from './pages/Product.tsx';
import { shopPage } from './pages/Shop.tsx';
import { cartPage } from './pages/Cart.tsx';
import { signInPage, signUpPage } from './pages/Auth.tsx';
import { forbiddenPage, notFoundPage, serverErrorPage } from './pages/errors.tsx';

const CHECKOUT = 'src/checkout/index.tsx';
const SELLER = 'src/seller/index.tsx';
const OPS = 'src/ops/index.tsx';
const PAY = 'src/payments/index.tsx';
const CN = 'src/crossborder/index.tsx';
const checkout = () => import('./checkout/index.tsx');
const seller = () => import('./seller/index.tsx');
const ops = () => import('./ops/index.tsx');
const pay = () => import('./payments/index.tsx');
const cn = () => import('./crossborder/index.tsx');
const HUB = 'src/hub/index.tsx';
const hub = () => import('./hub/index.tsx');
const ORDERS = 'src/pages/Orders.tsx';
const orders = () => import('./pages/Orders.tsx');
const TRACK = 'src/shipping/track-page.tsx';
const track = () => import('./shipping/track-page.tsx');
const STANDARDS = 'src/standards/index.tsx';
const standards = () => import('./standards/index.tsx');
const TRACE = 'src/standards/trace-page.tsx';
const trace = () => import('./standards/trace-page.tsx');
const INSIGHTS = 'src/insights/index.tsx';
const insights = () => import('./insights/index.tsx');
const ACADEMY_VERIFY = 'src/academy/verify-page.tsx';
const academyVerify = () => import('./academy/verify-page.tsx');
const ACCOUNT = 'src/account/sessions-page.tsx';
const account = () => import('./account/sessions-page.tsx');
const ACADEMY_LEARN = 'src/academy/learn.tsx';
const ACADEMY_COHORTS = 'src/academy/cohort-pages.tsx';
const academyCohorts = () => import('./academy/cohort-pages.tsx');
const academyLearn = () => import('./academy/learn.tsx');
const FINANCE = 'src/finance/index.tsx';
const TOURISM = 'src/tourism/index.tsx';
const tourism = () => import('./tourism/index.tsx');
const TRADE = 'src/trade/index.tsx';
const trade = () => import('./trade/index.tsx');
const WEBHOOKS = 'src/webhooks/index.tsx';
const RETURNS = 'src/returns/index.tsx';
const returns = () => import('./returns/index.tsx');
const REVIEWS = 'src/reviews/index.tsx';
const reviews = () => import('./reviews/index.tsx');
const webhooks = () => import('./webhooks/index.tsx');
const finance = () => import('./finance/index.tsx');
const PROMOTIONS = 'src/promotions/index.tsx';
const promotions = () => import('./promotions/index.tsx');
const CN_LANDING = 'src/pages/China.tsx';
const cnLanding = () => import('./pages/China.tsx');

export const routes: Route[] = [
  { name: 'home', path: '/', module: () => homePage },
  { name: 'products', path: '/products', module: () => listingPage },
  { name: 'category', path: '/c/:slug', module: () => listingPage },
  { name: 'search', path: '/search', module: () => searchPage },
  { name: 'product', path: '/p/:id', module: () => productPage },
  { name: 'shop', path: '/shop/:slug', module: () => shopPage },
  { name: 'cart', path: '/cart', module: () => cartPage },
  { name: 'signin', path: '/signin', module: () => signInPage },
  { name: 'signup', path: '/signup', module: () => signUpPage },
  { name: 'orders', path: '/orders', chunk: ORDERS, module: () => orders().then((m) => m.ordersPage) },
  { name: 'order', path: '/orders/:id', chunk: ORDERS, module: () => orders().then((m) => m.orderPage) },
  { name: 'placed', path: '/checkout/done/:groupId', chunk: ORDERS, module: () => orders().then((m) => m.placedPage) },
  {
    name: 'account-sessions',
    path: '/account/sessions',
    chunk: ACCOUNT,
    module: () => account().then((m) => m.sessionsPage),
  },
  { name: 'track', path: '/track/:number', chunk: TRACK, module: () => track().then((m) => m.trackPage) },
  { name: 'insights', path: '/insights', chunk: INSIGHTS, module: () => insights().then((m) => m.insightsPage) },
  { name: 'trace', path: '/trace/:code', chunk: TRACE, module: () => trace().then((m) => m.tracePage) },
  {
    name: 'academy-verify',
    path: '/academy/verify/:id',
    chunk: ACADEMY_VERIFY,
    module: () => academyVerify().then((m) => m.verifyPage),
  },
  {
    name: 'academy',
    path: '/academy',
    chunk: ACADEMY_LEARN,
    module: () => academyLearn().then((m) => m.cataloguePage),
  },
  {
    name: 'academy-course',
    path: '/academy/courses/:courseId',
    chunk: ACADEMY_LEARN,
    module: () => academyLearn().then((m) => m.coursePage),
  },
  {
    name: 'academy-lesson',
    path: '/academy/courses/:courseId/lessons/:lessonId',
    chunk: ACADEMY_LEARN,
    module: () => academyLearn().then((m) => m.lessonPage),
  },
  {
    name: 'academy-quiz',
    path: '/academy/courses/:courseId/quiz',
    chunk: ACADEMY_LEARN,
    module: () => academyLearn().then((m) => m.quizPage),
  },
  {
    name: 'academy-teach',
    path: '/academy/teach',
    chunk: ACADEMY_COHORTS,
    module: () => academyCohorts().then((m) => m.teachPage),
  },
  {
    name: 'academy-cohort',
    path: '/academy/cohorts/:cohortId',
    chunk: ACADEMY_COHORTS,
    module: () => academyCohorts().then((m) => m.cohortPage),
  },
  {
    name: 'academy-cohort-progress',
    path: '/academy/cohorts/:cohortId/progress',
    chunk: ACADEMY_COHORTS,
    module: () => academyCohorts().then((m) => m.progressPage),
  },
  {
    name: 'academy-session',
    path: '/academy/sessions/:sessionId',
    chunk: ACADEMY_COHORTS,
    module: () => academyCohorts().then((m) => m.sessionPage),
  },
  {
    name: 'academy-join',
    path: '/academy/join/:code',
    chunk: ACADEMY_COHORTS,
    module: () => academyCohorts().then((m) => m.joinPage),
  },
  {
    name: 'academy-check-in-list',
    path: '/academy/check-in',
    chunk: ACADEMY_COHORTS,
    module: () => academyCohorts().then((m) => m.checkInPage),
  },
  {
    name: 'academy-check-in',
    path: '/academy/check-in/:sessionId',
    chunk: ACADEMY_COHORTS,
    module: () => academyCohorts().then((m) => m.checkInPage),
  },
  {
    name: 'seller-academy',
    path: '/seller/:sellerId/academy',
    chunk: ACADEMY_LEARN,
    module: () => academyLearn().then((m) => m.sellerAcademyPage),
  },
  {
    name: 'seller-standards',
    path: '/seller/:sellerId/standards',
    chunk: STANDARDS,
    module: () => standards().then((m) => m.certificatesPage),
  },
  {
    name: 'seller-lots',
    path: '/seller/:sellerId/lots',
    chunk: STANDARDS,
    module: () => standards().then((m) => m.lotsPage),
  },
  {
    name: 'seller-lot-labels',
    path: '/seller/:sellerId/lots/:lotId/labels',
    chunk: STANDARDS,
    module: () => standards().then((m) => m.lotLabelsPage),
  },
  {
    name: 'seller-flagship',
    path: '/seller/:sellerId/flagship',
    chunk: STANDARDS,
    module: () => standards().then((m) => m.flagshipPage),
  },
  {
    name: 'seller-finance',
    path: '/seller/:sellerId/finance',
    chunk: FINANCE,
    module: () => finance().then((m) => m.profilePage),
  },
  {
    name: 'seller-finance-consents',
    path: '/seller/:sellerId/finance/consents',
    chunk: FINANCE,
    module: () => finance().then((m) => m.consentsPage),
  },
  {
    name: 'seller-finance-apply',
    path: '/seller/:sellerId/finance/apply',
    chunk: FINANCE,
    module: () => finance().then((m) => m.applyPage),
  },
  {
    name: 'seller-finance-loans',
    path: '/seller/:sellerId/finance/loans',
    chunk: FINANCE,
    module: () => finance().then((m) => m.loansPage),
  },
  { name: 'trade', path: '/trade', chunk: TRADE, module: () => trade().then((m) => m.tradeHomePage) },
  { name: 'trade-rfq-new', path: '/trade/rfqs/new', chunk: TRADE, module: () => trade().then((m) => m.newRfqPage) },
  { name: 'trade-rfq', path: '/trade/rfqs/:id', chunk: TRADE, module: () => trade().then((m) => m.rfqPage) },
  {
    name: 'trade-thread',
    path: '/trade/rfqs/:id/shops/:sellerId',
    chunk: TRADE,
    module: () => trade().then((m) => m.buyerThreadPage),
  },
  { name: 'trade-order', path: '/trade/orders/:id', chunk: TRADE, module: () => trade().then((m) => m.buyerOrderPage) },
  { name: 'trade-partners', path: '/trade/partners', chunk: TRADE, module: () => trade().then((m) => m.partnersPage) },
  {
    name: 'trade-partner',
    path: '/trade/partners/:slug',
    chunk: TRADE,
    module: () => trade().then((m) => m.partnerPage),
  },
  {
    name: 'seller-trade',
    path: '/seller/:sellerId/trade',
    chunk: TRADE,
    module: () => trade().then((m) => m.sellerTradePage),
  },
  {
    name: 'seller-trade-rfq',
    path: '/seller/:sellerId/trade/rfqs/:rfqId',
    chunk: TRADE,
    module: () => trade().then((m) => m.sellerRfqPage),
  },
  {
    name: 'seller-trade-order',
    path: '/seller/:sellerId/trade/orders/:id',
    chunk: TRADE,
    module: () => trade().then((m) => m.sellerTradeOrderPage),
  },
  {
    name: 'ops-trade-claims',
    path: '/ops/trade/claims',
    chunk: TRADE,
    module: () => trade().then((m) => m.opsTradeClaimsPage),
  },
  {
    name: 'returns-new',
    path: '/returns/new/:orderId',
    chunk: RETURNS,
    module: () => returns().then((m) => m.newReturnPage),
  },
  { name: 'my-returns', path: '/returns', chunk: RETURNS, module: () => returns().then((m) => m.myReturnsPage) },
  { name: 'return', path: '/returns/:id', chunk: RETURNS, module: () => returns().then((m) => m.returnPage) },
  {
    name: 'seller-returns',
    path: '/seller/:sellerId/returns',
    chunk: RETURNS,
    module: () => returns().then((m) => m.shopReturnsPage),
  },
  {
    name: 'seller-return',
    path: '/seller/:sellerId/returns/:returnId',
    chunk: RETURNS,
    module: () => returns().then((m) => m.shopReturnPage),
  },
  {
    name: 'hub-returns',
    path: '/hub/:locationId/returns',
    chunk: RETURNS,
    module: () => returns().then((m) => m.hubReturnsPage),
  },
  { name: 'ops-returns', path: '/ops/returns', chunk: RETURNS, module: () => returns().then((m) => m.opsReturnsPage) },
  {
    name: 'reviews-new',
    path: '/reviews/new/:orderId',
    chunk: REVIEWS,
    module: () => reviews().then((m) => m.newReviewPage),
  },
  {
    name: 'seller-reviews',
    path: '/seller/:sellerId/reviews',
    chunk: REVIEWS,
    module: () => reviews().then((m) => m.shopReviewsPage),
  },
  { name: 'ops-reviews', path: '/ops/reviews', chunk: REVIEWS, module: () => reviews().then((m) => m.opsReviewsPage) },
  {
    name: 'seller-webhooks',
    path: '/seller/:sellerId/webhooks',
    chunk: WEBHOOKS,
    module: () => webhooks().then((m) => m.webhooksPage),
  },
  { name: 'lender', path: '/lender', chunk: FINANCE, module: () => finance().then((m) => m.lenderPage) },
  {
    name: 'ops-standards',
    path: '/ops/standards',
    chunk: STANDARDS,
    module: () => standards().then((m) => m.opsStandardsPage),
  },
  { name: 'tours', path: '/tours', chunk: TOURISM, module: () => tourism().then((m) => m.destinationsPage) },
  {
    name: 'tour-bookings',
    path: '/tours/bookings',
    chunk: TOURISM,
    module: () => tourism().then((m) => m.myBookingsPage),
  },
  {
    name: 'tour-booking',
    path: '/tours/bookings/:id',
    chunk: TOURISM,
    module: () => tourism().then((m) => m.bookingPage),
  },
  {
    name: 'tour-experience',
    path: '/tours/experiences/:id',
    chunk: TOURISM,
    module: () => tourism().then((m) => m.experiencePage),
  },
  {
    name: 'tour-destination',
    path: '/tours/:code',
    chunk: TOURISM,
    module: () => tourism().then((m) => m.destinationPage),
  },
  {
    name: 'seller-tourism',
    path: '/seller/:sellerId/tourism',
    chunk: TOURISM,
    module: () => tourism().then((m) => m.sellerExperiencesPage),
  },
  {
    name: 'seller-tourism-experience',
    path: '/seller/:sellerId/tourism/experiences/:id',
    chunk: TOURISM,
    module: () => tourism().then((m) => m.sellerExperiencePage),
  },
  {
    name: 'seller-tourism-redeem',
    path: '/seller/:sellerId/tourism/redeem',
    chunk: TOURISM,
    module: () => tourism().then((m) => m.redeemPage),
  },
  { name: 'checkout', path: '/checkout', chunk: CHECKOUT, module: () => checkout().then((m) => m.checkoutPage) },
  { name: 'pay', path: '/pay/:groupId', chunk: PAY, module: () => pay().then((m) => m.payPage) },
  { name: 'pay-return', path: '/pay/intent/:intentId', chunk: PAY, module: () => pay().then((m) => m.payReturnPage) },
  {
    name: 'sandbox-alipay',
    path: '/sandbox/alipay/:id',
    chunk: PAY,
    module: () => pay().then((m) => m.sandboxAlipayPage),
  },
  { name: 'sandbox-card', path: '/sandbox/card/:id', chunk: PAY, module: () => pay().then((m) => m.sandboxCardPage) },
  { name: 'seller', path: '/seller', chunk: SELLER, module: () => seller().then((m) => m.sellerHomePage) },
  { name: 'seller-apply', path: '/seller/apply', chunk: SELLER, module: () => seller().then((m) => m.applyPage) },
  {
    name: 'seller-products',
    path: '/seller/:sellerId/products',
    chunk: SELLER,
    module: () => seller().then((m) => m.productsPage),
  },
  {
    name: 'seller-product',
    path: '/seller/:sellerId/products/:productId',
    chunk: SELLER,
    module: () => seller().then((m) => m.productEditPage),
  },
  {
    name: 'seller-orders',
    path: '/seller/:sellerId/orders',
    chunk: SELLER,
    module: () => seller().then((m) => m.sellerOrdersPage),
  },
  {
    name: 'seller-tokens',
    path: '/seller/:sellerId/tokens',
    chunk: SELLER,
    module: () => seller().then((m) => m.tokensPage),
  },
  {
    name: 'seller-money',
    path: '/seller/:sellerId/money',
    chunk: SELLER,
    module: () => seller().then((m) => m.moneyPage),
  },
  {
    name: 'seller-invoices',
    path: '/seller/:sellerId/invoices',
    chunk: SELLER,
    module: () => seller().then((m) => m.invoicesPage),
  },
  {
    name: 'seller-inbound',
    path: '/seller/:sellerId/inbound',
    chunk: HUB,
    module: () => hub().then((m) => m.inboundPage),
  },
  { name: 'hub', path: '/hub', chunk: HUB, module: () => hub().then((m) => m.hubHomePage) },
  { name: 'hub-overview', path: '/hub/:locationId', chunk: HUB, module: () => hub().then((m) => m.hubOverviewPage) },
  { name: 'hub-receive', path: '/hub/:locationId/receive', chunk: HUB, module: () => hub().then((m) => m.receivePage) },
  { name: 'hub-putaway', path: '/hub/:locationId/putaway', chunk: HUB, module: () => hub().then((m) => m.putAwayPage) },
  { name: 'hub-pick', path: '/hub/:locationId/pick', chunk: HUB, module: () => hub().then((m) => m.pickPage) },
  { name: 'hub-pack', path: '/hub/:locationId/pack', chunk: HUB, module: () => hub().then((m) => m.packPage) },
  {
    name: 'hub-dispatch',
    path: '/hub/:locationId/dispatch',
    chunk: HUB,
    module: () => hub().then((m) => m.dispatchPage),
  },
  { name: 'hub-stock', path: '/hub/:locationId/stock', chunk: HUB, module: () => hub().then((m) => m.stockPage) },
  { name: 'ops', path: '/ops', chunk: OPS, module: () => ops().then((m) => m.opsHomePage) },
  {
    name: 'ops-applications',
    path: '/ops/applications',
    chunk: OPS,
    module: () => ops().then((m) => m.applicationsPage),
  },
  { name: 'ops-sellers', path: '/ops/sellers', chunk: OPS, module: () => ops().then((m) => m.sellersPage) },
  { name: 'ops-payouts', path: '/ops/payouts', chunk: OPS, module: () => ops().then((m) => m.payoutsPage) },
  { name: 'ops-orders', path: '/ops/orders', chunk: OPS, module: () => ops().then((m) => m.opsOrdersPage) },
  {
    name: 'ops-vouchers',
    path: '/ops/vouchers',
    chunk: OPS,
    module: () => ops().then((m) => m.platformVouchersPage),
  },
  {
    name: 'seller-campaigns',
    path: '/seller/:sellerId/campaigns',
    chunk: PROMOTIONS,
    module: () => promotions().then((m) => m.campaignsPage),
  },
  {
    name: 'seller-vouchers',
    path: '/seller/:sellerId/vouchers',
    chunk: PROMOTIONS,
    module: () => promotions().then((m) => m.shopVouchersPage),
  },
  { name: 'cn', path: '/cn', chunk: CN_LANDING, module: () => cnLanding().then((m) => m.chinaPage) },
  { name: 'cn-checkout', path: '/cn/checkout', chunk: CN, module: () => cn().then((m) => m.cnCheckoutPage) },
  { name: 'cn-order', path: '/cn/orders/:id', chunk: CN, module: () => cn().then((m) => m.cnOrderPage) },
  { name: 'ops-customs', path: '/ops/customs', chunk: CN, module: () => cn().then((m) => m.opsCustomsPage) },
];

export const specialPages: Record<string, PageModule> = {
  _not_found: notFoundPage,
  _forbidden: forbiddenPage,
  _error: serverErrorPage,
};
