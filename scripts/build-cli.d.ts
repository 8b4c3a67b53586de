export declare const outDir: string;
export declare function buildCli(options?: { quiet?: boolean }): Promise<void>;
export declare const SOURCE_OPTIONS: Record<string, unknown>;
