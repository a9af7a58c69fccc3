// Reads the ARM template that `bicep build` compiles infra/main.bicep to: the modules are nested
// deployments (resources[].properties.template). Values that are ARM expressions ("[...]") are resolved
// as far as the template itself says (literals, variables, module parameters passed by the parent,
// format/concat/toLower/replace/length of known values); whatever needs Azure or the top-level
// parameters stays an Unknown that renders as its expression text, with the known parts filled in,
// e.g. "format('{0}{1}', 'sftp-', parameters('sftpOrgIds')[copyIndex()])".

export class Unknown {
  constructor(text) { this.text = text; }
  toString() { return this.text; }
}

const isExpression = (v) => typeof v === 'string' && v.startsWith('[') && v.endsWith(']') && !v.startsWith('[[');
const render = (v) => (v instanceof Unknown ? v.text : typeof v === 'string' ? `'${v.replaceAll("'", "''")}'` : JSON.stringify(v));
/** A value as text: strings as they are, unknowns as their expression. */
export const text = (v) => (v instanceof Unknown ? v.text : typeof v === 'string' ? v : JSON.stringify(v));

function tokenize(source) {
  const tokens = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length) throw new Error(`unterminated string in ${source}`);
        if (source[i] === "'") {
          if (source[i + 1] === "'") { value += "'"; i += 2; continue; }
          i++;
          break;
        }
        value += source[i++];
      }
      tokens.push({ kind: 'string', value });
    } else if (/[0-9-]/.test(c)) {
      const m = /^-?\d+/.exec(source.slice(i));
      tokens.push({ kind: 'number', value: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_]\w*/.exec(source.slice(i));
      tokens.push({ kind: 'ident', value: m[0] });
      i += m[0].length;
    } else if ('(),.[]'.includes(c)) {
      tokens.push({ kind: c });
      i++;
    } else {
      throw new Error(`unexpected ${c} in ${source}`);
    }
  }
  return tokens;
}

function parse(source) {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (kind) => {
    const t = tokens[pos++];
    if (!t || t.kind !== kind) throw new Error(`expected ${kind} in ${source}`);
    return t;
  };
  const expression = () => {
    const t = tokens[pos++];
    let node;
    if (t.kind === 'string' || t.kind === 'number') node = { kind: 'literal', value: t.value };
    else if (t.kind === 'ident') {
      take('(');
      const args = [];
      while (peek()?.kind !== ')') {
        args.push(expression());
        if (peek()?.kind === ',') pos++;
      }
      take(')');
      node = { kind: 'call', name: t.value, args };
    } else throw new Error(`unexpected token ${t.kind} in ${source}`);
    for (;;) {
      if (peek()?.kind === '.') { pos++; node = { kind: 'member', target: node, key: take('ident').value }; }
      else if (peek()?.kind === '[') { pos++; const key = expression(); take(']'); node = { kind: 'index', target: node, key }; }
      else return node;
    }
  };
  const node = expression();
  if (pos !== tokens.length) throw new Error(`trailing tokens in ${source}`);
  return node;
}

const known = (v) => !(v instanceof Unknown) && !(v !== null && typeof v === 'object' && Object.values(v).some((x) => x instanceof Unknown));

/**
 * A scope of one template: its variables, and its parameters (each either given by the parent
 * deployment, resolved in the parent's scope, or the template's default; unknown otherwise).
 */
export class Scope {
  constructor(template, { parameterValues = {}, parent = null, copyIndex = undefined } = {}) {
    Object.assign(this, { template, parameterValues, parent, copyIndex });
    this.variableCache = new Map();
  }

  withCopyIndex(index) {
    const scope = new Scope(this.template, { parameterValues: this.parameterValues, parent: this.parent, copyIndex: index });
    scope.variableCache = this.variableCache;
    return scope;
  }

  parameter(name) {
    if (name in this.parameterValues) {
      const given = this.parameterValues[name];
      return this.parent ? this.parent.resolve(given.value) : given.value;
    }
    const declared = this.template.parameters?.[name];
    if (this.parent && declared && 'defaultValue' in declared) return this.resolve(declared.defaultValue);
    return new Unknown(`parameters('${name}')`);
  }

  variable(name) {
    if (!this.variableCache.has(name)) this.variableCache.set(name, this.resolve(this.template.variables?.[name]));
    return this.variableCache.get(name);
  }

