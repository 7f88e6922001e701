/**
 * Runs one tool call: arguments validated on our side (a local model behind a compatible URL may
 * not honour strict schemas), the caller's role checked, the handler run, artifacts stored, and
 * every failure turned into a tool error whose message tells the model what to do next.
 */
import { isCodedError, messageOf } from '../core/coded-error.ts';
import type { AnyTool, ToolContext, ToolResult } from './tool.ts';
import { hasToolRole } from './tool-roles.ts';

/** Codes of the tool layer's own refusals, next to the CodedError codes the handlers raise. */
export const ToolErrorCode = {
  BadArguments: 'TOOL_BAD_ARGUMENTS',
  Forbidden: 'TOOL_FORBIDDEN',
  Failed: 'TOOL_FAILED',
} as const;

function parseArguments(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return Symbol.for('unparseable');
  }
}

export async function runTool(tool: AnyTool, rawArgs: unknown, ctx: ToolContext): Promise<ToolResult> {
  const fail = (code: string, message: string): ToolResult => ({
    ok: false,
    tool: tool.name,
    error: { code, message },
  });
  if (!hasToolRole(ctx.caller.roles, tool.role)) {
    return fail(
      ToolErrorCode.Forbidden,
      `Sorry, ${tool.name} needs the "${tool.role}" role, which ${ctx.caller.userId} does not have. ` +
        'Tell the user politely that they cannot do this here and whom to ask (an administrator, or finance for the ledger); do not retry.',
    );
  }
  const args = parseArguments(rawArgs);
  if (typeof args === 'symbol') {
    return fail(
      ToolErrorCode.BadArguments,
      `The arguments of ${tool.name} are not valid JSON: send one JSON object.`,
    );
  }
  const parsed = tool.input.safeParse(args);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`);
    return fail(
      ToolErrorCode.BadArguments,
      `The arguments of ${tool.name} are not valid: ${problems.join('; ')}. Fix them as the tool's schema says and call it again.`,
    );
  }
  try {
    const output = await tool.run(parsed.data, ctx);
    return { ok: true, tool: tool.name, content: output.content, artifacts: output.artifacts };
  } catch (error) {
    if (isCodedError(error)) return fail(error.code, error.message);
    // An unexpected failure: the model gets no internals, only what to tell the user.
    return fail(
      ToolErrorCode.Failed,
      `${tool.name} failed unexpectedly (${messageOf(error).slice(0, 200)}). Tell the user the figures could not be read just now; do not guess them.`,
    );
  }
}
