/**
 * What `shoebox serve` and `shoebox demo` plug into the web app: how to open the assistant
 * runtime, and the feature routers (chat, dashboard, admin, feedback) mounted after the platform's
 * sign-in and CSRF middleware. ONE place to wire them.
 *
 * LEAD, when merging helper/loop and helper/webchat:
 *   openRuntime: openAssistantRuntime   (from '../assistant/open-assistant-runtime.ts')
 *   featureRouters: [chatRouter, dashboardRouter, adminRouter, feedbackRouter]
 * then delete cli/ledger-only-runtime.ts.
 */
import type { FeatureRouter } from '../web/create-web-app.ts';
import { openLedgerOnlyRuntime } from './ledger-only-runtime.ts';
import type { RuntimeOpener } from './runtime-opener.ts';

export interface WebWiring {
  openRuntime: RuntimeOpener;
  featureRouters: FeatureRouter[];
  /** Where "/" sends a signed-in user (default: /chat once feature routers are mounted). */
  homePath?: string;
}

export const WEB_WIRING: WebWiring = {
  openRuntime: openLedgerOnlyRuntime,
  featureRouters: [],
};
