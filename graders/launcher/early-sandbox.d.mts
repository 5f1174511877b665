export const FOLDER: string;
export const EARLY: unique symbol;
export function recordFile(root: string): string;
export function startRecordedSandbox(root: string, argv: string[]): Promise<void>;
