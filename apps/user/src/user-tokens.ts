/** Injection token of the UserServices built at start. */
export const USER_SERVICES = 'user:USER_SERVICES';
