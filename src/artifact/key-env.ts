/**
 * Where `eval`, `simulate` and `diff` find the verification key when no --key is given. Apart
 * from keys.ts so that the CLI's option help can name it without loading node:crypto.
 */
export const VERIFY_KEY_ENV = 'TIERWISE_VERIFY_KEY';
