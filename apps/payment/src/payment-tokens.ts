/** The PaymentServices of this app. */
export const PAYMENT_SERVICES = 'payment:SERVICES';
