import type { MentionInput } from '../../shared/model/conversation.ts';
import type { TimelineItem } from '../../shared/model/timeline.ts';
import { until } from '../fixtures/until.ts';
import type { Bridge, MemberCore } from './seed-accounts.ts';

type Watcher = Awaited<ReturnType<Bridge['watchTimeline']>>;

/**
 * What the seed does in rooms, through a member's own core as their window would: join,
 * send and wait for the server's event id (a reply or a reaction needs it).
 */
export class RoomTalk {
  private readonly watchers = new Map<string, Promise<Watcher>>();

  /** Accepts the invite once it has arrived (or finds the room already joined, on a re-run). */
  async join(core: MemberCore, roomId: string): Promise<void> {
    await until(
      `${core.member.displayName} to join ${roomId}`,
      async () => {
        const accepted = await core.bridge.invoke('invite:accept', { roomId }).then(
          () => true,
          () => false,
        );
        if (accepted) {
          return true;
        }
        const members = await core.bridge.invoke('room:members', { roomId }).catch(() => []);
        return members.some((member) => member.own && member.membership === 'join') ? true : undefined;
      },
      30_000,
    );
  }

  /** Waits until the member's core has the room from its sync. */
  async knows(core: MemberCore, roomId: string): Promise<void> {
    await until(
      `${core.member.displayName}'s core to know ${roomId}`,
      async () =>
        core.bridge.invoke('room:details', { roomId }).then(
          () => true,
          () => undefined,
        ),
      30_000,
    );
  }

  /** Sends a message; resolves with its event id once the server has it. */
  async send(core: MemberCore, roomId: string, body: string, options: { replyTo?: string; mentions?: MentionInput[] } = {}): Promise<string> {
    const { itemId } = await core.bridge.invoke('message:send', {
      roomId,
      body,
      mentions: options.mentions ?? [],
      mentionRoom: false,
      ...(options.replyTo === undefined ? {} : { replyTo: options.replyTo }),
    });
    return this.eventIdOf(core, roomId, itemId);
  }

  async react(core: MemberCore, roomId: string, eventId: string, key: string): Promise<void> {
    await core.bridge.invoke('message:react', { roomId, eventId, key });
  }

  /** The items of the room as the member's core shows them now, from the live end back to the first event. */
  async items(core: MemberCore, roomId: string): Promise<TimelineItem[]> {
    const watcher = await core.bridge.watchTimeline(roomId);
    try {
      return await watcher.readAll({ fromLive: true });
    } finally {
      watcher.stop();
      await core.bridge.invoke('stream:unsubscribe', { subscription: watcher.subscription });
    }
  }

  /** Lets go of the rooms watched for event ids (before a core stops). */
  async close(): Promise<void> {
    for (const watcher of this.watchers.values()) {
      (await watcher).stop();
    }
    this.watchers.clear();
  }

  private async eventIdOf(core: MemberCore, roomId: string, itemId: string): Promise<string> {
    const key = `${core.member.localpart} ${roomId}`;
    let watcher = this.watchers.get(key);
    if (watcher === undefined) {
      watcher = core.bridge.watchTimeline(roomId);
      this.watchers.set(key, watcher);
    }
    const watching = await watcher;
    return until(
      `the server's id of ${core.member.displayName}'s message`,
      () => watching.items().find((item) => item.id === itemId)?.eventId ?? undefined,
      30_000,
    );
  }
}
