// The workspace over a file system it is given: what it indexes, what it reads for imports and
// when, and which text wins; and the Node host the server runs on, over a real folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as contributions from '../../../server/out/core/facts/contributions';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { NodeHost } from '../../../server/out/lsp/node-host';
import { Workspace } from '../../../server/out/lsp/workspace';
import { MemoryHost } from '../helpers/memory-host';

const ROOT = path.resolve('/memory-workspace');
const at = (name: string): string => path.join(ROOT, name);
const contract = (name: string, body = ''): string => `partnership ${name} "${name}" {\n  term 2020-01-01 to 2020-12-31\n${body}}\n`;

/** A workspace over `host`, indexed; analysed on demand and never on a timer. */
function indexed(host: MemoryHost, folders = [ROOT]): Workspace {
  const workspace = new Workspace(host, () => undefined);
  workspace.index(folders);
  return workspace;
}

describe('workspace over a server host', () => {
  it('analyses afresh when carrying an analysis over an edit fails, and says so in the log', () => {
    const host = new MemoryHost({ [at('a.partnership')]: contract('A', '  party S "S" as supplier\n  obligation N "N" {\n    S must deliver "x"\n  }\n') });
    const failures: [string, boolean][] = [];
    const workspace = new Workspace(host, () => undefined, 20, (error, recovered) => failures.push([(error as Error).message, recovered]));
    workspace.index([ROOT]);
    const first = workspace.current();
    const text = workspace.text(at('a.partnership'))!;
    // A fault in what an edit carries over (here, a file's contributions to the lookups).
    const carry = contributions.carryContributions;
    (contributions as { carryContributions: unknown }).carryContributions = () => {
      throw new Error('a fault in carrying');
    };
    try {
      workspace.didOpen(at('a.partnership'), text.replace('"x"', '"y"'), 2);
      const after = workspace.current();
      assert.notEqual(after, first);
      assert.deepEqual(failures, [['a fault in carrying', true]]);
      assert.deepEqual(after.diagnostics(at('a.partnership')).map((d) => d.code), first.diagnostics(at('a.partnership')).map((d) => d.code));
    } finally {
      (contributions as { carryContributions: unknown }).carryContributions = carry;
    }
    // The next edit carries over the fresh analysis as usual.
    workspace.didOpen(at('a.partnership'), text, 3);
    assert.equal(workspace.current().files.size, 1);
    assert.equal(failures.length, 1);
    workspace.dispose();
  });

  it('analyses each edit, disk change, opening and closing as a fresh analysis of the same texts would', () => {
    const catalogue = 'partnership Catalogue "Catalogue" {\n  term 2010-01-01 to 2030-12-31\n  scope Shared "Shared work"\n}\n';
    const holder = (i: number): string => `import "catalogue.partnership"\n${contract(`C${i}`, `  party H "H" as supplier\n  exclusive H over Catalogue.Shared\n`)}`;
    const files: Record<string, string> = { [at('catalogue.partnership')]: catalogue };
    for (let i = 0; i < 6; i++) files[at(`c${i}.partnership`)] = i < 2 ? holder(i) : `import "catalogue.partnership"\n${contract(`C${i}`)}`;
    const host = new MemoryHost(files);
    const workspace = indexed(host);
    /** Every file's diagnostics against an analysis from nothing of the texts the workspace holds now. */
    const matches = (step: string): void => {
      const current = workspace.current();
      const fresh = new Analysis(workspace.files().map((file) => ({ file, text: workspace.text(file) })), { readFile: (file) => workspace.text(file) });
      for (const file of workspace.files()) {
        const codes = (a: Analysis) => a.diagnostics(file).map((d) => `${d.code} ${d.start}`);
        assert.deepEqual(codes(current), codes(fresh), `${path.basename(file)} after ${step}`);
      }
    };
    matches('indexing');
    assert.ok(workspace.current().diagnostics(at('c1.partnership')).some((d) => d.code === 'P201'), 'the two grants overlap');
    // Contract 0 opened as on disk, then its grant typed away and back.
    workspace.didOpen(at('c0.partnership'), files[at('c0.partnership')], 1);
    matches('opening');
    workspace.didChange(at('c0.partnership'), files[at('c0.partnership')].replace('  exclusive H over Catalogue.Shared\n', ''), 2);
    matches('an edit');
    assert.ok(!workspace.current().diagnostics(at('c1.partnership')).some((d) => d.code === 'P201'), 'the other grant stands alone');
    // Contract 3 gains a grant on disk; contract 0 is closed, its disk text standing again.
    host.write(at('c3.partnership'), holder(3));
    workspace.diskChanged(at('c3.partnership'), false);
    matches('a disk change');
    workspace.didClose(at('c0.partnership'));
    matches('closing');
    assert.ok(workspace.current().diagnostics(at('c0.partnership')).some((d) => d.code === 'P201'));
    // An edit that adds an import, and one to the catalogue every contract reads.
    workspace.didOpen(at('c4.partnership'), `import "c3.partnership"\n${files[at('c4.partnership')]}`, 1);
    matches('an import added');
    workspace.didOpen(at('catalogue.partnership'), catalogue.replace('Shared "Shared work"', 'Shared "Shared work" {\n    scope Desk "Desk"\n  }'), 1);
    matches('an edit to the catalogue');
    workspace.dispose();
  });

  it('indexes the contracts under its folders, outside dependency, build and hidden folders', () => {
    const host = new MemoryHost({
      [at('a.partnership')]: contract('A'),
      [at('deep/er/b.partnership')]: contract('B'),
      [at('notes.txt')]: 'not a contract',
      [at('node_modules/pkg/c.partnership')]: contract('C'),
      [at('out/d.partnership')]: contract('D'),
      [at('.hidden/e.partnership')]: contract('E'),
      [path.resolve('/elsewhere/f.partnership')]: contract('F'),
    });
    const workspace = indexed(host);
    assert.deepEqual(workspace.files(), [at('a.partnership'), at('deep/er/b.partnership')]);
    assert.deepEqual([...workspace.current().files.keys()].sort(), workspace.files());
    workspace.dispose();
  });

  it('reads an import outside the folders through the host when allowed, and reports one it cannot find', () => {
    const shared = path.resolve('/shared/catalogue.partnership');
    const host = new MemoryHost({
      [shared]: contract('Catalogue', '  party Council "Council" as client\n'),
      [at('main.partnership')]: `import "../shared/catalogue.partnership"\nimport "missing.partnership"\n${contract('Main', '  party S "S" as supplier of Catalogue.Council\n')}`,
    });
    const workspace = indexed(host);
    // By default an import may not leave the workspace: it is P105, and the host is not asked.
    const refused = workspace.current().diagnostics(at('main.partnership')).filter((d) => d.code === 'P105');
    assert.match(refused[0].message, /outside the workspace/);
    assert.ok(!host.reads.includes(shared));
    workspace.allowImportsOutside(true);
    const program = workspace.current();
    assert.ok(program.files.has(shared));
    assert.ok(host.reads.includes(shared) && host.reads.includes(at('missing.partnership')));
    const errors = program.diagnostics(at('main.partnership')).filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => d.code), ['P105']);
    assert.match(errors[0].message, /^Cannot import `missing\.partnership`/);
    workspace.dispose();
  });

  it('prefers an open document to the file, and rereads a file the host says changed or vanished', () => {
    const host = new MemoryHost({ [at('a.partnership')]: contract('A'), [at('b.partnership')]: contract('B') });
    const workspace = indexed(host);
    workspace.didOpen(at('a.partnership'), contract('Edited'), 1);
    host.write(at('a.partnership'), contract('OnDisk'));
    workspace.diskChanged(at('a.partnership'), false);
    assert.equal(workspace.current().files.get(at('a.partnership'))?.partnership?.name.text, 'Edited');
    workspace.didClose(at('a.partnership'));
    assert.equal(workspace.current().files.get(at('a.partnership'))?.partnership?.name.text, 'OnDisk');
    host.delete(at('b.partnership'));
    workspace.diskChanged(at('b.partnership'), true);
    assert.deepEqual(workspace.files(), [at('a.partnership')]);
    host.write(at('c.partnership'), contract('C'));
    workspace.diskChanged(at('c.partnership'), false);
    assert.deepEqual(workspace.files(), [at('a.partnership'), at('c.partnership')]);
    workspace.dispose();
  });
});

