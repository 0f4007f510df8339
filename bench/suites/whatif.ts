import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openRegistry } from '../../src/registry/open.js';
import { isRefusal } from '../../src/registry/outcome.js';
import type { Registry } from '../../src/registry/registry.js';
import { seedRegistry } from '../../src/registry/seed.js';
import { LOCAL_ADMIN } from '../../src/registry/tokens.js';
import { registryDeps } from '../../src/server/registry-deps.js';
import { registryRoutes } from '../../src/server/routes/registry/index.js';
import { startServer } from '../../src/server/serve.js';
import { mulberry32 } from '../../src/util/random.js';
import { writeCustomerCsv } from '../data/customer-csv.js';
import { bundledPolicy } from '../data/policy.js';
import { customerId, POPULATION_SEED } from '../data/population.js';
import { withPrecomputedColumns } from '../data/precomputed.js';
import { type Measurement, measure, perItem } from '../harness.js';
import { type BenchOptions, runsFor } from '../options.js';

const CUSTOMERS = { full: 100_000, quick: 10_000 };
/** Transactions per customer on average: a year and a quarter of monthly-ish orders. */
const TRANSACTIONS_PER_CUSTOMER = 10;
const AS_OF = '2025-01-01';
const POLICIES = fileURLToPath(new URL('../../policies/', import.meta.url));

/**
 * Issue 15: the editor's what-if answers within 2 s on 100,000 customers. The served registry
 * (in this process, over loopback HTTP) runs POST /v1/diff of a draft against what its business
 * unit publishes: seed 001's five-factor score with every fact precomputed in the customer file,
 * and the retail scorecard (a variant of seed 004's) aggregating a transaction log. The first
 * request after the upload is measured apart from the median of the ones after it.
 */
