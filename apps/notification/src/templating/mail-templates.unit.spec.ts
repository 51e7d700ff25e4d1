import { MailTemplates } from './mail-templates';

describe('mail templates', () => {
  const templates = new MailTemplates();
  const appUrl = 'https://quizbook.example';

  it('renders the welcome email as a one-line subject, a plain-text part and an HTML part', () => {
    const mail = templates.render('welcome', { name: 'Ada', email: 'ada@example.com', appUrl });
    expect(mail.subject).toBe('Welcome to Quizbook, Ada');
    expect(mail.text).toContain('Hello Ada,');
    expect(mail.text).toContain('https://quizbook.example/courses');
    expect(mail.html).toContain('<p>Hello Ada,</p>');
    expect(mail.html).toContain('<a href="https://quizbook.example/courses">');
  });

  it('escapes what it interpolates into HTML, and only there', () => {
    const mail = templates.render('welcome', {
      name: 'Bob <script>alert(1)</script> & Co',
      email: 'bob@example.com',
      appUrl,
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Bob &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(mail.text).toContain('Hello Bob <script>alert(1)</script> & Co,');
    expect(mail.subject).toBe('Welcome to Quizbook, Bob <script>alert(1)</script> & Co');
  });

  it('keeps a subject on one line whatever the data holds', () => {
    const mail = templates.render('welcome', {
      name: 'Eve\r\nBcc: victim@example.com',
      email: 'e@x.io',
      appUrl,
    });
    expect(mail.subject).toBe('Welcome to Quizbook, Eve Bcc: victim@example.com');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('lists the booked courses with a link to the order', () => {
    const mail = templates.render('booking-confirmed', {
      orderId: 'o-1',
      learnerId: 'u-1',
      courses: [
        { courseId: 'c-1', title: 'Algebra' },
        { courseId: 'c-2', title: 'Rock & Roll' },
      ],
      appUrl,
    });
    expect(mail.subject).toBe('Your booking is confirmed (order o-1)');
    expect(mail.text).toContain('- Algebra\n- Rock & Roll\n');
    expect(mail.html).toContain('<li>Rock &amp; Roll</li>');
    expect(mail.text).toContain('https://quizbook.example/orders/o-1');
  });

  it('formats refund amounts in their currency', () => {
    const mail = templates.render('refund-issued', {
      orderId: 'o-2',
      amountCents: 4250,
      currency: 'EUR',
      appUrl,
    });
    expect(mail.subject).toBe('Refund of €42.50 for order o-2');
    expect(mail.text).toContain('We refunded €42.50 for order o-2.');
  });

  it('renders the payment failure and the quiz digest', () => {
    const failed = templates.render('payment-failed', { orderId: 'o-3', reason: 'card declined', appUrl });
    expect(failed.text).toContain('did not go through: card declined');
    expect(failed.html).toContain('href="https://quizbook.example/orders/o-3"');
    const digest = templates.render('quiz-score-digest', {
      quizId: 'q-1',
      quizTitle: 'Fractions',
      period: '2026-11-22 14:00-15:00 UTC',
      attempts: [
        { learnerName: 'Ada', scorePercent: 90, passed: true },
        { learnerName: 'Bob', scorePercent: 40, passed: false },
      ],
      averagePercent: 65,
      passedCount: 1,
      appUrl,
    });
    expect(digest.subject).toBe('Fractions: 2 graded (2026-11-22 14:00-15:00 UTC)');
    expect(digest.text).toContain('- Ada: 90% (passed)\n- Bob: 40%\n');
    expect(digest.html).toContain('href="https://quizbook.example/quizzes/q-1/scoreboard"');
  });

  it('refuses a model that lacks a field the template uses, instead of sending a blank', () => {
    expect(() => templates.render('welcome', { email: 'a@b.io', appUrl })).toThrow(/name/);
  });
});
