import { ProblemError } from '@quizbook/platform';
import type { Principal } from '../principal';
import { notFoundUnlessOwner } from './not-found-unless-owner';

interface Order {
  id: string;
  learnerId: string;
}

const principal = (userId: string, roles: Principal['roles'] = ['learner']): Principal => ({
  userId,
  email: undefined,
  roles,
  token: 't',
  expiresAt: 0,
});
const order: Order = { id: 'order-1', learnerId: 'alice' };
const ownerOf = (o: Order) => o.learnerId;

function problemOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('notFoundUnlessOwner', () => {
  it("returns the caller's own resource", () => {
    expect(notFoundUnlessOwner(order, principal('alice'), ownerOf)).toBe(order);
  });

  it("answers someone else's resource exactly as a missing one: 404, never 403", () => {
    const foreign = problemOf(() => notFoundUnlessOwner(order, principal('bob'), ownerOf));
    const missing = problemOf(() => notFoundUnlessOwner(undefined, principal('bob'), ownerOf));
    expect(foreign.status).toBe(404);
    expect(foreign).toEqual(missing);
    expect(JSON.stringify(foreign)).not.toContain('alice');
  });

  it('lets an admin see it only where the route allows admins', () => {
    const admin = principal('root', ['admin']);
    expect(notFoundUnlessOwner(order, admin, ownerOf, { adminSees: true })).toBe(order);
    expect(problemOf(() => notFoundUnlessOwner(order, admin, ownerOf)).status).toBe(404);
  });

  it('does not let an instructor see a learner resource through adminSees', () => {
    const instructor = principal('teacher', ['instructor']);
    expect(problemOf(() => notFoundUnlessOwner(order, instructor, ownerOf, { adminSees: true })).status).toBe(
      404,
    );
  });

  it('uses the given detail', () => {
    expect(
      problemOf(() => notFoundUnlessOwner(order, principal('bob'), ownerOf, { detail: 'No such order.' }))
        .detail,
    ).toBe('No such order.');
  });
});
