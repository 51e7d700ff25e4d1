import type { TestApps } from '../../../../libs/testing/src/apps';
import { startTestApp } from '../../../../libs/testing/src/apps';
import { createCourseApp } from '../../../course/src/course.app';
import { createNotificationApp } from '../../../notification/src/notification.app';
import { createPaymentApp } from '../../../payment/src/payment.app';
import { projectionApp } from '../../../projection/src/projection.app';
import { testOnlyArgon2Cost } from '../../../user/src/passwords/password-hasher';
import { createUserApp } from '../../../user/src/user.app';
import { bffWebApp } from '../bff-web.app';
import {
  adminEmail,
  courseDraft,
  eventually,
  httpClient,
  journeyStoreProfiles,
  signUp,
  signUpInstructor,
} from './journey-kit';

interface Enrollments {
  items: { courseId: string; title?: string; status: string; orderId: string }[];
}
interface Mail {
  to: string;
  subject: string;
  messageId: string;
}

describe.each(journeyStoreProfiles('journey').filter((profile) => profile.available))(
  'a paid booking through bff-web $name: order, dev checkout, enrollment and confirmation email',
  (profile) => {
    let apps: TestApps;
    let cleanup: () => Promise<void> = async () => undefined;
    const edge = httpClient(() => apps.urls['bff-web']!);

    beforeAll(async () => {
      const stores = await profile.open();
      cleanup = stores.cleanup;
      apps = await startTestApp(
        [
          createUserApp({ passwordCost: testOnlyArgon2Cost }),
          createCourseApp({ timerPollMs: 50 }),
          createPaymentApp(),
          projectionApp,
          createNotificationApp({ retry: { initialBackoffMs: 5, maxBackoffMs: 20 } }),
          bffWebApp,
        ],
        { env: { ADMIN_EMAILS: adminEmail, LOG_LEVEL: 'warn', RATE_LIMIT_PER_IP: '100000', ...stores.env } },
      );
    });
    afterAll(async () => {
      await apps?.close();
      await cleanup();
    });

    it('enrolls the learner once the dev checkout page is paid, and emails the confirmation', async () => {
      const instructor = await signUpInstructor(edge, 'ivo@example.com');
      const learner = await signUp(edge, 'paula@example.com');
      const created = await edge<{ courseId: string }>('POST', '/api/courses', {
        token: instructor.token,
        body: courseDraft({ title: 'Process Managers' }),
      });
      const { courseId } = created.body;
      expect(
        (await edge('POST', `/api/courses/${courseId}/publish`, { token: instructor.token })).status,
      ).toBe(200);
      expect(
        (await edge('POST', '/api/cart/items', { token: learner.token, body: { courseId } })).status,
      ).toBe(200);
      const placed = await edge<{ orderId: string }>('POST', '/api/orders', { token: learner.token });
      expect(placed.status).toBe(201);
      const { orderId } = placed.body;

      const checkout = await edge<{ sessionId: string; checkoutUrl: string }>(
        'POST',
        `/api/orders/${orderId}/checkout`,
        { token: learner.token },
      );
      expect(checkout.status).toBe(200);
      const page = await fetch(`${apps.urls.payment}/dev/checkout/${checkout.body.sessionId}`);
      expect(page.status).toBe(200);
      // What the page's Pay button does: an empty form post that sends the signed webhook.
      const paid = await fetch(`${apps.urls.payment}/dev/checkout/${checkout.body.sessionId}/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
        redirect: 'manual',
      });
      expect(paid.status).toBe(303);

      const order = await eventually(
        () => edge<{ status: string }>('GET', `/api/orders/${orderId}`, { token: learner.token }),
        (answer) => answer.body.status === 'paid',
      );
      expect(order.body.status).toBe('paid');
      const enrollments = await eventually(
        () => edge<Enrollments>('GET', '/api/enrollments', { token: learner.token }),
        (answer) => answer.body.items?.length === 1,
      );
      expect(enrollments.status).toBe(200);
      expect(enrollments.body.items).toEqual([
        expect.objectContaining({ courseId, orderId, status: 'active', title: 'Process Managers' }),
      ]);
      const detail = await edge('GET', `/api/courses/${courseId}`, { token: learner.token });
      expect(detail.body.enrollment).toEqual({ orderId, status: 'active' });

      const mailbox = await eventually(
        async () => (await (await fetch(`${apps.urls.notification}/dev/mailbox`)).json()) as Mail[],
        (mails) => mails.some((mail) => mail.to === 'paula@example.com' && mail.messageId.includes(orderId)),
      );
      expect(
        mailbox.filter((mail) => mail.to === 'paula@example.com' && mail.messageId.includes(orderId)),
      ).toHaveLength(1);
    });
  },
);
