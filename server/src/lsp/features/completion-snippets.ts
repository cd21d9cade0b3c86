// The snippets completion offers for the statements of each block: a declaration's skeleton
// with its required lines, as client/snippets does for the editor's own snippet list.

import { CALENDARS, ROLES } from '../../core/language/vocabulary';
import { AMOUNT_UNITS } from '../../core/services/cursor-slots';

const choice = (words: readonly string[]): string => words.join(',');

/** By the statement's first word, in a partnership (and the file, for `partnership`). */
export const DECLARATION_SNIPPETS: Readonly<Record<string, string>> = {
  partnership: 'partnership ${1:Name} "${2:Title}" {\n\tterm ${3:2020-04-01} to ${4:2030-03-31}\n\t$0\n}',
  party: `party \${1:Name} "\${2:Full name}" as \${3|${choice(ROLES)}|}`,
  scope: 'scope ${1:Name} "${2:Title}"',
  exclusive: 'exclusive ${1:Holder} over ${2:Scope}',
  obligation: 'obligation ${1:Name} "${2:Title}" {\n\t${3:Party} must ${4:deliver} ${5:Scope}\n\tdue ${6:2025-01-01}\n}',
  permission: 'permission ${1:Name} "${2:Title}" {\n\t${3:Party} may ${4:procure} ${5:Scope}\n}',
  prohibition: 'prohibition ${1:Name} "${2:Title}" {\n\t${3:Party} must not ${4:disclose} "${5:what}"\n}',
  power: 'power ${1:Name} "${2:Title}" {\n\t${3:Party} can ${4:terminate} ${5:Scope} to ${6:OtherParty}\n\twhen ${7:Event}\n\tnotice ${8:6 months}\n}',
  kpi: 'kpi ${1:Name} "${2:Title}" {\n\towner ${3:Party}\n\ttarget >= ${4:99}%\n\tmeasured ${5|monthly,quarterly,yearly|}\n}',
  body: 'body ${1:Name} "${2:Title}" {\n\tchair ${3:Party}\n\tmembers ${4:Party}\n}',
  term: 'term ${1:2020-04-01} to ${2:2030-03-31}',
  event: 'event ${1:Name} "${2:What happens}"',
  charge: `charge \${1:Name} "\${2:Title}" {\n\t\${3:Payer} pays \${4:Payee}\n\t\${5:£1m} per \${6|${choice(AMOUNT_UNITS)}|}\n}`,
  variation: 'variation ${1:Name} "${2:Title}" {\n\tagreed ${3:2020-04-01}\n\t$0\n}',
  value: 'value ${1:£1m} "${2:How the contract states it}"',
  objective: 'objective "${1:What the partnership is for}"',
  calendar: `calendar \${1|${choice(CALENDARS)}|}`,
};

/** A charge's amount line, offered among its statements. */
export const AMOUNT_LINE_SNIPPET = { label: 'amount line', insertText: `\${1:£1m} per \${2|${choice(AMOUNT_UNITS)}|}` };

/** A variation's new end of the term, whose first word `term` is not one of its keywords alone. */
export const TERM_TO_SNIPPET = { label: 'term to', insertText: 'term to ${1:2030-03-31}' };

/** A deadline counted back from the term's last day, offered after `due`. */
export const BEFORE_EXPIRY_SNIPPET = { label: 'before expiry', insertText: '${1:12} ${2|months,weeks,days,working days|} before expiry' };
