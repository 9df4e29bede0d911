import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { connectBridge } from '../fixtures/bridge-client.ts';
import { until } from '../fixtures/until.ts';
import type { SynapseClient } from '../homeserver/synapse.ts';
import { demoMembers, memberByName, type DemoMember } from './demo-members.ts';

export type Bridge = Awaited<ReturnType<typeof connectBridge>>;

/** A demo member signed in on their own Rembuk core (the built loopback core), driven over its bridge. */
export type MemberCore = { member: DemoMember; userId: string; app: RunningApp; bridge: Bridge };

/** Registers the demo members; one already there (an earlier run) is left as it is. */
export const registerMembers = async (hs: SynapseClient): Promise<void> => {
  await Promise.all(
    demoMembers.map(async (member) => {
      const exists = await fetch(`${hs.baseUrl}/_matrix/client/v3/profile/${encodeURIComponent(`@${member.localpart}:${hs.serverName}`)}`);
      if (!exists.ok) {
        await hs.registerUser(member.localpart, member.password, { displayName: member.displayName });
      }
    }),
  );
};

export const recoveryKeyFile = (demoDir: string, localpart: string): string => path.join(demoDir, `recovery-key-${localpart}.txt`);

/**
 * Each member's core, started when first needed and kept in `profile-<name>` in the demo
 * folder, so a later run opens the same session (same device, same keys) instead of
 * signing in again. A fresh sign-in is the account's first device: it sets up
 * cross-signing and the key backup, and the recovery key it shows once is saved to a file
 * here, as the member would write it down, so no window opens on that dialog.
 */
export class MemberCores {
  private readonly cores = new Map<string, Promise<MemberCore>>();
  private readonly options: { demoDir: string; baseUrl: string; serverName: string };

  constructor(options: { demoDir: string; baseUrl: string; serverName: string }) {
    this.options = options;
  }

  userId(localpart: DemoMember['localpart']): string {
    return `@${localpart}:${this.options.serverName}`;
  }

  core(localpart: DemoMember['localpart']): Promise<MemberCore> {
    let core = this.cores.get(localpart);
    if (core === undefined) {
      core = this.start(memberByName(localpart));
      this.cores.set(localpart, core);
    }
    return core;
  }

  /** Stops the cores of members who get no window (or every core, in check mode). */
  async stop(which: (member: DemoMember) => boolean = () => true): Promise<void> {
    const stopping = [...this.cores.entries()].filter(([localpart]) => which(memberByName(localpart as DemoMember['localpart'])));
    await Promise.all(
      stopping.map(async ([localpart, core]) => {
        this.cores.delete(localpart);
        const running = await core.catch(() => null);
        running?.bridge.close();
        await running?.app.stop();
      }),
    );
  }

  private async start(member: DemoMember): Promise<MemberCore> {
    const app = await startApp({ profileDir: path.join(this.options.demoDir, `profile-${member.localpart}`) });
    const bridge = await connectBridge(app.url);
    if ((await bridge.invoke('session:get', {})) === null) {
      await bridge.invoke('session:signIn', { homeserverUrl: this.options.baseUrl, username: member.localpart, password: member.password });
      // The co-op speaks Indonesian, whatever language the machine running the demo is set to.
      await bridge.invoke('settings:setLanguage', { language: 'id' });
      const { recoveryKey } = await until(
        `${member.displayName}'s recovery key`,
        async () => (await bridge.invoke('security:takeRecoveryKey', {})) ?? undefined,
        60_000,
      );
      await writeFile(recoveryKeyFile(this.options.demoDir, member.localpart), `${recoveryKey}\n`, { mode: 0o600 });
    }
    return { member, userId: this.userId(member.localpart), app, bridge };
  }
}
