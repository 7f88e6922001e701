#!/usr/bin/env node
/**
 * Adds to package-lock.json the other platforms' optional binary packages (biome, DuckDB
 * bindings, ...) that npm left out. Why: the registry these machines reach serves only the
 * packages of their own platform (the others answer 404), so `npm install` writes a lockfile
 * without them, and `npm ci` then refuses it as out of sync ("Missing: ... from lock file").
 * Each added entry is gated by os/cpu/libc, so npm never tries to fetch it on this platform.
 * Run after any `npm install` that changes the lockfile: `node scripts/complete-lockfile.mjs`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

/** os/cpu/libc from a platform package's name suffix, e.g. cli-linux-arm64-musl. */
function platformOf(name) {
  const match = /-(android|darwin|linux|win32|freebsd)-(arm64|x64|ia32|arm)(-musl|-gnu)?$/.exec(name);
  if (!match) return undefined;
  const [, os, cpu, libc] = match;
  return { cpu: [cpu], os: [os], libc: os === 'linux' ? [libc === '-musl' ? 'musl' : 'glibc'] : undefined };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const platform = platformOf(name);
    if (packages[key] || !platform) continue;
    // Keys in the order npm writes them (version first, then alphabetical), so npm install
    // leaves these entries as they are.
    const lockEntry = { version, cpu: platform.cpu, ...(entry.dev ? { dev: true } : {}) };
    if (platform.libc) lockEntry.libc = platform.libc;
    packages[key] = { ...lockEntry, optional: true, os: platform.os };
    added += 1;
    console.log(`added ${key}@${version} (needed by ${path || 'the root'})`);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `package-lock.json: ${added} platform entries added` : 'package-lock.json: complete');
