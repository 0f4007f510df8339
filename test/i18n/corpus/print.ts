import { writeFileSync } from 'node:fs';
import { collectCorpus, renderCorpus, renderEnglish } from './index.js';

/** `npx tsx test/i18n/corpus/print.ts OUT`: the corpus's English, for comparing two versions of the code. */
const corpus = await collectCorpus();
writeFileSync(process.argv[2] ?? '/dev/stdout', renderCorpus(corpus, renderEnglish));
