import { formatCount } from '../../format/number.js';

/** Reading a policy file: bytes, YAML, the base a variant extends (src/policy parse, check, extends). */
// Node's messages repeat the path and the syscall ("ENOENT: no such file or directory, open '…'").
const SYSTEM: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many levels of symbolic links',
  EBUSY: 'the file is busy',
  EIO: 'input/output error',
  EEXIST: 'it already exists',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  ENXIO: 'no such device',
  EFBIG: 'the file is too large',
  EINVAL: 'the name or the operation is not valid here',
};

export const parse = {
  tooLarge: (p: { size: number; limit: number }) =>
    `file is ${p.size} bytes; policies are limited to ${p.limit} bytes`,
  tooLargeHelp: 'split the policy, or raise the limit with --max-bytes if this size is intended',
  nulByte: (p: { offset: number }) =>
    `file holds a NUL byte at offset ${p.offset}: it looks binary, not a YAML policy`,
  notUtf8: (p: { offset: number }) => `the byte at offset ${p.offset} is not valid UTF-8`,
  notUtf8Help: 'save the file as UTF-8 (GBK exports from Excel are common: re-save as "UTF-8")',
  multipleDocuments: 'the file holds more than one YAML document (---); write one policy per file',
  /** What the yaml library says, by its error code; English is its own message. */
  yaml: (p: { code: string; detail: string }) => p.detail,
  notMapping: 'the file must be a YAML mapping (apiVersion:, kind:, metadata:, …)',
  aliasesExpandTo: (p: { total?: number; limit: number }) =>
    `expanding this file's aliases gives ${p.total === undefined ? 'astronomically many' : formatCount(p.total)} values (the limit is ${formatCount(p.limit)}); refused as a resource-exhaustion attack`,
  tooManyValues: (p: { limit: number }) =>
    `expanding this file's aliases gives more than ${p.limit} values; refused as a resource-exhaustion attack`,
  tooManyAliases: (p: { limit: number }) =>
    `expanding this file's aliases gives more than ${p.limit} aliases; refused as a resource-exhaustion attack`,
  aliasesHelp: 'a policy uses anchors and aliases sparingly; write the repeated block out or reduce nesting',
  keysPlainText: 'keys must be plain text',
  unsupportedNode: 'this kind of YAML node is not supported',
  notFinite: (p: { value: string }) => `${p.value} is not a finite number`,
  integerTooLarge: 'integer is too large',
  onlyPlainValues: 'only strings, numbers, booleans and null are allowed',
  notAFile: (p: { path: string }) => `${p.path} is not a file`,
  cannotRead: (p: { path: string; reason: string }) => `cannot read ${p.path}: ${p.reason}`,
  noSuchFile: 'no such file',
  /** An operating system error, by its code (EACCES); Node's own message only for a code not listed. */
  systemError: (p: { code: string; detail: string }) => SYSTEM[p.code] ?? p.detail,
  unknownError: 'unknown error',
  variantAlone: 'this is a variant: it can only be checked together with its base policy',
  variantAloneHelp:
    'check the file with `tierwise check FILE` (or loadPolicy), which reads the base it extends',
  extendsCycle: (p: { file: string }) => `extends forms a cycle through ${p.file}`,
  extendsTooDeep: (p: { limit: number }) => `extends chain is deeper than ${p.limit} policies`,
  baseUnreadable: (p: { file: string; reason: string }) =>
    `base policy ${p.file} cannot be read: ${p.reason}`,
  baseHasErrors: (p: { file: string }) => `base policy ${p.file} has errors`,
  baseHasErrorsHelp: 'fix the base policy first',
  variantRedefinesFact: (p: { id: string; fields: string[] }) =>
    `a variant may not redefine base fact '${p.id}' (${p.fields.join(', ')} changed)`,
  variantRedefinesFactHelp:
    'a fact must read the same data in every variant; declare a new fact with another id instead',
  variantChangesMethod: (p: { from: string; to: string }) =>
    `a variant may not change the tier method (${p.from} → ${p.to})`,
  variantChangesMethodHelp: 'write a new policy rather than a variant',
  variantAddsTier: (p: { id: string }) => `a variant may not add tier '${p.id}'`,
  variantAddsTierHelp: (p: { ids: string[] }) =>
    `the tier set is shared with service teams; the base has ${p.ids.join(', ')}`,
};
