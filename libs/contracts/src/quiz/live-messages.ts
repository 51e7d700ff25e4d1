import { z } from 'zod';
import { orderStatusSchema } from '../order/order-events';
import { defineContract, type ContractData } from '../contract';

/**
 * What `GET /api/live` pushes to a user. quiz-result derives them from the event store (so each
 * carries the position of the event it comes from: a client resumes with `?after=<position>`),
 * keeps them for replay, and publishes them on `live-updates`, where every bff-web instance listens
 * in a group of its own and forwards to the sockets it holds.
 */
export const liveUpdatesTopic = 'live-updates';

export const liveMessageKinds = ['quiz.result', 'order.status', 'enrollment'] as const;
export const liveMessageKindSchema = z.enum(liveMessageKinds);
export type LiveMessageKind = z.infer<typeof liveMessageKindSchema>;

/** Positions are unsigned 64-bit; JSON numbers cannot hold them, so they travel as decimal strings. */
export const livePositionSchema = z.string().regex(/^\d{1,20}$/, 'a decimal event-store position');

export const quizResultLiveDataSchema = z.object({
  attemptId: z.string(),
  quizId: z.string(),
  courseId: z.string(),
  scorePercent: z.number(),
  passed: z.boolean(),
  finishedAt: z.string(),
});

export const orderStatusLiveDataSchema = z.object({ orderId: z.string(), status: orderStatusSchema });

export const enrollmentLiveDataSchema = z.object({
  courseId: z.string(),
  orderId: z.string(),
  status: z.enum(['enrolled', 'revoked']),
});

export const liveMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('quiz.result'), position: livePositionSchema, data: quizResultLiveDataSchema }),
  z.object({
    type: z.literal('order.status'),
    position: livePositionSchema,
    data: orderStatusLiveDataSchema,
  }),
  z.object({ type: z.literal('enrollment'), position: livePositionSchema, data: enrollmentLiveDataSchema }),
]);
/** Exactly what a live client receives as one JSON text frame. */
export type LiveMessage = z.infer<typeof liveMessageSchema>;

/** On `live-updates`: id `live-<position>-<userId>`, key the user id. */
export const LiveUpdatePublished = defineContract(
  'LiveUpdatePublished',
  1,
  z.object({ userId: z.string().min(1), message: liveMessageSchema }),
);

export type LiveUpdatePublishedData = ContractData<typeof LiveUpdatePublished>;
