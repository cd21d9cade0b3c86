// Reads a contract from disk without trusting its path. A path is checked, then the file is
// opened once, non-blocking, and everything else is asked of that handle: a FIFO or a device
// cannot block the reader, a file swapped after the check is not read, and a file larger than
// the cap is refused before a byte of it is read. Used for imports, the editor's workspace and
// the files named on the command line.

import * as fs from 'node:fs';
import * as path from 'node:path';

/** The largest contract read: a 50 MB contract is analysed, a 200 MB one is refused. */
export const MAX_CONTRACT_BYTES = 64 * 1024 * 1024;

export type ReadResult =
  | { readonly ok: true; readonly text: string; readonly invalidUtf8?: InvalidUtf8 }
  | { readonly ok: false; readonly reason: string; readonly tooLarge?: boolean; readonly missing?: boolean };

/** The first byte that is not UTF-8, and where its U+FFFD stands in the decoded text. */
export interface InvalidUtf8 {
  readonly byte: number;
  readonly value: number;
  readonly offset: number;
}

export interface ReadOptions {
  readonly maxBytes?: number;
  /** Imports name only `.partnership` files; a file named on the command line may be called anything. */
  readonly partnershipOnly?: boolean;
}

/** File systems of the kernel and of devices, by `statfs` magic: procfs, sysfs, devtmpfs, debugfs, tracefs, securityfs, cgroup, cgroup2, devpts, bpf, configfs, efivarfs. */
const KERNEL_FILE_SYSTEMS = new Set([0x9fa0, 0x62656572, 0x1373, 0x64626720, 0x74726163, 0x73636673, 0x27e0eb, 0x63677270, 0x1cd1, 0xcafe4a11, 0x62656570, 0xde5e81e4]);
const KERNEL_FOLDERS = ['/proc', '/sys', '/dev'];

/** `//host/share`, `\\host\share`, `\\?\…` and `\\.\…`: reading them reaches a network or a device. */
export function isNetworkOrDevicePath(file: string): boolean {
  return /^[\\/]{2}/.test(file);
}

const MISSING: ReadResult = { ok: false, missing: true, reason: 'no such file or no permission to read it' };

export function readContract(file: string, options: ReadOptions = {}): ReadResult {
  const maxBytes = options.maxBytes ?? MAX_CONTRACT_BYTES;
  if (isNetworkOrDevicePath(file)) return { ok: false, reason: 'network and device paths are not read' };
  if (options.partnershipOnly && path.extname(file) !== '.partnership') return { ok: false, reason: 'only `.partnership` files can be imported' };
  let real: string;
  try {
    real = fs.realpathSync.native(file);
  } catch (error) {
    // Missing, unreadable or a loop of links: the file cannot be read, and its import says so.
    fileSystemError(error);
    return MISSING;
  }
  if (isNetworkOrDevicePath(real) || isKernelFile(real)) return { ok: false, reason: 'it is a device or kernel file, not a contract' };
  let fd: number;
  try {
    fd = fs.openSync(real, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0));
  } catch (error) {
    fileSystemError(error);
    return MISSING;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: stat.isDirectory() ? 'it is a folder' : 'it is not a regular file' };
    if (stat.size > maxBytes) return tooLarge(mb(stat.size), maxBytes);
    const bytes = readAtMost(fd, maxBytes + 1, stat.size);
    if (bytes.length > maxBytes) return tooLarge(`over ${mb(maxBytes)}`, maxBytes); // it grew while read
    return { ok: true, ...decode(bytes) };
  } catch (error) {
    // The file went away or failed while being read (EIO, say): say so, with the system's code.
    return { ok: false, reason: `it could not be read (${fileSystemError(error)})` };
  } finally {
    fs.closeSync(fd);
  }
}

const mb = (n: number): string => `${Math.ceil(n / (1024 * 1024))} MB`;

function tooLarge(size: string, maxBytes: number): ReadResult {
  return { ok: false, tooLarge: true, reason: `it is too large (${size}; the limit is ${mb(maxBytes)})` };
}

function isKernelFile(real: string): boolean {
  if (KERNEL_FOLDERS.some((f) => real === f || real.startsWith(f + '/'))) return true;
  try {
    return KERNEL_FILE_SYSTEMS.has(fs.statfsSync(real).type);
  } catch (error) {
    // A file system that cannot say its type is not one of the kernel's, which always can.
    fileSystemError(error);
    return false;
  }
}

/** The system's code of a file-system error (`ENOENT`, `EACCES`, …); any other error is a fault, thrown on. */
function fileSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') throw error;
  return code;
}

/** Reads from the handle until its end or `limit` bytes, whichever comes first (a file may grow). */
function readAtMost(fd: number, limit: number, expected: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(limit, Math.max(expected, 0) + 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) break;
      const bigger = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2 + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    let n: number;
    try {
      n = fs.readSync(fd, buffer, length, buffer.length - length, null);
    } catch (error) {
      // A non-blocking handle with nothing to read yet (a FIFO opened as a file): treat as the end.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') break;
      throw error;
    }
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** UTF-8 text without its byte order mark; invalid bytes become U+FFFD and the first is located. */
export function decode(bytes: Uint8Array): { text: string; invalidUtf8?: InvalidUtf8 } {
  try {
    return { text: strict.decode(bytes) };
  } catch (error) {
    // The strict decoder refuses bytes that are not UTF-8 with a TypeError; nothing else is expected.
    if (!(error instanceof TypeError)) throw error;
    const text = lenient.decode(bytes);
    const byte = firstInvalidByte(bytes);
    const offset = lenient.decode(bytes.subarray(0, byte)).length;
    return { text, invalidUtf8: { byte, value: bytes[byte], offset } };
  }
}

/** The index of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
