/** The limit in whole megabytes (10 MiB → 10), as the member reads it. */
export const megabytes = (bytes: number): number => Math.floor(bytes / (1024 * 1024));
