import { SmtpTestServer } from '../testing/smtp-test-server';
import { createSmtpTransport } from './smtp-transport';

describe('the SMTP transport, against a real SMTP listener', () => {
  const server = new SmtpTestServer();

  beforeAll(() => server.start(0));
  afterAll(() => server.stop());

  it('delivers from, to, subject, the text and HTML parts and our Message-ID', async () => {
    const transport = createSmtpTransport(server.url);
    await transport.send({
      messageId: '<welcome-email-1@quizbook.local>',
      from: 'Quizbook <no-reply@quizbook.local>',
      to: 'ada@example.com',
      subject: 'Welcome to Quizbook, Ada',
      text: 'Hello Ada,\nwelcome.',
      html: '<p>Hello Ada,</p><p>welcome.</p>',
    });
    await transport.close();

    expect(server.received).toHaveLength(1);
    const mail = server.received[0]!;
    expect(mail.headers['from']).toBe('Quizbook <no-reply@quizbook.local>');
    expect(mail.headers['to']).toBe('ada@example.com');
    expect(mail.headers['subject']).toBe('Welcome to Quizbook, Ada');
    expect(mail.headers['message-id']).toBe('<welcome-email-1@quizbook.local>');
    expect(mail.headers['content-type']).toMatch(/^multipart\/alternative/);
    expect(mail.text).toBe('Hello Ada,\nwelcome.');
    expect(mail.html).toBe('<p>Hello Ada,</p><p>welcome.</p>');
  });

  it('fails the send when the server refuses the message', async () => {
    server.refusing = true;
    const transport = createSmtpTransport(server.url);
    try {
      await expect(
        transport.send({
          messageId: '<x@y.z>',
          from: 'a@y.z',
          to: 'b@y.z',
          subject: 's',
          text: 't',
          html: 'h',
        }),
      ).rejects.toThrow(/try again later/);
    } finally {
      server.refusing = false;
      await transport.close();
    }
  });
});
