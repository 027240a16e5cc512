#!/usr/bin/env node
/**
 * Lists exports that nothing imports: dead code the compiler cannot see, because an export is
 * "used" as far as noUnusedLocals is concerned. Built on the TypeScript compiler API over the
 * project's own programs (tsconfig.node.json and tsconfig.web.json), so src-*, tests and the
 * bench all count as users, and plain .mjs entry points (bin/, scripts/) and root config files
 * outside those programs are read for what they import too.
 *
 * How an export counts as used: some file imports it by name (`import { x }`, `import type`,
 * `import('./m').X` in a type), or imports the whole module (`import * as`, a dynamic
 * `import()`), or it is re-exported under a name that is itself used (barrels are followed name
 * by name, so a re-export nobody reaches is reported too). An export used only inside its own
 * file is reported: drop the `export` keyword.
 *
 * Usage: node scripts/unused-exports.mjs [--root DIR] [--json]
 * Exit 0 when there are none, 1 when some were found, 2 when the programs could not be built.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const CONFIG_FILES = ['tsconfig.node.json', 'tsconfig.web.json'];
/** Files whose default export a tool (vite, vitest, playwright, electron-vite) loads by path. */
const TOOL_ENTRY = /(^|\/)[\w.-]+\.config\.(ts|mts|mjs|js)$/;
/** Test files are users, never providers. */
const TEST_FILE = /\.(test|spec)\.(ts|tsx)$/;

function parseArgs(argv) {
  const options = { root: resolve(dirname(fileURLToPath(import.meta.url)), '..'), json: false };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--json') options.json = true;
    else if (argv[i] === '--root') options.root = resolve(argv[++i] ?? '.');
    else throw new Error(`unknown argument ${argv[i]}; usage: unused-exports.mjs [--root DIR] [--json]`);
  }
  return options;
}

function loadProgram(root, configName) {
  const configPath = join(root, configName);
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, configPath);
  if (parsed.errors.length > 0) throw new Error(parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'));
  return ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
}

/** .mjs entry points and root configs that no tsconfig includes: they only count as users. */
function extraUserFiles(root, programFiles) {
  const found = [];
  for (const dir of ['bin', 'scripts']) {
    const full = join(root, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full)) if (/\.(mjs|js|ts|mts)$/.test(name) && !name.endsWith('.d.mts')) found.push(join(full, name));
  }
  for (const name of readdirSync(root)) if (TOOL_ENTRY.test(name)) found.push(join(root, name));
  return found.filter((f) => !programFiles.has(f));
}

function isProjectFile(root, fileName) {
  return fileName.startsWith(root + sep) && !fileName.includes(`${sep}node_modules${sep}`);
}

/**
 * One program's view: which module exports which names, and which (file, name) pairs the
 * program's files import. Keys are `${absoluteFile}\0${exportName}`.
 */
