import { loggableUrl } from './loggable-url';

describe('URLs in request logs', () => {
  it('keeps ordinary URLs as they are', () => {
    expect(loggableUrl('/api/courses?q=ts&page=2')).toBe('/api/courses?q=ts&page=2');
    expect(loggableUrl('/health/ready')).toBe('/health/ready');
  });

  it('hides the values of credential-like query parameters', () => {
    expect(loggableUrl('/api/live?after=12&access_token=eyJhbGci&refreshToken=r1')).toBe(
      '/api/live?after=12&access_token=***&refreshToken=***',
    );
  });
});
