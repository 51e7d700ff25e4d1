import { mailMessageId } from './outgoing-mail';

describe('the Message-ID of a notification email', () => {
  it('is the same for every delivery of one bus message, in the sender domain', () => {
    const from = 'Quizbook <no-reply@quizbook.local>';
    expect(mailMessageId('welcome-email-42', from)).toBe('<welcome-email-42@quizbook.local>');
    expect(mailMessageId('welcome-email-42', from)).toBe(mailMessageId('welcome-email-42', from));
  });

  it('keeps ids with unusual characters distinct and valid', () => {
    const a = mailMessageId('order a.b (1)@x', 'no-reply@mail.example');
    const b = mailMessageId('order a_b (1)@x', 'no-reply@mail.example');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^<[A-Za-z0-9%_-]+@mail\.example>$/);
  });

  it('hashes very long ids to keep the header short', () => {
    expect(mailMessageId('x'.repeat(500), 'a@b.io')).toMatch(/^<sha256-[0-9a-f]{64}@b\.io>$/);
  });
});
