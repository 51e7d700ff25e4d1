import { notFound } from '@quizbook/platform';
import type { UserServices } from '../user-services';

/** In Cognito mode, sign-up, sign-in and refresh happen at Cognito: say so rather than a bare 404. */
export function requireLocalIssuer(services: Pick<UserServices, 'authMode'>): void {
  if (services.authMode !== 'local')
    throw notFound('Sign-up, sign-in and token refresh are handled by Cognito in this deployment.', {
      type: 'cognito-sign-in',
    });
}
