"""The numpy peer of the matching engine: the same hard constraints, score and order as
Sources/PlacementCore/Matching (Profile.swift, Factor.swift, MatchEngine.swift), vectorised, over the
very arrays the engine scores (written by `placefinder bench --peers`).

Usage: python score_numpy.py DIR RUNS
Prints "numpy median_ms=..." and, per child, "N RANKED id id ..." (the top 50).
"""
import glob
import os
import sys
import time

import numpy as np


def load(path):
    """name (32 bytes) | kind (1 + 7 pad) | count (int64) | values, little-endian; see PeerBenchmark.swift."""
    raw = open(path, "rb").read()
    out, at = {}, 0
    while at < len(raw):
        name = raw[at:at + 32].rstrip(b"\0").decode()
        kind = chr(raw[at + 32])
        count = int.from_bytes(raw[at + 40:at + 48], "little", signed=True)
        at += 48
        out[name] = np.frombuffer(raw, dtype="<f8" if kind == "d" else "<i8", count=count, offset=at).copy()
        at += 8 * count
    return out


def index_arrays(t):
    """The candidates in the engine's native widths (converted once, outside the timing)."""
    x = dict(t)
    for name, dtype in [("availableFrom", np.int32), ("provider", np.int32), ("authority", np.int32),
                        ("fee", np.int32), ("beds", np.int16), ("maxSiblingGroup", np.int16),
                        ("ageMin", np.uint8), ("ageMax", np.uint8), ("genderMask", np.uint8),
                        ("settingBit", np.uint8), ("flags", np.uint8), ("welsh", np.uint8), ("sector", np.uint8)]:
        x[name] = t[name].astype(dtype)
    x["capabilities"] = t["capabilities"].view(np.uint64)
    x["settingIndex"] = np.log2(x["settingBit"]).astype(np.int64)  # trailing zero count of one bit
    x["n"] = len(t["ux"])
    return x


def miles(x, centre, c):
    dx = centre[0] - x["ux"]
    dy = centre[1] - x["uy"]
    dz = centre[2] - x["uz"]
    chord = np.sqrt(dx * dx + dy * dy + dz * dz)
    return 2 * np.arcsin(np.minimum(1.0, chord / 2)) * c[1]


def decay(m, full, half_life):
    return np.where(m <= full, 1.0, np.exp2(-(m - full) / half_life))


