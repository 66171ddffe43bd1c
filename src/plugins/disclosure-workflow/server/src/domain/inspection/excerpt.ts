// The excerpt shown with a finding: up to 25 characters either side of the hit, on one line,
// with every personal-information hit inside it masked. The window never cuts a hit in two, so no
// half of an ID number can leak at its edge.
import { applyMasks, type PersonalHit } from './personal';

const SIDE = 25;

export function excerpt(text: string, start: number, end: number, hits: PersonalHit[]): string {
  let from = Math.max(0, start - SIDE);
  let to = Math.min(text.length, end + SIDE);
  for (const h of hits) {
    if (h.start < from && h.end > from) from = h.end > start ? h.start : h.end;
    if (h.start < to && h.end > to) to = h.start < end ? h.end : h.start;
  }
  return applyMasks(text, hits, from, to).replace(/\s+/g, ' ').trim();
}
