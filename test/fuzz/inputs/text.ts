import type { Rng } from '../rng.js';
import { hostileYamlScalar } from './hostile.js';

/** Line-level mutations of a YAML text: what a careless edit or a hostile one does to a policy. */
export function mutateYaml(text: string, rng: Rng, rounds = rng.int(1, 4)): string {
  let lines = text.split('\n');
  for (let r = 0; r < rounds; r++) {
    const i = rng.int(0, Math.max(0, lines.length - 1));
    switch (rng.int(0, 9)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, lines[i] ?? '');
        break;
      case 2: {
        const j = rng.int(0, lines.length - 1);
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        break;
      }
      case 3:
        // A value replaced: the text after the first ': ' of the line.
        lines[i] = (lines[i] ?? '').replace(/:\s.*$/, `: ${hostileYamlScalar(rng)}`);
        break;
      case 4:
        lines[i] = `${' '.repeat(rng.int(0, 8))}${(lines[i] ?? '').trimStart()}`;
        break;
      case 5:
        lines = lines.slice(0, i);
        break;
      case 6:
        lines.splice(
          i,
          0,
          `${' '.repeat(rng.int(0, 6))}${rng.pick(['__proto__', 'constructor', 'x-extra', '<<'])}: ${hostileYamlScalar(rng)}`,
        );
        break;
      case 7: {
        const line = lines[i] ?? '';
        const at = rng.int(0, line.length);
        lines[i] =
          line.slice(0, at) +
          rng.pick(['\t', '\u0000', '\ufeff', '\r', '"', "'", '{', '[', '&a ', '*a ', '!!', '#', '%']) +
          line.slice(at);
        break;
      }
      case 8:
        // A number pushed past its domain: weights, thresholds, bands.
        lines[i] = (lines[i] ?? '').replace(
          /-?\d+(\.\d+)?/,
          rng.pick(['-1', '1e309', '0', '100.0000001', '-0', '99999999999999999999', '.5', '1e-400']),
        );
        break;
      default:
        lines[i] = (lines[i] ?? '').replace(/[a-zA-Z]+/, (w) => w.split('').reverse().join(''));
    }
  }
  return lines.join(rng.chance(0.1) ? '\r\n' : '\n');
}

/** Byte-level damage: flips, truncation, garbage appended. */
export function mutateBytes(bytes: Uint8Array, rng: Rng): Uint8Array {
  const out = Buffer.from(bytes);
  switch (rng.int(0, 3)) {
    case 0:
      for (let k = rng.int(1, 8); k > 0 && out.length > 0; k--)
        out[rng.int(0, out.length - 1)] = rng.int(0, 255);
      return out;
    case 1:
      return out.subarray(0, rng.int(0, out.length));
    case 2:
      return Buffer.concat([out, rng.bytes(rng.int(1, 512))]);
    default: {
      const at = rng.int(0, out.length);
      return Buffer.concat([out.subarray(0, at), rng.bytes(rng.int(1, 64)), out.subarray(at)]);
    }
  }
}
