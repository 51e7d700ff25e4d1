/** One spelling per mailbox, so `Ada@Example.com ` and `ada@example.com` reserve the same email. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
