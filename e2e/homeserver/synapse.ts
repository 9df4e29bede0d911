// A real Synapse on loopback for development, the demo and e2e tests: installs it into
// a git-ignored virtualenv, starts and stops it, and registers users through the
// shared-secret admin API. Everything it needs comes in through its arguments.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  SYNAPSE_VERSION,
  buildHomeserverConfig,
  buildLogConfig,
  generateSecret,
  generateSigningKey,
  registrationMac,
  synapsePaths,
  toYaml,
} from './synapse-config.ts';
import type { SynapsePaths } from './synapse-config.ts';

export type Log = (line: string) => void;

export type RegisterOptions = { admin?: boolean; displayName?: string };
export type RegisteredUser = { userId: string; accessToken: string; deviceId: string };

export type SynapseInfo = { baseUrl: string; registrationSecret: string; serverName: string };

export type SynapseClient = SynapseInfo & {
  registerUser: (localpart: string, password: string, opts?: RegisterOptions) => Promise<RegisteredUser>;
};

export type RunningSynapse = SynapseClient & {
  pid: number;
  paths: SynapsePaths;
  // Settles when the process ends, whether stop() ended it or it died.
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: () => Promise<void>;
};

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const homeserverDir = (root: string = repoRoot): string => join(root, '.homeserver');
export const venvPython = (root: string = repoRoot): string => join(homeserverDir(root), 'venv', 'bin', 'python');

const STARTUP_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 10_000;
const silent: Log = () => undefined;

type RunResult = { code: number | null; output: string };

// Runs a command to completion, passing each output line to log.
const run = (command: string, args: string[], log: Log): Promise<RunResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let pending = '';
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output += text;
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      lines.forEach((line) => {
        log(line);
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('close', (code) => {
      if (pending) {
        log(pending);
      }
      resolve({ code, output });
    });
  });

const runOrThrow = async (command: string, args: string[], log: Log): Promise<string> => {
  const result = await run(command, args, log);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${String(result.code)}:\n${tail(result.output, 30)}`);
  }
  return result.output;
};

const installedVersion = async (python: string): Promise<string | undefined> => {
  if (!existsSync(python)) {
    return undefined;
  }
  // synapse.__version__ appends `git describe` of the enclosing checkout, and the venv
  // sits inside this repo's: ask the installed distribution instead, after the import.
  const check = 'import importlib.metadata, synapse; print(importlib.metadata.version("matrix-synapse"))';
  const result = await run(python, ['-c', check], silent).catch(() => undefined);
  return result?.code === 0 ? result.output.trim() : undefined;
};

export type InstallOptions = { root?: string; log?: Log; python?: string };

// Idempotent: a venv that already has this Synapse version is left alone.
export const installSynapse = async (opts: InstallOptions = {}): Promise<string> => {
  const root = opts.root ?? repoRoot;
  const log = opts.log ?? silent;
  const python = venvPython(root);
  const version = await installedVersion(python);
  if (version === SYNAPSE_VERSION) {
    log(`Synapse ${SYNAPSE_VERSION} is already installed in ${python}`);
    return python;
  }
  const venv = join(homeserverDir(root), 'venv');
  const broken = existsSync(python) && (await run(python, ['-c', 'pass'], silent).catch(() => undefined))?.code !== 0;
  if (!existsSync(python) || broken) {
    log(`Creating a virtualenv in ${venv}`);
    await mkdir(homeserverDir(root), { recursive: true });
    await runOrThrow(opts.python ?? 'python3', ['-m', 'venv', ...(broken ? ['--clear'] : []), venv], log);
  }
  log(`Installing matrix-synapse==${SYNAPSE_VERSION} (found ${version ?? 'none'})`);
  await runOrThrow(
    python,
    ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--progress-bar', 'off', `matrix-synapse==${SYNAPSE_VERSION}`],
    log,
  );
  const installed = await installedVersion(python);
  if (installed !== SYNAPSE_VERSION) {
    throw new Error(`pip finished but the venv imports Synapse ${installed ?? 'nothing'}, not ${SYNAPSE_VERSION}`);
  }
  log(`Installed Synapse ${SYNAPSE_VERSION} in ${venv}`);
  return python;
};

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });

const tail = (text: string, lines: number): string => text.trimEnd().split('\n').slice(-lines).join('\n');

// Synapse prints a fatal error both to its log and to stderr: show the console only
// when it says something the log does not (config errors come before logging starts).
const tailLogs = async (paths: SynapsePaths): Promise<string> => {
  const log = tail(await readFile(paths.log, 'utf8').catch(() => ''), 40);
  const stdio = tail(await readFile(paths.console, 'utf8').catch(() => ''), 40);
  const parts = [`--- ${paths.log} ---\n${log || '(empty)'}`];
  if (stdio && !log.includes(stdio.split('\n').slice(-3).join('\n'))) {
    parts.push(`--- ${paths.console} ---\n${stdio}`);
  }
  return parts.join('\n');
};

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

const isHealthy = async (baseUrl: string): Promise<boolean> => {
  try {
    const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
};

// Keys and the secret are made once per data dir and kept, so a restarted dev server
// keeps its users and rooms; homeserver.yaml is rewritten every time (the port may move).
const prepareDataDir = async (paths: SynapsePaths, serverName: string, port: number): Promise<string> => {
  await mkdir(paths.mediaStore, { recursive: true });
  if (!existsSync(paths.signingKey)) {
    await writeFile(paths.signingKey, generateSigningKey(), { mode: 0o600 });
  }
  if (!existsSync(paths.registrationSecret)) {
    await writeFile(paths.registrationSecret, generateSecret(), { mode: 0o600 });
  }
  await writeFile(paths.logConfig, toYaml(buildLogConfig(paths.log)));
  await writeFile(paths.config, toYaml(buildHomeserverConfig({ serverName, port, paths })));
  return (await readFile(paths.registrationSecret, 'utf8')).trim();
};

export type StartOptions = {
  dataDir: string;
  port?: number;
  serverName?: string;
  log?: Log;
  root?: string;
  python?: string;
  timeoutMs?: number;
};

export const startSynapse = async (opts: StartOptions): Promise<RunningSynapse> => {
  const log = opts.log ?? silent;
  const serverName = opts.serverName ?? 'localhost';
  const python = opts.python ?? venvPython(opts.root);
  if (!existsSync(python)) {
    throw new Error(`No Synapse venv at ${python}: run 'npm run homeserver -- install' first`);
  }
  const paths = synapsePaths(opts.dataDir);
  const port = opts.port ?? (await freePort());
  const registrationSecret = await prepareDataDir(paths, serverName, port);
  const baseUrl = `http://127.0.0.1:${port}`;

  const consoleLog = await open(paths.console, 'a');
  const child = spawn(python, ['-m', 'synapse.app.homeserver', '--config-path', paths.config], {
    cwd: paths.dataDir,
    // Otherwise Synapse runs git at startup and reports this repo's branch as its own.
    env: { ...process.env, SYNAPSE_VERSION_STRING: SYNAPSE_VERSION },
    stdio: ['ignore', consoleLog.fd, consoleLog.fd],
  });
  await consoleLog.close();
  // If whoever started it dies without stopping it, do not leave Synapse behind.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      process.removeListener('exit', killOnExit);
      resolve({ code, signal });
    });
  });
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  let ended: string | undefined;
  void exited.then(({ code, signal }) => {
    ended = `exited with ${String(code ?? signal)}`;
  });
  void spawnError.then((error) => {
    ended = `failed to start: ${error.message}`;
  });

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      return;
    }
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(resolve, STOP_GRACE_MS, false);
    });
    const graceful = await Promise.race([exited.then(() => true), timedOut]);
    // A pending 10 s timer would keep the caller's process alive after a quick stop.
    clearTimeout(timer);
    if (!graceful) {
      log(`Synapse did not stop within ${STOP_GRACE_MS} ms; killing it`);
      child.kill('SIGKILL');
      await exited;
    }
  };

  log(`Starting Synapse ${SYNAPSE_VERSION} for ${serverName} at ${baseUrl} (data in ${paths.dataDir})`);
  const started = Date.now();
  const deadline = started + (opts.timeoutMs ?? STARTUP_TIMEOUT_MS);
  while (!(await isHealthy(baseUrl))) {
    if (ended !== undefined || Date.now() > deadline) {
      const reason = ended ?? `was not healthy after ${Math.round((Date.now() - started) / 1000)} s`;
      await stop();
      const logs = await tailLogs(paths);
      throw new Error(`Synapse at ${baseUrl} ${reason}\n${logs}`);
    }
    await sleep(200);
  }
  log(`Synapse healthy after ${Date.now() - started} ms`);

  const client = connectSynapse({ baseUrl, registrationSecret, serverName });
  return { ...client, pid: child.pid ?? 0, paths, exited, stop };
};

