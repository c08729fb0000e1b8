/** The one form an email address is compared and stored in, whichever door it came through. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
