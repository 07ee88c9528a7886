import { createRequire } from 'node:module';
import express from 'express';
import { openApiDocument } from './openapi.ts';

const require = createRequire(import.meta.url);

/**
 * `/openapi.json` and `/docs`: Swagger UI served from the `swagger-ui-dist` package on this machine
 * (nothing loads from the internet), pointed at the document.
 */
export function docsRouter(): express.Router {
  const docs = express.Router();
  const document = openApiDocument();
  docs.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  const assets = (require('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();
  docs.get(['/docs', '/docs/'], (_req, res) => {
    res.type('html').send(PAGE);
  });
  docs.use('/docs', express.static(assets, { index: false }));
  return docs;
}

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>Shegong Hub API · 社工站数据枢纽接口</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#docs', deepLinking: true });
  </script>
</body>
</html>`;
