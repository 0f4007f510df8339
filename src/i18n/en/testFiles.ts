/** What `tierwise test` says when it finds nothing to run (src/testing/outcome.ts). */
export const testFiles = {
  none: 'no test cases found: nothing was tested',
  noneHelp:
    'add a <policy>.test.yaml beside each policy (docs/testing.md), or pass --pass-with-no-tests where that is expected',
};
