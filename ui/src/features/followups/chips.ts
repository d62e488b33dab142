// The wording editor's model: template text as a list of pieces, where each
// placeholder (`{{ invoice_numbers }}`) and each condition tag
// (`{% if partially_paid %}` … `{% endif %}`) is one chip the user sees by
// name instead of template syntax. Every chip keeps its exact source text,
// so text → pieces → text is the identity (tested on every shipped template).
import { hasMessage, t } from '../../lib/i18n.svelte';

export type Piece =
  | { kind: 'text'; text: string }
  /** `{{ name }}`: a value filled in when the message is written. */
  | { kind: 'value'; name: string; raw: string }
  /** `{% if name %}` / `{% elif name %}`: the start of a part that shows only when `name` holds. */
  | { kind: 'if' | 'elif'; name: string; raw: string }
  /** `{% else %}` / `{% endif %}`. */
  | { kind: 'else' | 'endif'; raw: string }
  /** Any other template syntax, shown as it is written. */
  | { kind: 'other'; raw: string };

const TOKEN =
  /\{\{-?\s*([A-Za-z_]\w*)\s*-?\}\}|\{%-?\s*(if|elif)\s+([A-Za-z_]\w*)\s*-?%\}|\{%-?\s*(else|endif)\s*-?%\}|\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g;

/** Splits template text into text and chips. */
export function toPieces(src: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of src.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    if (start > at) out.push({ kind: 'text', text: src.slice(at, start) });
    const raw = m[0];
    if (m[1]) out.push({ kind: 'value', name: m[1], raw });
    else if (m[2] === 'if' || m[2] === 'elif') out.push({ kind: m[2], name: m[3], raw });
    else if (m[4] === 'else' || m[4] === 'endif') out.push({ kind: m[4], raw });
    else out.push({ kind: 'other', raw });
    at = start + raw.length;
  }
  if (at < src.length) out.push({ kind: 'text', text: src.slice(at) });
  return out;
}

/** The template text of pieces: text as it is, each chip as its source. */
export function toText(pieces: readonly Piece[]): string {
  return pieces.map((p) => (p.kind === 'text' ? p.text : p.raw)).join('');
}

/** The source of a new placeholder chip. */
export function valueSource(name: string): string {
  return `{{ ${name} }}`;
}

/**
 * The message id that labels a chip in the UI language, with its arguments:
 * a value by its name (`wording-value-invoice_numbers`), a condition by what
 * it depends on ("only if partly paid"), its end and its "otherwise".
 */
export function chipMessage(p: Exclude<Piece, { kind: 'text' }>): { id: string; name?: string } {
  switch (p.kind) {
    case 'value':
      return { id: `wording-value-${p.name}`, name: p.name };
    case 'if':
      return { id: `wording-if-${p.name}`, name: p.name };
    case 'elif':
      return { id: `wording-elif-${p.name}`, name: p.name };
    case 'else':
      return { id: 'wording-else' };
    case 'endif':
      return { id: 'wording-endif' };
    case 'other':
      return { id: 'wording-other' };
  }
}

/** A chip's label in the UI language; `fallback`: the backend's labels of values the catalogue does not name. */
export function chipLabel(p: Exclude<Piece, { kind: 'text' }>, fallback: Record<string, string> = {}): string {
  if (p.kind === 'other') return p.raw;
  const m = chipMessage(p);
  if (hasMessage(m.id)) return t(m.id);
  const name = m.name ?? '';
  if (p.kind === 'value') return fallback[name] ?? name;
  return t(p.kind === 'elif' ? 'wording-elif-any' : 'wording-if-any', { name });
}
