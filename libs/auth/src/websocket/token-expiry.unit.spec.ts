import type { Principal } from '../principal';
import { atTokenExpiry, msUntilTokenExpires } from './token-expiry';

const principalExpiringAt = (expiresAt: number): Principal => ({
  userId: 'u',
  email: undefined,
  roles: ['learner'],
  token: 't',
  expiresAt,
});

describe('msUntilTokenExpires', () => {
  it('counts the milliseconds left from expiresAt in seconds', () => {
    expect(msUntilTokenExpires(principalExpiringAt(1_000), 400_000)).toBe(600_000);
  });

  it('is 0 once the token has expired', () => {
    expect(msUntilTokenExpires(principalExpiringAt(1_000), 2_000_000)).toBe(0);
  });
});

describe('atTokenExpiry', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('calls back exactly when the token expires, not before', () => {
    const onExpiry = jest.fn();
    atTokenExpiry(principalExpiringAt(1_000 + 60), onExpiry);

    jest.advanceTimersByTime(59_999);
    expect(onExpiry).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(onExpiry).toHaveBeenCalledTimes(1);
  });

  it('never calls back once cancelled (the socket closed first)', () => {
    const onExpiry = jest.fn();
    const cancel = atTokenExpiry(principalExpiringAt(1_000 + 60), onExpiry);
    cancel();
    jest.advanceTimersByTime(120_000);
    expect(onExpiry).not.toHaveBeenCalled();
  });

  it('waits out a lifetime longer than one Node timer can hold', () => {
    const onExpiry = jest.fn();
    const thirtyDays = 30 * 24 * 3600;
    atTokenExpiry(principalExpiringAt(1_000 + thirtyDays), onExpiry);

    jest.advanceTimersByTime(25 * 24 * 3600 * 1000);
    expect(onExpiry).not.toHaveBeenCalled();
    jest.advanceTimersByTime(5 * 24 * 3600 * 1000);
    expect(onExpiry).toHaveBeenCalledTimes(1);
  });
});
