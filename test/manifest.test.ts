/**
 * manifest.xml, offline: well-formed, every resid defined where its kind lives, URLs https on one origin,
 * icons present at their sizes, ribbon functions registered, no requirement that would hide the buttons,
 * the shared runtime wired consistently, and (where the schemas are found, see findSchemaDir) schema-valid.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
/**
 * The manifest schemas (reference data, never copied into the repo): where JIXIAO_MANIFEST_SCHEMAS points,
 * else shared/schemas/office-manifest beside the clone or beside any folder above it (a clone kept one level
 * down, e.g. a worktree per branch, has them two levels up). Looking only at ../shared skipped them there.
 */
function findSchemaDir(): string | null {
  const has = (dir: string) => fs.existsSync(path.join(dir, 'OfficeAppManifestV1_1.xsd'));
  const fromEnv = process.env.JIXIAO_MANIFEST_SCHEMAS;
  if (fromEnv) return has(fromEnv) ? fromEnv : null;
  for (let dir = path.dirname(ROOT); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'schemas', 'office-manifest');
    if (has(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}
const SCHEMA_DIR = findSchemaDir() ?? path.join(ROOT, '..', 'shared', 'schemas', 'office-manifest');
const DEV_ORIGIN = 'https://localhost:3000';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../webpack.config.js') as {
  manifestFor(xml: string, options: { origin?: string; sharedRuntime?: boolean }): string;
  normaliseOrigin(raw: string): string;
};

// ------------------------------------------------------------------ a small, strict XML reader

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  parent?: XmlNode;
}

