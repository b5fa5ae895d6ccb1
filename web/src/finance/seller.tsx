// The seller centre's finance pages, one module each: the credit profile (seen first, with what
// would improve it), consents per lender and purpose (with who looked), the application with its
// instant explained decision and the offer to accept, and the loans with their schedule and statement.
export { applyPage } from './apply.tsx';
export { consentsPage } from './consents.tsx';
export { LoanView, loansPage } from './loans.tsx';
export { profilePage } from './profile.tsx';
export { type Explanation, ExplanationView, OfferView } from './shared.tsx';
