import type { BuildOptions } from 'esbuild';

export interface Manifest {
  key: string;
  dir: string;
  inputs: [string, number, number, string][];
  outputs: Record<string, string>;
}

export function freshBuild(root: string, cacheDir: string, key: string): Manifest | undefined;
export function rebuild(root: string, cacheDir: string, key: string, options: BuildOptions): Promise<Manifest>;
