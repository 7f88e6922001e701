/**
 * GET /finance/upload[?file=NAME] and POST /api/finance/uploads: the file's bytes as the body
 * (application/octet-stream, name in x-file-name, CSRF token in x-csrf-token: finance.js sends
 * them), loaded into the warehouse the assistant reads.
 */
import express, { type Router } from 'express';
import { loadedFiles } from '../../glue/file-loads/commit-file-load.ts';
import { requireRole } from '../auth/require-role.ts';
import type { WebDeps } from '../web-contract.ts';
import { actorOf } from './finance-actor.ts';
import { uploadPage } from './upload-page.ts';
import { checkUploadName, readRejects } from './upload-reject-rows.ts';

export function uploadRoutes(deps: WebDeps, options: { uploadLimit: string }): Router {
  const router = express.Router();
  const finance = requireRole('finance');
  router.get('/finance/upload', finance, async (request, response) => {
    const file = typeof request.query.file === 'string' ? request.query.file : undefined;
    if (!file) {
      response.type('html').send(uploadPage(response));
      return;
    }
    const name = checkUploadName(file);
    const warehouse = deps.runtime.warehouse;
    const loaded = (await loadedFiles(warehouse, 'accountants', { fileName: name }))[0];
    const rejects = loaded ? await readRejects(warehouse, name) : [];
    response.type('html').send(uploadPage(response, { name, loaded, rejects }));
  });
  router.post(
    '/api/finance/uploads',
    finance,
    express.raw({ type: () => true, limit: options.uploadLimit }),
    async (request, response) => {
      const name = checkUploadName(request.get('x-file-name'));
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      // The loader (and its spreadsheet reader) loads on first use: it costs start-up time.
      const { uploadAccountantsFile } = await import('./upload-accountants-file.ts');
      const { result, rejects } = await uploadAccountantsFile(deps.runtime.warehouse, name, bytes);
      deps.log.info(
        `${actorOf(response).userId} uploaded ${name}: ${result.status}, ${result.rowsLoaded} rows, ${result.rowsRejected} rejected`,
      );
      response
        .status(201)
        .json({ ...result, rejects, page: `/finance/upload?file=${encodeURIComponent(name)}` });
    },
  );
  return router;
}
