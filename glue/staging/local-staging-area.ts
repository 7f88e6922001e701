/**
 * The staging area as a local folder (the embedded default). Writes go to a temp file in the
 * same folder and are renamed into place, so a reader (or a rerun after a crash) never sees a
 * partly written part file or manifest.
 */
import { randomBytes } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CodedError, ErrorCode, messageOf } from '../../core/coded-error.ts';
import type { StagingArea } from './staging-area.ts';

/** Relative keys of plain path segments only: no "..", no absolute paths, no backslashes. */
const KEY = /^[A-Za-z0-9_][A-Za-z0-9_.=-]*(\/[A-Za-z0-9_][A-Za-z0-9_.=-]*)*\/?$/;

export class LocalStagingArea implements StagingArea {
  readonly description: string;
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.description = `local folder ${this.root}`;
  }

  async put(key: string, body: Uint8Array): Promise<void> {
    const target = this.locationOf(key);
    const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(temp, body);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw new CodedError(
        ErrorCode.EtlStagingFailed,
        `Cannot write ${target}: ${messageOf(error)}. Point STAGING_URL at a writable folder.`,
      );
    }
  }

  async get(key: string): Promise<Uint8Array> {
    try {
      return await readFile(this.locationOf(key));
    } catch (error) {
      throw new CodedError(ErrorCode.EtlStagingFailed, `Cannot read staged ${key}: ${messageOf(error)}.`);
    }
  }

  async exists(key: string): Promise<boolean> {
    return access(this.locationOf(key)).then(
      () => true,
      () => false,
    );
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (!entry.name.endsWith('.tmp'))
          keys.push(path.relative(this.root, full).split(path.sep).join('/'));
      }
    };
    await walk(this.root);
    return keys.filter((key) => key.startsWith(prefix)).sort();
  }

  async deletePrefix(prefix: string): Promise<void> {
    checkKey(prefix);
    for (const key of await this.list(prefix)) await rm(this.locationOf(key), { force: true });
    // Drop the prefix's own folder when it names one (runs/<id>/), leaving no empty tree behind.
    if (prefix.endsWith('/')) await rm(this.locationOf(prefix), { recursive: true, force: true });
  }

  locationOf(key: string): string {
    checkKey(key);
    return path.join(this.root, ...key.split('/').filter((s) => s !== ''));
  }
}

function checkKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `"${key}" is not a staging key: use relative '/'-separated names of letters, digits, _ . = -`,
    );
  }
}
