// REASON_CODES must list exactly the reason codes the source can emit: a new code cannot ship unregistered, and a
// registered code cannot outlive the last place that emitted it.
//
// The codes are read from src/normalize/*.ts and src/ingest/*.ts with the TypeScript checker rather than by
// naming conventions. An issue is an object literal with a `field` and a `code` property. Its code is the string
// literal type of the value given as `code` ('area_code_conflict', a `const code = … ? 'a' : 'b'`, a parameter
// typed 'invalid_date' | 'ambiguous_date'). When that value is a parameter typed `string`, the function is an issue
// helper (`issue(field, code, …)`, `fail(code, …)`, `this.issue(code, …)`) and the codes are read from the argument
// at that position of every call to it in the scanned files, helper after helper. A value that none of this can
// pin down fails the test: make the code a literal, or a literal union type.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { CANONICAL_FIELDS } from '../../../src/canonical-fields.js';
import { REASON_CODES } from '../../../src/normalize/reason-codes.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface CodeScan {
  /** Code → where it is emitted ('src/normalize/email.ts:198'). */
  codes: Map<string, string[]>;
  /** Issue codes the scan could not pin down, with where. */
  unresolved: string[];
}

type FunctionLike = ts.SignatureDeclaration;

/** Finds every reason code that issues built in `files` can carry. */
function scanIssueCodes(files: string[], options: ts.CompilerOptions): CodeScan {
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const sources = files.map((f) => {
    const source = program.getSourceFile(f);
    if (!source) throw new Error(`not in the program: ${f}`);
    return source;
  });
  const scan: CodeScan = { codes: new Map(), unresolved: [] };
  const where = (node: ts.Node): string => {
    const source = node.getSourceFile();
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    return `${relative(repoRoot, source.fileName)}:${line + 1}`;
  };

  // Calls by the function they call (function declarations, methods, and arrows or function expressions in a const).
  const callsTo = new Map<FunctionLike, ts.CallExpression[]>();
  const calleeOf = (call: ts.CallExpression): FunctionLike | undefined => {
    const target = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression;
    let symbol = checker.getSymbolAtLocation(target);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    for (const d of symbol?.declarations ?? []) {
      if (ts.isFunctionLike(d)) return d;
      if (ts.isVariableDeclaration(d) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) {
        return d.initializer;
      }
    }
    return undefined;
  };
  const issueSites: { value: ts.Expression | ts.ShorthandPropertyAssignment; at: ts.Node }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const fn = calleeOf(node);
      if (fn) callsTo.set(fn, [...(callsTo.get(fn) ?? []), node]);
    }
    if (ts.isObjectLiteralExpression(node)) {
      const prop = (name: string) =>
        node.properties.find((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && p.name.getText() === name);
      const code = prop('code');
      if (code && prop('field')) {
        issueSites.push({ value: ts.isPropertyAssignment(code) ? code.initializer : (code as ts.ShorthandPropertyAssignment), at: code });
      }
    }
    ts.forEachChild(node, visit);
  };
  sources.forEach(visit);

  const add = (code: string, at: ts.Node): void => {
    scan.codes.set(code, [...(scan.codes.get(code) ?? []), where(at)]);
  };
  const literalsOf = (type: ts.Type): string[] | null => {
    const parts = type.isUnion() ? type.types : [type];
    return parts.every((t) => t.isStringLiteral()) ? parts.map((t) => (t as ts.StringLiteralType).value) : null;
  };
  const seen = new Set<ts.Node>();
  const resolve = (value: ts.Expression | ts.ShorthandPropertyAssignment, at: ts.Node): void => {
    if (seen.has(value)) return;
    seen.add(value);
    const isShorthand = ts.isShorthandPropertyAssignment(value);
    const literals = literalsOf(checker.getTypeAtLocation(isShorthand ? value.name : value));
    if (literals) {
      literals.forEach((c) => add(c, at));
      return;
    }
    const symbol = isShorthand ? checker.getShorthandAssignmentValueSymbol(value) : checker.getSymbolAtLocation(value);
    const declaration = symbol?.valueDeclaration;
    if (declaration && ts.isParameter(declaration) && ts.isFunctionLike(declaration.parent)) {
      // An issue helper: the codes are what its callers pass at this position.
      const index = declaration.parent.parameters.indexOf(declaration);
      for (const call of callsTo.get(declaration.parent) ?? []) {
        const arg = call.arguments[index];
        if (arg) resolve(arg, arg);
        else scan.unresolved.push(`${where(call)}: no argument for parameter '${declaration.name.getText()}'`);
      }
      return;
    }
    scan.unresolved.push(`${where(at)}: code '${value.getText()}' has type ${checker.typeToString(checker.getTypeAtLocation(isShorthand ? value.name : value))}`);
  };
  for (const site of issueSites) resolve(site.value, site.at);
  return scan;
}

