// Finding a person to invite, the invitation link's QR code, and submitting a proposal from the top of its page
// (issue 17). A block of its own, spread into ../en.ts, so that it merges apart from other work on the catalogs.
export const peopleEn = {
  'team.findPerson': 'Find the person',
  'team.findPersonHint':
    'Type at least 2 characters of their name, or their whole email address. Anyone who has signed in to Hacktrail can be found; email addresses are never shown.',
  'team.searchTooShort': 'Type at least 2 characters.',
  'team.searching': 'Searching…',
  'team.noMatches': 'Nobody found for “{text}”.',
  'team.matchesLabel': 'People found',
  'team.choose': 'Choose',
  'team.choosePerson': 'Choose {name}',
  'team.matchedByEmail': 'email address matches',
  'team.alreadyMember': 'already in the team',
  'team.alreadyInvited': 'already invited',
  'team.chosenPerson': 'Inviting: {name}',
  'team.changePerson': 'Choose someone else',
  'team.error.choosePerson': 'Find and choose the person to invite.',
  'team.linkQr': 'QR code of the invitation link',
  'team.linkQrHint': 'The person can scan this code from your screen to open the link.',
  'team.linkQrLoading': 'Drawing the QR code…',
  'proposal.submitBarDraft': 'This proposal is a draft: only you and the organizers see it.',
  'proposal.submitConfirmTitle': 'Submit this proposal?',
  'proposal.submitConfirmText':
    'Once submitted, “{title}” is public for {hackathon} and the organizers consider it. You can still edit it, or withdraw it.',
  'proposal.submitConfirm': 'Submit',
  'proposal.submitted': 'Submitted: the proposal is now public.',
} as const;
