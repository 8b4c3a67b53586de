export declare function bundleEntry(entry: string): Promise<string>;
