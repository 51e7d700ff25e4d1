import { passwordProblem } from './password-policy';
import { normalizeEmail } from './email';

describe('password policy', () => {
  it.each([
    ['short1!', /at least 10/],
    ['aaaaaaaaaaaa', /single character/],
    ['abcdefghijkl', /two of/],
    ['123456789012', /two of/],
  ])('refuses %s', (password, reason) => {
    expect(passwordProblem(password)).toMatch(reason);
  });

  it.each(['correct horse battery', 'Abcdefghij', 'abcde12345'])('accepts %s', (password) => {
    expect(passwordProblem(password)).toBeUndefined();
  });
});

describe('email normalization', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Ada@Example.COM ')).toBe('ada@example.com');
  });
});
