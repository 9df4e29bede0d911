import { EventType, MatrixEventEvent, Preset, RoomEvent, Visibility } from 'matrix-js-sdk';
import { AccountAdapter } from './account-adapter.ts';
import type {
  CreateRoomOptions,
  FetchedEvent,
  GovernanceEventListeners,
  GovernancePort,
  GovMessage,
  GovStateEvent,
  LoadedEvent,
  ProposalMaterial,
} from '../governance/governance-port.ts';
import type { RoomSnapshot } from '../room-snapshot.ts';
import { fetchedEventOf, liveEventOf } from './gov-events.ts';
import { fetchEvent, fetchProposalMaterial, fetchRelated } from './proposal-fetch.ts';
import { snapshotOf } from './room-snapshots.ts';

/** The governance port over the account's matrix-js-sdk client: SDK objects go in, plain data comes out. */
export class MatrixGovernancePort extends AccountAdapter implements GovernancePort {
  room(roomId: string): RoomSnapshot | null {
    const room = this.account.room(roomId);
    return room === null ? null : snapshotOf(room);
  }

  rooms(): RoomSnapshot[] {
    return this.account.rooms().map(snapshotOf);
  }

  loadedEvents(roomId: string): LoadedEvent[] {
    const events = this.account.room(roomId)?.getLiveTimeline().getEvents() ?? [];
    return events.map((event) => ({ eventId: event.getId() ?? '', type: event.getType(), content: event.getContent() }));
  }

  async createRoom(options: CreateRoomOptions): Promise<string> {
    // Rembuk's options name the wire values; the SDK wants its enums (the only values either allows).
    const { room_id: roomId } = await this.client.createRoom({
      name: options.name,
      ...(options.topic === undefined ? {} : { topic: options.topic }),
      preset: Preset.PrivateChat,
      visibility: Visibility.Private,
      ...(options.creation_content === undefined ? {} : { creation_content: options.creation_content }),
      ...(options.initial_state === undefined ? {} : { initial_state: options.initial_state }),
      ...(options.power_level_content_override === undefined ? {} : { power_level_content_override: options.power_level_content_override }),
    });
    return roomId;
  }

  // Each case narrows the event type, so the SDK's event maps (matrix/sdk-events.ts) check the content.
  async sendState(roomId: string, event: GovStateEvent, stateKey: string): Promise<void> {
    switch (event.type) {
      case 'coop.rembuk.member':
        await this.client.sendStateEvent(roomId, event.type, event.content, stateKey);
        return;
      case 'coop.rembuk.proposal_status':
        await this.client.sendStateEvent(roomId, event.type, event.content, stateKey);
        return;
      case 'm.space.child':
        // The SDK's map keys this one by its enum member, which a string literal does not match.
        await this.client.sendStateEvent(roomId, EventType.SpaceChild, event.content, stateKey);
        return;
    }
  }

  async send(roomId: string, message: GovMessage): Promise<string> {
    switch (message.type) {
      case 'org.matrix.msc3381.poll.start':
        return (await this.client.sendEvent(roomId, message.type, message.content)).event_id;
      case 'org.matrix.msc3381.poll.response':
        return (await this.client.sendEvent(roomId, message.type, message.content)).event_id;
      case 'org.matrix.msc3381.poll.end':
        return (await this.client.sendEvent(roomId, message.type, message.content)).event_id;
    }
  }

  async setPowerLevel(roomId: string, userId: string, level: number | undefined): Promise<void> {
    await this.client.setPowerLevel(roomId, userId, level);
  }

  async invite(roomId: string, userId: string): Promise<void> {
    await this.client.invite(roomId, userId);
  }

  async join(roomId: string): Promise<void> {
    await this.client.joinRoom(roomId);
  }

  async fetchEvent(roomId: string, eventId: string): Promise<FetchedEvent> {
    return fetchedEventOf(await fetchEvent(this.client, roomId, eventId));
  }

  async proposalMaterial(roomId: string, proposalId: string): Promise<ProposalMaterial> {
    const { start, stateAtProposal, related } = await fetchProposalMaterial(this.client, roomId, proposalId);
    return { start: fetchedEventOf(start), stateAtProposal, related: related.map(fetchedEventOf) };
  }

  async related(roomId: string, proposalId: string): Promise<FetchedEvent[]> {
    return (await fetchRelated(this.client, roomId, proposalId)).map(fetchedEventOf);
  }

  listen(listeners: GovernanceEventListeners): void {
    this.client.on(RoomEvent.Timeline, (event, room) => {
      if (room !== undefined) {
        listeners.timeline({ ...liveEventOf(event), roomId: room.roomId });
      }
    });
    this.client.on(MatrixEventEvent.Decrypted, (event) => {
      listeners.decrypted(liveEventOf(event));
    });
    this.client.on(RoomEvent.Redaction, (redaction) => {
      const redacted = redaction.event.redacts ?? redaction.getContent<{ redacts?: string }>().redacts;
      if (redacted !== undefined) {
        listeners.redaction(redacted);
      }
    });
  }
}