function analyseProgram(root, program, used, exportsByFile, extraMarks) {
  const checker = program.getTypeChecker();
  const moduleOf = (sf) => checker.getSymbolAtLocation(sf);
  const key = (file, name) => `${file}\0${name}`;

  /** The module file a specifier node points at, if it is one of ours. */
  function targetFile(specifier) {
    const symbol = checker.getSymbolAtLocation(specifier);
    const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!decl || !ts.isSourceFile(decl)) return undefined;
    return isProjectFile(root, decl.fileName) ? decl : undefined;
  }

  function exportsOf(sf) {
    const symbol = moduleOf(sf);
    return symbol ? checker.getExportsOfModule(symbol) : [];
  }

  // Per program: a file in both programs is followed in each (their checkers are separate).
  const seen = new Set();
  const pending = [];
  function mark(sf, name) {
    const k = key(sf.fileName, name);
    if (seen.has(k)) return;
    seen.add(k);
    used.add(k);
    pending.push([sf, name]);
  }
  function markAll(sf) {
    for (const symbol of exportsOf(sf)) mark(sf, symbol.escapedName.toString());
  }

  /** A used export that is a re-export makes the export it points at used (one hop at a time). */
  function followReExport(sf, name) {
    let symbol = exportsOf(sf).find((s) => s.escapedName.toString() === name);
    if (!symbol) return;
    const decl = symbol.declarations?.[0];
    if (!(symbol.flags & ts.SymbolFlags.Alias)) {
      // Reached through `export *`: the declaration lives in another module.
      const home = decl?.getSourceFile();
      if (home && home !== sf && isProjectFile(root, home.fileName)) mark(home, name);
      return;
    }
    // Step through local aliases (import { a } ...; export { a }) until the chain leaves this file.
    for (let hops = 0; hops < 20 && symbol && symbol.flags & ts.SymbolFlags.Alias; hops += 1) {
      const next = checker.getImmediateAliasedSymbol(symbol);
      const home = next?.declarations?.[0]?.getSourceFile();
      if (!next || !home) return;
      if (home !== sf) {
        if (!isProjectFile(root, home.fileName)) return;
        // `next` is the export symbol of `home` (or a local declaration there, under its own name).
        mark(home, ts.isSourceFile(next.declarations[0]) ? 'default' : next.escapedName.toString());
        return;
      }
      symbol = next;
    }
  }

  function visit(sf, node) {
    if (ts.isImportDeclaration(node) && node.importClause) {
      const target = targetFile(node.moduleSpecifier);
      if (target) {
        const clause = node.importClause;
        if (clause.name) mark(target, 'default');
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) markAll(target);
        else if (bindings) for (const el of bindings.elements) mark(target, (el.propertyName ?? el.name).text);
      }
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && node.exportClause && ts.isNamespaceExport(node.exportClause)) {
      const target = targetFile(node.moduleSpecifier);
      if (target) markAll(target);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const target = targetFile(node.moduleReference.expression);
      if (target) markAll(target);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
      const target = targetFile(node.arguments[0]);
      if (target) markAll(target);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const target = targetFile(node.argument.literal);
      if (target) {
        const first = node.qualifier ? (ts.isIdentifier(node.qualifier) ? node.qualifier : leftmost(node.qualifier)) : undefined;
        if (first) mark(target, first.text);
        else markAll(target);
      }
    }
    ts.forEachChild(node, (child) => visit(sf, child));
  }

  /** How often each symbol is referenced in this file, its own declaration names not counted. */
  let localUses = new Map();
  function countLocalUses(sf) {
    localUses = new Map();
    const walk = (node) => {
      if (ts.isIdentifier(node) && !isDeclarationName(node)) {
        const symbol = checker.getSymbolAtLocation(node);
        const target = symbol && ts.isExportSpecifier(node.parent) ? checker.getExportSpecifierLocalTargetSymbol(node.parent) : symbol;
        if (target && !ts.isExportSpecifier(node.parent)) localUses.set(target, (localUses.get(target) ?? 0) + 1);
      }
      ts.forEachChild(node, walk);
    };
    walk(sf);
  }

  for (const sf of program.getSourceFiles()) {
    if (!isProjectFile(root, sf.fileName) || sf.isDeclarationFile) continue;
    visit(sf, sf);
    countLocalUses(sf);
    if (TEST_FILE.test(sf.fileName)) continue;
    const entries = exportsByFile.get(sf.fileName) ?? new Map();
    for (const symbol of exportsOf(sf)) {
      const name = symbol.escapedName.toString();
      const decl = symbol.declarations?.[0];
      // Names that arrive through `export *` are reported where they are declared.
      if (!decl || decl.getSourceFile() !== sf) continue;
      if (name === 'default' && TOOL_ENTRY.test(relative(root, sf.fileName).split(sep).join('/'))) continue;
      const line = sf.getLineAndCharacterOfPosition(decl.getStart()).line + 1;
      const kind = symbol.flags & ts.SymbolFlags.Alias && ts.isExportSpecifier(decl) ? 're-export' : localUses.get(symbol) ? 'local-only' : 'dead';
      if (!entries.has(name) || entries.get(name).kind === 'dead') entries.set(name, { line, kind });
    }
    exportsByFile.set(sf.fileName, entries);
  }
  for (const [file, name] of extraMarks) {
    const sf = program.getSourceFile(file);
    if (sf && name === undefined) markAll(sf);
    else if (sf) mark(sf, name);
  }
  while (pending.length > 0) {
    const [sf, name] = pending.pop();
    followReExport(sf, name);
  }
}

