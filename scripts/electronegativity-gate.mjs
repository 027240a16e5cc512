#!/usr/bin/env node
/**
 * CI gate over @doyensec/electronegativity. The tool always exits 0 and reports every finding
 * as a note, so this script runs it, reads its CSV and fails on any HIGH or MEDIUM finding that
 * .electronegativity/accepted-findings.json does not explain.
 *
 * The sources are copied into one temp folder (src-main + src-renderer + a package.json naming
 * our Electron version) and scanned in ONE run: the tool's "global" checks (navigation limits,
 * permission handler) look across all files, so scanning the renderer alone would report the
 * main process's guards as missing.
 *
 * Usage: node scripts/electronegativity-gate.mjs [--csv existing.csv] [--keep-csv out.csv]
 * Exit: 0 clean (or skipped: tool not installed and CI != true), 1 unexplained findings or a bad
 * accepted list, 2 the tool could not run.
 * ELECTRONEGATIVITY_BIN=/path/to/electronegativity uses a copy installed elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ACCEPTED_FILE = join(root, '.electronegativity', 'accepted-findings.json');
const SCANNED_DIRS = ['src-main', 'src-renderer'];
const GATED_SEVERITIES = new Set(['HIGH', 'MEDIUM']);

const say = (line) => process.stderr.write(`[electronegativity] ${line}\n`);

/** RFC 4180-ish CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Findings as objects keyed by the CSV header (issue, severity, confidence, filename, location, sample, description, url). */
export function findingsFromCsv(text) {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const keys = header.map((h) => h.trim().toLowerCase());
  return rows.map((cells) => Object.fromEntries(keys.map((k, i) => [k, (cells[i] ?? '').trim()])));
}

function loadAccepted() {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(ACCEPTED_FILE, 'utf8'));
  } catch (error) {
    throw new Error(`${ACCEPTED_FILE} is missing or not JSON (${error.message}).`, { cause: error });
  }
  const list = Array.isArray(parsed?.findings) ? parsed.findings : undefined;
  if (!list) throw new Error(`${ACCEPTED_FILE} needs a "findings" array.`);
  list.forEach((entry, i) => {
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry?.[key] !== 'string' || entry[key].trim() === '') {
        throw new Error(`${ACCEPTED_FILE}: findings[${i}] needs a non-empty "${key}" (every accepted finding must say why it is safe).`);
      }
    }
    if (entry.sampleContains !== undefined && typeof entry.sampleContains !== 'string') {
      throw new Error(`${ACCEPTED_FILE}: findings[${i}].sampleContains must be a string.`);
    }
  });
  return list;
}

/** Line numbers move with every edit, so an acceptance names the check, the file and (optionally) a piece of the flagged code. */
function accepts(entry, finding) {
  return entry.check === finding.issue && entry.file === finding.filename && (entry.sampleContains === undefined || finding.sample.includes(entry.sampleContains));
}

function findTool() {
  if (process.env.ELECTRONEGATIVITY_BIN) return process.env.ELECTRONEGATIVITY_BIN;
  const local = join(root, 'node_modules', '.bin', 'electronegativity');
  return existsSync(local) ? local : undefined;
}

function electronVersion() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return String(pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '').replace(/^[^0-9]*/, '');
}

function runTool(tool) {
  const stage = mkdtempSync(join(tmpdir(), 'antom-ops-electronegativity-'));
  try {
    for (const dir of SCANNED_DIRS) cpSync(join(root, dir), join(stage, dir), { recursive: true });
    const version = electronVersion();
    writeFileSync(join(stage, 'package.json'), JSON.stringify({ name: 'antom-ops-console-scan', private: true, devDependencies: { electron: version } }));
    const csvPath = join(stage, 'findings.csv');
    const args = ['-i', stage, '-o', csvPath, '-r', '-v', 'false', ...(version ? ['-e', version] : [])];
    const result = spawnSync(tool, args, { encoding: 'utf8', timeout: 180_000 });
    if (result.error) throw new Error(`could not start ${tool}: ${result.error.message}`);
    if (!existsSync(csvPath)) {
      throw new Error(`it wrote no CSV (exit ${result.status}).\n${result.stdout}\n${result.stderr}`);
    }
    return readFileSync(csvPath, 'utf8');
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function main() {
  const { values } = parseArgs({ options: { csv: { type: 'string' }, 'keep-csv': { type: 'string' } } });
  let accepted;
  try {
    accepted = loadAccepted();
  } catch (error) {
    say(error.message);
    return 1;
  }

  let csv;
  if (values.csv) {
    csv = readFileSync(values.csv, 'utf8');
  } else {
    const tool = findTool();
    if (!tool) {
      const reason = '@doyensec/electronegativity is not installed (node_modules/.bin/electronegativity is missing): it is a devDependency; run npm ci.';
      if (process.env.CI === 'true') {
        say(`FAIL: ${reason} CI must run the Electron security lint.`);
        return 1;
      }
      say(`skipped: ${reason}`);
      return 0;
    }
    const started = Date.now();
    try {
      csv = runTool(tool);
    } catch (error) {
      say(`the scan failed: ${error.message}`);
      return 2;
    }
    say(`scanned ${SCANNED_DIRS.join(' + ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (values['keep-csv']) writeFileSync(values['keep-csv'], csv);

  const findings = findingsFromCsv(csv);
  const gated = findings.filter((f) => GATED_SEVERITIES.has(f.severity.toUpperCase()));
  const unexplained = [];
  const used = new Set();
  for (const finding of gated) {
    const index = accepted.findIndex((entry) => accepts(entry, finding));
    if (index === -1) unexplained.push(finding);
    else used.add(index);
  }
  const low = findings.length - gated.length;
  say(`${findings.length} findings: ${gated.length} high/medium (${gated.length - unexplained.length} accepted with a reason), ${low} low/informational (not gated)`);
  accepted.forEach((entry, i) => {
    if (!used.has(i)) say(`note: accepted finding no longer reported, remove it from the list: ${entry.check} in ${entry.file}`);
  });
  if (unexplained.length === 0) {
    say('PASS: no unexplained high or medium findings.');
    return 0;
  }
  say(`FAIL: ${unexplained.length} high/medium finding(s) not in .electronegativity/accepted-findings.json:`);
  for (const f of unexplained) {
    say(`  ${f.severity} ${f.issue} ${f.filename}:${f.location}  ${f.description}`);
    if (f.sample && f.sample !== 'N/A') say(`      ${f.sample.slice(0, 200)}`);
    if (f.url) say(`      ${f.url}`);
  }
  say('Fix the code, or add an entry {check, file, sampleContains?, reason} that says why it is safe.');
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
