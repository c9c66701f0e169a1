"""hacktrail-pairwise-2 (expo judging by sector, docs/judging-method-pairwise.md "P7. Sectors") for
scripts/recompute-ranking, with nothing but Python 3's standard library. Written from the documentation: the Crowd-BT
pass of hacktrail-pairwise-1 on each sector's comparisons, the sector scores combined with the round's sector
weights, the divergence between PUBLIC and PRIVATE, and the bootstrap drawing every weighted sector's score.

Not run on its own: scripts/recompute-ranking loads it for rounds whose algorithmVersion is hacktrail-pairwise-2 and
passes itself in as `m` (SplitMix64, crowd_bt_update, tie_key, competition_ranks, java_string_order, same, close).
"""
import bisect
import math

PAIRWISE_2 = 'hacktrail-pairwise-2'
SECTORS = ['PUBLIC', 'PRIVATE', 'ACADEMIC', 'CIVIL_SOCIETY']
DIVERGENCE_THRESHOLD = 2.0


def sector_pass(m, ids, ordered, pr):
    """P2 on one sector's comparisons (already in canonical order): (mu, s2, count, judges {id: (a, b, k)}, kept)."""
    index = {c: i for i, c in enumerate(ids)}
    n = len(ids)
    mu, s2, count = [float(pr['mu'])] * n, [float(pr['sigmaSquared'])] * n, [0] * n
    judges, kept = {}, 0
    for c in ordered:
        w, l = index[c['winner']], index[c['loser']]
        a, b, k = judges.get(c['judge'], (float(pr['alpha']), float(pr['beta']), 0))
        a, b, mu[w], s2[w], mu[l], s2[l], same_judge = m.crowd_bt_update(a, b, mu[w], s2[w], mu[l], s2[l],
                                                                         float(pr['kappa']))
        kept += 1 if same_judge else 0
        judges[c['judge']] = (a, b, k + 1)
        count[w] += 1
        count[l] += 1
    return mu, s2, count, judges, kept


def rank_sectors(m, candidates, comparisons, weights, priors, quota, minimum, replicates, seed):
    """hacktrail-pairwise-2 on plain data. comparisons: dicts with id, judge, winner, loser, sequence, sector;
    weights: {sector: W}. Returns (lines, passes {sector: (mu, s2, count, judges, kept)}, per-candidate
    {proposal, divergence, divergent, missingSectors} in id order, comparisons counted, kept)."""
    pr = dict(m.GAVEL, **(priors or {}))
    ids = sorted(candidates, key=m.java_string_order)
    unique = {}
    for c in comparisons:
        unique.setdefault(c['id'], c)
    ordered = sorted(unique.values(), key=lambda c: (int(c['sequence']), m.java_string_order(c['id'])))
    passes = {s: sector_pass(m, ids, [c for c in ordered if c['sector'] == s], pr) for s in SECTORS}
    weighted = [s for s in SECTORS if weights.get(s, 0.0) > 0]
    n = len(ids)
    denominator = 0.0
    for s in weighted:
        denominator += weights[s]
    scores, variances, counts, sufficient, flags = [], [], [], [], []
    for i in range(n):
        numerator, variance, count, missing = 0.0, 0.0, 0, []
        for s in weighted:
            w, (mu, s2, cnt, _, _) = weights[s], passes[s]
            numerator += w * mu[i]
            variance += (w * w) * s2[i]
            count += cnt[i]
            if cnt[i] == 0:
                missing.append(s)
        scores.append(numerator / denominator)
        variances.append(variance / (denominator * denominator))
        counts.append(count)
        sufficient.append(not missing and count >= minimum)
        pub, pri = passes['PUBLIC'], passes['PRIVATE']
        divergence = None
        if pub[2][i] > 0 and pri[2][i] > 0:
            divergence = abs(pub[0][i] - pri[0][i]) / math.sqrt(pub[1][i] + pri[1][i])
        flags.append({'proposal': ids[i], 'divergence': divergence,
                      'divergent': divergence is not None and divergence > DIVERGENCE_THRESHOLD,
                      'missingSectors': missing})
    random = m.SplitMix64(seed)
    sigma = {s: [math.sqrt(v) for v in passes[s][1]] for s in weighted}
    draws = [[] for _ in range(n)]
    for _ in range(replicates):
        replicate = []
        for i in range(n):
            numerator = 0.0
            for s in weighted:
                u1 = ((random.next() >> 11) + 1) * 2.0 ** -53
                u2 = (random.next() >> 11) * 2.0 ** -53
                z = math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)
                numerator += weights[s] * (passes[s][0][i] + sigma[s][i] * z)
            replicate.append(m.tie_key(numerator / denominator))
        for i, r in enumerate(m.competition_ranks(replicate)):
            draws[i].append(r)
    lines = lines_of(m, ids, scores, variances, counts, sufficient, draws, quota, replicates)
    return lines, passes, flags, len(ordered), sum(passes[s][4] for s in SECTORS)