function isDeclarationName(node) {
  const parent = node.parent;
  return parent !== undefined && 'name' in parent && parent.name === node && (ts.isDeclarationStatement?.(parent) || ts.isVariableDeclaration(parent) || ts.isFunctionDeclaration(parent)
    || ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isTypeAliasDeclaration(parent) || ts.isEnumDeclaration(parent));
}

function leftmost(qualifier) {
  let q = qualifier;
  while (ts.isQualifiedName(q)) q = q.left;
  return q;
}

/** Users outside the programs: parse them alone and resolve their relative imports by hand. */
function extraUserMarks(files, programFiles) {
  const marks = [];
  const candidates = (base) => [base, `${base}.ts`, `${base}.tsx`, `${base}.mts`, join(base, 'index.ts')];
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const resolveSpecifier = (text) => {
      if (!text.startsWith('.')) return undefined;
      const base = resolve(dirname(file), text);
      return [...candidates(base), ...candidates(base.replace(/\.(js|mjs)$/, ''))].find((f) => programFiles.has(f));
    };
    const visit = (node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.importClause) {
        const target = resolveSpecifier(node.moduleSpecifier.text);
        const { name, namedBindings } = node.importClause;
        if (target && name) marks.push([target, 'default']);
        if (target && namedBindings && ts.isNamedImports(namedBindings)) for (const el of namedBindings.elements) marks.push([target, (el.propertyName ?? el.name).text]);
        if (target && namedBindings && ts.isNamespaceImport(namedBindings)) marks.push([target, undefined]);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        const target = resolveSpecifier(node.arguments[0].text);
        if (target) marks.push([target, undefined]);
      } else if (ts.isStringLiteral(node) && /^\.\.?\//.test(node.text)) {
        // A path a tool loads itself (playwright's globalSetup: './test/e2e/support/global-setup.ts').
        const target = resolveSpecifier(node.text);
        if (target) marks.push([target, undefined]);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return marks;
}

/**
 * Files a root config names by path for its tool to load (vitest's globalSetup
 * 'test/support/build-node.ts', a build input resolve(root, 'src-main/cli/main.ts')): every
 * export of theirs counts as used, whether or not the config itself is in a program.
 */
function toolLoadedMarks(root, programFiles) {
  const marks = [];
  for (const name of readdirSync(root)) {
    if (!TOOL_ENTRY.test(name)) continue;
    const file = join(root, name);
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isStringLiteral(node) && /^(\.\/)?[\w@-][\w./@-]*\.(ts|tsx|mts)$/.test(node.text)) {
        const target = resolve(root, node.text);
        if (programFiles.has(target)) marks.push([target, undefined]);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return marks;
}

export function findUnusedExports(root) {
  const used = new Set();
  const exportsByFile = new Map();
  const programs = CONFIG_FILES.filter((c) => existsSync(join(root, c))).map((c) => loadProgram(root, c));
  const programFiles = new Set(programs.flatMap((p) => p.getSourceFiles().map((sf) => sf.fileName)));
  const extraMarks = [...extraUserMarks(extraUserFiles(root, programFiles), programFiles), ...toolLoadedMarks(root, programFiles)];
  for (const program of programs) analyseProgram(root, program, used, exportsByFile, extraMarks);
  const unused = [];
  for (const [file, entries] of exportsByFile) {
    for (const [name, { line, kind }] of entries) {
      if (!used.has(`${file}\0${name}`)) unused.push({ file: relative(root, file).split(sep).join('/'), line, name, kind });
    }
  }
  return unused.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  let options;
  let unused;
  try {
    options = parseArgs(process.argv.slice(2));
    unused = findUnusedExports(options.root);
  } catch (error) {
    console.error(`unused-exports: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  if (options.json) {
    console.log(JSON.stringify(unused, null, 2));
  } else if (unused.length === 0) {
    console.log('unused-exports: every export is imported somewhere.');
  } else {
    for (const u of unused) console.log(`${u.file}:${u.line}  ${u.name}  (${u.kind})`);
    console.log(`\nunused-exports: ${unused.length} export(s) nothing imports. Delete the dead ones; drop \`export\` from local-only ones (used in their own file); remove unused re-exports.`);
  }
  process.exitCode = unused.length === 0 ? 0 : 1;
}