const nonceResponse = z.object({ nonce: z.string() });
const registerResponse = z.object({ user_id: z.string(), access_token: z.string(), device_id: z.string() });

const readJson = async <T>(response: Response, schema: z.ZodType<T>, what: string): Promise<T> => {
  const body = await response.text();
  if (!response.ok) {
    throw new Error(`${what} failed: HTTP ${response.status} ${body}`);
  }
  return schema.parse(JSON.parse(body));
};

export type ConnectDeps = { fetch: typeof fetch };

// For test workers that attach to a server someone else started and will stop.
export const connectSynapse = (info: SynapseInfo, deps: ConnectDeps = { fetch }): SynapseClient => {
  const url = `${info.baseUrl}/_synapse/admin/v1/register`;
  const registerUser = async (localpart: string, password: string, opts: RegisterOptions = {}): Promise<RegisteredUser> => {
    const { nonce } = await readJson(await deps.fetch(url), nonceResponse, 'Getting a registration nonce');
    const admin = opts.admin ?? false;
    const mac = registrationMac(info.registrationSecret, { nonce, username: localpart, password, admin });
    const body = { nonce, username: localpart, password, admin, mac, ...(opts.displayName ? { displayname: opts.displayName } : {}) };
    const response = await deps.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const user = await readJson(response, registerResponse, `Registering @${localpart}:${info.serverName}`);
    return { userId: user.user_id, accessToken: user.access_token, deviceId: user.device_id };
  };
  return { baseUrl: info.baseUrl, registrationSecret: info.registrationSecret, serverName: info.serverName, registerUser };
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// Stops a Synapse this process does not hold a handle to (global teardown, the CLI's
// stop): SIGTERM, then SIGKILL after the grace period.
export const stopSynapseProcess = async (pid: number, graceMs: number = STOP_GRACE_MS): Promise<void> => {
  if (!isAlive(pid)) {
    return;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await sleep(100);
  }
  // A killed process is gone at once unless it is an unreaped zombie; don't hang on one.
  const reapDeadline = Date.now() + 5_000;
  while (isAlive(pid) && Date.now() < reapDeadline) {
    await sleep(50);
  }
};
