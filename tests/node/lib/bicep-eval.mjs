// Turns Bicep declarations into JSON by walking the tree-sitter parse tree. This is not a Bicep
// compiler: it evaluates what can be known without Azure (literals, parameters given to it or their
// defaults, variables, loops over known arrays, loadJsonContent, a few pure functions) and represents
// everything else (resource properties such as `account.id`, module outputs, uniqueString(), guid(),
// subscription(), ...) as an Expr that keeps the Bicep source text. Expr values become ARM template
// expression strings "[...]" in the JSON that is validated, which is what `bicep build` emits for them
// too and what the ARM schemas accept in nearly every position (oneOf: value | expression).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseBicepFile } from './bicep-parser.mjs';

/** A value known only at deployment time; `text` is its Bicep source (whitespace collapsed). */
export class Expr {
  constructor(text) {
    this.text = String(text).replace(/\s+/g, ' ').trim();
  }
  toString() {
    return this.text;
  }
}
export const isExpr = (value) => value instanceof Expr;

/** A symbolic reference to a resource or module declared in a file; member access yields an Expr. */
class SymbolRef {
  constructor(name) {
    this.name = name;
  }
}

const named = (node) => node.namedChildren.filter((c) => c.type !== 'comment' && c.type !== 'diagnostic_comment');

function decodeEscapes(raw) {
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|.)/g, (_, e) => {
    switch (e[0]) {
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u': return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
      default: return e; // \\ \' \$
    }
  });
}

const STRUCTURAL_FUNCTIONS = new Set(['concat', 'union', 'items', 'length', 'empty']);

const PURE_FUNCTIONS = {
  toLower: (s) => String(s).toLowerCase(),
  toUpper: (s) => String(s).toUpperCase(),
  replace: (s, a, b) => String(s).split(a).join(b),
  length: (x) => (typeof x === 'string' || Array.isArray(x) ? x.length : Object.keys(x).length),
  empty: (x) => x === null || (typeof x === 'object' ? Object.keys(x).length === 0 : x.length === 0),
  contains: (x, v) => (typeof x === 'string' ? x.includes(v) : Array.isArray(x) ? x.includes(v) : Object.hasOwn(x, v)),
  concat: (...xs) => (xs.every(Array.isArray) ? xs.flat() : xs.join('')),
  union: (...xs) => (xs.every(Array.isArray) ? [...new Set(xs.flat())] : Object.assign({}, ...xs)),
  string: (x) => (typeof x === 'string' ? x : JSON.stringify(x)),
  int: (x) => parseInt(x, 10),
  format: (f, ...args) => String(f).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)])),
  items: (o) => Object.keys(o).sort().map((key) => ({ key, value: o[key] })),
  range: (start, count) => Array.from({ length: count }, (_, i) => start + i),
};

/**
 * Evaluates one Bicep file. `params` maps parameter names to values (missing ones take their default,
 * or become an Expr). Returns { path, resources, modules } where each resource instance is
 * { file, symbol, type, apiVersion, existing, condition, index, body, node } and each module instance
 * is { file, symbol, path, condition, index, params, node }. Loops over known arrays are expanded;
 * a loop over an unknown array yields one representative instance whose loop variable is an Expr.
 */
