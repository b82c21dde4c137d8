import { afterEach } from 'vitest';
import { takeProblems } from './openapi-conformance.ts';

// Every answer an in-process test got must be one the OpenAPI document describes (issue:
// "every route answered in the test suite is described, and responses match their schemas").
afterEach(() => {
  const problems = takeProblems();
  if (problems.length > 0) {
    throw new Error(`Answers the OpenAPI document does not describe:\n${problems.join('\n')}`);
  }
});
