// IndexedDB keys as bytes. A key must come back exactly (its type matters for ordering:
// the number 1, the string "1" and the date 1 are three different keys), and equal keys
// must give equal bytes, because the bytes (through an HMAC) name the row in SQLite.
// v8.serialize is not canonical (it writes small integers and doubles differently), so
// keys get this tiny tagged format instead: one tag byte, then a fixed-size number or a
// length-prefixed payload. Strings are UTF-16 code units so lone surrogates survive.

/** A key as fake-indexeddb keeps it after "convert a value to a key": binary is an ArrayBuffer. */
export type StoredKey = number | string | Date | ArrayBuffer | StoredKey[];

const NUMBER = 1;
const DATE = 2;
const STRING = 3;
const BINARY = 4;
const ARRAY = 5;

const tagged = (tag: number, payload: Buffer): Buffer => Buffer.concat([Buffer.from([tag]), payload]);

const double = (value: number): Buffer => {
  const bytes = Buffer.alloc(8);
  bytes.writeDoubleBE(value);
  return bytes;
};

const withLength = (length: number, body: Buffer[]): Buffer => {
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(length);
  return Buffer.concat([prefix, ...body]);
};

export const encodeKey = (key: StoredKey): Buffer => {
  if (typeof key === 'number') {
    // -0 and 0 are the same IndexedDB key, so they must name the same row (-0 comes back as 0).
    return tagged(NUMBER, double(key === 0 ? 0 : key));
  }
  if (typeof key === 'string') {
    return tagged(STRING, withLength(key.length, [Buffer.from(key, 'utf16le')]));
  }
  if (key instanceof Date) {
    return tagged(DATE, double(key.getTime()));
  }
  if (key instanceof ArrayBuffer) {
    return tagged(BINARY, withLength(key.byteLength, [Buffer.from(key)]));
  }
  return tagged(ARRAY, withLength(key.length, key.map(encodeKey)));
};

class KeyReader {
  private offset = 0;
  private readonly bytes: Buffer;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }

  read(): StoredKey {
    const tag = this.bytes.readUInt8(this.offset);
    this.offset += 1;
    switch (tag) {
      case NUMBER:
        return this.double();
      case DATE:
        return new Date(this.double());
      case STRING: {
        const units = this.length();
        return this.take(units * 2).toString('utf16le');
      }
      case BINARY: {
        const copy = new ArrayBuffer(this.length());
        new Uint8Array(copy).set(this.take(copy.byteLength));
        return copy;
      }
      case ARRAY:
        return Array.from({ length: this.length() }, () => this.read());
      default:
        throw new Error(`unknown key tag ${String(tag)}`);
    }
  }

  atEnd(): boolean {
    return this.offset === this.bytes.length;
  }

  private double(): number {
    const value = this.bytes.readDoubleBE(this.offset);
    this.offset += 8;
    return value;
  }

  private length(): number {
    const value = this.bytes.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  private take(count: number): Buffer {
    if (this.offset + count > this.bytes.length) {
      throw new Error('truncated key');
    }
    const slice = this.bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return slice;
  }
}

export const decodeKey = (bytes: Buffer): StoredKey => {
  const reader = new KeyReader(bytes);
  const key = reader.read();
  if (!reader.atEnd()) {
    throw new Error('trailing bytes after key');
  }
  return key;
};
