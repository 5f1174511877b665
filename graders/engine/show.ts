import { formatNd, formatNumber, isNdArray } from './ndarray';
import { isExportRef, isOpaque, type Value } from './values';

/** A compact, readable rendering of any value, for counterexamples and messages. */
export function showValue(v: Value, depth = 0): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return String(v);
  if (isNdArray(v)) return `tensor${`[${v.shape.join('×')}]`} ${formatNd(v)}`;
  if (isOpaque(v)) return `<${v.description}>`;
  if (isExportRef(v)) return v.name;
  if (depth > 4) return '…';
  if (Array.isArray(v)) return `[${v.map((x) => showValue(x, depth + 1)).join(', ')}]`;
  const pad = '  '.repeat(depth + 1);
  const entries = Object.entries(v).map(([k, x]) => `${pad}${k}: ${showValue(x, depth + 1)}`);
  return entries.length ? `{\n${entries.join(',\n')}\n${'  '.repeat(depth)}}` : '{}';
}

/** Items as prose: "a", "a and b", "a, b and c". */
export function listing(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
