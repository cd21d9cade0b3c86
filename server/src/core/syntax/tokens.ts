// Small lexical helpers for messages: the token at or before an offset, as a person would
// name it in a sentence ("found `tomorrow`", "after `due`").

import { isBlank } from '../language/vocabulary';

export interface TokenSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const MAX_TOKEN = 40;

/** Skips white space and comments from `offset`; returns the offset of the next token. */
export function skipTrivia(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text[i];
    if (isBlank(c)) {
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else {
      break;
    }
  }
  return i;
}

/** The token that starts at `offset` (after trivia), or null at the end of the text. */
export function tokenAt(text: string, offset: number): TokenSpan | null {
  const start = skipTrivia(text, offset);
  if (start >= text.length) return null;
  let end = start;
  const first = text[start];
  if (first === '"') {
    end = start + 1;
    while (end < text.length && text[end] !== '"' && text[end] !== '\n' && text[end] !== '\r') {
      end += text[end] === '\\' ? 2 : 1;
    }
    if (text[end] === '"') end++;
  } else if (/[A-Za-z0-9_£.-]/.test(first)) {
    while (end < text.length && /[A-Za-z0-9_£.,%-]/.test(text[end])) end++;
  } else if (/[<>=]/.test(first)) {
    while (end < text.length && /[<>=]/.test(text[end])) end++;
  } else {
    end = start + (isHighSurrogate(text.charCodeAt(start)) ? 2 : 1);
  }
  end = Math.min(end, text.length);
  return { start, end, text: shorten(text.slice(start, end)) };
}

/** The token that ends just before `offset` (white space skipped backwards), if any. */
export function tokenBefore(text: string, offset: number, notBefore: number): TokenSpan | null {
  let end = offset;
  while (end > notBefore && isBlank(text[end - 1])) end--;
  if (end <= notBefore) return null;
  let start = end - 1;
  if (/[A-Za-z0-9_£.,%-]/.test(text[start])) {
    while (start > notBefore && /[A-Za-z0-9_£.,%-]/.test(text[start - 1])) start--;
  } else if (/[<>=]/.test(text[start])) {
    while (start > notBefore && /[<>=]/.test(text[start - 1])) start--;
  } else if (text[start] === '"') {
    const open = text.lastIndexOf('"', start - 1);
    if (open >= notBefore) start = open;
  }
  return { start, end, text: shorten(text.slice(start, end)) };
}

function shorten(s: string): string {
  const oneLine = s.replace(/[\r\n]+/g, ' ');
  return oneLine.length > MAX_TOKEN ? oneLine.slice(0, MAX_TOKEN - 1) + '…' : oneLine;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Quotes a token for a message, making control characters visible. */
export function quoteToken(token: TokenSpan | null): string {
  if (!token) return 'the end of the file';
  const visible = token.text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return '`' + visible.replace(/`/g, "'") + '`';
}
