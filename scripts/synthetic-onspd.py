#!/usr/bin/env python3
"""Writes a synthetic ONS Postcode Directory CSV for measuring `placefinder import postcodes`.

No real ONSPD copy is needed: the file has ONSPD's 52-column header in its real order, every field
quoted as ONS publishes it, postcodes in the real outward/inward formats (valid for Placefinder's
parser), about a third of rows terminated (`doterm` set), a few without a grid reference
(99.999999 / 0.000000) and pseudo-authorities (L99999999 / M99999999), Welsh areas coded to the
22 principal areas. Deterministic: the same --rows and --seed give the same bytes.

    scripts/synthetic-onspd.py --rows 2700000 -o /tmp/onspd.csv
"""
import argparse
import os
import random
import sys

HEADER = ("pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m,osgrdind,"
          "oshlthau,nhser,ctry,rgn,streg,pcon,eer,teclec,ttwa,pct,itl,statsward,oa01,casward,npark,lsoa01,"
          "msoa01,ur01ind,oac01,oa11,lsoa11,msoa11,wz11,sicbl,bua24,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,"
          "calncv,icb,oa21,lsoa21,msoa21").split(",")

WELSH = ["W06000001", "W06000002", "W06000003", "W06000004", "W06000005", "W06000006", "W06000008",
         "W06000009", "W06000010", "W06000011", "W06000012", "W06000013", "W06000014", "W06000015",
         "W06000016", "W06000018", "W06000019", "W06000020", "W06000021", "W06000022", "W06000023",
         "W06000024"]
