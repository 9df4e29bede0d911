import { describe, expect, it } from 'vitest';
import { roomShortcutOf } from './room-shortcuts.ts';

const keys = (key: string, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('roomShortcutOf', () => {
  it('reads Ctrl+K and Cmd+K as the switcher, in either case', () => {
    expect(roomShortcutOf(keys('k', { ctrlKey: true }))).toBe('switcher');
    expect(roomShortcutOf(keys('k', { metaKey: true }))).toBe('switcher');
    expect(roomShortcutOf(keys('K', { ctrlKey: true }))).toBe('switcher');
  });

  it('reads Alt+Up and Alt+Down as the previous and next room', () => {
    expect(roomShortcutOf(keys('ArrowUp', { altKey: true }))).toBe('previous');
    expect(roomShortcutOf(keys('ArrowDown', { altKey: true }))).toBe('next');
  });

  it('leaves other keys and other modifier sets alone', () => {
    expect(roomShortcutOf(keys('k'))).toBeNull();
    expect(roomShortcutOf(keys('K', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(roomShortcutOf(keys('ArrowUp'))).toBeNull();
    expect(roomShortcutOf(keys('ArrowDown', { altKey: true, shiftKey: true }))).toBeNull();
    expect(roomShortcutOf(keys('ArrowDown', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});
