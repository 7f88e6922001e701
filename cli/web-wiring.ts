/**
 * What `shoebox serve` and `shoebox demo` plug into the web app: how to open the assistant
 * runtime, and the feature routers (chat, dashboard, admin, feedback) mounted after the platform's
 * sign-in and CSRF middleware. One place to wire them.
 */
import { openAssistantRuntime } from '../assistant/open-assistant-runtime.ts';
import type { FeatureRouter } from '../web/create-web-app.ts';
import type { RuntimeOpener } from './runtime-opener.ts';

export interface WebWiring {
  openRuntime: RuntimeOpener;
  featureRouters: FeatureRouter[];
  /** Where "/" sends a signed-in user (default: /chat once feature routers are mounted). */
  homePath?: string;
}

export const WEB_WIRING: WebWiring = {
  openRuntime: ({ config, log, warehouse }) => openAssistantRuntime({ config, log, warehouse }),
  featureRouters: [],
};
