// npm run homeserver -- install | start [--port N] [--data DIR] [--server-name NAME]
//                      | register <localpart> <password> [--admin] [--display-name NAME] | stop
// A local Synapse for development and the demo; `start` records where it runs in
// .homeserver/running.json so `register` and `stop` can find it from another shell.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { connectSynapse, homeserverDir, installSynapse, startSynapse, stopSynapseProcess } from './synapse.ts';

const runningFile = join(homeserverDir(), 'running.json');

const runningInfo = z.object({
  baseUrl: z.string(),
  serverName: z.string(),
  registrationSecretPath: z.string(),
  dataDir: z.string(),
  logFile: z.string(),
  pid: z.number(),
});
type RunningInfo = z.infer<typeof runningInfo>;

const log = (line: string): void => {
  console.log(line);
};

const usage = `Usage:
  node e2e/homeserver/cli.ts install
  node e2e/homeserver/cli.ts start [--port N] [--data DIR] [--server-name NAME]
  node e2e/homeserver/cli.ts register <localpart> <password> [--admin] [--display-name NAME]
  node e2e/homeserver/cli.ts stop`;

const readRunning = async (): Promise<RunningInfo | undefined> => {
  if (!existsSync(runningFile)) {
    return undefined;
  }
  return runningInfo.parse(JSON.parse(await readFile(runningFile, 'utf8')));
};

const isHealthy = async (baseUrl: string): Promise<boolean> => {
  try {
    return (await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
};

const start = async (args: string[]): Promise<void> => {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, data: { type: 'string' }, 'server-name': { type: 'string' } },
  });
  const previous = await readRunning();
  if (previous && (await isHealthy(previous.baseUrl))) {
    throw new Error(`Synapse is already running at ${previous.baseUrl} (pid ${previous.pid}); stop it first`);
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !Number.isInteger(port)) {
    throw new Error(`--port takes a number, not ${String(values.port)}`);
  }
  const dataDir = resolve(values.data ?? join(homeserverDir(), 'data'));
  const synapse = await startSynapse({ dataDir, port, serverName: values['server-name'], log });
  const info: RunningInfo = {
    baseUrl: synapse.baseUrl,
    serverName: synapse.serverName,
    registrationSecretPath: synapse.paths.registrationSecret,
    dataDir,
    logFile: synapse.paths.log,
    pid: synapse.pid,
  };
  await mkdir(homeserverDir(), { recursive: true });
  await writeFile(runningFile, `${JSON.stringify(info, null, 2)}\n`);
  console.log(`Synapse ready at ${synapse.baseUrl}`);
  console.log(`Server name: ${synapse.serverName}`);
  console.log(`Registration secret: ${synapse.paths.registrationSecret}`);
  console.log(`Log: ${synapse.paths.log}`);
  console.log('Press Ctrl+C to stop.');

  const shutdown = async (): Promise<void> => {
    await synapse.stop();
    await rm(runningFile, { force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    console.log(`${signal}: stopping Synapse`);
    void shutdown().then(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const { code, signal } = await synapse.exited;
  // Reached only when Synapse ended on its own, or by `stop` from another shell.
  await rm(runningFile, { force: true });
  console.log(`Synapse exited (${String(code ?? signal)}); see ${synapse.paths.log}`);
  process.exit(code === 0 || signal === 'SIGTERM' ? 0 : 1);
};

const requireRunning = async (): Promise<RunningInfo> => {
  const info = await readRunning();
  if (!info) {
    throw new Error(`No running Synapse recorded in ${runningFile}: run 'npm run homeserver -- start' first`);
  }
  return info;
};

const register = async (args: string[]): Promise<void> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { admin: { type: 'boolean' }, 'display-name': { type: 'string' } },
  });
  const [localpart, password] = positionals;
  if (!localpart || !password) {
    throw new Error(usage);
  }
  const info = await requireRunning();
  const registrationSecret = (await readFile(info.registrationSecretPath, 'utf8')).trim();
  const client = connectSynapse({ baseUrl: info.baseUrl, serverName: info.serverName, registrationSecret });
  const user = await client.registerUser(localpart, password, { admin: values.admin, displayName: values['display-name'] });
  console.log(JSON.stringify({ ...user, baseUrl: info.baseUrl }, null, 2));
};

const stop = async (): Promise<void> => {
  const info = await requireRunning();
  await stopSynapseProcess(info.pid);
  await rm(runningFile, { force: true });
  console.log(`Stopped Synapse at ${info.baseUrl}`);
};

const main = async ([command, ...args]: string[]): Promise<void> => {
  switch (command) {
    case 'install':
      console.log(await installSynapse({ log }));
      return;
    case 'start':
      return start(args);
    case 'register':
      return register(args);
    case 'stop':
      return stop();
    default:
      throw new Error(usage);
  }
};

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
