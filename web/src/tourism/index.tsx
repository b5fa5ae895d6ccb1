// The tourism pages, one chunk: destinations, experiences with their calendar, bookings and
// tickets, and the shop's ticket scanner.
export { destinationPage, destinationsPage } from './destinations.tsx';
export { experiencePage } from './experience.tsx';
export { bookingPage, myBookingsPage } from './booking.tsx';
export { redeemPage } from './redeem.tsx';
export { sellerExperiencePage, sellerExperiencesPage } from './seller.tsx';