# Postcode areas with a rough centre; Welsh areas map to the authorities they mostly cover.
AREAS = [
    ("AB", 57.1, -2.2, "S"), ("AL", 51.75, -0.33, "E"), ("B", 52.48, -1.9, "E"), ("BA", 51.38, -2.36, "E"),
    ("BB", 53.75, -2.48, "E"), ("BD", 53.79, -1.75, "E"), ("BH", 50.72, -1.88, "E"), ("BL", 53.58, -2.43, "E"),
    ("BN", 50.83, -0.14, "E"), ("BR", 51.4, 0.02, "E"), ("BS", 51.45, -2.59, "E"), ("BT", 54.6, -5.93, "N"),
    ("CA", 54.89, -2.93, "E"), ("CB", 52.2, 0.12, "E"), ("CF", 51.48, -3.18, "W"), ("CH", 53.19, -2.89, "E"),
    ("CM", 51.73, 0.47, "E"), ("CO", 51.89, 0.9, "E"), ("CR", 51.37, -0.1, "E"), ("CT", 51.28, 1.08, "E"),
    ("CV", 52.41, -1.51, "E"), ("CW", 53.1, -2.44, "E"), ("DA", 51.44, 0.21, "E"), ("DD", 56.46, -2.97, "S"),
    ("DE", 52.92, -1.48, "E"), ("DG", 55.07, -3.61, "S"), ("DH", 54.78, -1.57, "E"), ("DL", 54.52, -1.55, "E"),
    ("DN", 53.52, -1.13, "E"), ("DT", 50.71, -2.44, "E"), ("DY", 52.51, -2.08, "E"), ("E", 51.52, -0.05, "E"),
    ("EC", 51.52, -0.09, "E"), ("EH", 55.95, -3.19, "S"), ("EN", 51.65, -0.08, "E"), ("EX", 50.72, -3.53, "E"),
    ("FK", 56.0, -3.78, "S"), ("FY", 53.82, -3.05, "E"), ("G", 55.86, -4.25, "S"), ("GL", 51.86, -2.24, "E"),
    ("GU", 51.24, -0.57, "E"), ("HA", 51.58, -0.34, "E"), ("HD", 53.65, -1.78, "E"), ("HG", 54.0, -1.54, "E"),
    ("HP", 51.75, -0.74, "E"), ("HR", 52.06, -2.72, "E"), ("HU", 53.74, -0.33, "E"), ("HX", 53.72, -1.86, "E"),
    ("IG", 51.56, 0.08, "E"), ("IP", 52.06, 1.16, "E"), ("KT", 51.38, -0.3, "E"), ("KY", 56.2, -3.16, "S"),
    ("L", 53.41, -2.98, "E"), ("LA", 54.05, -2.8, "E"), ("LD", 52.24, -3.38, "W"), ("LE", 52.64, -1.13, "E"),
    ("LL", 53.12, -3.8, "W"), ("LN", 53.23, -0.54, "E"), ("LS", 53.8, -1.55, "E"), ("LU", 51.88, -0.42, "E"),
    ("M", 53.48, -2.24, "E"), ("ME", 51.27, 0.52, "E"), ("MK", 52.04, -0.76, "E"), ("N", 51.57, -0.11, "E"),
    ("NE", 54.97, -1.61, "E"), ("NG", 52.95, -1.15, "E"), ("NN", 52.24, -0.9, "E"), ("NP", 51.65, -3.0, "W"),
    ("NR", 52.63, 1.3, "E"), ("NW", 51.55, -0.17, "E"), ("OL", 53.54, -2.12, "E"), ("OX", 51.75, -1.26, "E"),
    ("PA", 55.85, -4.42, "S"), ("PE", 52.57, -0.24, "E"), ("PL", 50.38, -4.14, "E"), ("PO", 50.8, -1.09, "E"),
    ("PR", 53.76, -2.7, "E"), ("RG", 51.45, -0.97, "E"), ("RH", 51.12, -0.19, "E"), ("RM", 51.56, 0.18, "E"),
    ("S", 53.38, -1.47, "E"), ("SA", 51.62, -3.94, "W"), ("SE", 51.48, -0.07, "E"), ("SG", 51.9, -0.2, "E"),
    ("SK", 53.4, -2.15, "E"), ("SL", 51.51, -0.6, "E"), ("SM", 51.36, -0.19, "E"), ("SN", 51.56, -1.78, "E"),
    ("SO", 50.9, -1.4, "E"), ("SP", 51.07, -1.79, "E"), ("SR", 54.9, -1.38, "E"), ("SS", 51.54, 0.71, "E"),
    ("ST", 53.0, -2.18, "E"), ("SW", 51.46, -0.17, "E"), ("SY", 52.7, -2.75, "W"), ("TA", 51.01, -3.1, "E"),
    ("TF", 52.68, -2.45, "E"), ("TN", 51.13, 0.26, "E"), ("TQ", 50.46, -3.53, "E"), ("TR", 50.26, -5.05, "E"),
    ("TS", 54.57, -1.23, "E"), ("TW", 51.45, -0.34, "E"), ("UB", 51.53, -0.45, "E"), ("W", 51.51, -0.2, "E"),
    ("WA", 53.39, -2.59, "E"), ("WC", 51.52, -0.12, "E"), ("WD", 51.66, -0.4, "E"), ("WF", 53.68, -1.5, "E"),
    ("WN", 53.55, -2.63, "E"), ("WR", 52.19, -2.22, "E"), ("WS", 52.59, -1.98, "E"), ("WV", 52.59, -2.13, "E"),
    ("YO", 53.96, -1.08, "E"), ("ZE", 60.15, -1.15, "S"), ("GY", 49.45, -2.54, "L"), ("IM", 54.15, -4.48, "M"),
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


# Real area codes of each nation (fixtures/geo/uk-areas.csv): `import postcodes` refuses a code it does not know.
_AREAS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "geo", "uk-areas.csv")
with open(_AREAS) as _f:
    _CODES = [line.split(",")[0] for line in _f.read().splitlines()[1:] if line]
CODES = {n: [c for c in _CODES if c.startswith(n)] for n in "ESN"}


