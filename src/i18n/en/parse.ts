import { formatCount } from '../../format/number.js';

const BASE_KIND = {
  directory: 'a directory',
  fifo: 'a named pipe (FIFO)',
  device: 'a device',
  socket: 'a socket',
  other: 'a special file',
};

/** Reading a policy file: bytes, YAML, the base a variant extends (src/policy parse, check, extends). */
// Node's messages repeat the path and the syscall ("ENOENT: no such file or directory, open '…'").
const SYSTEM: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
  ESPIPE: 'it is not a regular file (a Parquet file is written to a file, not a pipe or device)',
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
  tooDeep: (p: { limit: number }) =>
    `the policy nests mappings and lists more than ${p.limit} levels deep (aliases expanded)`,
  tooDeepHelp:
    'a policy is about a dozen levels deep; flatten the structure, e.g. give a deep condition a name under conditions:',
  aliasCycle: (p: { name: string }) =>
    `alias *${p.name} stands inside the value its anchor &${p.name} is on: expanding it would never end`,
  aliasCycleHelp: 'an alias may only name a value that does not contain it; write the value out instead',
  undefinedAlias: (p: { name: string }) =>
    `alias *${p.name} names no anchor: there is no &${p.name} above it`,
  undefinedAliasHelp: 'put the anchor (&name) on a value above the first alias to it, or correct the name',
  coreTagMismatch: (p: { tag: string }) =>
    `this value is not of the kind its tag ${p.tag} says; remove the tag or correct the value`,
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
  baseOutsideRoot: (p: { file: string; roots: string[] }) =>
    `base policy ${p.file} is outside the policy root (${p.roots.join(', ')}); it was not read`,
  baseOutsideRootHelp: (p: { env: string }) =>
    `a base must be inside the repository of the policy (the nearest folder above it with .git), or the policy's folder outside a repository; ${p.env} names other folders (separated as in PATH)`,
  baseNameNul: 'the base named by extends holds a NUL character; it was not read',
  baseNotYaml: (p: { file: string }) => `base policy ${p.file} is not a .yaml or .yml file; it was not read`,
  baseNotRegular: (p: { file: string; kind: 'directory' | 'fifo' | 'device' | 'socket' | 'other' }) =>
    `base policy ${p.file} is ${BASE_KIND[p.kind]}, not a file; it was not read`,
  baseNotPolicy: (p: { file: string }) =>
    `base policy ${p.file} is not a tierwise policy (it has no apiVersion: tierwise/v1); its content is not shown`,
  baseRefusedHelp: 'extends names another policy file (*.tier.yaml) inside the policy root',
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
