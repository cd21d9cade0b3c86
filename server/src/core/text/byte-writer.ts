// Output written as UTF-8 bytes into a buffer that is handed on when full. A long term's
// calendar is over 100 MB: pieces joined into strings and encoded afterwards would copy every
// byte twice more, and the parts every item repeats can be encoded once and copied as bytes.

const CAPACITY = 1 << 16;

/**
 * Receives each piece of output. It returns `true` when it is done with the bytes once it
 * returns (written out at once): the writer then fills the same buffer again. Otherwise it may
 * keep them, and the writer goes on in a new buffer. A writer that reuses one buffer makes no
 * garbage however large the output, and the engine then never collects for it.
 */
export type ByteSink = (bytes: Uint8Array) => boolean | void;

export class ByteWriter {
  private buffer = Buffer.allocUnsafe(CAPACITY);
  private used = 0;

  constructor(private readonly sink: ByteSink) {}

  text(text: string): void {
    // A UTF-16 code unit is at most three octets in UTF-8.
    if (text.length * 3 > CAPACITY - this.used) {
      this.flush();
      if (text.length * 3 > CAPACITY) {
        this.sink(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  bytes(bytes: Uint8Array): void {
    if (bytes.length > CAPACITY - this.used) {
      this.flush();
      if (bytes.length > CAPACITY) {
        this.sink(bytes);
        return;
      }
    }
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** Hands on what is written so far; every piece handed on ends where a piece written ended. */
  flush(): void {
    if (this.used === 0) return;
    if (this.sink(this.buffer.subarray(0, this.used)) !== true) this.buffer = Buffer.allocUnsafe(CAPACITY);
    this.used = 0;
  }
}

/** `text` as UTF-8, to be copied many times. */
export function utf8(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}
