// @peculiar/x509, for this folder. The library wires its algorithms with tsyringe, which throws
// at load unless a Reflect metadata polyfill is loaded first (the library's README says so), so
// every file here, and its tests, import the library through this file: the polyfill's import
// comes first and ES modules run their imports in order.
import 'reflect-metadata';

export * from '@peculiar/x509';
