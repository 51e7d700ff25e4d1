import { z } from 'zod';
import { defineContract, type ContractData } from '../contract';

/** Bus topics the user service publishes to or consumes from. */
export const notificationsTopic = 'notifications';
export const identityUserSignedUpTopic = 'identity.user-signed-up';

/** On `notifications`: the notification app sends the welcome email. Message id derives from the event id. */
export const WelcomeEmailRequested = defineContract(
  'WelcomeEmailRequested',
  1,
  z.object({ userId: z.string().min(1), email: z.string().email(), name: z.string().min(1) }),
);

/** On `identity.user-signed-up` (Cognito mode): a Cognito post-confirmation trigger forwards sign-ups here. */
export const IdentityUserSignedUp = defineContract(
  'IdentityUserSignedUp',
  1,
  z.object({
    sub: z.string().min(1),
    email: z.string().email(),
    name: z.string().min(1),
    groups: z.array(z.string()).default([]),
  }),
);

export type WelcomeEmailRequestedData = ContractData<typeof WelcomeEmailRequested>;
export type IdentityUserSignedUpData = ContractData<typeof IdentityUserSignedUp>;
