import { MatrixEventEvent, RoomEvent, type ICreateRoomOpts, type MatrixClient, type MatrixEvent, type Room, type StateEvents, type TimelineEvents } from 'matrix-js-sdk';
import type { ProposalMaterial } from '../governance/gov-event.ts';
import type { GovernanceEventListeners, GovernancePort } from '../governance/governance-port.ts';
import type { MatrixAccount } from './matrix-account.ts';
import { fetchEvent, fetchProposalMaterial, fetchRelated } from './proposal-fetch.ts';

/** The governance port over the account's matrix-js-sdk client. */
export class MatrixGovernancePort implements GovernancePort {
  private readonly account: MatrixAccount;
  private readonly client: MatrixClient;

  constructor(account: MatrixAccount, client: MatrixClient) {
    this.account = account;
    this.client = client;
  }

  get userId(): string {
    return this.account.userId;
  }

  room(roomId: string): Room | null {
    return this.account.room(roomId);
  }

  rooms(): Room[] {
    return this.account.rooms();
  }

  async createRoom(options: ICreateRoomOpts): Promise<string> {
    const { room_id: roomId } = await this.client.createRoom(options);
    return roomId;
  }

  async sendState<K extends keyof StateEvents>(roomId: string, type: K, content: StateEvents[K], stateKey: string): Promise<void> {
    await this.client.sendStateEvent(roomId, type, content, stateKey);
  }

  async send<K extends keyof TimelineEvents>(roomId: string, type: K, content: TimelineEvents[K]): Promise<string> {
    const { event_id: eventId } = await this.client.sendEvent(roomId, type, content);
    return eventId;
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

  fetchEvent(roomId: string, eventId: string): Promise<MatrixEvent> {
    return fetchEvent(this.client, roomId, eventId);
  }

  proposalMaterial(roomId: string, proposalId: string): Promise<ProposalMaterial> {
    return fetchProposalMaterial(this.client, roomId, proposalId);
  }

  related(roomId: string, proposalId: string): Promise<MatrixEvent[]> {
    return fetchRelated(this.client, roomId, proposalId);
  }

  listen(listeners: GovernanceEventListeners): void {
    this.client.on(RoomEvent.Timeline, (event, room) => {
      if (room !== undefined) {
        listeners.timeline(event, room);
      }
    });
    this.client.on(MatrixEventEvent.Decrypted, (event) => {
      listeners.decrypted(event);
    });
    this.client.on(RoomEvent.Redaction, (redaction) => {
      listeners.redaction(redaction);
    });
  }
}
