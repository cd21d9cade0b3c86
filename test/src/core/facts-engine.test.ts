// The declared lookups' engine on lookups of its own: a value equal to the previous analysis's
// is handed on as that object, and a lookup made from another stands while that one does.
import * as assert from 'node:assert/strict';
import { Facts, type Lookup, READS_A_STEP, type Read, Recorder, readsByFile, readsByFileInSteps } from '../../../server/out/core/facts/engine';

/** An analysis's input: the teams of a club and their members. */
type Club = ReadonlyMap<string, readonly string[]>;

let computed: string[] = [];

const members: Lookup<Club, string, readonly string[]> = {
  name: 'members',
  inputs: (facts, team) => facts.input.get(team),
  compute: (facts, team) => facts.input.get(team) ?? [],
  equals: (a, b) => a.length === b.length && a.every((m, i) => m === b[i]),
};

/** A member's place in a team, keyed `team:member`: made from the team's members alone. */
const place: Lookup<Club, string, number> = {
  name: 'place',
  compute(facts, key) {
    computed.push(key);
    const [team, member] = key.split(':');
    return facts.read(members, team).indexOf(member);
  },
  equals: (a, b) => a === b,
  madeFrom: { lookup: members, key: (key: string) => key.split(':')[0] },
};

const alone: Lookup<Club, string, number> = { name: 'alone', compute: () => 1, equals: (a, b) => a === b };

describe('declared lookups', () => {
  beforeEach(() => {
    computed = [];
  });

  it('stand, without being read, while the lookup they are made from gives its very previous value', () => {
    const red = ['Ada', 'Bea'];
    const first = new Facts<Club>(new Map([['red', red], ['blue', ['Cy']]]));
    assert.equal(first.read(place, 'red:Bea'), 1);
    assert.equal(first.read(place, 'blue:Cy'), 0);
    first.settle();
    // Red is the very list it was; blue is a new list of other members.
    const second = new Facts<Club>(new Map([['red', red], ['blue', ['Dee', 'Cy']]]), first);
    computed = [];
    assert.equal(second.unchangedBy(place, 'red:Bea'), true);
    assert.equal(second.unchangedBy(place, 'blue:Cy'), false);
    assert.deepEqual(computed, [], 'asking read only the lists of members');
    assert.equal(second.read(place, 'blue:Cy'), 1);
    // A lookup that says nothing of what it is made from cannot be told so.
    assert.equal(second.unchangedBy(alone, 'red'), false);
  });

  it('note one read for each lookup and key of an analysis, the previous one while its value is equal', () => {
    const first = new Facts<Club>(new Map([['red', ['Ada', 'Bea']], ['blue', ['Cy']]]));
    const recorder = new Recorder(first);
    const [a, b]: Read[][] = [[], []];
    recorder.into(a);
    recorder.read(place, 'red:Bea');
    recorder.read(members, 'blue');
    recorder.into(b);
    recorder.read(members, 'blue');
    recorder.read(place, 'red:Bea');
    // Two checks reading the same lookups note the same objects, with the values each saw.
    assert.deepEqual(a.map((r) => [r.lookup.name, r.key, r.value]), [['place', 'red:Bea', 1], ['members', 'blue', ['Cy']]]);
    assert.equal(b[0], a[1]);
    assert.equal(b[1], a[0]);
    first.settle();
    // Blue made afresh with the same members, red with others: blue's read is the previous one, red's place a new one.
    const second = new Facts<Club>(new Map([['red', ['Bea']], ['blue', ['Cy']]]), first);
    assert.equal(second.readOf(members, 'blue'), a[1]);
    assert.equal(second.stillHold(a), false);
    const now = second.readOf(place, 'red:Bea');
    assert.notEqual(now, a[0]);
    assert.equal(now.value, 0);
    assert.equal(second.stillHold([a[1], now]), true);
  });

  it('hand on a value equal to the previous one as that very object', () => {
    const first = new Facts<Club>(new Map([['red', ['Ada']]]));
    const before = first.read(members, 'red');
    first.settle();
    // An equal list made afresh: the members' inputs differ, the value is equal.
    const second = new Facts<Club>(new Map([['red', ['Ada']]]), first);
    assert.equal(second.read(members, 'red'), before);
    assert.equal(second.sameAsPrevious(members, 'red'), true);
    // So what is made from it stands too, though the club is a new map of new lists.
    assert.equal(second.unchangedBy(place, 'red:Ada'), true);
  });
});

describe('reads grouped by the file they are about', () => {
  /** A lookup whose key names a file: `file:thing`. */
  const about: Lookup<Club, string, number> = { name: 'about', compute: () => 1, equals: (a, b) => a === b, fileOf: (key) => key.split(':')[0] };

  it('group each lookup and key once, in the order first read, the same in steps as at once', () => {
    // Three lists of reads about four files, with repeats: more than two steps' worth.
    const lists: Read[][] = [0, 1, 2].map((list) => Array.from({ length: READS_A_STEP }, (_, i) => ({ lookup: about as Lookup<unknown, unknown, unknown>, key: `f${(i + list) % 4}:${i % 5000}`, value: 1 })));
    lists.push([{ lookup: alone as Lookup<unknown, unknown, unknown>, key: 'x', value: 1 }]);
    const atOnce = readsByFile(lists);
    assert.deepEqual([...atOnce.keys()], ['f0', 'f1', 'f2', 'f3', '']);
    // Each key is read in several lists and grouped once.
    const keys = new Set(lists.flat().map((r) => r.key));
    assert.ok(keys.size < 3 * READS_A_STEP);
    assert.equal([...atOnce.values()].reduce((n, group) => n + group.length, 0), keys.size);
    for (const [file, group] of atOnce) for (const read of group) assert.equal(read.lookup.fileOf?.(read.key) ?? '', file);
    const steps = readsByFileInSteps(lists);
    let taken = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) taken++;
    assert.equal(taken, Math.ceil((3 * READS_A_STEP + 1) / READS_A_STEP) - 1);
    assert.deepEqual(step.value, atOnce);
  });
});
