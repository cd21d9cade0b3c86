// Hover called directly on marked documents: the exact Markdown and the range of the word.
import * as assert from 'node:assert/strict';
import { handleHover } from '../../../../server/out/lsp/features/hover';
import { marked } from '../../helpers/features';

/** The hover's text and range, for one assertion. */
function hover(source: string | Record<string, string>): { value: string; range: unknown; expected: unknown } | null {
  const m = marked(source);
  const answer = handleHover(m.ctx, m.at);
  if (!answer) return null;
  const contents = answer.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  return { value: contents.value, range: answer.range, expected: m.ranges()[0] };
}

describe('hover handler', () => {
  it('describes a party at a reference: title, role and parents, doc comment', () => {
    const h = hover(`partnership P "P" {
  term 2020-01-01 to 2020-12-31
  party C "The council" as client
  /// Runs the services.
  party JV "JV Ltd" as joint-venture of C
  obligation N "N" {
    [|J|V|] must deliver "the work"
  }
}
`)!;
    assert.equal(h.value, '**party** `JV` — JV Ltd\n\nRole: joint-venture of `C`\n\nRuns the services.');
    assert.deepEqual(h.range, h.expected);
  });

  it('describes a KPI with its owner, target, threshold and frequency', () => {
    const h = hover(`partnership P "P" {
  term 2020-01-01 to 2020-12-31
  party A "A Ltd" as supplier
  kpi [|Up|time|] "Availability" {
    owner A
    target >= 99.5%
    threshold >= 98% otherwise "service credit"
    measured monthly
  }
}
`)!;
    assert.equal(h.value, '**KPI** `Uptime` — Availability\n\nOwner: `A`\n\nTarget: at least 99.5%\n\nThreshold: at least 98%, otherwise service credit\n\nMeasured: monthly');
    assert.deepEqual(h.range, h.expected);
  });

  it('describes a scope of an imported file, with its grants, and escapes the document text', () => {
    const h = hover({
      'catalogue.partnership': `partnership Catalogue "Catalogue" {
  term 2006-04-01 to 2030-03-31
  scope ICT "ICT services" {
    /// Run *day* to day.
    scope Core "ICT core <services>" {
      covers "The [website](x)"
    }
  }
}
`,
      'main.partnership': `import "catalogue.partnership"
partnership Main "Main" {
  term 2010-01-01 to 2020-12-31
  party S "S Ltd" as supplier
  exclusive S over Catalogue.ICT.[|Co|re|] clause "2.1"
}
`,
    })!;
    assert.equal(h.value, [
      '**scope** `ICT.Core` — ICT core &lt;services&gt;',
      'Covers:\n- The \\[website\\]\\(x\\)',
      'Exclusive to `S` from 2010-01-01 to 2020-12-31 (clause 2.1)',
      'Run \\*day\\* to day.',
    ].join('\n\n'));
    assert.deepEqual(h.range, h.expected);
  });

  it('describes the partnership at its name, with its term', () => {
    const h = hover('partnership [|Mai|n|] "The *main* contract" {\n  term 2020-01-01 to 2020-12-31\n}\n')!;
    assert.equal(h.value, '**partnership** `Main` — The \\*main\\* contract\n\nTerm: from 2020-01-01 to 2020-12-31');
    assert.deepEqual(h.range, h.expected);
  });

  it('documents a keyword, and says nothing inside a string', () => {
    const h = hover('partnership P "P" {\n  term 2020-01-01 to 2020-12-31\n  party A "A" as client\n  [|ex|clusive|] A over S\n  scope S "S"\n}\n')!;
    assert.match(h.value, /^\*\*exclusive\*\*\n\nAn exclusivity grant: /);
    assert.deepEqual(h.range, h.expected);
    assert.equal(hover('partnership P "P" {\n  term 2020-01-01 to 2020-12-31\n  party A "A Co|uncil" as client\n}\n'), null);
  });

  describe('the second version, in plain words', () => {
    const contract = (body: string): string => `partnership SB "Service Birmingham" {
  term 2006-04-01 to 2021-03-31
  value £1bn "Stated value over *ten* years"
  objective "Transform the council's ICT"
  calendar scotland
  party BCC "Birmingham City Council" as client
  party Capita "Capita plc" as supplier
  party JV "Service Birmingham Ltd" as joint-venture of BCC 19.9%, Capita 80.1%
  party PSP "Partners" as group of BCC, Capita
  scope ICT "ICT" { scope Core "Core" }
  /// The council serves *notice*.
  event Breach "Notice of [material] breach" clause "40.1"
  event GoLive "The new service goes live"
${body}}
`;

    it('gives a norm\'s deadline counted from an event, with the event\'s clause', () => {
      const h = hover(contract(`  obligation [|Rec|tify|] "Rectification plan" {
    JV must submit "a plan" to BCC
    due within 10 working days of Breach
    clause "40.2"
  }
`))!;
      assert.equal(h.value, [
        '**obligation** `Rectify` — Rectification plan',
        'JV must submit "a plan" to BCC',
        'Timing: due within 10 working days of Notice of \\[material\\] breach \\(clause 40.1\\)',
        'Clause: 40.2',
      ].join('\n\n'));
      assert.deepEqual(h.range, h.expected);
    });

    it('gives deadlines before expiry and after start with the day they stand for, and dates as written', () => {
      const timing = (lines: string): string => hover(contract(`  obligation N|x "x" {\n    JV must deliver "x" to BCC\n${lines}  }\n`))!.value.split('\n\n')[2];
      assert.equal(timing('    due 12 months before expiry\n'), 'Timing: due 12 months before expiry \\(2020-03-31\\)');
      assert.equal(timing('    due within 3 months of start\n'), 'Timing: due within 3 months of start \\(2006-07-01\\)');
      assert.equal(timing('    due 2015-11\n'), 'Timing: due by 2015-11');
      assert.equal(timing('    when Breach, GoLive\n'), 'Timing: when Notice of \\[material\\] breach \\(clause 40.1\\) or The new service goes live');
      assert.equal(timing('    every 1 month from GoLive until 2016-03\n'), 'Timing: every 1 month from The new service goes live until 2016-03');
      assert.equal(timing('    from start\n    until expiry\n'), 'Timing: from start until expiry');
      assert.equal(timing('    due within 5 days of Nx\n'), 'Timing: due within 5 days of x being done');
    });

    it('gives an obligation\'s endeavours and amount, and a power\'s notice', () => {
      const savings = hover(contract('  obligation Sa|vings "Savings" {\n    JV must deliver "savings" to BCC\n    endeavours all-reasonable\n    amount £8m\n  }\n'))!;
      assert.deepEqual(savings.value.split('\n\n').slice(1), ['JV must \\(all reasonable endeavours\\) deliver "savings" to BCC', 'Amount: £8m']);
      const power = hover(contract('  power Termi|nate "Terminate" {\n    BCC can terminate ICT.Core to JV\n    when Breach\n    notice 6 months\n  }\n'))!;
      assert.deepEqual(power.value.split('\n\n').slice(1), ['BCC can terminate ICT.Core to JV', 'Timing: when Notice of \\[material\\] breach \\(clause 40.1\\)', 'Notice: 6 months']);
    });

    it('gives an event with its clause, the norms that arise on it and its doc comment', () => {
      const h = hover(contract(`  obligation Rectify "Rectification plan" {
    JV must submit "a plan" to BCC
    due within 10 working days of [|Bre|ach|]
  }
  permission StepIn "Step in" {
    BCC may operate ICT.Core
    from Breach
  }
  obligation Other "Other" {
    JV must report "x" to BCC
    when GoLive
  }
`))!;
      assert.equal(h.value, [
        '**event** `Breach` — Notice of \\[material\\] breach',
        'Clause: 40.1',
        'Arising on it:\n- `Rectify` (Rectification plan): due within 10 working days of Notice of \\[material\\] breach \\(clause 40.1\\)\n- `StepIn` (Step in): from Notice of \\[material\\] breach \\(clause 40.1\\)',
        'The council serves \\*notice\\*.',
      ].join('\n\n'));
      assert.deepEqual(h.range, h.expected);
      assert.match(hover(contract('  event Fl|ood "A flood"\n'))!.value, /No norm arises on it\.$/);
    });

    it('gives a charge\'s payer and payee, fixed amounts apart from rates, indexation, cap and scope', () => {
      const h = hover(contract(`  charge Co|re "Core charge" {
    BCC pays JV
    £120m per year
    £100m per year from 2011-04-01
    EUR 35 per seat per month
    scope ICT.Core
    indexed "RPI each April"
    credit-cap 12% per year
  }
`))!;
      assert.equal(h.value, [
        '**charge** `Core` — Core charge',
        'Paid: BCC → JV',
        'Fixed charges:\n- £120m a year\n- £100m a year from 2011-04-01',
        'Rate: EUR 35 per seat per month',
        'Scope: `ICT.Core`',
        'Indexed: RPI each April',
        'Credits capped at 12% of the charge a year',
      ].join('\n\n'));
    });

    it('gives a KPI\'s targets over time, baseline, credits and weight', () => {
      const h = hover(contract(`  charge Core "Core charge" { BCC pays JV  £120m per year }
  kpi Av|ail "Availability" {
    owner JV
    baseline 99.2% "measured in 2005/06"
    target >= 99.5%
    target >= 99.8% from 2009-04
    credit 2% of Core when < 99.5%
    credit £5k when > 8 hours
    measured every 2 weeks
    weight 20
  }
`))!;
      assert.equal(h.value, [
        '**KPI** `Avail` — Availability',
        'Owner: `JV`',
        'Baseline: 99.2% (measured in 2005/06)',
        'Targets:\n- at least 99.5%\n- at least 99.8% from 2009-04',
        'Service credits (the largest that applies):\n- 2% of Core charge when below 99.5%\n- £5k when above 8 hours',
        'Measured: every 2 weeks',
        'Weight: 20',
      ].join('\n\n'));
    });

    it('gives a body\'s meetings, escalation and approvals', () => {
      const h = hover(contract(`  body Bo|ard "Board" {
    chair BCC
    members BCC, JV
    meets every 3 months
    escalates-to Leaders
    approves ICT above £200k
  }
  body Leaders "Leaders' meeting" { chair BCC }
`))!;
      assert.deepEqual(h.value.split('\n\n').slice(3), ['Meets every 3 months', 'Escalates to `Leaders` (Leaders\' meeting)', 'Approves: ICT above £200k']);
    });

    it('gives a variation\'s dates and its changes in words', () => {
      const h = hover(contract(`  exclusive JV over ICT.Core
  open ICT
  obligation Run "Run the core" { JV must deliver ICT.Core to BCC }
  variation Mo|ve "The core moves" {
    agreed 2017-12-15
    effective 2018-04-01
    term to 2021-03-31
    ends exclusive JV over ICT.Core
    ends open ICT
    ends Run
    returns ICT.Core to BCC
  }
`))!;
      assert.equal(h.value, [
        '**variation** `Move` — The core moves',
        'Varies this partnership',
        'Agreed 2017-12-15, effective 2018-04-01',
        'Changes:\n- the term ends on 2021-03-31\n- ends the exclusivity of JV over ICT.Core\n- ends ICT being open to the market\n- ends Run \\(Run the core\\)\n- returns ICT.Core to BCC \\(the scope leaves the contract\\)',
      ].join('\n\n'));
    });

    it('gives group members, shares, and the partnership\'s value, objectives and calendar', () => {
      assert.equal(hover(contract('  obligation N "N" { P|SP must deliver "x" }\n'))!.value, '**party** `PSP` — Partners\n\nRole: group\n\nMembers: `BCC`, `Capita`');
      assert.equal(hover(contract('  obligation N "N" { J|V must deliver "x" }\n'))!.value, '**party** `JV` — Service Birmingham Ltd\n\nRole: joint-venture of `BCC` 19.9%, `Capita` 80.1%');
      assert.equal(hover(contract('').replace('partnership SB', 'partnership S|B'))!.value, [
        '**partnership** `SB` — Service Birmingham',
        'Term: from 2006-04-01 to 2021-03-31',
        'Value: £1bn (Stated value over \\*ten\\* years)',
        'Objective: Transform the council\'s ICT',
        'Working days: scotland calendar',
      ].join('\n\n'));
    });
  });
});
