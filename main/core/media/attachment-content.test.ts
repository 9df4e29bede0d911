import { describe, expect, it } from 'vitest';
import { encryptAttachment } from './attachment-crypto.ts';
import { attachmentContent } from './attachment-content.ts';

const plain = { url: 'mxc://hs/abc', info: { mimetype: 'image/jpeg', size: 1234 } };
const keys = encryptAttachment(Buffer.from('x')).keys;
const encrypted = { file: { ...keys, url: 'mxc://hs/enc' }, info: { mimetype: 'image/jpeg', size: 1234 } };
const thumb = { url: 'mxc://hs/thumb', info: { mimetype: 'image/jpeg', size: 99 } };

describe('attachmentContent', () => {
  it('builds an m.image with caption, file name, size, dimensions and thumbnail', () => {
    expect(
      attachmentContent({
        kind: 'image',
        name: 'rapat.jpg',
        caption: ' Rapat anggota ',
        upload: plain,
        width: 640,
        height: 480,
        thumbnail: { upload: thumb, width: 320, height: 240 },
      }),
    ).toEqual({
      msgtype: 'm.image',
      body: 'Rapat anggota',
      filename: 'rapat.jpg',
      url: 'mxc://hs/abc',
      info: {
        mimetype: 'image/jpeg',
        size: 1234,
        w: 640,
        h: 480,
        thumbnail_url: 'mxc://hs/thumb',
        thumbnail_info: { mimetype: 'image/jpeg', size: 99, w: 320, h: 240 },
      },
    });
  });

  it('uses the file name as body when there is no caption, and `file` instead of `url` when encrypted', () => {
    const content = attachmentContent({ kind: 'file', name: 'laporan.pdf', caption: '  ', upload: encrypted });
    expect(content.body).toBe('laporan.pdf');
    expect(content.msgtype).toBe('m.file');
    expect(content.file).toEqual(encrypted.file);
    expect(content).not.toHaveProperty('url');
    expect(content.info).toEqual({ mimetype: 'image/jpeg', size: 1234 });
  });

  it('puts an encrypted thumbnail in thumbnail_file', () => {
    const thumbFile = { file: { ...keys, url: 'mxc://hs/t' }, info: { mimetype: 'image/png', size: 5 } };
    const content = attachmentContent({ kind: 'image', name: 'a.png', upload: encrypted, thumbnail: { upload: thumbFile, width: 1, height: 1 } });
    expect(content.info).toMatchObject({ thumbnail_file: thumbFile.file, thumbnail_info: { mimetype: 'image/png', size: 5, w: 1, h: 1 } });
    expect(content.info).not.toHaveProperty('thumbnail_url');
  });

  it('marks a voice note as m.audio with MSC3245 and MSC1767 duration', () => {
    const content = attachmentContent({
      kind: 'voice',
      name: 'voice.ogg',
      upload: { url: 'mxc://hs/v', info: { mimetype: 'audio/ogg', size: 10 } },
      durationMs: 4200,
    });
    expect(content).toEqual({
      msgtype: 'm.audio',
      body: 'voice.ogg',
      filename: 'voice.ogg',
      url: 'mxc://hs/v',
      info: { mimetype: 'audio/ogg', size: 10, duration: 4200 },
      'org.matrix.msc3245.voice': {},
      'org.matrix.msc1767.audio': { duration: 4200 },
    });
  });

  it('gives plain audio a duration but no voice marker, and video both dimensions and duration', () => {
    const audio = attachmentContent({ kind: 'audio', name: 'lagu.mp3', upload: plain, durationMs: 1000, width: 5 });
    expect(audio.info).toEqual({ mimetype: 'image/jpeg', size: 1234, duration: 1000 });
    expect(audio).not.toHaveProperty('org.matrix.msc3245.voice');
    const video = attachmentContent({ kind: 'video', name: 'v.mp4', upload: plain, durationMs: 1000, width: 5, height: 6 });
    expect(video.msgtype).toBe('m.video');
    expect(video.info).toEqual({ mimetype: 'image/jpeg', size: 1234, duration: 1000, w: 5, h: 6 });
  });
});