def authority(rng, nation):
    if nation == "W":
        return rng.choice(WELSH)
    if nation in "SN":
        return rng.choice(CODES[nation])
    if nation == "L":
        return "L99999999"
    if nation == "M":
        return "M99999999"
    return rng.choice(CODES["E"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_700_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout if args.output == "-" else open(args.output, "w", newline="", encoding="utf-8")
    out.write(",".join('"%s"' % h for h in HEADER) + "\r\n")
    # Spread the rows evenly over the areas; each area takes districts 1..n, sectors 0..9, and
    # up to 400 units a sector, as many as it needs.
    per_area = -(-args.rows // len(AREAS))
    units = [a + b for a in INWARD_LETTERS for b in INWARD_LETTERS]
    written = 0
    for area, lat0, long0, nation in AREAS:
        need = min(per_area, args.rows - written)
        district = 1
        while need > 0:
            outward = "%s%d" % (area, district)
            la_code = authority(rng, nation)
            for sector in range(10):
                if need == 0:
                    break
                take = min(need, rng.randint(150, 400))
                for unit in sorted(rng.sample(units, take)):
                    pcds = "%s %d%s" % (outward, sector, unit)
                    pcd = "%-4s%d%s" % (outward, sector, unit)
                    pcd2 = "%-5s%d%s" % (outward, sector, unit)
                    dointr = "%04d%02d" % (rng.randint(1980, 2024), rng.randint(1, 12))
                    terminated = rng.random() < 0.33
                    doterm = "%04d%02d" % (rng.randint(int(dointr[:4]), 2025), rng.randint(1, 12)) if terminated else ""
                    if rng.random() < 0.004:
                        lat, long_ = "99.999999", "0.000000"
                        east, north, grid = "", "", "9"
                    else:
                        lat = "%.6f" % (lat0 + rng.uniform(-0.25, 0.25))
                        long_ = "%.6f" % (long0 + rng.uniform(-0.35, 0.35))
                        east, north, grid = "%d" % rng.randint(100000, 600000), "%07d" % rng.randint(10000, 1200000), "1"
                    country = {"W": "W92000004", "S": "S92000003", "N": "N92000002", "L": "L93000001",
                               "M": "M83000003"}.get(nation, "E92000001")
                    c = la_code[0]
                    n = rng.randint(1, 99999)
                    row = [pcd, pcd2, pcds, dointr, doterm, c + "99999999", c + "99999999", la_code,
                           c + "050%05d" % n, c + "04%06d" % n, "0" if rng.random() < 0.9 else "1", east, north, grid,
                           c + "08000%03d" % (n % 100), c + "40000%03d" % (n % 10), country, c + "12000%03d" % (n % 9),
                           "0", c + "14000%03d" % (n % 650), c + "15000%03d" % (n % 12), c + "09000%03d" % (n % 40),
                           c + "30000%03d" % (n % 230), c + "16000%03d" % (n % 150), c + "08000%03d" % (n % 70),
                           "%02dZZ%02d" % (n % 99, n % 50), c + "0000%04d" % (n % 9999), "%02dUBGA" % (n % 99),
                           c + "99999999", c + "0100%04d" % (n % 9999), c + "0200%04d" % (n % 9999), str(n % 8 + 1),
                           "%d%s%d" % (n % 8 + 1, "ABC"[n % 3], n % 4 + 1), c + "000%05d" % n, c + "010%05d" % n,
                           c + "020%05d" % (n % 9999), c + "340%05d" % n, c + "38000%03d" % (n % 106),
                           c + "63000%03d" % (n % 999), "%s%d" % ("ABCDE"[n % 5], n % 2 + 1),
                           "%d%s%d" % (n % 8 + 1, "abc"[n % 3], n % 4 + 1), lat, long_, c + "37000%03d" % (n % 38),
                           "" if n % 3 else c + "37000%03d" % (n % 38), c + "23000%03d" % (n % 43), str(n % 32844 + 1),
                           c + "99999999", c + "42000%03d" % (n % 42), c + "000%05d" % (n % 99999),
                           c + "011%05d" % (n % 99999), c + "021%05d" % (n % 9999)]
                    out.write(",".join('"%s"' % v for v in row) + "\r\n")
                    need -= 1
                    written += 1
            district += 1
    if out is not sys.stdout:
        out.close()
    assert len(row) == len(HEADER)
    print("wrote %d rows" % written, file=sys.stderr)


if __name__ == "__main__":
    main()
