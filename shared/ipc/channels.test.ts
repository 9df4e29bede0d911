import { describe, expect, it } from 'vitest';
import { eventChannelNames, requestChannelNames } from './channels.ts';
import { events, requests } from './contract.ts';

describe('channel name lists', () => {
  it('match the contract requests exactly', () => {
    expect([...requestChannelNames].sort()).toEqual(Object.keys(requests).sort());
  });

  it('match the contract events exactly', () => {
    expect([...eventChannelNames].sort()).toEqual(Object.keys(events).sort());
  });

  it('have no duplicates', () => {
    expect(new Set(requestChannelNames).size).toBe(requestChannelNames.length);
    expect(new Set(eventChannelNames).size).toBe(eventChannelNames.length);
  });
});