function decodeEntities(raw: string, where: number): string {
  return raw.replace(/&([^;]*);|&/g, (all, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare & at ${where}`);
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (ref in named) return named[ref];
    const m = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(ref);
    if (!m) throw new Error(`unknown entity ${all} at ${where}`);
    return String.fromCodePoint(m[1][0] === 'x' ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10));
  });
}

/** Parses XML into elements; throws on anything not well-formed that a manifest could contain. */
function parseXml(xml: string): XmlNode {
  const NAME = /^[A-Za-z_][\w.:-]*/;
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  let current = root;
  let i = 0;
  if (xml.charCodeAt(0) === 0xfeff) i = 1;
  while (i < xml.length) {
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) throw new Error(`unterminated processing instruction at ${i}`);
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) throw new Error(`unterminated comment at ${i}`);
      if (xml.slice(i + 4, end).includes('--')) throw new Error(`"--" inside a comment at ${i}`);
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (end < 0) throw new Error(`unterminated CDATA at ${i}`);
      current.text += xml.slice(i + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<!', i)) {
      throw new Error(`unexpected declaration at ${i}`);
    } else if (xml.startsWith('</', i)) {
      const m = NAME.exec(xml.slice(i + 2));
      if (!m) throw new Error(`bad end tag at ${i}`);
      if (m[0] !== current.name) throw new Error(`</${m[0]}> at ${i} closes <${current.name}>`);
      const close = xml.indexOf('>', i);
      if (!/^\s*$/.test(xml.slice(i + 2 + m[0].length, close))) throw new Error(`junk in end tag at ${i}`);
      current = current.parent!;
      i = close + 1;
    } else if (xml[i] === '<') {
      const m = NAME.exec(xml.slice(i + 1));
      if (!m) throw new Error(`bad start tag at ${i}`);
      if (current === root && root.children.length) throw new Error(`second root element at ${i}`);
      const node: XmlNode = { name: m[0], attrs: {}, children: [], text: '', parent: current };
      let j = i + 1 + m[0].length;
      for (;;) {
        const ws = /^\s*/.exec(xml.slice(j))![0].length;
        j += ws;
        if (xml.startsWith('/>', j) || xml[j] === '>') break;
        if (!ws) throw new Error(`attributes need white space between them at ${j}`);
        const a = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(xml.slice(j));
        if (!a) throw new Error(`bad attribute at ${j} in <${m[0]}>`);
        if (a[1] in node.attrs) throw new Error(`duplicate attribute ${a[1]} at ${j}`);
        node.attrs[a[1]] = decodeEntities(a[3] ?? a[4], j);
        j += a[0].length;
      }
      current.children.push(node);
      if (xml.startsWith('/>', j)) {
        i = j + 2;
      } else {
        current = node;
        i = j + 1;
      }
    } else {
      const next = xml.indexOf('<', i);
      const end = next < 0 ? xml.length : next;
      const text = xml.slice(i, end);
      if (current === root && text.trim()) throw new Error(`text outside the root element at ${i}`);
      current.text += decodeEntities(text, i);
      i = end;
    }
  }
  if (current !== root) throw new Error(`<${current.name}> is never closed`);
  if (root.children.length !== 1) throw new Error('no root element');
  return root.children[0];
}

function all(node: XmlNode, name?: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (!name || c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

function ancestors(node: XmlNode): string[] {
  const names: string[] = [];
  for (let p = node.parent; p; p = p.parent) names.push(p.name);
  return names;
}

/** Width and height from a PNG's IHDR. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature) || buf.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function which(cmd: string): boolean {
  return spawnSync(process.platform === 'win32' ? 'where' : 'which', [cmd], { stdio: 'ignore' }).status === 0;
}

// ------------------------------------------------------------------ the manifest

const xml = fs.readFileSync(MANIFEST, 'utf8');
const app = parseXml(xml);
const overrides = child(app, 'VersionOverrides')!;
const resources = child(overrides, 'Resources')!;

function resourceIds(section: string): Map<string, XmlNode> {
  const list = child(resources, section);
  return new Map((list ? list.children : []).map((n) => [n.attrs.id, n]));
}
const defined = {
  Images: resourceIds('bt:Images'),
  Urls: resourceIds('bt:Urls'),
  ShortStrings: resourceIds('bt:ShortStrings'),
  LongStrings: resourceIds('bt:LongStrings'),
};

/** Which resource section a resid must come from, by the element that uses it. */
function kindOf(node: XmlNode): keyof typeof defined {
  switch (node.name) {
    case 'bt:Image':
      return 'Images';
    case 'Label':
    case 'Title':
      return 'ShortStrings';
    case 'Description':
      return 'LongStrings';
    case 'FunctionFile':
    case 'SourceLocation':
    case 'LearnMoreUrl':
    case 'Runtime':
    case 'Script':
    case 'Page':
      return 'Urls';
    default:
      throw new Error(`resid on an element this test does not know: <${node.name}>`);
  }
}

/** Every URL the manifest gives Office: DefaultValue / Value attributes and URL-typed text. */
function manifestUrls(root: XmlNode): string[] {
  const urls: string[] = [];
  for (const n of [root, ...all(root)]) {
    for (const [k, v] of Object.entries(n.attrs)) {
      if (k.startsWith('xmlns')) continue; // namespace names, never fetched
      if (/^[a-z][\w+.-]*:\/\//i.test(v)) urls.push(v);
    }
    if (/^[a-z][\w+.-]*:\/\//i.test(n.text.trim())) urls.push(n.text.trim());
  }
  return urls;
}

describe('the XML reader this test uses', () => {
  test.each([
    ['<a><b></a>', /closes/],
    ['<a x="1" x="2"/>', /duplicate/],
    ['<a>&nbsp;</a>', /entity/],
    ['<a>1 & 2</a>', /bare &/],
    ['<a/><b/>', /second root/],
    ['<a><!-- x -- y --></a>', /comment/],
    ['<a>', /never closed/],
    ['<a b=c/>', /attribute/],
  ])('rejects %s', (bad, why) => {
    expect(() => parseXml(bad)).toThrow(why);
  });
});

describe('manifest.xml', () => {
  test('is well-formed and describes an Excel task-pane add-in, zh-CN first', () => {
    expect(app.name).toBe('OfficeApp');
    expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(child(app, 'Id')!.text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(app, 'DefaultLocale')!.text.trim()).toBe('zh-CN');
    expect(child(app, 'Permissions')!.text.trim()).toBe('ReadWriteDocument');
    expect(all(child(app, 'Hosts')!, 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    expect(all(overrides, 'Host').map((h) => h.attrs['xsi:type'])).toEqual(['Workbook']);
  });

  test('has en-US overrides for the display name, the description and every ribbon string', () => {
    for (const name of ['DisplayName', 'Description']) {
      const node = child(app, name)!;
      expect(node.attrs.DefaultValue).toBeTruthy();
      expect(node.children.filter((c) => c.name === 'Override' && c.attrs.Locale === 'en-US' && c.attrs.Value)).toHaveLength(1);
    }
    for (const section of ['ShortStrings', 'LongStrings'] as const) {
      for (const [id, node] of defined[section]) {
        const en = node.children.filter((c) => c.name === 'bt:Override' && c.attrs.Locale === 'en-US');
        expect({ id, overrides: en.length }).toEqual({ id, overrides: 1 });
        expect(en[0].attrs.Value).toBeTruthy();
      }
    }
  });

  test('every resid is defined, in the section its element needs; ids are unique and short', () => {
    const ids = [...resources.children.flatMap((s) => s.children.map((n) => n.attrs.id))];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
    const users = all(overrides).filter((n) => 'resid' in n.attrs);
    expect(users.length).toBeGreaterThan(20);
    const missing = users
      .filter((n) => !defined[kindOf(n)].has(n.attrs.resid))
      .map((n) => `<${n.name} resid="${n.attrs.resid}"> needs an entry in ${kindOf(n)}`);
    expect(missing).toEqual([]);
  });

  test('every URL is https on the one dev origin (the build moves them all)', () => {
    const urls = manifestUrls(app);
    expect(urls.length).toBeGreaterThan(10);
    const origins = new Set(urls.map((u) => new URL(u).origin));
    expect([...origins]).toEqual([DEV_ORIGIN]);
    for (const u of urls) expect(u.startsWith('https://')).toBe(true);
  });

  test('every icon exists in assets/ at the size the manifest claims', () => {
    const fileOf = (url: string) => {
      const u = new URL(url);
      expect(u.pathname.startsWith('/assets/')).toBe(true);
      return path.join(ROOT, decodeURIComponent(u.pathname.slice(1)));
    };
    const expectSize = (url: string, size: number) => {
      const file = fileOf(url);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    };
    expectSize(child(app, 'IconUrl')!.attrs.DefaultValue, 32);
    expectSize(child(app, 'HighResolutionIconUrl')!.attrs.DefaultValue, 64);
    const icons = all(overrides, 'Icon');
    expect(icons.length).toBe(5); // the group and four buttons
    for (const icon of icons) {
      const sizes = icon.children.map((img) => Number(img.attrs.size)).sort((a, b) => a - b);
      expect(sizes).toEqual([16, 32, 80]);
      for (const img of icon.children) expectSize(defined.Images.get(img.attrs.resid)!.attrs.DefaultValue, Number(img.attrs.size));
    }
    for (const [, img] of defined.Images) expect(fs.existsSync(fileOf(img.attrs.DefaultValue))).toBe(true);
    // every other asset URL (help page) exists too
    for (const url of manifestUrls(app).filter((u) => new URL(u).pathname.startsWith('/assets/'))) {
      expect(fs.existsSync(fileOf(url))).toBe(true);
    }
  });

  test('the committed icons are what scripts/make-icons.mjs draws', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'make-icons.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('has the four buttons: three functions and the task pane', () => {
    const controls = all(overrides, 'Control');
    const label = (c: XmlNode) => defined.ShortStrings.get(child(c, 'Label')!.attrs.resid)!.attrs.DefaultValue;
    const action = (c: XmlNode) => child(c, 'Action')!;
    expect(controls.map((c) => [label(c), action(c).attrs['xsi:type'], child(action(c), 'FunctionName')?.text.trim() ?? null])).toEqual([
      ['检查表单', 'ExecuteFunction', 'checkForm'],
      ['填充计算列', 'ExecuteFunction', 'fillComputed'],
      ['清除标记', 'ExecuteFunction', 'clearMarks'],
      ['打开助手', 'ShowTaskpane', null],
    ]);
    for (const c of controls) expect(c.attrs['xsi:type']).toBe('Button');
  });

  test('has no Requirements inside VersionOverrides (a missing requirement hides every button)', () => {
    expect(all(overrides, 'Requirements')).toEqual([]);
    expect(all(overrides, 'Sets')).toEqual([]);
  });

  test('asks for no more than ExcelApi 1.1 in the base manifest', () => {
    const requirements = child(app, 'Requirements');
    const version = (v: string) => v.split('.').map(Number);
    const atMost11 = (v: string) => {
      const [major, minor = 0] = version(v);
      return major < 1 || (major === 1 && minor <= 1);
    };
    if (!requirements) return;
    expect(child(requirements, 'Methods')).toBeUndefined();
    const sets = child(requirements, 'Sets');
    if (!sets) return;
    expect(atMost11(sets.attrs.DefaultMinVersion ?? '1.1')).toBe(true);
    for (const set of sets.children) {
      expect(set.attrs.Name).toBe('ExcelApi');
      expect(atMost11(set.attrs.MinVersion ?? sets.attrs.DefaultMinVersion ?? '1.1')).toBe(true);
    }
  });

  test('wires the shared runtime: one long-lived runtime on the task pane page, which is also the function file', () => {
    const runtimes = all(overrides, 'Runtime');
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attrs.lifetime).toBe('long');
    const resid = runtimes[0].attrs.resid;
    expect(all(overrides, 'FunctionFile').map((n) => n.attrs.resid)).toEqual([resid]);
    const showTaskpane = all(overrides, 'Action').filter((a) => a.attrs['xsi:type'] === 'ShowTaskpane');
    for (const a of showTaskpane) expect(child(a, 'SourceLocation')!.attrs.resid).toBe(resid);
    // a long-lived shared runtime has one task pane: no TaskpaneId on any action
    expect(all(overrides, 'TaskpaneId')).toEqual([]);
    // and it is the page Office opens without add-in commands
    const url = defined.Urls.get(resid)!.attrs.DefaultValue;
    expect(child(child(app, 'DefaultSettings')!, 'SourceLocation')!.attrs.DefaultValue).toBe(url);
    expect(url).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(runtimes[0].parent!.name).toBe('Runtimes');
    expect(ancestors(runtimes[0])).toContain('Host');
  });

  describe('ExecuteFunction names', () => {
    const names = all(overrides, 'FunctionName').map((n) => n.text.trim());
    const commandsTs = fs.readFileSync(path.join(ROOT, 'src', 'commands', 'commands.ts'), 'utf8');

    test('appear as string literals in src/commands/commands.ts', () => {
      for (const name of names) expect(commandsTs).toMatch(new RegExp(`['"\`]${name}['"\`]`));
    });

    test('are each registered with Office.actions.associate (and as globals) when commands.ts loads', () => {
      const associate = jest.fn();
      const g = globalThis as Record<string, unknown>;
      const saved = g.Office;
      g.Office = {
        actions: { associate },
        onReady: jest.fn(() => Promise.resolve({ host: 'Excel', platform: 'PC' })),
        context: { displayLanguage: 'zh-CN', requirements: { isSetSupported: () => false } },
      };
      try {
        jest.isolateModules(() => {
          jest.doMock('../src/commands/adapter-port', () => ({
            officeHost: jest.fn(),
            checkAndHighlight: jest.fn(),
            applyFill: jest.fn(),
            clearMarks: jest.fn(),
          }));
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          require('../src/commands/commands');
        });
        const registered = associate.mock.calls.map(([name]) => name as string);
        expect([...registered].sort()).toEqual([...names].sort());
        for (const [, fn] of associate.mock.calls) expect(typeof fn).toBe('function');
        for (const name of names) expect(typeof g[name]).toBe('function');
      } finally {
        g.Office = saved;
        for (const name of names) delete g[name];
      }
    });
  });

  describe('build transforms (webpack.config.js)', () => {
    test('manifestFor moves every URL to the production origin', () => {
      const out = webpackConfig.manifestFor(xml, { origin: 'https://addins.example.gov.cn/jixiao' });
      const urls = manifestUrls(parseXml(out));
      expect(urls.length).toBe(manifestUrls(app).length);
      for (const u of urls) expect(u.startsWith('https://addins.example.gov.cn/jixiao/')).toBe(true);
      expect(out).not.toContain('localhost');
    });

    test('SHARED_RUNTIME=off drops <Runtimes> and loads the ribbon functions from commands.html', () => {
      const out = parseXml(webpackConfig.manifestFor(xml, { sharedRuntime: false }));
      const vo = child(out, 'VersionOverrides')!;
      expect(all(vo, 'Runtimes')).toEqual([]);
      expect(all(vo, 'FunctionFile').map((n) => n.attrs.resid)).toEqual(['Commands.Url']);
      const urls = new Map(child(child(vo, 'Resources')!, 'bt:Urls')!.children.map((n) => [n.attrs.id, n.attrs.DefaultValue]));
      expect(urls.get('Commands.Url')).toBe(`${DEV_ORIGIN}/commands.html`);
    });

    test('normaliseOrigin accepts https origins with an optional path and rejects the rest', () => {
      expect(webpackConfig.normaliseOrigin('https://Addins.Example.gov.cn/')).toBe('https://addins.example.gov.cn');
      expect(webpackConfig.normaliseOrigin('https://h.example:8443/a/b/')).toBe('https://h.example:8443/a/b');
      expect(() => webpackConfig.normaliseOrigin('http://addins.example.gov.cn')).toThrow(/https/);
      expect(() => webpackConfig.normaliseOrigin('https://h.example/?x=1')).toThrow();
      expect(() => webpackConfig.normaliseOrigin('addins')).toThrow();
    });
  });

  describe('schema (shared/schemas/office-manifest, where present)', () => {
    const present = fs.existsSync(path.join(SCHEMA_DIR, 'OfficeAppManifestV1_1.xsd'));
    const validate = (file: string) => {
      if (!which('xmllint')) {
        throw new Error('the manifest schemas are present but xmllint is not: install libxml2-utils');
      }
      try {
        execFileSync('xmllint', ['--noout', '--schema', path.join(SCHEMA_DIR, 'OfficeAppManifestV1_1.xsd'), file], {
          stdio: 'pipe',
        });
      } catch (error) {
        const e = error as { stderr?: Buffer };
        throw new Error(`xmllint: ${e.stderr?.toString() ?? String(error)}`);
      }
    };

    (present ? test : test.skip)('manifest.xml is valid against the manifest schemas', () => {
      validate(MANIFEST);
    });

    (present ? test : test.skip)('so are the production and SHARED_RUNTIME=off variants', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-manifest-'));
      try {
        for (const [name, options] of [
          ['prod.xml', { origin: 'https://addins.example.test' }],
          ['no-shared-runtime.xml', { sharedRuntime: false }],
        ] as const) {
          const file = path.join(dir, name);
          fs.writeFileSync(file, webpackConfig.manifestFor(xml, options));
          validate(file);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
