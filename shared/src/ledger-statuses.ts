// The words the obligation ledger gives an occurrence of an obligation and a KPI's measurement
// period on a day (ledger.md, "Status on a day"): the server's ledger, the JSON it prints, and
// the pictures of the HTML page and the preview all use these.

export type OccurrenceStatus = 'done' | 'late' | 'overdue' | 'due' | 'due-soon' | 'waived';
export type PeriodStatus = 'met' | 'failed' | 'breached' | 'missing' | 'waived';
