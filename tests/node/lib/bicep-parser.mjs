// Parses Bicep with the tree-sitter grammar from npm (tree-sitter-bicep, native prebuilt binaries
// loaded through node-gyp-build) and reports syntax problems: ERROR nodes (input the grammar could not
// place) and MISSING nodes (tokens the parser had to invent to recover, such as a closing brace).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const Parser = require('tree-sitter');
const Bicep = require('tree-sitter-bicep');

const parser = new Parser();
parser.setLanguage(Bicep);

/** Parses Bicep source text; returns the tree-sitter tree. */
export function parseBicep(source) {
  // The default 32 KiB input buffer is a per-chunk read size, not a limit; a larger one reads in one go.
  return parser.parse(source, undefined, { bufferSize: Math.max(32 * 1024, source.length * 2 + 1) });
}

/** Reads and parses a .bicep file: { path, source, tree }. */
export function parseBicepFile(path) {
  const source = readFileSync(path, 'utf8');
  return { path, source, tree: parseBicep(source) };
}

/** Every ERROR or MISSING node, as "line:column kind text" strings (1-based positions). */
export function syntaxProblems(tree) {
  const problems = [];
  const walk = (node) => {
    if (node.type === 'ERROR' || node.isMissing) {
      const where = `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
      const what = node.isMissing ? `MISSING ${node.type}` : `ERROR near ${JSON.stringify(node.text.slice(0, 40))}`;
      problems.push(`${where} ${what}`);
    }
    if (node.hasError || node.type === 'ERROR') for (const child of node.children) walk(child);
  };
  walk(tree.rootNode);
  // hasError is also true for a tree whose only problem is a MISSING leaf; the walk above finds those.
  if (problems.length === 0 && tree.rootNode.hasError) problems.push('1:1 parse error');
  return problems;
}