def lines_of(m, ids, scores, variances, counts, sufficient, draws, quota, replicates):
    """P3 and P4 from the scores and the replicate ranks, as for hacktrail-pairwise-1."""
    n = len(ids)
    keys = [m.tie_key(x) for x in scores]
    rank = m.competition_ranks(keys)
    sufficient_keys = sorted(keys[i] for i in range(n) if sufficient[i])
    low, high = (5 * replicates + 99) // 100, (95 * replicates + 99) // 100
    rank_sizes = {}
    for r in rank:
        rank_sizes[r] = rank_sizes.get(r, 0) + 1
    lines = []
    for i in range(n):
        d = sorted(draws[i])
        p5, p95 = d[max(low, 1) - 1], d[max(high, 1) - 1]
        rank_low, rank_high = min(p5, rank[i]), max(p95, rank[i])
        above = len(sufficient_keys) - bisect.bisect_right(sufficient_keys, keys[i])
        inside = sum(1 for r in d if r <= quota)
        lines.append({'proposal': ids[i], 'rank': rank[i], 'score': scores[i], 'variance': variances[i],
                      'comparisons': counts[i], 'sufficientEvidence': sufficient[i], 'tied': rank_sizes[rank[i]] > 1,
                      'inTopN': sufficient[i] and 1 + above <= quota, 'rankLow': rank_low, 'rankHigh': rank_high,
                      'rankP5': p5, 'rankP95': p95, 'replicatesInTopN': inside,
                      'probabilityTopN': (inside + 1.0) / (replicates + 2.0),
                      'straddlesCut': rank_low <= quota < rank_high})
    lines.sort(key=lambda line: (line['rank'], m.java_string_order(line['proposal'])))
    return lines


def recompute_round(m, rnd):
    """Recomputes a published hacktrail-pairwise-2 round: (lines, differences)."""
    params, sectors = rnd['parameters'], rnd.get('sectors') or {}
    weights = {w['sector']: float(w['weight']) for w in sectors.get('weights', [])}
    lines, passes, flags, counted, kept = rank_sectors(
        m, [p['id'] for p in rnd['proposals']], rnd['comparisons'], weights, params.get('priors'),
        int(params['outstandingQuota']), int(params['minimumComparisons']), int(params['bootstrapReplicates']),
        int(params['seed']))
    judges = {(s, j): v for s in SECTORS for j, v in passes[s][3].items()}
    differences, _ = m.compare_pairwise(rnd, lines, {}, counted, kept, judges_checked=False)
    published = {(r.get('sector'), r['judge']): r for r in rnd.get('judgeReliability', [])}
    if sorted(published) != sorted(judges):
        differences.append('judges by sector: published %r, recomputed %r' % (sorted(published), sorted(judges)))
    for key, (a, b, k) in judges.items():
        theirs = published.get(key)
        if theirs and not (m.close(a, theirs['alpha']) and m.close(b, theirs['beta']) and k == theirs['comparisons']):
            differences.append('judge %s in %s: published (%r, %r, %r), recomputed (%r, %r, %r)'
                               % (key[1], key[0], theirs['alpha'], theirs['beta'], theirs['comparisons'], a, b, k))
    for p in sectors.get('passes', []):
        mu, s2, count, _, pass_kept = passes[p['sector']]
        ids = sorted(mu_id['proposal'] for mu_id in p['scores'])
        for i, score in enumerate(sorted(p['scores'], key=lambda x: m.java_string_order(x['proposal']))):
            if not (m.close(mu[i], score['score']) and m.close(s2[i], score['variance'])
                    and count[i] == score['comparisons']):
                differences.append('%s score of %s: published (%r, %r, %r), recomputed (%r, %r, %r)'
                                   % (p['sector'], score['proposal'], score['score'], score['variance'],
                                      score['comparisons'], mu[i], s2[i], count[i]))
        if len(ids) != len(mu) or p['comparisonsCounted'] != sum(count) // 2 or p['judgeUpdatesKept'] != pass_kept:
            differences.append('%s pass: published %d scores, %r comparisons, %r kept; recomputed %d, %d, %d'
                               % (p['sector'], len(ids), p['comparisonsCounted'], p['judgeUpdatesKept'], len(mu),
                                  sum(count) // 2, pass_kept))
    published_flags = sorted(sectors.get('proposals', []), key=lambda x: m.java_string_order(x['proposal']))
    if len(published_flags) != len(flags):
        differences.append('%d proposals with sector flags published, %d recomputed'
                           % (len(published_flags), len(flags)))
    for mine, theirs in zip(flags, published_flags):
        divergence_same = (mine['divergence'] is None and theirs.get('divergence') is None) or (
            mine['divergence'] is not None and m.close(mine['divergence'], theirs.get('divergence')))
        if not (divergence_same and mine['divergent'] == theirs.get('divergent')
                and mine['proposal'] == theirs.get('proposal') and mine['missingSectors'] == theirs.get('missingSectors')):
            differences.append('sectors of %s: published %r, recomputed %r' % (theirs.get('proposal'), theirs, mine))
    return lines, differences
