"""The skips of a published pairwise round, for scripts/recompute-ranking, with nothing but Python 3's standard library.

From format hacktrail-results-6 on, a pairwise round lists only the tables skipped because the team was absent
(reason ABSENT): a skip for a conflict of interest is not published (docs/judging-method-pairwise.md, "Published
pairwise rounds"), and the round's summary.skipCount and each judge's skips count the listed skips. Skips are no
comparisons, so they play no part in the ranking; these checks make sure the file says no more than it should.

Not run on its own: scripts/recompute-ranking loads it for files of format 6 on.
"""


def differences(rnd, file_format):
    """What in the round's skips breaks the rules of its file's format (an empty list when nothing)."""
    found = []
    skips = rnd.get('skips', [])
    for skip in skips:
        if skip.get('reason') != 'ABSENT':
            found.append('skip of %s by %s at %s: reason %r; a file of format %s lists ABSENT skips only'
                         % (skip.get('proposal'), skip.get('judge'), skip.get('at'), skip.get('reason'), file_format))
    counted = (rnd.get('summary') or {}).get('skipCount')
    if counted != len(skips):
        found.append('skips: the summary counts %r, the file lists %d' % (counted, len(skips)))
    per_judge = {}
    for skip in skips:
        per_judge[skip.get('judge')] = per_judge.get(skip.get('judge'), 0) + 1
    for judge in rnd.get('judges', []):
        listed = per_judge.get(judge.get('id'), 0)
        if judge.get('skips') != listed:
            found.append('judge %s: %r skips counted, %d listed' % (judge.get('id'), judge.get('skips'), listed))
    return found
