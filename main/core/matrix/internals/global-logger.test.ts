import { describe, expect, it } from 'vitest';
import { globalSdkLogger, missingLoglevelMembers } from './global-logger.ts';

describe("matrix-js-sdk's global logger", () => {
  it('is still a loglevel logger with setLevel and methodFactory', async () => {
    const sdk = await import('matrix-js-sdk/lib/logger.js');
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the internal under test
    const root: unknown = sdk.logger;
    expect(missingLoglevelMembers(root), 'matrix-js-sdk 43: the global `logger` lacks these loglevel members').toEqual([]);
    expect(await globalSdkLogger()).toBe(root);
  });

  it('names what a logger without them lacks', () => {
    expect(missingLoglevelMembers({ setLevel: () => undefined })).toEqual(['methodFactory']);
    expect(missingLoglevelMembers(null)).toEqual(['setLevel', 'methodFactory']);
  });
});
