// The formatter on the second version's constructs: each laid out canonically (charges and
// variations as blocks, `every … from … until …` on one line, money in amount lines, credits,
// baselines and values kept as one token), idempotent, and the formatted text parses into a
// tree of the same shape, for every file of the second version's corpus.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatDocument } from '../../../server/out/core/format/format';
import { parseDocument } from '../../../server/out/core/syntax/parse';
import { partnershipFilesUnder, repoRoot } from '../helpers/paths';

const corpusV2 = path.resolve(repoRoot, '..', 'shared', 'corpus-v2');

/** The tree without positions (and a unit's text, which holds the blank before it): what layout may not change. */
function shape(text: string): string {
  const { ast, diagnostics } = parseDocument('x.partnership', text);
  assert.deepEqual(diagnostics.filter((d) => d.code === 'P001'), []);
  return JSON.stringify(ast, function (this: { kind?: string }, key, value: unknown) {
    if (key === 'start' || key === 'end' || key === 'starts') return undefined;
    if (key === 'text' && this.kind === 'Unit') return undefined;
    return value;
  });
}

describe('formatting the second version', () => {
  it('lays out every new construct canonically, keeping money, shares and durations whole', () => {
    const messy = `partnership   SB "Service Birmingham" {
  term 2006 to 2016-03
    value £ 1bn   "Stated value"
  objective "Cut costs"   calendar   scotland
  party BCC "Council" as client
  party Capita "Capita" as supplier
  party SB "SB Ltd" as joint-venture of BCC 19.9% ,Capita   80.1%
  party PSP "Partners" as group of BCC,Capita
  scope ICT "ICT" { scope Core "Core" }
  event Breach "Notice of breach"   clause "40.1"
  event GoLive "Go live"
  charge Core "Core charge" { BCC pays SB  £120m per year  GBP  100m per year from 2011-04-01
    £35 per   seat per month until 2012-03   scope ICT.Core indexed "RPI"  credit-cap 12% per year }
  kpi Up "Uptime" { owner SB baseline 99.2% "2005/06" target >= 99.5% target >= 99.8% from 2009-04
    credit 2% of Core when < 99.5% credit £ 5k when > 8   hours measured monthly weight 20 }
  body Board "Board" { chair BCC members BCC,SB meets every 3 months escalates-to Leaders }
  body Leaders "Leaders" { chair BCC }
  obligation Rectify "Rectify" { SB , Capita must submit "a plan" to BCC,PSP
    due within 10   working days of Breach }
  obligation Reports "Reports" {
    SB must provide "reports" to BCC
    every 1 month
      from GoLive
      until 2016-03
    endeavours reasonable amount £ 8m
  }
  power Stop "Stop" { BCC can terminate ICT to SB when Breach notice 6 months }
  variation Ext "Extension" { agreed 2010-06 term to 2021-03-31 ends exclusive SB over ICT.Core ends open ICT
    ends Rectify returns ICT.Core to BCC }
}
`;
    assert.equal(formatDocument(messy), `partnership SB "Service Birmingham" {
  term 2006 to 2016-03
  value £ 1bn "Stated value"
  objective "Cut costs"
  calendar scotland
  party BCC "Council" as client
  party Capita "Capita" as supplier
  party SB "SB Ltd" as joint-venture of BCC 19.9%, Capita 80.1%
  party PSP "Partners" as group of BCC, Capita

  scope ICT "ICT" {
    scope Core "Core"
  }

  event Breach "Notice of breach" clause "40.1"
  event GoLive "Go live"

  charge Core "Core charge" {
    BCC pays SB
    £120m per year
    GBP 100m per year from 2011-04-01
    £35 per seat per month until 2012-03
    scope ICT.Core
    indexed "RPI"
    credit-cap 12% per year
  }

  kpi Up "Uptime" {
    owner SB
    baseline 99.2% "2005/06"
    target >= 99.5%
    target >= 99.8% from 2009-04
    credit 2% of Core when < 99.5%
    credit £ 5k when > 8 hours
    measured monthly
    weight 20
  }

  body Board "Board" {
    chair BCC
    members BCC, SB
    meets every 3 months
    escalates-to Leaders
  }

  body Leaders "Leaders" {
    chair BCC
  }

  obligation Rectify "Rectify" {
    SB, Capita must submit "a plan" to BCC, PSP
    due within 10 working days of Breach
  }

  obligation Reports "Reports" {
    SB must provide "reports" to BCC
    every 1 month from GoLive until 2016-03
    endeavours reasonable
    amount £ 8m
  }

  power Stop "Stop" {
    BCC can terminate ICT to SB
    when Breach
    notice 6 months
  }

  variation Ext "Extension" {
    agreed 2010-06
    term to 2021-03-31
    ends exclusive SB over ICT.Core
    ends open ICT
    ends Rectify
    returns ICT.Core to BCC
  }
}
`);
  });

  const files = partnershipFilesUnder(corpusV2);
  it('finds the second version\'s corpus', () => assert.ok(files.length >= 8, corpusV2));
  for (const file of files) {
    it(`formats ${path.relative(corpusV2, file)} idempotently, into a tree of the same shape`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const once = formatDocument(text);
      assert.ok(once !== null, 'the file parses');
      assert.equal(formatDocument(once), once);
      assert.equal(shape(once), shape(text));
    });
  }
});
