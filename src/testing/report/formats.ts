/** Apart from the renderers, so the CLI can offer the choices without loading them. */
export const TEST_FORMATS = ['pretty', 'json', 'junit', 'tap', 'sarif', 'github'] as const;
export type TestFormat = (typeof TEST_FORMATS)[number];
