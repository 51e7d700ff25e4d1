import { z } from 'zod';

const importId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only');

/**
 * `{format:'json', questions:[...]}`, `{format:'csv', csv:'...'}`, or a bare JSON array of
 * questions. The rows themselves are checked one by one afterwards, so one bad row is reported by
 * its number instead of failing the whole body here.
 */
export const importQuestionsBody = z.preprocess(
  (body) => (Array.isArray(body) ? { format: 'json', questions: body } : body),
  z.discriminatedUnion('format', [
    z
      .object({
        format: z.literal('json'),
        importId: importId.optional(),
        questions: z.array(z.unknown()).max(1_000),
      })
      .strict(),
    z
      .object({ format: z.literal('csv'), importId: importId.optional(), csv: z.string().max(2_000_000) })
      .strict(),
  ]),
);

export type ImportQuestionsBody = z.infer<typeof importQuestionsBody>;