export async function whatifSuite(options: BenchOptions): Promise<Measurement[]> {
  const customers = options.quick ? CUSTOMERS.quick : CUSTOMERS.full;
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-whatif-'));
  try {
    const files = await generate(dir, customers);
    const opened = await openRegistry({ db: join(dir, 'registry.db'), dataDir: join(dir, 'data') });
    if ('diagnostic' in opened) throw new Error(opened.diagnostic.message);
    const { registry } = opened;
    const seeded = await seedRegistry(registry, { policies: files.policies, datasets: [] });
    if (seeded.diagnostics.length > 0) throw new Error(JSON.stringify(seeded.diagnostics));
    const token = seeded.tokens.find((t) => t.name === 'demo-admin')!.secret;
    const ids = {
      five: await upload(registry, 'headquarters', files.fiveFactor, 'customers'),
      retail: await upload(registry, 'retail', files.retail, 'customers'),
      log: await upload(registry, 'retail', files.transactions, 'transactions'),
    };
    const server = await startServer({
      deps: registryDeps(registry),
      routes: registryRoutes(registry),
      port: 0,
    });
    try {
      const diff = async (body: unknown) => {
        const response = await fetch(`${server.url}/v1/diff`, {
          method: 'POST',
          body: JSON.stringify(body),
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        });
        const text = await response.text();
        if (response.status !== 200)
          throw new Error(`diff answered ${response.status}: ${text.slice(0, 500)}`);
        return JSON.parse(text) as { moversTotal: number; matrix: { total: number } };
      };
      const cases = [
        {
          name: 'seed001-five-factor, precomputed facts',
          body: {
            from: { businessUnit: 'headquarters', policy: 'seed001-five-factor' },
            to: { content: files.fiveFactorDraft, fileName: 'seed001-five-factor.tier.yaml' },
            dataset: ids.five,
            limit: 1000,
          },
        },
        {
          name: `retail-scorecard, ${(customers * TRANSACTIONS_PER_CUSTOMER).toLocaleString('en-US')}-row transaction log`,
          body: {
            from: { businessUnit: 'retail', policy: 'retail-scorecard' },
            to: { content: files.retailDraft, fileName: 'retail-scorecard.tier.yaml' },
            dataset: ids.retail,
            transactionsDataset: ids.log,
            asOf: AS_OF,
            limit: 1000,
          },
        },
      ];
      const out: Measurement[] = [];
      for (const { name, body } of cases) {
        const start = process.hrtime.bigint();
        const first = await diff(body);
        const firstMs = Number(process.hrtime.bigint() - start) / 1e6;
        if (first.matrix.total !== customers) throw new Error(`${name}: ${first.matrix.total} customers`);
        const measured = await measure(
          'whatif',
          `POST /v1/diff draft vs published, ${name}`,
          'customers',
          () => diff(body),
          {
            ...runsFor(options, { runs: 5, warmup: 1 }, { runs: 1, warmup: 0 }),
            note: `first request ${firstMs.toFixed(0)} ms; ${first.moversTotal.toLocaleString('en-US')} movers (1,000 listed); target < 2,000 ms`,
          },
        );
        out.push(perItem(measured, customers));
      }
      return out;
    } finally {
      await server.close();
      await registry.store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function upload(
  registry: Registry,
  businessUnit: string,
  path: string,
  kind: 'customers' | 'transactions',
): Promise<string> {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const made = await registry.uploadDataset(LOCAL_ADMIN, {
    businessUnit,
    name,
    kind,
    bytes: readFileSync(path),
  });
  if (isRefusal(made)) throw new Error(JSON.stringify(made.diagnostics));
  return made.id;
}

/**
 * The policies the registry publishes (seed 001's with its annual spend read from a precomputed
 * column, as a CRM export has it), the drafts (a threshold moved), and the generated files.
 */
async function generate(dir: string, customers: number) {
  const policies = join(dir, 'policies');
  mkdirSync(policies);
  const fiveFactor = readFileSync(join(POLICIES, 'seed001-five-factor.tier.yaml'), 'utf8').replace(
    '    revenue: true\n',
    '    revenue: true\n    column: 年消费额\n',
  );
  writeFileSync(join(policies, 'seed001-five-factor.tier.yaml'), fiveFactor);
  for (const name of ['seed004-scorecard', 'retail-scorecard'])
    writeFileSync(join(policies, `${name}.tier.yaml`), readFileSync(join(POLICIES, `${name}.tier.yaml`)));
  const retail = readFileSync(join(POLICIES, 'retail-scorecard.tier.yaml'), 'utf8');
  const files = {
    policies,
    fiveFactorDraft: fiveFactor.replace('minScore: 80', 'minScore: 75'),
    retailDraft: retail.replace('minScore: 85', 'minScore: 80'),
    fiveFactor: join(dir, '五因素客户.csv'),
    retail: join(dir, '零售客户.csv'),
    transactions: join(dir, '零售交易.csv'),
  };
  writeFiveFactorCsv(files.fiveFactor, customers);
  writeCustomerCsv(withPrecomputedColumns(await bundledPolicy('seed004-scorecard')), files.retail, customers);
  writeTransactionLog(files.transactions, customers);
  return files;
}

const FIVE_FACTOR_COLUMNS = [
  '购买行为得分',
  '消费金额得分',
  '购买频率得分',
  '客户满意度得分',
  '客户推荐意愿得分',
];

function writeFiveFactorCsv(path: string, customers: number): void {
  const next = mulberry32(POPULATION_SEED);
  const lines = [`客户编号,年消费额,${FIVE_FACTOR_COLUMNS.join(',')}`];
  for (let i = 0; i < customers; i++) {
    const scores = FIVE_FACTOR_COLUMNS.map(() => Math.round(30 + next() * 70));
    lines.push(`${customerId(i)},${Math.round(10 ** (3 + next() * 3.4))},${scores.join(',')}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Customers interleaved, dates over the 15 months before the as-of, amounts over three orders of magnitude. */
function writeTransactionLog(path: string, customers: number): void {
  const next = mulberry32(POPULATION_SEED + 1);
  const end = Date.parse(`${AS_OF}T00:00:00Z`);
  const day = 86_400_000;
  const file = openSync(path, 'w');
  try {
    writeSync(file, '客户编号,交易日期,交易金额\n');
    const rows = customers * TRANSACTIONS_PER_CUSTOMER;
    for (let start = 0; start < rows; start += 10_000) {
      const lines: string[] = [];
      for (let k = start; k < Math.min(rows, start + 10_000); k++) {
        const date = new Date(end - Math.floor(next() * 456) * day).toISOString().slice(0, 10);
        const amount = (Math.round(100 * 10 ** (2 + next() * 3)) / 100).toFixed(2);
        lines.push(`${customerId(Math.floor(next() * customers))},${date},${amount}`);
      }
      writeSync(file, `${lines.join('\n')}\n`);
    }
  } finally {
    closeSync(file);
  }
}
