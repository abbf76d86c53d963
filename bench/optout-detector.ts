/**
 * How well the opt-out reading (carrier keywords and the free-text detector) does on the
 * project's corpus, tests/fixtures/consent/optout-corpus.tsv: recall (revocations caught),
 * false-alarm rate (look-alikes flagged) and precision (flags that were right). The unit test
 * demands every line; this prints the figures the issue targets, and what a new wording costs
 * when the corpus grows faster than the patterns. Run: `npm run bench -- optout-detector`.
 */
import { findOptOut } from '../src-shared/consent';
import { readOptOutCorpus } from '../tests/fixtures/consent/corpus';
import { benchLine, type Target } from './_report';

const corpus = readOptOutCorpus();
let caught = 0;
let missed = 0;
let falseAlarms = 0;
let quiet = 0;
const started = process.hrtime.bigint();
for (const { label, message } of corpus) {
  const flagged = findOptOut(message) !== null;
  if (label === 'OPTOUT') {
    if (flagged) caught += 1;
    else missed += 1;
  } else if (flagged) falseAlarms += 1;
  else quiet += 1;
}
const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;

const report = (metric: string, value: number, unit: string, target?: Target) =>
  benchLine('optout-detector', metric, value, unit, target);

report('messages', corpus.length, 'messages');
report('recall', caught / (caught + missed), 'ratio', ['>=', 0.95]);
report('false-alarm-rate', falseAlarms / (falseAlarms + quiet), 'ratio', ['<=', 0.01]);
report('precision', caught + falseAlarms === 0 ? 0 : caught / (caught + falseAlarms), 'ratio');
report('per-message', (elapsedMs * 1000) / corpus.length, 'us');