export function evaluateBicepFile(path, params = {}) {
  const file = parseBicepFile(path);
  const root = file.tree.rootNode;
  const declarations = new Map(); // name -> { kind, node }
  for (const node of named(root)) {
    const id = named(node).find((c) => c.type === 'identifier');
    if (!id) continue;
    const kind = {
      parameter_declaration: 'param',
      variable_declaration: 'var',
      resource_declaration: 'resource',
      module_declaration: 'module',
    }[node.type];
    if (kind) declarations.set(id.text, { kind, node });
  }

  const cache = new Map();
  const resolving = new Set();
  const lookup = (name) => {
    const decl = declarations.get(name);
    if (!decl) return new Expr(name); // a namespace (az, sys) or something this evaluator doesn't model
    if (decl.kind === 'resource' || decl.kind === 'module') return new SymbolRef(name);
    if (cache.has(name)) return cache.get(name);
    if (resolving.has(name)) return new Expr(name);
    resolving.add(name);
    let value;
    if (decl.kind === 'param') {
      if (Object.hasOwn(params, name)) value = params[name];
      else {
        const parts = named(decl.node);
        const defaultNode = parts.length > 2 ? parts[parts.length - 1] : null;
        value = defaultNode ? evaluate(defaultNode, new Map()) : new Expr(name);
      }
    } else {
      const parts = named(decl.node);
      value = evaluate(parts[parts.length - 1], new Map());
    }
    resolving.delete(name);
    cache.set(name, value);
    return value;
  };

  const baseDir = dirname(path);

  function evaluate(node, locals) {
    switch (node.type) {
      case 'string': return evaluateString(node, locals);
      case 'number': return Number(node.text);
      case 'boolean': return node.text === 'true';
      case 'null': return null;
      case 'identifier':
        return locals.has(node.text) ? locals.get(node.text) : lookup(node.text);
      case 'parenthesized_expression': return evaluate(named(node)[0], locals);
      case 'object': return evaluateObject(node, locals);
      case 'array': return named(node).map((c) => evaluate(c, locals));
      case 'for_statement': return evaluateFor(node, locals, (body, scope) => evaluateLoopBody(body, scope));
      case 'member_expression': return evaluateMember(node, locals);
      case 'subscript_expression': {
        const target = evaluate(node.childForFieldName('object'), locals);
        const index = evaluate(node.childForFieldName('index'), locals);
        if (isKnown(target) && isKnown(index) && target !== null && index in Object(target)) return target[index];
        return new Expr(node.text);
      }
      case 'ternary_expression': {
        const condition = evaluate(node.childForFieldName('condition'), locals);
        if (!isKnown(condition)) return new Expr(node.text);
        return evaluate(node.childForFieldName(condition ? 'consequence' : 'alternative'), locals);
      }
      case 'unary_expression': {
        const value = evaluate(node.childForFieldName('argument'), locals);
        if (!isKnown(value)) return new Expr(node.text);
        return node.children[0].type === '!' ? !value : -value;
      }
      case 'binary_expression': return evaluateBinary(node, locals);
      case 'call_expression': return evaluateCall(node, locals);
      default: return new Expr(node.text);
    }
  }

  function isKnown(value) {
    if (isExpr(value) || value instanceof SymbolRef) return false;
    if (Array.isArray(value)) return value.every(isKnown);
    if (value && typeof value === 'object') return Object.values(value).every(isKnown);
    return true;
  }

  function evaluateString(node, locals) {
    const text = node.text;
    if (text.startsWith("'''")) return text.slice(3, -3).replace(/^\r?\n/, '');
    const parts = [];
    let cursor = node.startIndex + 1;
    let known = true;
    for (const child of node.namedChildren) {
      if (child.type !== 'interpolation') continue;
      parts.push(decodeEscapes(file.source.slice(cursor, child.startIndex)));
      const value = evaluate(named(child)[0], locals);
      if (!isKnown(value)) known = false;
      parts.push(value);
      cursor = child.endIndex;
    }
    parts.push(decodeEscapes(file.source.slice(cursor, node.endIndex - 1)));
    if (!known) {
      // Keep what is known: 'sftp/${orgId}' with orgId = 'contoso' but a base unknown stays readable.
      const rendered = parts.map((p, i) => (i % 2 === 0 ? escapeBicep(p) : isKnown(p) ? escapeBicep(String(p)) : `\${${renderBicep(p)}}`));
      return new Expr(`'${rendered.join('')}'`);
    }
    return parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join('');
  }

  function evaluateObject(node, locals) {
    const result = {};
    for (const property of named(node)) {
      if (property.type !== 'object_property') continue;
      const [key, value] = named(property);
      if (!value || key.type === 'resource_declaration') continue; // nested resources are collected separately
      const name = key.type === 'string' ? evaluateString(key, locals) : key.text;
      result[isExpr(name) ? name.text : name] = evaluate(value, locals);
    }
    return result;
  }

  function evaluateMember(node, locals) {
    const target = evaluate(node.childForFieldName('object'), locals);
    const property = node.childForFieldName('property').text;
    const safe = node.children.some((c) => c.type === '.?');
    if (target && typeof target === 'object' && !isExpr(target) && !(target instanceof SymbolRef)) {
      if (Object.hasOwn(target, property)) return target[property];
      if (safe) return null;
    }
    return new Expr(node.text);
  }

  function evaluateBinary(node, locals) {
    const operator = node.children.find((c) => !c.isNamed).type;
    const left = evaluate(node.childForFieldName('left'), locals);
    const right = evaluate(node.childForFieldName('right'), locals);
    if (operator === '??' && isKnown(left)) return left ?? right;
    if (!isKnown(left) || !isKnown(right)) return new Expr(node.text);
    const ops = {
      '==': () => JSON.stringify(left) === JSON.stringify(right),
      '!=': () => JSON.stringify(left) !== JSON.stringify(right),
      '=~': () => String(left).toLowerCase() === String(right).toLowerCase(),
      '!~': () => String(left).toLowerCase() !== String(right).toLowerCase(),
      '&&': () => left && right, '||': () => left || right,
      '<': () => left < right, '<=': () => left <= right, '>': () => left > right, '>=': () => left >= right,
      '+': () => left + right, '-': () => left - right, '*': () => left * right,
      '/': () => Math.trunc(left / right), '%': () => left % right,
    };
    return ops[operator] ? ops[operator]() : new Expr(node.text);
  }

  function evaluateCall(node, locals) {
    const fn = node.childForFieldName('function');
    const name = fn.type === 'member_expression' && ['az', 'sys'].includes(fn.childForFieldName('object').text)
      ? fn.childForFieldName('property').text
      : fn.text;
    const args = named(node.childForFieldName('arguments') ?? named(node)[1]).map((a) => evaluate(a, locals));
    if (name === 'loadJsonContent' || name === 'loadTextContent') {
      if (!isKnown(args[0])) return new Expr(node.text);
      const content = readFileSync(resolve(baseDir, args[0]), 'utf8');
      if (name === 'loadTextContent') return content;
      if (args.length > 1) return new Expr(node.text); // JSONPath selection is not modelled
      return JSON.parse(content);
    }
    const pure = PURE_FUNCTIONS[name];
    // Functions that only arrange arrays and objects work on partly known contents; the others need
    // every argument fully known.
    const ready = STRUCTURAL_FUNCTIONS.has(name)
      ? args.every((a) => a !== null && typeof a === 'object' && !isExpr(a) && !(a instanceof SymbolRef))
      : args.every(isKnown);
    if (pure && ready) return pure(...args);
    return new Expr(`${fn.text}(${args.map(renderBicep).join(', ')})`);
  }

  function evaluateLoopBody(body, scope) {
    if (body.type === 'if_statement') {
      const [conditionNode, inner] = named(body);
      const condition = evaluate(conditionNode, scope);
      if (condition === false) return SKIP;
      return evaluate(inner, scope);
    }
    return evaluate(body, scope);
  }

  // Expands a for_statement: calls each(bodyNode, scope, index) per element; returns the results array,
  // or an Expr when the iterable is unknown (each() is then still called once with Expr loop variables,
  // and the caller can keep that representative).
  function evaluateFor(node, locals, each, onUnknown) {
    const [variables, iterableNode, body] = named(node);
    const names = variables.type === 'for_loop_parameters'
      ? named(variables).map((v) => v.text)
      : [variables.text];
    const iterable = evaluate(iterableNode, locals);
    const scopeFor = (item, index) => {
      const scope = new Map(locals);
      scope.set(names[0], item);
      if (names[1]) scope.set(names[1], index);
      return scope;
    };
    if (!Array.isArray(iterable)) {
      const representative = each(body, scopeFor(new Expr(names[0]), new Expr(names[1] ?? 'i')), null);
      if (onUnknown) onUnknown(representative);
      return new Expr(node.text);
    }
    return iterable.map((item, i) => each(body, scopeFor(item, i), i)).filter((r) => r !== SKIP);
  }

  // Resources and modules, including resources nested in another resource's body.
  const resources = [];
  const modules = [];

  function declare(node, locals, parentInfo) {
    const parts = named(node);
    const symbol = parts[0].text;
    const typeText = evaluateString(parts[1], locals);
    const existing = node.children.some((c) => c.type === 'existing');
    const valueNode = parts[parts.length - 1];
    const add = (bodyNode, scope, index, condition) => {
      const body = evaluate(bodyNode, scope);
      if (node.type === 'module_declaration') {
        modules.push({ file: path, symbol, path: resolve(baseDir, typeText), condition, index, params: body.params ?? {}, body, node });
        return body;
      }
      let [type, apiVersion] = typeText.split('@');
      if (parentInfo && !type.includes('/')) type = `${parentInfo.type}/${type}`;
      if (!apiVersion && parentInfo) apiVersion = parentInfo.apiVersion;
      const instance = { file: path, symbol, type, apiVersion, existing, condition, index, body, node, parent: parentInfo?.symbol };
      resources.push(instance);
      for (const property of named(bodyNode)) {
        const nested = named(property)[0];
        if (property.type === 'object_property' && nested?.type === 'resource_declaration') {
          declare(nested, scope, { type, apiVersion, symbol });
        }
      }
      return body;
    };
    const withCondition = (bodyNode, scope, index, outerCondition) => {
      if (bodyNode.type === 'if_statement') {
        const [conditionNode, inner] = named(bodyNode);
        return add(inner, scope, index, evaluate(conditionNode, scope));
      }
      return add(bodyNode, scope, index, outerCondition);
    };
    if (valueNode.type === 'for_statement') {
      evaluateFor(valueNode, locals, (body, scope, index) => withCondition(body, scope, index ?? new Expr('i'), true));
    } else {
      withCondition(valueNode, locals, null, true);
    }
  }

  for (const node of named(root)) {
    if (node.type === 'resource_declaration' || node.type === 'module_declaration') declare(node, new Map(), null);
  }
  return { path, resources, modules, lookup };
}

