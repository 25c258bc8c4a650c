import type { TestProject } from 'vitest/node';

/**
 * Runs once before the browser tests, in Node. Starts what the browser cannot: the reference server on a
 * free loopback port (once it exists), handing its URL to tests through `inject('serverUrl')`.
 */
export default async function setup(project: TestProject) {
  project.provide('serverUrl', '');
}

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
  }
}
