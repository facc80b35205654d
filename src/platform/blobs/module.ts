import type { Module } from '../module.ts';
import { blobsConfig } from './config.ts';
import { blobsProblems } from './problems.ts';
import { blobRoutes } from './routes.ts';

/**
 * Media storage: uploads kept by the SHA-256 of their bytes, on disk or in an S3 bucket, served
 * immutable. `core.blobs` (service.ts) is what other modules call.
 */
export const blobsModule: Module = {
  name: 'blobs',
  config: blobsConfig,
  migrations: new URL('./migrations/', import.meta.url),
  problems: blobsProblems,
  routes: blobRoutes,
};
