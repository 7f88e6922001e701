/** Test support: every /api route an Express app registers, in OpenAPI's path form (/api/threads/{threadId}). */
import type express from 'express';

export function apiRoutes(expressApp: express.Express): { method: string; path: string }[] {
  type Layer = {
    route?: { path: string | string[]; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
  };
  const found: { method: string; path: string }[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths.filter((p) => p.startsWith('/api/'))) {
          for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all')) {
            found.push({ method, path: path.replace(/:([A-Za-z]+)/g, '{$1}') });
          }
        }
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((expressApp as unknown as { router: { stack: Layer[] } }).router.stack);
  return found;
}