function compilerOptions(): ts.CompilerOptions {
  const configPath = join(repoRoot, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot, undefined, configPath).options;
}

function sourceFiles(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(join(repoRoot, dir))
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => join(repoRoot, dir, f)),
  );
}

describe('the reason-code scanner', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const scanText = (text: string): CodeScan => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-reason-scan-'));
    dirs.push(dir);
    const file = join(dir, 'module.ts');
    writeFileSync(file, text);
    return scanIssueCodes([file], compilerOptions());
  };

  // The shapes the normalizers use, so the real scan below cannot pass by finding nothing.
  it('finds codes in literals, ternaries, literal union types and through chains of helpers; ignores non-issues', () => {
    const scan = scanText(`
      interface Issue { field: string; code: string; value: string; message: string }
      const FIELD = 'thing';
      function issue(value: string, code: string): Issue { return { field: FIELD, code, value, message: '' }; }
      function unresolved(value: string, code: string): Issue { return issue(value, code); }
      export function a(v: string): Issue[] {
        const which = v === '' ? 'ternary_one' : 'ternary_two';
        return [issue(v, 'literal_arg'), issue(v, which), unresolved(v, 'through_helper'),
          { field: FIELD, code: 'object_literal', value: v, message: '' }];
      }
      class Reader {
        readonly issues: Issue[] = [];
        private issue(code: string): void { this.issues.push({ field: FIELD, code, value: '', message: '' }); }
        read(): void { this.issue('method_arg'); }
      }
      const fail = (code: 'union_one' | 'union_two', value: string): Issue => ({ field: FIELD, code, value, message: '' });
      export function b(v: string, k: 'union_one' | 'union_two'): Issue { return fail(k, v); }
      export function reject(): { code: string; reason: string } { return { code: 'not_an_issue', reason: '' }; }
      export const reader = new Reader();
    `);
    expect(scan.unresolved).toEqual([]);
    expect([...scan.codes.keys()].sort()).toEqual(
      ['literal_arg', 'method_arg', 'object_literal', 'ternary_one', 'ternary_two', 'through_helper', 'union_one', 'union_two'],
    );
  });

  it('reports a code it cannot pin down instead of skipping it', () => {
    const scan = scanText(`
      interface Issue { field: string; code: string; value: string; message: string }
      function issue(code: string): Issue { return { field: 'thing', code, value: '', message: '' }; }
      export function c(v: string, table: Record<string, string>): Issue { return issue(table[v] ?? 'fallback'); }
    `);
    expect(scan.unresolved).toHaveLength(1);
    expect(scan.unresolved[0]).toMatch(/module\.ts:4: code 'table\[v\] \?\? 'fallback'' has type string/);
  });
});

describe('REASON_CODES', () => {
  const scan = scanIssueCodes(sourceFiles('src/normalize', 'src/ingest'), compilerOptions());
  const emitted = [...scan.codes.keys()].sort();
  const registered = Object.keys(REASON_CODES).sort();

  it('every issue code in src/normalize and src/ingest can be read by the scan', () => {
    expect(scan.unresolved).toEqual([]);
  });

  it('registers every code the source emits', () => {
    const unregistered = emitted.filter((c) => !registered.includes(c)).map((c) => `${c} (${scan.codes.get(c)!.join(', ')})`);
    expect(unregistered, 'emitted but missing from src/normalize/reason-codes.ts').toEqual([]);
  });

  it('registers no code the source cannot emit', () => {
    expect(registered.filter((c) => !emitted.includes(c)), 'registered but emitted nowhere').toEqual([]);
  });

  it.each(registered)('%s: canonical field, severity, one-line description and fix', (code) => {
    const info = REASON_CODES[code]!;
    expect(code).toMatch(/^[a-z]+(?:_[a-z]+)+$/);
    for (const field of info.field.split('|')) expect(CANONICAL_FIELDS).toContain(field);
    expect(['invalid', 'unresolved', 'warning']).toContain(info.severity);
    for (const text of [info.description, info.fix]) {
      expect(text.trim()).toBe(text);
      expect(text).not.toMatch(/\n/);
      expect(text.length).toBeGreaterThan(10);
    }
  });
});
