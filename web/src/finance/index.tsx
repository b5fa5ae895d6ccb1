// The finance chunk: the seller centre's credit profile, consents, application and loans, and the lender console.
export { applyPage, consentsPage, loansPage, profilePage } from './seller.tsx';
export { lenderPage } from './lender.tsx';
