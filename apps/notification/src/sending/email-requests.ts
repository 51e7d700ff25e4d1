import {
  BookingConfirmedEmailRequested,
  PaymentFailedEmailRequested,
  QuizScoreDigestRequested,
  RefundIssuedEmailRequested,
  WelcomeEmailRequested,
} from '@quizbook/contracts';
import type { TemplateName } from '../templating/mail-templates';

/** What one notification message asks for: which template, filled with what, sent to whom. */
export interface EmailRequest {
  template: TemplateName;
  model: Record<string, unknown>;
  /** At least one is set; the email wins, the user id is looked up only without it. */
  recipient: { email?: string | undefined; userId: string };
}

export class UnknownNotificationError extends Error {
  override readonly name = 'UnknownNotificationError';
  constructor(readonly messageType: string) {
    super(`no email for message type ${messageType}`);
  }
}

type Translate = (payload: unknown) => EmailRequest;

const translations: Record<string, Translate> = {
  [WelcomeEmailRequested.type]: (payload) => {
    const data = WelcomeEmailRequested.parse(payload);
    return { template: 'welcome', model: data, recipient: { email: data.email, userId: data.userId } };
  },
  [BookingConfirmedEmailRequested.type]: (payload) => {
    const data = BookingConfirmedEmailRequested.parse(payload);
    return {
      template: 'booking-confirmed',
      model: data,
      recipient: { email: data.email, userId: data.learnerId },
    };
  },
  [QuizScoreDigestRequested.type]: (payload) => {
    const data = QuizScoreDigestRequested.parse(payload);
    return {
      template: 'quiz-score-digest',
      model: data,
      recipient: { email: data.email, userId: data.instructorId },
    };
  },
  [PaymentFailedEmailRequested.type]: (payload) => {
    const data = PaymentFailedEmailRequested.parse(payload);
    return {
      template: 'payment-failed',
      model: data,
      recipient: { email: data.email, userId: data.learnerId },
    };
  },
  [RefundIssuedEmailRequested.type]: (payload) => {
    const data = RefundIssuedEmailRequested.parse(payload);
    return {
      template: 'refund-issued',
      model: data,
      recipient: { email: data.email, userId: data.learnerId },
    };
  },
};

/** @throws UnknownNotificationError, ContractViolationError: both end in the dead-letter topic after the retries */
export function emailRequestFor(type: string, payload: unknown): EmailRequest {
  const translate = translations[type];
  if (!translate) throw new UnknownNotificationError(type);
  return translate(payload);
}
