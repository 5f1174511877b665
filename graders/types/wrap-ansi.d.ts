// wrap-ansi 7 ships no types (it predates the ESM-only releases that do). Kept at 7 because 10 (the one measured)
// loads a string-width that builds Unicode-property regular expressions as it loads: ~60 ms of every terminal report.
declare module 'wrap-ansi' {
  interface Options {
    hard?: boolean;
    wordWrap?: boolean;
    trim?: boolean;
  }
  export default function wrapAnsi(input: string, columns: number, options?: Options): string;
}
