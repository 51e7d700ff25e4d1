import type { CheckoutSessionOpenedData } from '@quizbook/contracts';

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency}`;

export function devCheckoutPage(session: CheckoutSessionOpenedData, status: string): string {
  const action = (outcome: string, label: string) =>
    `<form method="post" action="/dev/checkout/${encodeURIComponent(session.sessionId)}/${outcome}"><button type="submit">${label}</button></form>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Quizbook dev checkout</title></head>
<body>
<h1>Dev checkout</h1>
<p>No real payment: each button sends the webhook Stripe would, signed with the dev secret.</p>
<dl>
<dt>Order</dt><dd>${escape(session.orderId)}</dd>
<dt>Amount</dt><dd>${escape(money(session.amountCents, session.currency))}</dd>
<dt>Session</dt><dd>${escape(session.sessionId)} (${escape(status)}, expires ${escape(session.expiresAt)})</dd>
</dl>
${action('pay', 'Pay')}
${action('fail', 'Fail')}
${action('expire', 'Let expire')}
</body></html>`;
}
