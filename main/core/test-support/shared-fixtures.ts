import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the team's shared test fixtures are (`shared/fixtures`, read in place, never copied
 * into the repository): REMBUK_SHARED_DIR if set; else `../shared` beside the checkout, as on
 * a developer's machine; else /work/shared, for a clone made elsewhere (CI clones the
 * repository into a folder of its own on the same machine).
 */
export const sharedDir = (): string => {
  const candidates = [process.env.REMBUK_SHARED_DIR, path.resolve(import.meta.dirname, '../../../../shared'), '/work/shared'];
  const found = candidates.find((dir): dir is string => dir !== undefined && dir !== '' && existsSync(path.join(dir, 'fixtures')));
  return found ?? path.resolve(import.meta.dirname, '../../../../shared');
};

/** A path inside `shared/fixtures/whatsapp`. */
export const whatsappFixture = (...segments: string[]): string => path.join(sharedDir(), 'fixtures', 'whatsapp', ...segments);
