/**
 * What `shoebox serve` and `shoebox demo` plug into the web app: how to open the assistant
 * runtime, and the feature routers (chat, dashboard, admin, feedback) mounted after the platform's
 * sign-in and CSRF middleware. One place to wire them.
 */
import { openAssistantRuntime } from '../assistant/open-assistant-runtime.ts';
import type { Config } from '../core/config.ts';
import { createAdminRouter } from '../web/admin/create-admin-router.ts';
import { createChatRouter } from '../web/chat/create-chat-router.ts';
import type { FeatureRouter } from '../web/create-web-app.ts';
import { createDashboardRouter } from '../web/dashboard/create-dashboard-router.ts';
import { dashboardFileFor } from '../web/dashboard/dashboard-config.ts';
import { createFeedbackRouter } from '../web/feedback/create-feedback-router.ts';
import type { RuntimeOpener } from './runtime-opener.ts';

export interface WebWiring {
  openRuntime: RuntimeOpener;
  featureRouters(config: Config): FeatureRouter[];
  /** Where "/" sends a signed-in user (default: /chat once feature routers are mounted). */
  homePath?: string;
}

export const WEB_WIRING: WebWiring = {
  openRuntime: ({ config, log, warehouse }) => openAssistantRuntime({ config, log, warehouse }),
  featureRouters: (config) => [
    createChatRouter,
    // The dashboard's tiles and insights are configured beside the semantic model's folder.
    (deps) => createDashboardRouter(deps, { configFile: dashboardFileFor(config.semanticModelDir) }),
    createFeedbackRouter,
    createAdminRouter,
  ],
};
