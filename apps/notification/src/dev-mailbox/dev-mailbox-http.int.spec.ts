import { startTestApp, type TestApps } from '@quizbook/testing';
import { createUserApp } from '../../../user/src/user.app';
import { testOnlyArgon2Cost } from '../../../user/src/passwords/password-hasher';
import { createNotificationApp } from '../notification.app';
import { waitUntil } from '../testing/wait-until';

const fastRetries = { retry: { initialBackoffMs: 5, maxBackoffMs: 20 } };

async function getJson(url: string): Promise<{ status: number; body: unknown; type: string | null }> {
  const response = await fetch(url);
  const text = await response.text();
  return {
    status: response.status,
    body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
    type: response.headers.get('content-type'),
  };
}

describe('the dev mailbox over HTTP', () => {
  describe('with MAIL_URL=devmailbox: (the embedded default), user and notification apps together', () => {
    let apps: TestApps;

    beforeAll(async () => {
      apps = await startTestApp([
        createUserApp({ passwordCost: testOnlyArgon2Cost }),
        createNotificationApp(fastRetries),
      ]);
    });
    afterAll(() => apps.close());

    it('shows the welcome email of a user who registers on the user app, without a token', async () => {
      const registered = await fetch(`${apps.urls.user}/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ada@example.com', password: 'correct horse 1', name: 'Ada' }),
      });
      expect(registered.status).toBe(201);

      const mailbox = `${apps.urls.notification}/dev/mailbox`;
      let list: { id: number; to: string; subject: string; messageId: string }[] = [];
      await waitUntil(async () => {
        list = (await getJson(mailbox)).body as typeof list;
        return list.length > 0;
      }, 'the welcome email in the mailbox');
      expect(list).toEqual([
        expect.objectContaining({
          to: 'ada@example.com',
          from: 'Quizbook <no-reply@quizbook.local>',
          subject: 'Welcome to Quizbook, Ada',
          messageId: expect.stringMatching(/^<welcome-email-.+@quizbook\.local>$/),
        }),
      ]);

      const mail = await getJson(`${mailbox}/${list[0]!.id}`);
      expect(mail.status).toBe(200);
      expect(mail.body).toMatchObject({ text: expect.stringContaining('Hello Ada,') });
      expect((mail.body as { html: string }).html).toContain('<a href="http://127.0.0.1:3000/courses">');

      const html = await getJson(`${mailbox}/${list[0]!.id}/html`);
      expect(html.type).toMatch(/^text\/html/);
      expect(html.body).toContain('<p>Hello Ada,</p>');
    });

    it('answers 404 for a mail that is not there', async () => {
      const missing = await getJson(`${apps.urls.notification}/dev/mailbox/999999`);
      expect(missing.status).toBe(404);
    });
  });

  describe('with MAIL_URL=smtp://…', () => {
    let apps: TestApps;

    beforeAll(async () => {
      apps = await startTestApp(createNotificationApp(fastRetries), {
        env: { MAIL_URL: 'smtp://127.0.0.1:2525' },
      });
    });
    afterAll(() => apps.close());

    it('has no dev mailbox: 404', async () => {
      expect((await getJson(`${apps.url}/dev/mailbox`)).status).toBe(404);
      expect((await getJson(`${apps.url}/dev/mailbox/1`)).status).toBe(404);
    });
  });
});
