// Canonical JSON (sorted keys, no whitespace) and SHA-256: the same value always hashes the same.
import { createHash, createHmac } from 'crypto';

export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value as object)
    .sort()
    .filter((key) => (value as any)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as any)[key])}`);
  return `{${entries.join(',')}}`;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
export const hmac = (key: string, text: string) => createHmac('sha256', key).update(text).digest('hex');
