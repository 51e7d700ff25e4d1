import { errorCodes, type FastifyInstance } from 'fastify';

export const questionImportsPath = '/api/question-bank/imports';

/**
 * A spreadsheet export can be posted as it is: `Content-Type: text/csv` on the import route is the
 * CSV form of the import body (`{format: 'csv', csv}`), so clients need not wrap the file in JSON.
 * Elsewhere CSV means nothing and is refused as an unsupported media type.
 */
export function acceptCsvImports(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    if (request.routeOptions.url !== questionImportsPath)
      done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE('text/csv'), undefined);
    else done(null, { format: 'csv', csv: body as string });
  });
}
