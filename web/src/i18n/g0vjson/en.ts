// English messages of a project's g0v.json on its page: the last reading of the file and the metadata updates it
// proposes. They load with the project page's follow-up section: see index.ts. zh-TW.ts holds exactly the same keys.
export const g0vJsonEn = {
  'g0vjson.title': 'Updates from g0v.json',
  'g0vjson.intro':
    'The g0v.json in this project’s repository says something different from Hacktrail. Nothing changes until you accept it.',
  'g0vjson.read': 'Read on {date}.',
  'g0vjson.source': 'The file',
  'g0vjson.commit': '(commit {sha}, {date})',
  'g0vjson.gone': 'The repository no longer has a g0v.json.',
  'g0vjson.status': 'The file says its status is “{status}” (shown only: the project’s state comes from its verified outcomes).',
  'g0vjson.problem': 'Problem with g0v.json: {problem}',
  'g0vjson.none': 'Nothing to update: Hacktrail already says what the file says.',
  'g0vjson.field': 'Field',
  'g0vjson.current': 'Now',
  'g0vjson.proposed': 'g0v.json says',
  'g0vjson.empty': '(empty)',
  'g0vjson.decision': 'Decision',
  'g0vjson.accept': 'Accept',
  'g0vjson.dismiss': 'Dismiss',
  'g0vjson.accepted': 'Applied: {field}.',
  'g0vjson.dismissed': 'Dismissed: {field}. It will not be proposed again while the file says the same.',
  'g0vjson.field.NAME_EN': 'Name (English)',
  'g0vjson.field.NAME_ZH': 'Name (Chinese)',
  'g0vjson.field.DESCRIPTION_EN': 'Description (English)',
  'g0vjson.field.DESCRIPTION_ZH': 'Description (Chinese)',
  'g0vjson.field.HOMEPAGE': 'Website',
  'g0vjson.field.THUMBNAIL': 'Picture',
  'g0vjson.field.ISSUE_AREAS': 'Issue areas',
  'g0vjson.description': 'Description',
} as const;

export type G0vJsonMessageKey = keyof typeof g0vJsonEn;
