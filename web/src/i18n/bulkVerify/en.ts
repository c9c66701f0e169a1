// English messages of verification by selection (by import, by filter) on the organizers' verify page. They load with
// that page: see index.ts. zh-TW.ts holds exactly the same keys.
export const bulkVerifyEn = {
  'bulkSelect.title': 'Verify by import or by filter',
  'bulkSelect.hint':
    'Choose the pending milestones of one import, or those a filter matches, see how many there are, and verify them with one decision. Rejected milestones are never included.',
  'bulkSelect.by': 'Choose',
  'bulkSelect.byImport': 'By import',
  'bulkSelect.byFilter': 'By filter',
  'bulkSelect.import': 'Import',
  'bulkSelect.importHint': 'A restarted import is the same import: its milestones are chosen together.',
  'bulkSelect.importChoose': 'Choose an import',
  'bulkSelect.importOption': '{file} · run {run} · {when} · {n, plural, =0 {nothing pending} one {# pending} other {# pending}}',
  'bulkSelect.importRun': 'Import run {run}',
  'bulkSelect.verifyThisImport': 'Verify the milestones of this import',
  'bulkSelect.uploadedFile': 'Uploaded file',
  'bulkSelect.importAuthoritative': ' (authoritative source)',
  'bulkSelect.noImports': 'No outcome import yet.',
  'bulkSelect.type': 'Type',
  'bulkSelect.anyType': 'Any type',
  'bulkSelect.agency': 'Agency contains',
  'bulkSelect.hackathon': 'Hackathon',
  'bulkSelect.hackathonHint': 'Milestones of the projects pitched there.',
  'bulkSelect.anyHackathon': 'Any hackathon',
  'bulkSelect.from': 'Dated from',
  'bulkSelect.to': 'Dated to',
  'bulkSelect.filterHint': 'Give at least one: a type, an agency, a hackathon or a date.',
  'bulkSelect.preview': 'Count the matching milestones',
  'bulkSelect.count': '{n, plural, =0 {No pending milestone matches.} one {# pending milestone matches.} other {# pending milestones match.}}',
  'bulkSelect.first': 'The first of them:',
  'bulkSelect.overLimit': 'One decision verifies at most {limit}. Narrow the selection.',
  'bulkSelect.note': 'Note for every milestone verified',
  'bulkSelect.verify': '{n, plural, one {Verify # milestone} other {Verify # milestones}}',
  'bulkSelect.confirmText':
    '{n, plural, one {The # pending milestone you counted becomes public and counts in the public statistics.} other {The # pending milestones you counted become public and count in the public statistics.}} If the selection has changed since you counted, nothing is verified.',
  'bulkSelect.confirm': 'Verify them',
  'bulkSelect.cancel': 'Cancel',
  'bulkSelect.done': '{verified, plural, one {# milestone verified.} other {# milestones verified.}}',
  'bulkSelect.doneSome': '{verified} verified; {unchanged} had been decided by someone else meanwhile and were left as they were.',
  'bulkSelect.changed':
    'The selection now matches {count} pending milestones, not the {expectedCount} you counted: someone recorded, changed or decided milestones since. Nothing was verified; count them again.',
  'bulkSelect.tooLarge': 'The selection matches {count} pending milestones; one decision verifies at most {limit}. Nothing was verified; narrow it.',
  'bulkSelect.countAgain': 'Count again',
} as const;

export type BulkVerifyMessageKey = keyof typeof bulkVerifyEn;
