import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { problemSchema, problemSchemaName } from './problem-schema';
import { bearerScheme } from './route-docs';
import { serveSwaggerUiPage } from './swagger-ui-page';

export const docsPath = '/api/docs';
export const documentPath = '/api/docs-json';

export function buildOpenApiDocument(nest: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Quizbook public API')
    .setDescription(
      'The API of the Quizbook SPA. Errors are application/problem+json (RFC 9457). Every route without ' +
        'a security requirement is public; the others need `Authorization: Bearer <access token>`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, bearerScheme)
    .build();
  const document = SwaggerModule.createDocument(nest, config);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, [problemSchemaName]: problemSchema },
  };
  return document;
}

/**
 * UI at /api/docs and document at /api/docs-json. Both are registered on Fastify directly, outside
 * Nest's guards, so they answer without a token. The document is built on first request: the
 * routes it describes are registered after configure.
 */
export function serveOpenApi(nest: NestFastifyApplication): void {
  SwaggerModule.setup(docsPath, nest, () => buildOpenApiDocument(nest), {
    ui: false,
    raw: ['json'],
    jsonDocumentUrl: documentPath,
  });
  serveSwaggerUiPage(nest.getHttpAdapter().getInstance(), docsPath, documentPath);
}
