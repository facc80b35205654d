import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

// Real files, made here, for the blob tests: magic numbers are all `file-type` reads, so a few
// hand-built bytes are enough to be recognised as what they claim.

/**
 * A PNG (signature, IHDR, a tEXt chunk, IEND) of at least `size` bytes. The text is random unless
 * given, so two calls make two blobs.
 */
export function pngBytes(size = 0, text = randomBytes(8).toString('hex')): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const fixed = signature.length + 3 * 12 + header.length + 'Comment'.length + 1;
  const padding = 'x'.repeat(Math.max(0, size - fixed - text.length));
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('tEXt', Buffer.from(`Comment\0${text}${padding}`, 'latin1')),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of a JPEG (SOI and a JFIF APP0 segment): a JPEG to `file-type`. */
export function jpegBytes(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0]),
    randomBytes(16),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}
