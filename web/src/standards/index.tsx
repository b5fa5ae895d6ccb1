// The standards chunk: the seller's certificates, lots, QR sheets and flagship application, and the
// operator's review. (The public trace page is its own chunk; badges are in the main bundle.)
export { certificatesPage, flagshipPage } from './seller.tsx';
export { lotLabelsPage, lotsPage } from './lots.tsx';
export { opsStandardsPage } from './ops.tsx';
