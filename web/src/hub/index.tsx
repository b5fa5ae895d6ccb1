// The hub screens and the seller's inbound shipments, loaded as their own chunk.
export { hubHomePage, hubOverviewPage } from './home.tsx';
export { receivePage } from './receive.tsx';
export { putAwayPage } from './putaway.tsx';
export { pickPage } from './pick.tsx';
export { packPage, dispatchPage } from './pack.tsx';
export { stockPage } from './stock.tsx';
export { inboundPage } from './inbound.tsx';
