import { randomInt } from 'node:crypto';

/** Fisher-Yates: every order equally likely. */
export function shuffled<T>(items: readonly T[], random: (max: number) => number = randomInt): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = random(index + 1);
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}
