/**
 * Reads the Glue job scripts folder and its argument contract, jobs.json (the same file
 * glue/aws/ reads; infra may not import it, so it reads the file): one job per entry, in the
 * contract's order, which is the order the workflow runs them in; every `_*.py` is a shared module
 * given to each job with --extra-py-files. Fails with a message naming the file when the folder
 * and the contract disagree (a script without an entry, an entry without its script).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface GlueJobEntry {
  stage: string;
  script: string;
  required: string[];
  optional: string[];
  pythonModules?: string;
  maxCapacity: number;
}

export interface GlueScripts {
  dir: string;
  /** Jobs in run order (jobs.json), each with its script's path. */
  jobs: (GlueJobEntry & { path: string })[];
  /** The Data API target: exactly one of these (workgroup, cluster), and optional extras. */
  warehouseTarget: { oneOf: string[]; optional: string[] };
  /** Shared modules (`_*.py`). */
  modules: string[];
}

const NAME = /^[a-z][a-z0-9_]*$/;
const ARGUMENT = /^[A-Za-z][A-Za-z0-9_]*$/;

export function readGlueScripts(dir: string): GlueScripts {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new Error(
      `Glue job scripts folder ${root} does not exist: the Glue stack deploys the jobs its jobs.json lists. Create glue/jobs (or pass --context glueScriptsDir=PATH), then synthesise again.`,
    );
  }
  const file = join(root, 'jobs.json');
  if (!existsSync(file)) {
    throw new Error(
      `${file} is missing: it lists the Glue jobs in run order with their arguments (see docs/aws-pipelines.md).`,
    );
  }
  const contract = parseContract(file);
  const scripts = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.py'))
    .map((entry) => entry.name)
    .sort();
  const listed = new Set(contract.jobs.map((job) => job.script));
  const unlisted = scripts.filter((script) => !script.startsWith('_') && !listed.has(script));
  if (unlisted.length > 0) {
    throw new Error(`${file} does not list ${unlisted.join(', ')}: add each job (stage, script, required).`);
  }
  const jobs = contract.jobs.map((job) => {
    if (!scripts.includes(job.script)) {
      throw new Error(`${file} lists ${job.script}, which is not in ${root}.`);
    }
    return { ...job, path: join(root, job.script) };
  });
  const modules = scripts.filter((script) => script.startsWith('_')).map((script) => join(root, script));
  return { dir: root, jobs, warehouseTarget: contract.warehouseTarget, modules };
}

function parseContract(file: string): {
  jobs: GlueJobEntry[];
  warehouseTarget: GlueScripts['warehouseTarget'];
} {
  let json: { jobs?: unknown; warehouseTarget?: { oneOf?: unknown; optional?: unknown } };
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const names = (value: unknown, what: string): string[] => {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && ARGUMENT.test(v))) {
      throw new Error(`${file}: ${what} must be a list of argument names (letters, digits, _).`);
    }
    return value as string[];
  };
  if (!Array.isArray(json.jobs) || json.jobs.length === 0)
    throw new Error(`${file}: "jobs" must list the jobs.`);
  const jobs = json.jobs.map((raw: Record<string, unknown>, index) => {
    const stage = String(raw.stage);
    if (!NAME.test(stage) || !/^[a-z][a-z0-9_]*\.py$/.test(String(raw.script))) {
      throw new Error(
        `${file}: job ${index + 1} needs a lower-case "stage" and a "script" named like x_y.py.`,
      );
    }
    const maxCapacity = Number(raw.maxCapacity);
    if (!(maxCapacity > 0)) throw new Error(`${file}: job ${stage} needs a positive "maxCapacity".`);
    return {
      stage,
      script: String(raw.script),
      required: names(raw.required, `${stage}.required`),
      optional: names(raw.optional, `${stage}.optional`),
      pythonModules: typeof raw.pythonModules === 'string' ? raw.pythonModules : undefined,
      maxCapacity,
    };
  });
  const stages = jobs.map((job) => job.stage);
  if (new Set(stages).size !== stages.length) throw new Error(`${file}: stages must be unique (${stages}).`);
  return {
    jobs,
    warehouseTarget: {
      oneOf: names(json.warehouseTarget?.oneOf, 'warehouseTarget.oneOf'),
      optional: names(json.warehouseTarget?.optional, 'warehouseTarget.optional'),
    },
  };
}

/**
 * One job's DefaultArguments from the values the stack has: every required argument (a missing
 * value stops synth), the warehouse target and optional ones that have a value, nothing else.
 */
export function jobArguments(
  scripts: GlueScripts,
  job: GlueJobEntry,
  values: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const args: Record<string, string> = {};
  for (const name of job.required) {
    const value = values[name];
    if (!value)
      throw new Error(`Glue job ${job.stage} requires --${name} (jobs.json); the stack has no value for it.`);
    args[`--${name}`] = value;
  }
  const target = scripts.warehouseTarget.oneOf.filter((name) => values[name]);
  if (target.length !== 1) {
    throw new Error(
      `Glue job ${job.stage} needs exactly one of ${scripts.warehouseTarget.oneOf.join(', ')}.`,
    );
  }
  for (const name of [...target, ...scripts.warehouseTarget.optional, ...job.optional]) {
    const value = values[name];
    if (value) args[`--${name}`] = value;
  }
  return args;
}
