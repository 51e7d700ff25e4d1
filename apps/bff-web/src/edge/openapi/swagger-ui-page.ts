import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

/**
 * The swagger UI files come from swagger-ui-dist, the copy @nestjs/swagger depends on. Served by
 * these few routes rather than @fastify/static: its ESM-only dependency cannot load under jest, and
 * a fixed list of files is all the page needs.
 */
const assetsDir = (): string => {
  const fromSwagger = createRequire(require.resolve('@nestjs/swagger'));
  return (fromSwagger('swagger-ui-dist/absolute-path.js') as () => string)();
};

const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

function pageHtml(base: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Quizbook API</title>
  <link rel="stylesheet" href="${base}/swagger-ui.css">
  <link rel="icon" type="image/png" href="${base}/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${base}/swagger-ui-bundle.js"></script>
  <script src="${base}/swagger-ui-standalone-preset.js"></script>
  <script src="${base}/swagger-init.js"></script>
</body>
</html>
`;
}

// A file rather than an inline script, so the page runs under `script-src 'self'`.
function initScript(documentUrl: string): string {
  return `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(documentUrl)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
});
`;
}

/** GET `${base}` answers the page; its assets live under `${base}/`. */
export function serveSwaggerUiPage(fastify: FastifyInstance, base: string, documentUrl: string): void {
  const dir = assetsDir();
  const page = pageHtml(base);
  const init = initScript(documentUrl);
  fastify.get(base, (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
  fastify.get(`${base}/swagger-init.js`, (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(init),
  );
  for (const [file, contentType] of Object.entries(assets)) {
    fastify.get(`${base}/${file}`, async (_request, reply) =>
      reply
        .type(contentType)
        .header('cache-control', 'public, max-age=3600')
        .send(await readFile(path.join(dir, file))),
    );
  }
}
