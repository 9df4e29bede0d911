import { describe, expect, it } from 'vitest';
import { importedSenderKey, stripImportPrefix } from './imported-view.ts';

describe('stripImportPrefix', () => {
  it('drops the time and name other apps need', () => {
    expect(stripImportPrefix('[12/01/21 16.37] Budi: Halo semua', 'Budi')).toBe('Halo semua');
    expect(stripImportPrefix('[12/01/21 16.37] Grup dibuat', '')).toBe('Grup dibuat');
    expect(stripImportPrefix('[12/01/21 16.37] Pak RT 05: Joko: Siap', 'Pak RT 05: Joko')).toBe('Siap');
  });

  it('keeps the part number of a long message', () => {
    expect(stripImportPrefix('[12/01/21 16.37] Budi (2/9): lanjutan', 'Budi')).toBe('(2/9) lanjutan');
  });

  it('leaves text without the prefix alone', () => {
    expect(stripImportPrefix('Halo [bukan waktu] Budi: x', 'Budi')).toBe('Halo [bukan waktu] Budi: x');
  });

  it('keys authors who are not members by name, never as a Matrix ID', () => {
    expect(importedSenderKey('Budi')).toBe('whatsapp:Budi');
    expect(importedSenderKey('Budi').startsWith('@')).toBe(false);
  });
});
