"""python run.py --seed N : the per-tactic table for one seed (20 spam senders a tactic, 1,000 ordinary users)."""
import argparse
import collections
import statistics
import time

from tests.redteam30.sim import TACTICS, run_seed
from tests.redteam30.waysback import STYLES

ap = argparse.ArgumentParser()
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--per-tactic", type=int, default=20)
ap.add_argument("--ham", type=int, default=1000)
ap.add_argument("--informed", action="store_true", help="extra rows: senders whose ways back are only spellings probe.py found unread")
ap.add_argument("--detail", action="store_true", help="list every spam sender that reached more than 4 strangers")
a = ap.parse_args()
t = time.time()
# spellings that got through to all 6 strangers for 3 of 3 senders in probe.py (seed 1)
UNREAD = {"blue_plane", "insta", "the_gram", "camera_emoji", "kik_caps", "dc_abbrev", "of_abbrev", "promo_code",
          "skype", "x_separators", "pfp", "bio_spelled", "lnk_n_b10", "top_of_page", "qr_pic", "qr_spelled", "type_kw",
          "dm_back", "emoji_reply", "app_store", "slash_dot"}
pool = [s for s in STYLES if s[1] in UNREAD]
extra = [(f"{t}+unread", t, pool) for t in ("spun", "rotating", "groups", "split", "slow", "short")] if a.informed else []
spammers, hams = run_seed(a.seed, a.per_tactic, a.ham, extra=extra)
LABELS = TACTICS + [e[0] for e in extra]
print(f"seed {a.seed}: {len(spammers)} spam senders, {len(hams)} ordinary users, {time.time()-t:.0f}s")
print(f"{'tactic':<16}{'contained':>10}{'reached/day mean':>17}{'max':>5}  {'with way back: held<=4':>22}{'mean':>6}{'max':>5}   corpus/family contained   top refusal codes")
for tac in LABELS:
    ss = [s for s in spammers if s.label == tac]
    n = [len(s.reached) for s in ss]
    m = [len(s.armed) for s in ss]
    c = sum(x <= 4 for x in n) / len(n)
    cw = sum(x <= 4 for x in m) / len(m)
    cc = [len(s.reached) <= 4 for s in ss if s.source == "corpus"]
    cf = [len(s.reached) <= 4 for s in ss if s.source == "family"]
    codes = collections.Counter()
    for s in ss:
        codes.update(s.codes)
    print(f"{tac:<16}{c:>9.0%}{statistics.mean(n):>17.1f}{max(n):>5}  {cw:>22.0%}{statistics.mean(m):>6.1f}{max(m):>5}   {sum(cc)/len(cc):>8.0%} / {sum(cf)/len(cf):<8.0%}      {dict(codes.most_common(3))}")
rs = [h for h in hams if h.refused_spam]
co = [h for h in hams if h.cooled]
pop = collections.Counter(h.kind for h in hams)
rk = collections.Counter(h.kind for h in rs)
ck = collections.Counter(h.kind for h in co)
print(f"ham: refused by a spam rule {len(rs)} of {len(hams)} ({len(rs)/len(hams):.1%}); cooled down {len(co)} ({len(co)/len(hams):.1%})")
for k in sorted(pop):
    rules = collections.Counter()
    for h in rs:
        if h.kind == k:
            rules.update(h.codes)
    print(f"   {k:<18} {pop[k]:>4} users: refused {rk[k]:>3}, cooled {ck[k]:>3}  {dict(rules.most_common(4)) if rules else ''}")
if a.detail:
    for s in spammers:
        if len(s.reached) > 4:
            print(f"  ESCAPE {s.label:<12} {s.family:<9} reached={len(s.reached):>3} with way back={len(s.armed):>3} styles={[x[1] for x in s.styles]} codes={s.codes}")
fam = collections.defaultdict(lambda: [0, 0, 0, 0])
for s in spammers:
    k = fam[s.family]
    if s.label in TACTICS:
        k[0] += 1
        k[1] += len(s.reached) <= 4
    else:
        k[2] += 1
        k[3] += len(s.reached) <= 4
print("contained by family (the nine tactics | the +unread rows):",
      ", ".join(f"{f} {v[1]}/{v[0]}" + (f" | {v[3]}/{v[2]}" if v[2] else "") for f, v in sorted(fam.items())))
