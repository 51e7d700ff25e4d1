export const minimumPasswordLength = 10;
export const maximumPasswordLength = 256;

/**
 * Length matters most (NIST 800-63B); a password of one character class only (all digits, all
 * lower-case letters...) is refused too, as are passwords made of a single repeated character.
 * The upper bound keeps argon2 work per request bounded. Returns the reason, or undefined when fine.
 */
export function passwordProblem(password: string): string | undefined {
  if (password.length < minimumPasswordLength)
    return `must be at least ${minimumPasswordLength} characters long`;
  if (password.length > maximumPasswordLength)
    return `must be at most ${maximumPasswordLength} characters long`;
  if (new Set(password).size === 1) return 'must not repeat a single character';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password));
  if (classes.length < 2)
    return 'must mix at least two of: lower-case letters, upper-case letters, digits, symbols';
  return undefined;
}
