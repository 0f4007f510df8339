/**
 * `tierwise build`, `verify` and `keygen`, and loading a policy from an artifact (src/artifact).
 * Paths, entry names, sizes and hashes arrive as they are.
 */
export const artifact = {
  noPolicyFiles: (p: { paths: string[] }) => `no policy files (*.tier.yaml) under ${p.paths.join(', ')}`,
  nothingBuilt: (p: { broken: number; total: number }) =>
    `nothing was built: ${p.broken} of ${p.total} policies have errors`,
  nothingBuiltHelp: 'fix what `tierwise check` reports; only valid policies are packed',
  duplicateName: (p: { name: string }) => `two packed policies are named ${p.name}`,
  duplicateNameHelp: 'an artifact chooses a policy by its metadata.name; pack them separately',
  unreadableWhilePacking: (p: { file: string }) => `${p.file} could not be read while packing`,
  changedWhilePacking: (p: { file: string }) => `${p.file} changed while it was being packed`,
  changedWhilePackingHelp: 'build again once the file is saved',
  textNotAvailable: (p: { file: string }) => `${p.file}: the checked text is not available for packing`,

  badTime: (p: { value: string }) => `--time ${p.value} is not a date-time`,
  badTimeHelp: 'give an ISO 8601 date-time with a zone, e.g. 2026-01-01T00:00:00Z, or seconds since 1970',
  badEpoch: (p: { value: string }) => `SOURCE_DATE_EPOCH=${p.value} is not a whole number of seconds`,
  badEpochHelp: 'set it to seconds since 1970-01-01T00:00:00Z, e.g. $(git log -1 --format=%ct)',
  noBuildTime: (p: { time: string }) =>
    `no build time given: using ${p.time} so the same files still give the same bytes`,
  noBuildTimeDirtyHelp:
    'commit the policies (their commit time is then used), or set SOURCE_DATE_EPOCH or --time',
  noBuildTimeHelp: 'set SOURCE_DATE_EPOCH or --time, or build from a clean git checkout',

  cannotRead: (p: { path: string; reason: string }) => `cannot read artifact ${p.path}: ${p.reason}`,
  notAFile: 'it is not a file',
  tooLarge: (p: { size: number; limit: number }) => `it is ${p.size} bytes; the limit is ${p.limit}`,
  notGzip: 'it is not gzip data',
  unpacksTooLarge: (p: { limit: number }) => `it unpacks to more than ${p.limit} bytes`,
  badGzip: (p: { detail: string }) => `it is not valid gzip data (${p.detail})`,
  tooManyEntries: (p: { limit: number }) => `it holds more than ${p.limit} entries`,
  badTar: (p: { detail: string }) => `it is not a valid tar archive (${p.detail})`,

  noManifest: (p: { name: string; manifest: string }) => `${p.name} holds no ${p.manifest}`,
  noManifestHelp:
    'this is not a tierwise artifact, or it was repacked by another tool; build it with `tierwise build`',
  notSigned: (p: { name: string }) => `${p.name} is not signed, and a key was given: refused`,
  notSignedHelp:
    'build it with `tierwise build --sign KEY`; an unsigned artifact is never accepted when a key is configured',
  badSignature: (p: { key: string }) => `the signature does not verify with key ${p.key}`,
  badSignatureHelp: 'the manifest was changed after signing, or it was signed with another key',
  notChecked: (p: { name: string; signed: boolean }) =>
    `${p.name} is not signature-checked: no key given${p.signed ? ' (it carries a signature)' : ' (and it is unsigned)'}`,
  notCheckedHelp: (p: { env: string }) =>
    `pass --key PUBLIC.pem or set ${p.env}; only then is who built it checked`,
  manifestNotJson: (p: { manifest: string; line?: number; column?: number }) =>
    `${p.manifest} is not valid JSON${p.line === undefined ? '' : ` (line ${p.line}, column ${p.column})`}`,
  manifestNotUtf8: (p: { manifest: string }) => `${p.manifest} is not UTF-8 text`,
  manifestMalformed: (p: { manifest: string; problems: string[] }) =>
    `${p.manifest} is malformed: ${p.problems.join('; ')}`,
  manifestNotCanonical: (p: { manifest: string }) =>
    `${p.manifest} is not in canonical form (sorted keys, two-space indent)`,
  manifestNotCanonicalHelp: 'it was edited by hand or by another tool',
  notObject: 'the manifest is not a JSON object',
  badFormat: (p: { json: string; format: string }) => `format is ${p.json}, not "${p.format}"`,
  missingField: (p: { field: string }) =>
    p.field === 'tierwise' ? 'tierwise (the version that built it) is missing' : `${p.field} is missing`,
  notADate: (p: { field: string }) => `${p.field} is not a date`,
  notKnown: (p: { field: string }) => `${p.field} is not known`,
  malformed: (p: { field: string }) => `${p.field} is malformed`,
  notAList: (p: { field: string }) => `${p.field} is not a list`,
  fileMalformed: (p: { index: number }) => `files/${p.index} is malformed (path, sha256, size)`,
  noPolicies: 'policies is not a list of at least one policy',
  policyMalformed: (p: { index: number }) =>
    `policies/${p.index} is malformed (id, version, path, sha256, extends, tests)`,
  listedTwice: (p: { manifest: string; path: string; prefix: string }) =>
    `${p.manifest} lists ${p.path} twice or outside ${p.prefix}`,
  listedMissing: (p: { path: string }) => `${p.path} is listed in the manifest but not in the artifact`,
  fileMismatch: (p: {
    path: string;
    size: number;
    sha256: string;
    listedSize: number;
    listedSha256: string;
  }) =>
    `${p.path} does not match the manifest: ${p.size} bytes, sha256 ${p.sha256}; the manifest says ${p.listedSize} bytes, sha256 ${p.listedSha256}`,
  fileMismatchHelp: 'the file was changed after the artifact was built; rebuild it from the sources',
  unlisted: (p: { path: string }) => `${p.path} is in the artifact but not in its manifest`,
  unlistedHelp:
    'a file was added after the artifact was built; an artifact holds exactly what its manifest lists',
  policyDisagrees: (p: { manifest: string; id: string }) =>
    `${p.manifest}: policy ${p.id} does not agree with the file list`,
  notInFiles: (p: { paths: string[] }) => `not in files: ${p.paths.join(', ')}`,
  shaDiffers: 'its sha256 differs from the files entry',

  unsafeEntry: (p: { json: string; why: string }) => `entry ${p.json} ${p.why}`,
  unsafeEntryHelp: 'an artifact holds only relative names inside it',
  emptyName: 'has an empty name',
  controlCharacter: 'holds a control character',
  absolutePath: 'is an absolute path',
  backslash: 'holds a backslash (a path separator on Windows)',
  climbsOut: 'climbs out of the artifact with ..',
  notNormalised: 'is not a normalised path (empty or . segment)',
  entryTwice: (p: { name: string }) => `entry ${p.name} appears twice; a reader could take either copy`,
  entriesFold: (p: { first: string; second: string }) =>
    `entries ${p.first} and ${p.second} differ only in letter case or Unicode form`,
  notRegular: (p: { name: string; type: string; target?: string }) =>
    `entry ${p.name} is a ${p.type}${p.target === undefined ? '' : ` to ${p.target}`}, not a regular file`,
  notRegularHelp: 'an artifact holds only regular files',
  entryTooLarge: (p: { name: string; size: number; limit: number }) =>
    `entry ${p.name} is ${p.size} bytes; the limit is ${p.limit}`,
  entryTooLargeHelp: 'raise it with --max-bytes if the file is meant to be this large',

  plainFileRefused: (p: { path: string }) =>
    `${p.path} is a plain policy file; only signed artifacts are accepted here`,
  plainFileRefusedHelp: 'build and sign it: `tierwise build PATH --sign KEY`',
  manifestNamesAnother: (p: { id: string; version: string }) =>
    `the manifest names ${p.id} ${p.version}, the file another`,
  whichPolicy: (p: { path: string; n: number }) => `${p.path} holds ${p.n} policies; say which one`,
  whichPolicyHelp: (p: { policies: string[] }) => `name one by its id: ${p.policies.join(', ')}`,
  noSuchPolicy: (p: { path: string; id: string }) => `${p.path} holds no policy ${p.id}`,
  noSuchPolicyHelp: (p: { policies: string[] }) => `it holds ${p.policies.join(', ')}`,
  baseOutside: (p: { base: string }) => `the variant's base ${p.base} is not a file of the artifact`,
  baseOutsideLoaded: (p: { base: string }) => `the variant's base ${p.base} is outside the artifact`,
  changedOnDisk: (p: { file: string }) => `${p.file} changed on disk while it was being loaded`,
  basesHelp: 'an artifact must hold every base its variants extend',

  keyUnusable: (p: { path: string; reason: string }) => `key ${p.path} cannot be used: ${p.reason}`,
  keyUnusableHelp: 'make an Ed25519 key pair with `tierwise keygen --out NAME`',
  // OpenSSL's reason ("asn1 encoding routines::wrong tag") says nothing a user can act on.
  notPublicKey: 'it is not a PEM public key',
  notPrivateKey: 'it is not an unencrypted PEM private key',
  notKeyFile: (p: { size: number }) => `it is ${p.size} bytes, not a key file`,
  wrongKeyType: (p: { type?: string }) => `it is a ${p.type ?? 'symmetric'} key, not Ed25519`,
  publicForSigning: 'it is a public key; signing needs the private key',
  keyExists: (p: { path: string }) => `${p.path} already exists; no key was written`,
  keyExistsHelp: 'choose another --out prefix, or move the old key away first',
  cannotWrite: (p: { path: string; reason: string }) => `cannot write ${p.path}: ${p.reason}`,
};
