export let scriptLoad: 'cached' | 'compiled' | undefined;
export function loadTensorFlowScript(file: string): unknown;
export function sandboxScriptModule(file: string, names: string[]): string;
export function makeScriptCache(file: string, cacheFile: string): void;
export function scriptLinkModule(loaderUrl: string, file: string, names: string[]): string;