def rank(x, r):
    """Reasons for every candidate (the engine's excluded list keeps them), then scores and the order."""
    n, c = x["n"], x["constants"]
    s = r["scalars"]
    needed, emergency, youngest, oldest, gender, setting_mask, group = (int(v) for v in s[:7])
    essential, important, desirable = (np.uint64(v & 0xFFFFFFFFFFFFFFFF) for v in (int(s[7]), int(s[8]), int(s[9])))
    welsh_essential = bool(s[10])
    no_needs, plan_mask, lacks_secure_order, exclude_grade = bool(s[11]), int(s[12]), bool(s[13]), int(s[14])
    flags = x["flags"]
    bits = lambda cond, bit: cond.astype(np.uint32) << np.uint32(bit)
    held = np.zeros(n, bool)
    held[r["heldForGroup"]] = True
    kin = np.zeros(n, bool)
    kin[r["kinshipForGroup"]] = True
    e = bits((flags & 1) == 0, 0)
    e |= bits(((flags & 4) != 0) & (x["holdExpiresAt"] > r["now"][0]) & ~held, 1)
    e |= bits(x["availableFrom"] > needed, 2)
    if emergency:
        e |= bits((flags & 2) == 0, 3)
    not_accepted = (x["settingBit"] & setting_mask) == 0
    e |= bits(not_accepted & ((x["settingBit"] & plan_mask) == 0), 4)
    if lacks_secure_order:
        e |= bits(not_accepted & (x["settingBit"] == 32), 16)  # secure is the sixth setting
    if exclude_grade < 4:
        grade = x["ratingGrade"][x["provider"]]
        e |= bits((grade >= exclude_grade) & (grade < 4), 17)
    e |= bits((x["settingBit"] == x["kinshipBit"][0]) & ~kin, 15)
    e |= bits((youngest < x["ageMin"]) | (oldest > x["ageMax"]), 5)
    e |= bits((np.uint8(gender) & ~x["genderMask"]) != 0, 6)
    e |= bits(x["beds"] < group, 7)
    if group > 1:
        e |= bits(x["maxSiblingGroup"] < group, 8)
    e |= bits((x["capabilities"] & essential) != essential, 9)
    e |= bits(r["avoidedAuthority"].astype(bool)[x["authority"]], 11)
    if welsh_essential:
        e |= bits(x["welsh"] != 2, 13)
    declined = np.zeros(n, bool)
    declined[r["declinedVacancy"]] = True
    if len(r["declinedProvider"]):
        declined |= r["declinedProvider"].astype(bool)[x["provider"]]
    e |= bits(declined, 14)
    measure_first = len(r["minimumMiles"]) > 0 or len(r["avoidAreas"]) > 0
    if measure_first:
        straight_all = miles(x, r["home"], c)
        areas = r["avoidAreas"].reshape(-1, 4)
        for a in areas:
            e |= bits(miles(x, a[:3], c) < a[3], 10)
        if len(r["minimumMiles"]):
            e |= bits(straight_all < r["minimumMiles"][0], 12)

    ok = np.nonzero(e == 0)[0]
    y = {k: x[k][ok] for k in ("ux", "uy", "uz", "capabilities", "authority", "welsh", "provider", "sector",
                               "settingBit", "settingIndex", "confirmedAt", "fee", "idRank")}
    straight = straight_all[ok] if measure_first else miles(y, r["home"], c)
    w = r["scale"]
    total = np.zeros(len(ok))
    tier = r["tiers"][y["authority"]]
    if w[0] > 0:
        met = c[2] * np.bitwise_count(y["capabilities"] & important) + np.bitwise_count(y["capabilities"] & desirable)
        total += w[0] * (met / r["needsPossible"][0] if r["needsPossible"][0] > 0 else (0.0 if no_needs else 1.0))
    if w[1] > 0:
        total += w[1] * decay(straight * c[0], r["decay"][0], r["decay"][2])
    if w[2] > 0:
        total += w[2] * (decay(miles(y, r["school"], c) * c[0], r["decay"][1], r["decay"][2]) if len(r["school"]) else 1.0)
    if w[3] > 0:
        total += w[3] * r["localityScores"][tier]
    if w[4] > 0:
        total += w[4] * r["welshScores"][y["welsh"]]
    if w[5] > 0:
        total += w[5] * x["stability"][y["provider"]]
    if w[6] > 0:
        broke = r["brokeDownWith"].astype(bool)[y["provider"]] if len(r["brokeDownWith"]) else np.zeros(len(ok), bool)
        total += w[6] * np.where(broke, 0.0, 1.0)
    if w[7] > 0:
        total += w[7] * r["sectorScores"][y["sector"]]
    if w[8] > 0:
        total += w[8] * np.where(y["settingBit"] == x["kinshipBit"][0], 1.0, 0.0)
    if w[9] > 0:
        total += w[9] * np.maximum(0.0, 1 - np.maximum(0.0, (r["now"][0] - y["confirmedAt"]) / 86400) / 30)
    if w[10] > 0:
        usual = r["fees"][y["settingIndex"]]
        fee = y["fee"].astype(np.float64)
        total += w[10] * np.where((usual <= 0) | (fee <= usual), 1.0,
                                  np.maximum(0.0, 2 - fee / np.where(usual > 0, usual, 1.0)))
    if w[11] > 0:
        total += w[11] * r["inspectionScores"][x["ratingGrade"][y["provider"]]]
    order = np.lexsort((y["idRank"], tier, straight, -total))
    return e, ok[order]


def main():
    folder, runs = sys.argv[1], int(sys.argv[2])
    x = index_arrays(load(os.path.join(folder, "index.bin")))
    requests = [load(p) for p in sorted(glob.glob(os.path.join(folder, "request-*.bin")))]
    ids = open(os.path.join(folder, "ids.txt")).read().split("\n")
    times = []
    for run in range(runs + 1):
        for r in requests:
            start = time.perf_counter()
            rank(x, r)
            if run > 0:  # the first pass warms up
                times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"numpy median_ms={times[len(times) // 2]:.4f}")
    for n, r in enumerate(requests):
        _, ranked = rank(x, r)
        print(" ".join([str(n), str(len(ranked))] + [ids[i] for i in ranked[:50]]))


if __name__ == "__main__":
    main()