  /** Resolves every expression in a JSON value. */
  resolve(value) {
    if (isExpression(value)) return this.evaluate(parse(value.slice(1, -1)));
    if (typeof value === 'string' && value.startsWith('[[')) return value.slice(1);
    if (Array.isArray(value)) return value.map((v) => this.resolve(v));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(v)]));
    return value;
  }

  evaluate(node) {
    switch (node.kind) {
      case 'literal': return node.value;
      case 'member': {
        const target = this.evaluate(node.target);
        if (target instanceof Unknown || target === null || typeof target !== 'object') return new Unknown(`${render(target)}.${node.key}`);
        return target[node.key];
      }
      case 'index': {
        const target = this.evaluate(node.target);
        const key = this.evaluate(node.key);
        if (target instanceof Unknown || key instanceof Unknown || target === null || typeof target !== 'object') {
          return new Unknown(`${render(target)}[${render(key)}]`);
        }
        return target[key];
      }
      case 'call': return this.call(node.name, node.args);
      default: throw new Error(node.kind);
    }
  }

  call(name, argNodes) {
    const lower = name.toLowerCase();
    if (lower === 'parameters') return this.parameter(this.evaluate(argNodes[0]));
    if (lower === 'variables') return this.variable(this.evaluate(argNodes[0]));
    if (lower === 'copyindex' && argNodes.length === 0 && this.copyIndex !== undefined) return this.copyIndex;
    const args = argNodes.map((a) => this.evaluate(a));
    const isObject = (a) => a !== null && typeof a === 'object' && !(a instanceof Unknown);
    if (lower === 'union' && args.length && args.every(isObject)) {
      return args.every(Array.isArray) ? [...new Set(args.flat())] : Object.assign({}, ...args);
    }
    const allKnown = args.every(known);
    if (allKnown) {
      switch (lower) {
        case 'format': return args[0].replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i) + 1]));
        case 'concat': return args.every(Array.isArray) ? args.flat() : args.join('');
        case 'tolower': return String(args[0]).toLowerCase();
        case 'replace': return String(args[0]).replaceAll(args[1], args[2]);
        case 'length': return Array.isArray(args[0]) || typeof args[0] === 'string' ? args[0].length : Object.keys(args[0]).length;
        case 'createobject': return Object.fromEntries(Array.from({ length: args.length / 2 }, (_, i) => [args[2 * i], args[2 * i + 1]]));
        case 'union': return args.every(Array.isArray) ? [...new Set(args.flat())] : Object.assign({}, ...args);
        case 'true': return true;
        case 'false': return false;
        case 'null': return null;
        default: break;
      }
    }
    return new Unknown(`${name}(${args.map(render).join(', ')})`);
  }
}

const TEMPLATE_ONLY_KEYS = ['copy', 'condition', 'dependsOn', 'comments', 'metadata'];

/**
 * Every resource the compiled template declares, modules included, as
 * { module, type, apiVersion, raw (as compiled), body (resolved; template-only keys removed), condition, copy, index }.
 * A copy loop whose count is known is expanded (one entry per iteration, `index` set); one whose count
 * depends on a top-level parameter gives one entry with copyIndex() unknown.
 */
export function resourcesOf(template, scope = new Scope(template), module = '') {
  const out = [];
  for (const raw of Array.isArray(template.resources) ? template.resources : Object.values(template.resources ?? {})) {
    const condition = raw.condition === undefined ? true : scope.resolve(raw.condition);
    const count = raw.copy ? scope.resolve(raw.copy.count) : undefined;
    const indexes = raw.copy ? (typeof count === 'number' ? [...Array(count).keys()] : [undefined]) : [undefined];
    for (const index of indexes) {
      const s = index === undefined ? scope : scope.withCopyIndex(index);
      const stripped = Object.fromEntries(Object.entries(raw).filter(([k]) => !TEMPLATE_ONLY_KEYS.includes(k)));
      const body = s.resolve(stripped);
      out.push({ module, type: raw.type, apiVersion: raw.apiVersion, raw, body, condition, copy: raw.copy ? { ...raw.copy, count } : undefined, index });
      if (raw.type === 'Microsoft.Resources/deployments' && raw.properties?.template) {
        const child = new Scope(raw.properties.template, { parameterValues: raw.properties.parameters ?? {}, parent: s });
        const name = text(body.name);
        out.push(...resourcesOf(raw.properties.template, child, module ? `${module}/${name}` : name));
      }
    }
  }
  return out;
}

/** A resource body with every unresolved value written back as an ARM expression string, for schema validation. */
export function asArmJson(value) {
  if (value instanceof Unknown) return `[${value.text}]`;
  if (Array.isArray(value)) return value.map(asArmJson);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asArmJson(v)]));
  return value;
}
