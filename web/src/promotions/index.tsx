// Campaigns and vouchers in the seller centre, loaded as their own chunk.
export { campaignsPage } from './campaigns.tsx';
export { shopVouchersPage } from './vouchers.tsx';