describe('the Node server host', () => {
  let root: string;
  const warnings: string[] = [];
  const host = new NodeHost((message) => warnings.push(message));
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-host-'));
    warnings.length = 0;
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the contracts under a folder and reads them as UTF-8', () => {
    fs.mkdirSync(path.join(root, 'sub'));
    fs.mkdirSync(path.join(root, 'node_modules'));
    fs.writeFileSync(path.join(root, 'sub', 'a.partnership'), 'partnership Café "Café" {}\n');
    fs.writeFileSync(path.join(root, 'node_modules', 'b.partnership'), '');
    fs.writeFileSync(path.join(root, 'c.txt'), '');
    assert.deepEqual(host.findContracts(root), [path.join(root, 'sub', 'a.partnership')]);
    assert.deepEqual(host.read(path.join(root, 'sub', 'a.partnership')), { ok: true, text: 'partnership Café "Café" {}\n' });
    assert.deepEqual(warnings, []);
  });

  it('treats a missing file, a folder and a missing folder as absent, quietly', () => {
    assert.equal(host.read(path.join(root, 'missing.partnership')).ok, false);
    assert.equal(host.read(root).ok, false);
    assert.deepEqual(host.findContracts(path.join(root, 'missing')), []);
    assert.deepEqual(warnings, []);
  });

  it('reads a file that exists but cannot be read as unreadable, and carries on', () => {
    const loop = path.join(root, 'loop.partnership');
    fs.symlinkSync(loop, loop);
    assert.equal(host.read(loop).ok, false);
    assert.deepEqual(host.findContracts(root).filter((f) => f === loop), []);
  });
});
