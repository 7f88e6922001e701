/**
 * Reads the Glue job scripts folder: every `*.py` not starting with `_` is a job (one pipeline
 * stage; they run in file-name order), every `_*.py` a shared module given to each job with
 * --extra-py-files. Fails with a message that names the folder when there is nothing to deploy.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export interface GlueScripts {
  dir: string;
  /** Job scripts, sorted by file name: the order the workflow runs them in. */
  jobs: { name: string; path: string }[];
  /** Shared modules (`_*.py`). */
  modules: string[];
}

const JOB_NAME = /^[a-z0-9][a-z0-9_-]*$/i;

export function readGlueScripts(dir: string): GlueScripts {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new Error(
      `Glue job scripts folder ${root} does not exist: the Glue stack deploys one job per *.py file there. Create glue/jobs (or pass --context glueScriptsDir=PATH), then synthesise again.`,
    );
  }
  const files = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.py'))
    .map((entry) => entry.name)
    .sort();
  const modules = files.filter((file) => file.startsWith('_')).map((file) => join(root, file));
  const jobs = files
    .filter((file) => !file.startsWith('_'))
    .map((file) => {
      const name = basename(file, '.py');
      if (!JOB_NAME.test(name)) {
        throw new Error(
          `Glue job script ${join(root, file)}: rename it to letters, digits, "-" and "_" only.`,
        );
      }
      return { name, path: join(root, file) };
    });
  if (jobs.length === 0) {
    throw new Error(`Glue job scripts folder ${root} holds no job script (*.py not starting with "_").`);
  }
  return { dir: root, jobs, modules };
}