const SKIP = Symbol('skip');

function escapeBicep(text) {
  return text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${');
}

/** Bicep source for a partly evaluated value: known parts as literals, unknown ones as their text. */
export function renderBicep(value) {
  if (isExpr(value)) return value.text;
  if (value instanceof SymbolRef) return value.name;
  if (typeof value === 'string') return `'${escapeBicep(value)}'`;
  if (Array.isArray(value)) return `[${value.map(renderBicep).join(' ')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${/^[A-Za-z_]\w*$/.test(k) ? k : `'${escapeBicep(k)}'`}: ${renderBicep(v)}`).join(' ')}}`;
  }
  return String(value);
}

export { SymbolRef };

/**
 * Evaluates a whole deployment from an entry file: the entry's resources plus, recursively, those of
 * every module it calls, each module evaluated with the parameter values its caller passes.
 * Returns every resource instance with `deployed` (false when its own or an enclosing module's
 * condition is false; an unknown condition counts as deployed).
 */
export function evaluateDeployment(entryPath, params = {}, enclosingDeployed = true) {
  const file = evaluateBicepFile(entryPath, params);
  const resources = file.resources.map((r) => ({ ...r, deployed: enclosingDeployed && r.condition !== false }));
  for (const module of file.modules) {
    const moduleDeployed = enclosingDeployed && module.condition !== false;
    resources.push(...evaluateDeployment(module.path, module.params, moduleDeployed));
  }
  return resources;
}

/** Every .bicep file a deployment uses, starting from its entry file. */
export function bicepFilesOf(entryPath) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const module of evaluateBicepFile(path).modules) visit(module.path);
  };
  visit(entryPath);
  return [...seen];
}

const BICEP_ONLY_KEYS = new Set(['parent', 'scope', 'dependsOn']);

/** Replaces every Expr (and symbolic reference) with an ARM expression string "[...]". */
export function toArmValue(value) {
  if (isExpr(value)) return `[${value.text.startsWith('[') ? `(${value.text})` : value.text}]`;
  if (value instanceof SymbolRef) return `[${value.name}]`;
  if (Array.isArray(value)) return value.map(toArmValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toArmValue(v)]));
  }
  return value;
}

/**
 * The resource as an ARM template would carry it, minus the template-frame keys (dependsOn, condition,
 * copy, scope) that the resource type schemas don't describe: type, apiVersion and the declared body
 * without Bicep's own keywords. A child declared with `parent:` (or nested) keeps its own name segment,
 * which is what most child schemas constrain; with `qualifiedName` its name gets placeholder parent
 * segments instead ("parent1/default" for a blob service), which the few schemas that describe the
 * full name expect.
 */
export function armResourceBody(resource, { qualifiedName = false } = {}) {
  const body = {};
  for (const [key, value] of Object.entries(resource.body)) {
    if (!BICEP_ONLY_KEYS.has(key)) body[key] = toArmValue(value);
  }
  const isChild = resource.body.parent !== undefined || resource.parent;
  if (qualifiedName && isChild && typeof body.name === 'string' && !body.name.startsWith('[')) {
    const depth = resource.type.split('/').length - 2;
    body.name = [...Array.from({ length: depth }, (_, i) => `parent${i + 1}`), body.name].join('/');
  }
  return { type: resource.type, apiVersion: resource.apiVersion, ...body };
}

/** Whether the resource is a child (declared with parent: or nested), so that its name is a segment. */
export function isChildResource(resource) {
  return resource.body.parent !== undefined || Boolean(resource.parent);
}
